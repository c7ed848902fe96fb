import type { ClerkLike, ClerkSessionWithActivities } from '../../clerk/clerk.js';
import {
  ConfigurationError,
  DeviceSignOutNotConfirmedError,
  OfflineError,
  ReverificationRequiredError,
  toError,
} from '../../contract/errors.js';
import { DeviceSignedOutEvent, DeviceSignOutEvent } from '../../contract/events.js';
import { runExclusive } from '../action-lock.js';
import { fail, isOffline, outcomeTarget, runFlow, type FlowRequest } from '../flow.js';
import { isPerDeviceFailure, isReverificationRequired } from './failures.js';
import { listDevices, sessionOf, SIGNED_IN, type Device } from './list.js';
import { askToReverify, type Reverify } from './reverify.js';

/**
 * THE flow for the signed-in user's other devices ("Sign out of device", "Sign out of all other devices"), shared by
 * every element that offers it. Signing a device out is revoking that session (`session.revoke()`,
 * `POST /v1/me/sessions/{id}/revoke`). This device is never signed out here: that is `signOut()` (../sign-out.ts).
 */

/** Which devices to sign out, from which element; `host`, `state` and `onStart` as every flow takes them. */
export interface RevokeDevicesRequest extends FlowRequest {
  /** The devices to sign out, by session id, or `others`: every device of the user but this one. */
  readonly sessionIds: readonly string[] | 'others';
  /**
   * The list the caller shows (what `listDevices` returned). Without it the flow reads the list first (one GET, before
   * `device-sign-out`); with it, nothing at all is sent before `device-sign-out`.
   */
  readonly devices?: readonly Device[];
  /**
   * Called when Clerk answers 403 `session_reverification_required`, while the flow is still in flight. Resolve `true`
   * once the user reverified: the refused revocation is sent once more, then the rest. Resolve `false` (or leave it out)
   * and the flow ends with a `sign-out-error` carrying `ReverificationRequiredError`; nothing is retried on its own.
   */
  readonly reverify?: Reverify;
}

/** `busy`: another action on the same Clerk is in flight, so nothing was sent. `failed`: a device is still signed in. */
export type RevokeDevicesOutcome = 'signed-out' | 'cancelled' | 'failed' | 'busy' | 'nothing-to-do';

/** What `revokeDevices()` resolves with. */
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

interface RevokeOutcome {
  revokedIds: string[];
  stillSignedInIds: string[];
  error?: Error;
  devices?: Device[];
}

/**
 * THE device sign-out: `device-sign-out` (cancelable, before any revocation is sent) → one revocation at a time, as the
 * one action in flight on this Clerk → the list read again → `device-signed-out` naming the sessions really gone, and
 * `sign-out-error` (`detail.sessionIds`: the ones still signed in) when any is left. A session the Frontend API no longer
 * lists counts as signed out, however that happened (a 401 because another device had just revoked it is no failure).
 * Nothing is retried on its own; a reverification request is sent again only when `reverify` says the user reverified.
 *
 * @example
 * ```ts
 * import { revokeDevices } from 'clerk-sign-out-elements';
 *
 * // "Sign out of all other devices" from your own button inside a <clerk-provider>:
 * const provider = document.querySelector('clerk-provider')!;
 * const result = await revokeDevices({ host: myButton, state: provider.state, sessionIds: 'others' });
 * console.log(`${result.revokedIds.length} signed out, ${result.stillSignedInIds.length} still signed in`);
 * ```
 */
export function revokeDevices(request: RevokeDevicesRequest): Promise<RevokeDevicesResult> {
  const { host } = request;
  const asked = request.sessionIds === 'others' ? null : [...new Set(request.sessionIds)];
  const planFor = (clerk: ClerkLike, devices: readonly Device[]) => {
    const plan = planRevocation(host, clerk, devices, asked);
    return (
      plan && {
        before: new DeviceSignOutEvent({ sessionIds: plan.sessions.map(({ id }) => id), userId: plan.userId }),
        run: () => revokeEach(clerk, plan, request.reverify),
        finish: ({ revokedIds, stillSignedInIds, error, devices }: RevokeOutcome): RevokeDevicesResult => {
          if (revokedIds.length)
            outcomeTarget(host).dispatchEvent(
              new DeviceSignedOutEvent({ sessionIds: revokedIds, userId: plan.userId }),
            );
          const outcome = stillSignedInIds.length
            ? fail(host, error ?? new DeviceSignOutNotConfirmedError(), null, stillSignedInIds)
            : { outcome: 'signed-out' as const };
          return { ...outcome, revokedIds, stillSignedInIds, devices };
        },
      }
    );
  };
  return runFlow<RevokeOutcome, RevokeDevicesResult>(request, {
    kind: 'revoke-devices',
    idle: { revokedIds: [], stillSignedInIds: [] },
    canStart: (clerk) => !!clerk.user && !!clerk.session,
    plan: (clerk) => {
      if (asked?.length === 0) return undefined;
      // A list read for another session (the user switched accounts since) is not this user's: read it again.
      const shown = request.devices?.some((device) => device.current && device.sessionId === clerk.session?.id);
      // Read as the one action in flight, so that N fast clicks read once and sign out once.
      return shown
        ? planFor(clerk, request.devices!)
        : runExclusive(clerk, 'revoke-devices', () => listDevices(clerk)).then((devices) => planFor(clerk, devices));
    },
    refused: (error) => {
      const ids =
        asked ?? (request.devices ?? []).filter((device) => !device.current).map((device) => device.sessionId);
      return { ...fail(host, error, null, ids), revokedIds: [], stillSignedInIds: ids };
    },
  });
}

/** The devices to sign out, checked against the list: `undefined` when there is none. */
function planRevocation(
  host: HTMLElement,
  clerk: ClerkLike,
  devices: readonly Device[],
  asked: string[] | null,
): RevokePlan | undefined {
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
  if (!ids.length) return undefined;
  return {
    sessions: ids.map((id) => ({ id, session: sessionOf.get(listed.get(id)!)! })),
    userId: clerk.user?.id ?? null,
  };
}

/** One revocation at a time (the Frontend API sees one request per Clerk), then the list again: the server's truth. */
async function revokeEach(clerk: ClerkLike, plan: RevokePlan, reverify: Reverify | undefined): Promise<RevokeOutcome> {
  const confirmed = new Set<string>();
  let failure: Error | undefined;
  for (let index = 0; index < plan.sessions.length && !isOffline(); index++) {
    const { session } = plan.sessions[index];
    let error = await revokeOne(session, confirmed);
    if (error instanceof ReverificationRequiredError && reverify) {
      const remaining = plan.sessions.slice(index).map((entry) => entry.id);
      if (await askToReverify(reverify, { clerk, error, sessionIds: remaining }))
        error = await revokeOne(session, confirmed);
    }
    if (!error) continue;
    failure ??= error;
    if (!isPerDeviceFailure(error)) break; // it would hit every other device too
  }

  const asked = plan.sessions.map(({ id }) => id);
  let devices: Device[] | undefined;
  // Offline, clerk-js resolves a revocation it could not send, and reading the list would take most of a minute of
  // retries: only the revocations answered before the connection went are known.
  if (isOffline()) failure = new OfflineError();
  else
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
