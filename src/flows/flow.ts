import type { ClerkLike } from '../clerk/clerk.js';
import type { ClerkState } from '../clerk/context.js';
import { ConfigurationError, OfflineError, toError } from '../contract/errors.js';
import { SignOutErrorEvent } from '../contract/events.js';
import { isBusy, runExclusive, type ActionKind } from './action-lock.js';

/** What every flow is given by the element (or the app) that starts it. */
export interface FlowRequest {
  /** Where the events are dispatched (the element the user activated). */
  readonly host: HTMLElement;
  /** The provider's state (`<clerk-provider>`'s `state`). */
  readonly state: ClerkState;
  /** Called once the "before" event was not vetoed, right before Clerk is called (elements show their busy state). */
  readonly onStart?: () => void;
}

/** What every flow's result has: its outcome, and what went wrong when it is `failed`. */
export interface FlowResult {
  readonly outcome: string;
  readonly error?: Error;
}

/** How a flow ends without sending anything: nothing to do, another action in flight on that Clerk, or vetoed. */
export type FlowStop = 'nothing-to-do' | 'busy' | 'cancelled';

/** What a flow will do, worked out and checked before anything is dispatched or sent. */
export interface FlowPlan<Ran, Result> {
  /** The cancelable "before" event, dispatched on the host before anything is in flight (none: no veto). */
  readonly before?: Event;
  /** Calls Clerk, as the one action in flight on it. */
  run(): Promise<Ran>;
  /** Tells the page what happened (outcome events to `outcomeTarget(host)`, failures through `fail`) and the caller. */
  finish(ran: Ran): Result | Promise<Result>;
}

/** One flow: what it is busy with, what it needs, its plan, and how it reports a refusal. */
export interface Flow<Ran, Result> {
  /** What the Clerk is busy with while this flow runs. */
  readonly kind: ActionKind;
  /** The rest of a result that sent nothing (e.g. empty id lists), so each flow's results keep one shape. */
  readonly idle?: object;
  /** What else this flow needs from Clerk before anything (e.g. a signed-in user); without it: `nothing-to-do`. */
  canStart?(clerk: ClerkLike): boolean;
  /**
   * What this flow will do: `undefined` when there is nothing to do. A throw (e.g. a `ConfigurationError` naming the
   * attribute to fix) refuses the flow. A promise only when it must read first: a plan at hand keeps the "before" event
   * in the same task as the call, so a second click finds the first one in flight.
   */
  plan(clerk: ClerkLike): FlowPlan<Ran, Result> | undefined | Promise<FlowPlan<Ran, Result> | undefined>;
  /** The result of a refused flow (reported through `fail` when the flow has an error event). */
  refused(error: Error): Result;
}

/**
 * THE flow skeleton: every Clerk action of the package (signing out, switching accounts, signing other devices out)
 * goes through it, in this order:
 *
 * 1. the preconditions of every flow, in this one place: a ready Clerk and a host in the document (and the flow's own
 *    `canStart`), else `nothing-to-do`; a browser that is online, else `OfflineError`; no other action in flight on that
 *    Clerk, else `busy`. A rule that throws here refuses every flow alike (its `refused`: the error event, nothing
 *    sent);
 * 2. `plan` (a throw refuses the flow; `undefined`: `nothing-to-do`);
 * 3. the cancelable `before` event on the host (`cancelled`), then the busy check again (a listener may have started
 *    another action without vetoing this one);
 * 4. `onStart` (the element shows its busy state), then `run`, as the one action in flight on that Clerk;
 * 5. `finish`: the outcome and its events, to the document when the host has left it.
 *
 * A flow is a `Flow` object; one that reuses another changes only what differs: `{ ...signOutFlow(request), … }`.
 */
export async function runFlow<Ran, Result>(request: FlowRequest, flow: Flow<Ran, Result>): Promise<Result> {
  const { host, state } = request;
  // `state` is typed as required; JavaScript callers (and an element before its provider answered) may not have one.
  const clerk = state?.clerk;
  const stopped = (outcome: FlowStop) => ({ outcome, ...flow.idle }) as Result;
  let plan: FlowPlan<Ran, Result> | undefined;
  try {
    // An element out of the document has no provider any more: its state may name a Clerk the page no longer uses.
    if (!clerk || state.status !== 'ready' || !host.isConnected || flow.canStart?.(clerk) === false) {
      return stopped('nothing-to-do');
    }
    if (isOffline()) throw new OfflineError();
    if (isBusy(clerk)) return stopped('busy');
    const planned = flow.plan(clerk);
    plan = planned instanceof Promise ? await planned : planned;
  } catch (thrown) {
    return flow.refused(toError(thrown));
  }
  if (!plan) return stopped('nothing-to-do');
  // The veto comes before the flight starts: a listener may cancel, then start the action itself (e.g. after confirm()).
  if (plan.before && !host.dispatchEvent(plan.before)) return stopped('cancelled');
  if (isBusy(clerk)) return stopped('busy');
  request.onStart?.();
  return plan.finish(await runExclusive(clerk, flow.kind, plan.run));
}

/**
 * The browser says it has no network. clerk-js then resolves every write it could not send and applies it to this page
 * only (signed out, switched), so no answer of Clerk's can tell "done" from "not sent": flows refuse before calling
 * Clerk, and a flow whose call was in flight when the connection went checks again after it.
 */
export function isOffline(): boolean {
  return navigator.onLine === false;
}

/** Where a flow's outcome events go: its host, or the document once the host has left it (it still reports). */
export function outcomeTarget(host: HTMLElement): EventTarget {
  return host.isConnected ? host : document;
}

/**
 * A flow that signs sessions out failed: `sign-out-error` names the sessions still signed in, and a `ConfigurationError`
 * is also reported in the console (its message names the fix).
 */
export function fail(
  host: HTMLElement,
  error: Error,
  sessionId: string | null,
  sessionIds: readonly string[],
): { readonly outcome: 'failed'; readonly error: Error } {
  if (error instanceof ConfigurationError) console.error(error.message);
  outcomeTarget(host).dispatchEvent(new SignOutErrorEvent({ error, sessionId, sessionIds }));
  return { outcome: 'failed', error };
}
