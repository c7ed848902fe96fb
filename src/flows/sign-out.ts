import type { ClerkLike, ClerkSession } from '../clerk/clerk.js';
import { SignedOutEvent, SignOutEvent } from '../contract/events.js';
import { ConfigurationError, OfflineError, SignOutNotConfirmedError, toError } from '../contract/errors.js';
import { checkNavigableUrl } from '../internal/urls.js';
import { showSignedInSession } from './active-session.js';
import { fail, isOffline, outcomeTarget, runFlow, type Flow, type FlowRequest } from './flow.js';
import { isRetired } from './provider-use.js';

/** Which sessions to end: Clerk's default (`all`: every session, the only one in single-session apps) or the current one. */
export type SignOutScope = 'all' | 'current';

/** What to sign out, from which element; `host`, `state` and `onStart` as every flow takes them. */
export interface SignOutRequest extends FlowRequest {
  /** `all` (default) or `current`; anything else is refused with a message naming the attribute. */
  readonly scope?: SignOutScope | string | null;
  /** A specific session to end; wins over `scope`. */
  readonly sessionId?: string | null;
  /** Where to go afterwards; default: the provider's `after-sign-out-url`, else Clerk's `afterSignOutUrl`. */
  readonly redirectUrl?: string | null;
}

/** `busy`: another action on the same Clerk is still in flight, so nothing was sent. */
export type SignOutOutcome = 'signed-out' | 'cancelled' | 'failed' | 'busy' | 'nothing-to-do';

/** What `signOut()` (and an element's `signOut()`) resolves with. */
export interface SignOutResult {
  readonly outcome: SignOutOutcome;
  /** Set when `outcome` is `failed`: what Clerk (or the configuration check) reported. */
  readonly error?: Error;
}

/** What one sign-out will do, worked out (and checked) before anything is dispatched or sent. */
export interface SignOutPlan {
  /** The session to end, or `null` for Clerk's default (all of them). */
  readonly sessionId: string | null;
  readonly endingIds: readonly string[];
  readonly currentId: string | undefined;
  readonly userId: string | null;
  /** Where to go afterwards, or `null` when Clerk would not navigate (another account's session ends). */
  readonly redirectUrl: string | null;
}

/** What is left to report when a session asked to end is still signed in. */
interface StillSignedIn {
  readonly error: Error;
  readonly stillSignedIn: readonly string[];
}

/**
 * THE sign-out flow, shared by every element: `sign-out` (vetoable) → `clerk.signOut` → `signed-out` (its redirect is
 * vetoable) or `sign-out-error`. `signed-out` means every session asked to end is gone on the server, however that was
 * learned; `sign-out-error` means at least one is still signed in. Clerk is always given a callback so it never
 * navigates by itself; the flow navigates afterwards unless a `signed-out` listener called `preventDefault()`.
 *
 * @example
 * ```ts
 * import { signOut } from 'clerk-sign-out-elements';
 *
 * // From your own control inside a <clerk-provider>, with the same events as <clerk-sign-out-button>:
 * const provider = document.querySelector('clerk-provider')!;
 * const result = await signOut({ host: myButton, state: provider.state, scope: 'current' });
 * if (result.outcome === 'failed') console.warn('still signed in:', result.error?.message);
 * ```
 */
export function signOut(request: SignOutRequest): Promise<SignOutResult> {
  return runFlow(request, signOutFlow(request));
}

/**
 * The sign-out flow, for `runFlow`. A flow that signs out for a reason of its own (e.g. the user was idle) runs this one
 * and changes only what differs, e.g. its plan's `before` event; the checks, the outcome and its events stay.
 */
export function signOutFlow(request: SignOutRequest): Flow<StillSignedIn | undefined, SignOutResult> {
  const { host } = request;
  const signedIn = (clerk: ClerkLike) => clerk.client?.signedInSessions ?? [];
  return {
    kind: 'sign-out',
    plan: (clerk) => {
      if (!signedIn(clerk).length) return undefined;
      const plan = planSignOut(request, clerk, signedIn(clerk));
      return {
        before: new SignOutEvent({ sessionId: plan.sessionId, userId: plan.userId }),
        run: () => endSessions(clerk, plan),
        finish: async (left) => {
          if (left) return fail(host, left.error, plan.sessionId, left.stillSignedIn);
          // A Clerk that its provider gave up meanwhile no longer owns the page: report, never navigate.
          const redirectUrl = isRetired(clerk) ? null : plan.redirectUrl;
          const signedOut = new SignedOutEvent({ sessionIds: plan.endingIds, userId: plan.userId, redirectUrl });
          if (outcomeTarget(host).dispatchEvent(signedOut) && redirectUrl) {
            await clerk.navigate(throughTouch(clerk, redirectUrl));
          }
          return { outcome: 'signed-out' };
        },
      };
    },
    refused: (error) => {
      const clerk = request.state.clerk!;
      const sessionId = request.sessionId ?? (request.scope === 'current' ? (clerk.session?.id ?? null) : null);
      const asked = sessionId ? [sessionId] : signedIn(clerk).map((session) => session.id);
      return fail(host, error, sessionId, asked);
    },
  };
}

/** What a sign-out will do; throws a `ConfigurationError` naming the attribute to fix (elements check theirs early). */
export function planSignOut(request: SignOutRequest, clerk: ClerkLike, sessions: readonly ClerkSession[]): SignOutPlan {
  const { host, state } = request;
  const tag = host.localName;
  const current = clerk.session ?? state.session ?? null;
  if (request.scope && request.scope !== 'all' && request.scope !== 'current') {
    throw new ConfigurationError(`<${tag}> scope="${request.scope}" is not one of "all" (the default) or "current".`);
  }
  const sessionId = request.sessionId ?? (request.scope === 'current' ? (current?.id ?? null) : null);
  if (request.sessionId != null && !sessions.some((session) => session.id === request.sessionId)) {
    throw new ConfigurationError(
      `<${tag}> session-id="${request.sessionId}" is not a signed-in session on this client; ` +
        `signed-in sessions: ${sessions.map((session) => session.id).join(', ')}.`,
    );
  }
  const ending = sessionId ? sessions.filter((session) => session.id === sessionId) : sessions;
  // Clerk navigates only when the current session (or every session) ends; removing another account's session stays.
  const navigates = !sessionId || sessions.length === 1 || sessionId === current?.id;
  return {
    sessionId,
    endingIds: ending.map((session) => session.id),
    currentId: current?.id,
    userId: (sessionId ? ending[0]?.user?.id : current?.user?.id) ?? state.user?.id ?? null,
    redirectUrl: navigates ? redirectTarget(request, clerk, tag) : null,
  };
}

function redirectTarget(request: SignOutRequest, clerk: ClerkLike, tag: string): string {
  const origins = request.state.allowedRedirectOrigins;
  if (request.redirectUrl != null)
    return checkNavigableUrl(request.redirectUrl, { tag, attribute: 'redirect-url' }, origins);
  const fromProvider = request.state.afterSignOutUrl;
  if (fromProvider != null) {
    return checkNavigableUrl(fromProvider, { tag: 'clerk-provider', attribute: 'after-sign-out-url' }, origins);
  }
  // One form for every source (Clerk's default is often a path such as "/"): absolute, as routers and apps expect.
  return new URL(clerk.buildAfterSignOutUrl(), location.href).href;
}

/**
 * Asks Clerk to end the planned sessions, then makes Clerk (and so every element) show what the server has. Resolves
 * with what to report when a session asked to end is still signed in, `undefined` when all of them are gone.
 */
async function endSessions(clerk: ClerkLike, plan: SignOutPlan): Promise<StillSignedIn | undefined> {
  let failure: Error | undefined;
  try {
    await clerk.signOut(() => undefined, plan.sessionId ? { sessionId: plan.sessionId } : {});
  } catch (error) {
    failure = toError(error);
  }
  // clerk-js resolves after some failures (e.g. a network error) and a failure may mean the sessions had already ended
  // elsewhere (e.g. a 401): either way only the server knows.
  const stillListed = () => plan.endingIds.filter((id) => isSignedIn(clerk, id));
  // The connection went during the call, and no answer removed the sessions: clerk-js signed out on this page only, and
  // asking the server would take most of a minute of retries. The provider shows the session again (`#settle`).
  if (isOffline() && stillListed().length) return { error: new OfflineError(), stillSignedIn: stillListed() };
  if (failure || stillListed().length) await reloadClient(clerk);
  await showSignedInSession(clerk, plan.currentId);
  const stillSignedIn = stillListed();
  return stillSignedIn.length ? { error: failure ?? new SignOutNotConfirmedError(), stillSignedIn } : undefined;
}

function isSignedIn(clerk: ClerkLike, sessionId: string): boolean {
  return !!clerk.client?.signedInSessions.some((session) => session.id === sessionId);
}

async function reloadClient(clerk: ClerkLike): Promise<void> {
  try {
    await clerk.client?.reload?.();
  } catch {
    // The Frontend API did not answer: keep the local view of the client.
  }
}

/** Mirrors clerk-js: when the client cookie is about to expire, the redirect goes through `/v1/client/touch`. */
function throughTouch(clerk: ClerkLike, target: string): string {
  const client = clerk.client;
  if (!client?.isEligibleForTouch?.() || !client.buildTouchUrl) return target;
  return clerk.buildUrlWithAuth(client.buildTouchUrl({ redirectUrl: new URL(target, location.href) }));
}
