import { hasClerkUi, type ClerkLike, type ClerkSessionWithActivities, type ClerkUser } from '../../clerk/clerk.js';
import type { ClerkState } from '../../clerk/context.js';
import {
  ConfigurationError,
  DevicesUnavailableError,
  DeviceSignOutNotConfirmedError,
  ReverificationRequiredError,
  toError,
} from '../../contract/errors.js';
import { DeviceSignedOutEvent, DeviceSignOutEvent, SignOutErrorEvent } from '../../contract/events.js';
import { isBusy, runExclusive } from '../in-flight.js';

/**
 * THE flow for the signed-in user's other devices ("Sign out of device", "Sign out of all other devices"), shared by
 * every element that offers it: read the devices (`listDevices`), then sign some out (`revokeDevices`).
 *
 * Each device is one of the user's sessions on some client (Clerk's `user.getSessions()`, `GET /v1/me/sessions/active`);
 * signing a device out is revoking that session (`session.revoke()`, `POST /v1/me/sessions/{id}/revoke`). This device
 * is never signed out here: that is `signOut()` (src/sign-out.ts).
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

/** The clerk-js object behind each listed device (kept out of `Device`, so only this flow revokes). */
const sessionOf = new WeakMap<Device, ClerkSessionWithActivities>();

const SIGNED_IN = new Set(['active', 'pending']);

/**
 * The user's devices, read fresh from the Frontend API: this device first, then the most recently active. Throws
 * `DevicesUnavailableError` when Clerk could not list them: clerk-js 6.40 resolves `[]` on any failure (and a real answer
 * always holds this device's session), so an answer without this device's session is taken for "could not load".
 */
export async function listDevices(clerk: ClerkLike | undefined): Promise<Device[]> {
  const user = clerk?.user;
  const currentId = clerk?.session?.id;
  if (!user || !currentId || typeof user.getSessions !== 'function') throw new DevicesUnavailableError();
  let sessions: ClerkSessionWithActivities[];
  try {
    sessions = await readFresh(user);
  } catch (error) {
    throw new DevicesUnavailableError({ cause: error });
  }
  const signedIn = (Array.isArray(sessions) ? sessions : []).filter((session) => SIGNED_IN.has(session.status));
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

/**
 * What a row shows, with the fallbacks of Clerk's own "Active devices" list: the device type (else "Mobile device" /
 * "Desktop device"), the browser and its version (else "Web browser"), and "City, Country" (`null` when unknown).
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

/** "3 hours ago", "yesterday", "now" (in `locale`, default the browser's); `null` when the time is unknown. */
export function relativeTime(date: Date | null, now: number = Date.now(), locale?: string): string | null {
  if (!date) return null;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const elapsed = date.getTime() - now;
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(elapsed) >= size) return format.format(Math.round(elapsed / size), unit);
  }
  return format.format(0, 'second');
}

/** What the app answers when Clerk asks for reverification: `true` once the user reverified (the request is sent again). */
export type Reverify = (context: ReverifyContext) => Promise<boolean>;

export interface ReverifyContext {
  readonly clerk: ClerkLike;
  readonly error: ReverificationRequiredError;
  /** The sessions not signed out yet, the one Clerk refused first. */
  readonly sessionIds: readonly string[];
}

export interface RevokeDevicesRequest {
  /** Where the events are dispatched (the element the user activated). */
  readonly host: HTMLElement;
  readonly state: ClerkState;
  /** The devices to sign out, by session id, or `others`: every device of the user but this one. */
  readonly sessionIds: readonly string[] | 'others';
  /**
   * The list the caller shows (what `listDevices` returned). Without it the flow reads the list first (one GET, before
   * `device-sign-out`); with it, nothing at all is sent before `device-sign-out`.
   */
  readonly devices?: readonly Device[];
  /** Called once `device-sign-out` was not vetoed, right before the first revocation is sent (show the busy state). */
  readonly onStart?: () => void;
  /**
   * Called when Clerk answers 403 `session_reverification_required`, while the flow is still in flight. Resolve `true`
   * once the user reverified: the refused revocation is sent once more, then the rest. Resolve `false` (or leave it out)
   * and the flow ends with a `sign-out-error` carrying `ReverificationRequiredError`; nothing is retried on its own.
   */
  readonly reverify?: Reverify;
}

/** `busy`: another action on the same Clerk is in flight, so nothing was sent. `failed`: a device is still signed in. */
export type RevokeDevicesOutcome = 'signed-out' | 'cancelled' | 'failed' | 'busy' | 'nothing-to-do';

export interface RevokeDevicesResult {
  readonly outcome: RevokeDevicesOutcome;
  readonly error?: Error;
  /** Signed out (the Frontend API confirmed it). */
  readonly revokedIds: readonly string[];
  /** Asked for and still signed in (or not known to be signed out). */
  readonly stillSignedInIds: readonly string[];
  /** The list read after the revocations (this device first), when Clerk answered it: show it. */
  readonly devices?: readonly Device[];
}

interface RevokePlan {
  readonly sessions: ReadonlyArray<{ id: string; session: ClerkSessionWithActivities }>;
  readonly userId: string | null;
}

/**
 * THE device sign-out: `device-sign-out` (cancelable, before any revocation is sent) → one revocation at a time, as the
 * one action in flight on this Clerk → the list read again → `device-signed-out` naming the sessions really gone, and
 * `sign-out-error` (`detail.sessionIds`: the ones still signed in) when any is left. A session the Frontend API no longer
 * lists counts as signed out, however that happened (a 401 because another device had just revoked it is no failure).
 * Nothing is retried on its own; a reverification request is sent again only when `reverify` says the user reverified.
 */
export async function revokeDevices(request: RevokeDevicesRequest): Promise<RevokeDevicesResult> {
  const { host, state } = request;
  const clerk = state.clerk;
  const nothing = { revokedIds: [], stillSignedInIds: [] };
  if (!clerk || state.status !== 'ready' || !host.isConnected || !clerk.user || !clerk.session) {
    return { outcome: 'nothing-to-do', ...nothing };
  }
  if (isBusy(clerk)) return { outcome: 'busy', ...nothing };
  const asked = request.sessionIds === 'others' ? null : [...new Set(request.sessionIds)];
  if (asked?.length === 0) return { outcome: 'nothing-to-do', ...nothing };

  // The list the plan is checked against: the caller's, or read now (as the one action in flight, so that N fast clicks
  // read once and sign out once).
  // A list read for another session (the user switched accounts since) is not this user's: read it again.
  let devices = request.devices?.some((device) => device.current && device.sessionId === clerk.session?.id)
    ? request.devices
    : undefined;
  if (!devices) {
    try {
      devices = await runExclusive(clerk, 'revoke-devices', () => listDevices(clerk));
    } catch (error) {
      return fail(host, toError(error), asked ?? [], [], undefined);
    }
  }
  let plan: RevokePlan;
  try {
    plan = planRevocation(host, clerk, devices, asked);
  } catch (error) {
    return fail(host, toError(error), asked ?? [], [], undefined);
  }
  if (plan.sessions.length === 0) return { outcome: 'nothing-to-do', ...nothing };
  const ids = plan.sessions.map(({ id }) => id);

  // The veto comes before the flight: a listener may cancel, then start the sign-out itself (e.g. after confirm()).
  if (!host.dispatchEvent(new DeviceSignOutEvent({ sessionIds: ids, userId: plan.userId }))) {
    return { outcome: 'cancelled', ...nothing };
  }
  if (isBusy(clerk)) return { outcome: 'busy', ...nothing };
  request.onStart?.();
  const outcome = await runExclusive(clerk, 'revoke-devices', () => revokeEach(clerk, plan, request.reverify));

  const target = host.isConnected ? host : document;
  if (outcome.revokedIds.length)
    target.dispatchEvent(new DeviceSignedOutEvent({ sessionIds: outcome.revokedIds, userId: plan.userId }));
  if (outcome.stillSignedInIds.length) {
    const error = outcome.error ?? new DeviceSignOutNotConfirmedError();
    return fail(host, error, outcome.stillSignedInIds, outcome.revokedIds, outcome.devices);
  }
  return { outcome: 'signed-out', revokedIds: outcome.revokedIds, stillSignedInIds: [], devices: outcome.devices };
}

function planRevocation(
  host: HTMLElement,
  clerk: ClerkLike,
  devices: readonly Device[],
  asked: string[] | null,
): RevokePlan {
  const tag = host.localName;
  const currentId = clerk.session?.id;
  const listed = new Map(devices.filter((device) => sessionOf.has(device)).map((device) => [device.sessionId, device]));
  const ids = asked ?? [...listed.keys()].filter((id) => id !== currentId);
  for (const id of ids) {
    if (id === currentId) {
      throw new ConfigurationError(
        `<${tag}> cannot sign out session ${id} as another device: it is this device's session. Sign this device out with signOut().`,
      );
    }
    if (!listed.has(id)) {
      throw new ConfigurationError(
        `<${tag}> session ${id} is not a signed-in device of this user; its other devices: ` +
          `${[...listed.keys()].filter((other) => other !== currentId).join(', ') || 'none'}.`,
      );
    }
  }
  return {
    sessions: ids.map((id) => ({ id, session: sessionOf.get(listed.get(id)!)! })),
    userId: clerk.user?.id ?? null,
  };
}

interface RevokeOutcome {
  revokedIds: string[];
  stillSignedInIds: string[];
  error?: Error;
  devices?: Device[];
}

/** One revocation at a time (the Frontend API sees one request per Clerk), then the list again: the server's truth. */
async function revokeEach(clerk: ClerkLike, plan: RevokePlan, reverify: Reverify | undefined): Promise<RevokeOutcome> {
  const confirmed = new Set<string>();
  let failure: Error | undefined;
  for (let index = 0; index < plan.sessions.length; index++) {
    const { session } = plan.sessions[index];
    let error = await revokeOne(session, confirmed);
    if (error instanceof ReverificationRequiredError && reverify) {
      const remaining = plan.sessions.slice(index).map((entry) => entry.id);
      if (await askToReverify(reverify, { clerk, error, sessionIds: remaining }))
        error = await revokeOne(session, confirmed);
    }
    if (!error) continue;
    failure ??= error;
    // A refusal that would hit every other device too (reverification, no connection, rate limit) stops here: asking
    // again for each would only repeat it. A refusal of this one device (its own 4xx, a 5xx) does not stop the others.
    if (!isPerDeviceFailure(error)) break;
  }

  const asked = plan.sessions.map(({ id }) => id);
  let devices: Device[] | undefined;
  try {
    devices = await listDevices(clerk);
  } catch {
    devices = undefined; // The Frontend API did not answer: only the revocations it answered are known.
  }
  const stillListed = devices ? new Set(devices.map((device) => device.sessionId)) : undefined;
  const gone = (id: string) => (stillListed ? !stillListed.has(id) : confirmed.has(id));
  const revokedIds = asked.filter(gone);
  const stillSignedInIds = asked.filter((id) => !gone(id));
  return { revokedIds, stillSignedInIds, error: stillSignedInIds.length ? failure : undefined, devices };
}

/** Sends one revocation; resolves with what went wrong (`undefined` when Clerk answered it revoked). */
async function revokeOne(session: ClerkSessionWithActivities, confirmed: Set<string>): Promise<Error | undefined> {
  try {
    await session.revoke();
  } catch (thrown) {
    return isReverificationRequired(thrown) ? new ReverificationRequiredError({ cause: thrown }) : toError(thrown);
  }
  // clerk-js updates the object from the answer (`status: 'revoked'`); it resolves unchanged when it got no answer.
  if (SIGNED_IN.has(session.status)) return new DeviceSignOutNotConfirmedError();
  confirmed.add(session.id);
  return undefined;
}

async function askToReverify(reverify: Reverify, context: ReverifyContext): Promise<boolean> {
  try {
    return (await reverify(context)) === true;
  } catch {
    return false; // The app's reverification failed or was cancelled: the error stays the reverification request.
  }
}

/** Clerk's 403 asking for reverification (a ClerkAPIResponseError whose errors carry `session_reverification_required`). */
export function isReverificationRequired(error: unknown): boolean {
  if (error instanceof ReverificationRequiredError) return true;
  const errors = (error as { errors?: unknown } | null)?.errors;
  return (
    Array.isArray(errors) &&
    errors.some((entry) => (entry as { code?: unknown } | null)?.code === 'session_reverification_required')
  );
}

function isPerDeviceFailure(error: Error): boolean {
  const status = (error as { status?: unknown }).status;
  return (
    typeof status === 'number' && status >= 400 && status !== 429 && !(error instanceof ReverificationRequiredError)
  );
}

function fail(
  host: HTMLElement,
  error: Error,
  stillSignedInIds: readonly string[],
  revokedIds: readonly string[],
  devices: readonly Device[] | undefined,
): RevokeDevicesResult {
  if (error instanceof ConfigurationError) console.error(error.message);
  const target = host.isConnected ? host : document;
  target.dispatchEvent(new SignOutErrorEvent({ error, sessionId: null, sessionIds: stillSignedInIds }));
  return { outcome: 'failed', error, revokedIds, stillSignedInIds, devices };
}

interface ClerkWithReverificationUi {
  __internal_openReverification?(props: {
    afterVerification?: () => void;
    afterVerificationCancelled?: () => void;
  }): void;
}

/**
 * A `reverify` for apps that have Clerk's UI (`@clerk/ui` with clerk-js 6; always with clerk-js 5): opens Clerk's own verification modal (clerk-js 6.40's
 * `__internal_openReverification`, what Clerk's UserProfile uses through `useReverification`) and resolves `true` once
 * the user verified, `false` when they closed it or when Clerk's UI is not loaded. It relies on an internal Clerk API:
 * without Clerk's UI, build your own flow on `clerk.session.startVerification()` and pass it as `reverify`.
 */
export function reverifyWithClerkUi({ clerk }: ReverifyContext): Promise<boolean> {
  const ui = clerk as ClerkLike & ClerkWithReverificationUi;
  if (!hasClerkUi(clerk) || typeof ui.__internal_openReverification !== 'function') return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      ui.__internal_openReverification!({
        afterVerification: () => resolve(true),
        afterVerificationCancelled: () => resolve(false),
      });
    } catch {
      resolve(false);
    }
  });
}
