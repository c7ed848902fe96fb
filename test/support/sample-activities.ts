// Where and how sample devices were last used (clerk-js `SessionActivity`), for the fake Clerk and the emulator alike.
// Tests assert these strings: change a value and its expectations with it.

export const IPHONE = {
  browserName: 'Safari',
  browserVersion: '17.1',
  deviceType: 'iPhone',
  isMobile: true,
  ipAddress: '203.0.113.7',
  city: 'Berlin',
  country: 'DE',
};
export const MAC = {
  browserName: 'Firefox',
  browserVersion: '133.0',
  deviceType: 'Macintosh',
  isMobile: false,
  ipAddress: '198.51.100.4',
  city: 'Oslo',
  country: 'NO',
};
/** Clerk knows nothing of it: every fallback of a row. */
export const UNKNOWN = {
  browserName: null,
  browserVersion: null,
  deviceType: null,
  isMobile: false,
  ipAddress: null,
  city: null,
  country: null,
};
/** Another phone, for the real clerk-js scenarios (last active an hour ago there). */
export const PHONE = {
  browserName: 'Safari',
  browserVersion: '18.2',
  deviceType: 'iPhone',
  isMobile: true,
  ipAddress: '203.0.113.7',
  city: 'Lyon',
  country: 'FR',
};
/**
 * This page's own session in the real clerk-js scenarios. It names its browser, so the emulator does not take it from
 * the engine's User-Agent (it would differ per engine and version).
 */
export const HERE = {
  browserName: 'Chrome',
  browserVersion: '140.0.0.0',
  deviceType: 'Linux',
  isMobile: false,
  city: 'Berlin',
  country: 'DE',
};
