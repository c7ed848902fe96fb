import type { Device } from './list.js';

/**
 * What a row shows, with the fallbacks of Clerk's own "Active devices" list: the device type (else "Mobile device" /
 * "Desktop device"), the browser and its version (else "Web browser"), and "City, Country" (`null` when unknown).
 *
 * @example
 * ```ts
 * import { describeDevice, listDevices } from 'clerk-sign-out-elements';
 *
 * for (const device of await listDevices(clerk)) {
 *   const { name, browser, location } = describeDevice(device); // "iPhone", "Safari 17.1", "Berlin, DE"
 *   console.log([name, browser, location].filter(Boolean).join(' · '));
 * }
 * ```
 */
export function describeDevice(device: Device): { name: string; browser: string; location: string | null } {
  return {
    name: device.deviceType ?? (device.isMobile ? 'Mobile device' : 'Desktop device'),
    browser: [device.browserName, device.browserVersion].filter(Boolean).join(' ') || 'Web browser',
    location: [device.city, device.country].filter(Boolean).join(', ') || null,
  };
}

const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/**
 * "3 hours ago", "yesterday", "now" (in `locale`, default the browser's); `null` when the time is unknown.
 *
 * @example
 * ```ts
 * import { relativeTime } from 'clerk-sign-out-elements';
 *
 * relativeTime(new Date(Date.now() - 3 * 3600_000)); // "3 hours ago"
 * relativeTime(device.lastActiveAt, Date.now(), 'fr'); // "il y a 5 minutes"
 * ```
 */
export function relativeTime(date: Date | null, now: number = Date.now(), locale?: string): string | null {
  if (!date) return null;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const elapsed = date.getTime() - now;
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(elapsed) >= size) return format.format(Math.round(elapsed / size), unit);
  }
  return format.format(0, 'second');
}
