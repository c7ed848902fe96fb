// What Clerk's Frontend API records of a browser from its User-Agent header (a session's `latest_activity`), so the
// emulator names the browser that really asks: "Chrome 156.0.0.0" on Chromium 156, "Firefox 153.0" on Firefox 153.
import type { EmulatorActivity } from '../emulator-protocol.js';

export type BrowserActivity = Pick<EmulatorActivity, 'browserName' | 'browserVersion' | 'deviceType' | 'isMobile'>;

/** Most specific first: Edge, Opera and Samsung Internet also say "Chrome"; Chrome also says "Safari". */
const BROWSERS: Array<[name: string, version: RegExp]> = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/([\d.]+)/],
  ['Opera', /\b(?:OPR|OPT)\/([\d.]+)/],
  ['Samsung Internet', /\bSamsungBrowser\/([\d.]+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/([\d.]+)/],
  ['Chrome', /\b(?:Chrome|CriOS)\/([\d.]+)/],
  ['Safari', /\bVersion\/([\d.]+)(?: Mobile\/\w+)? Safari\//],
];

/** The device, as Clerk names it, from the platform part of the User-Agent. */
const DEVICES: Array<[deviceType: string, platform: RegExp]> = [
  ['iPhone', /\biPhone\b/],
  ['iPad', /\biPad\b/],
  ['Android', /\bAndroid\b/],
  ['Macintosh', /\bMacintosh\b/],
  ['Windows', /\bWindows\b/],
  ['Chromebook', /\bCrOS\b/],
  ['Linux', /\b(?:Linux|X11)\b/],
];

/**
 * The browser's name and version, its device type and whether it is mobile, from a User-Agent header; `undefined` when
 * it names no browser the emulator knows (Node, curl, a bot).
 */
export function browserFromUserAgent(userAgent: string | undefined): BrowserActivity | undefined {
  if (!userAgent || !userAgent.startsWith('Mozilla/')) return undefined;
  for (const [browserName, pattern] of BROWSERS) {
    const version = pattern.exec(userAgent)?.[1];
    if (!version) continue;
    const deviceType = DEVICES.find(([, platform]) => platform.test(userAgent))?.[0] ?? null;
    const isMobile = /\bMobi|\biPhone\b|\biPad\b|\bAndroid\b/.test(userAgent);
    return { browserName, browserVersion: version, deviceType, isMobile };
  }
  return undefined;
}
