import type { ClerkLike, ClerkSessionWithActivities, ClerkUser } from '../../clerk/clerk.js';
import { DevicesUnavailableError } from '../../contract/errors.js';

/**
 * Reading the signed-in user's devices. Each device is one of the user's sessions on some client (Clerk's
 * `user.getSessions()`, `GET /v1/me/sessions/active`).
 */

/** One device where the user is signed in: its session and what Clerk knows about where it was last used. */
export interface Device {
  readonly sessionId: string;
  /** The session of this page ("This device"). */
  readonly current: boolean;
  /** `active`, or `pending` (signed in, with a task left). */
  readonly status: string;
  readonly lastActiveAt: Date | null;
  readonly browserName: string | null;
  readonly browserVersion: string | null;
  /** As Clerk reports it, e.g. `Macintosh`, `iPhone`; `null` when unknown. */
  readonly deviceType: string | null;
  readonly isMobile: boolean;
  readonly ipAddress: string | null;
  readonly city: string | null;
  /** As Clerk reports it (a country code, e.g. `DE`). */
  readonly country: string | null;
}

/** The clerk-js session behind each device `listDevices` returned (out of `Device`: only the revoke flow revokes). */
export const sessionOf = new WeakMap<Device, ClerkSessionWithActivities>();

/** Session statuses that mean signed in: `active`, or `pending` (signed in, with a task left). */
export const SIGNED_IN = new Set(['active', 'pending']);

/**
 * The user's devices, read fresh from the Frontend API: this device first, then the most recently active. Throws
 * `DevicesUnavailableError` when Clerk could not list them: clerk-js 6.40 resolves `[]` on any failure (and a real answer
 * always holds this device's session), so an answer without this device's session is taken for "could not load".
 *
 * @example
 * ```ts
 * import { listDevices } from 'clerk-sign-out-elements';
 *
 * const devices = await listDevices(document.querySelector('clerk-provider')!.state.clerk);
 * const others = devices.filter((device) => !device.current);
 * ```
 */
export async function listDevices(clerk: ClerkLike | undefined): Promise<Device[]> {
  const user = clerk?.user;
  const currentId = clerk?.session?.id;
  if (!user || !currentId || typeof user.getSessions !== 'function') throw new DevicesUnavailableError();
  let read: ClerkSessionWithActivities[];
  try {
    read = await readFresh(user);
  } catch (error) {
    throw new DevicesUnavailableError({ cause: error });
  }
  const signedIn = (Array.isArray(read) ? read : []).filter((session) => SIGNED_IN.has(session.status));
  if (!signedIn.some((session) => session.id === currentId)) throw new DevicesUnavailableError();
  return signedIn.map((session) => toDevice(session, currentId)).sort(byCurrentThenRecent);
}

/**
 * clerk-js keeps the first answer of `getSessions()` on the User object (`cachedSessionsWithActivities`), a failure's
 * `[]` included, and serves it from then on: forget it before reading, and after, so no stale list outlives this read.
 */
async function readFresh(user: ClerkUser): Promise<ClerkSessionWithActivities[]> {
  const cached = user as { cachedSessionsWithActivities?: unknown };
  if ('cachedSessionsWithActivities' in cached) cached.cachedSessionsWithActivities = null;
  try {
    return await user.getSessions!();
  } finally {
    if ('cachedSessionsWithActivities' in cached) cached.cachedSessionsWithActivities = null;
  }
}

function toDevice(session: ClerkSessionWithActivities, currentId: string | undefined): Device {
  const activity = session.latestActivity ?? {};
  const lastActiveAt =
    session.lastActiveAt instanceof Date && !Number.isNaN(session.lastActiveAt.getTime()) ? session.lastActiveAt : null;
  const device: Device = Object.freeze({
    sessionId: session.id,
    current: session.id === currentId,
    status: session.status,
    lastActiveAt,
    browserName: text(activity.browserName),
    browserVersion: text(activity.browserVersion),
    deviceType: text(activity.deviceType),
    isMobile: activity.isMobile === true,
    ipAddress: text(activity.ipAddress),
    city: text(activity.city),
    country: text(activity.country),
  });
  sessionOf.set(device, session);
  return device;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

function byCurrentThenRecent(a: Device, b: Device): number {
  if (a.current !== b.current) return a.current ? -1 : 1;
  const at = (device: Device) => device.lastActiveAt?.getTime() ?? -Infinity;
  return at(b) - at(a) || a.sessionId.localeCompare(b.sessionId);
}
