import type { ClerkLike } from './clerk.js';
import type { ClerkState } from './context.js';
import { SignedOutEvent, SignOutErrorEvent, SignOutEvent } from './events.js';
import { checkNavigableUrl, ConfigurationError } from './urls.js';

/** Which sessions to end: Clerk's default (`all`: every session, the only one in single-session apps) or the current one. */
export type SignOutScope = 'all' | 'current';

export interface SignOutRequest {
  /** Where the events are dispatched (the element the user activated). */
  readonly host: HTMLElement;
  readonly state: ClerkState;
  /** `all` (default) or `current`; anything else is refused with a message naming the attribute. */
  readonly scope?: SignOutScope | string | null;
  /** A specific session to end; wins over `scope`. */
  readonly sessionId?: string | null;
  /** Where to go afterwards; default: Clerk's `afterSignOutUrl`. */
  readonly redirectUrl?: string | null;
}

/** `busy`: another sign-out on the same Clerk is still in flight, so nothing was sent. */
export type SignOutOutcome = 'signed-out' | 'cancelled' | 'failed' | 'busy' | 'nothing-to-do';

export interface SignOutResult {
  readonly outcome: SignOutOutcome;
  /** Set when `outcome` is `failed`: what Clerk (or the configuration check) reported. */
  readonly error?: Error;
}

/** One sign-out at a time per Clerk instance: clerk-js has no guard, and repeated clicks would send repeated requests. */
const inFlight = new WeakSet<ClerkLike>();
const endListeners = new WeakMap<ClerkLike, Set<() => void>>();

export function isSigningOut(clerk: ClerkLike | undefined): boolean {
  return !!clerk && inFlight.has(clerk);
}

/**
 * Calls `listener` whenever a sign-out on this Clerk ends, whatever its outcome. clerk-js reports passing states while
 * it signs out (and while the flow restores a session after a failure), so the provider holds its last settled state
 * until then and reads Clerk again here. Returns the unsubscribe function.
 */
export function onSignOutEnd(clerk: ClerkLike, listener: () => void): () => void {
  let listeners = endListeners.get(clerk);
  if (!listeners) endListeners.set(clerk, (listeners = new Set()));
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * THE sign-out flow, shared by every element: `sign-out` (vetoable) → `clerk.signOut` → `signed-out` (its redirect is
 * vetoable) or `sign-out-error`. Clerk is always given a callback so it never navigates by itself; the flow navigates
 * afterwards unless a `signed-out` listener called `preventDefault()`.
 */
export async function signOut(request: SignOutRequest): Promise<SignOutResult> {
  const { host, state } = request;
  const clerk = state.clerk;
  if (!clerk || state.status !== 'ready') return { outcome: 'nothing-to-do' };
  if (inFlight.has(clerk)) return { outcome: 'busy' };

  const sessions = clerk.client?.signedInSessions ?? [];
  const current = clerk.session ?? state.session ?? null;
  if (sessions.length === 0) return { outcome: 'nothing-to-do' };

  const tag = host.localName;
  let sessionId: string | null = null;
  let redirectTarget: string | null;
  try {
    if (request.scope && request.scope !== 'all' && request.scope !== 'current') {
      throw new ConfigurationError(`<${tag}> scope="${request.scope}" is not one of "all" (the default) or "current".`);
    }
    sessionId = request.sessionId ?? (request.scope === 'current' ? (current?.id ?? null) : null);
    if (request.sessionId != null && !sessions.some((session) => session.id === request.sessionId)) {
      throw new ConfigurationError(
        `<${tag}> session-id="${request.sessionId}" is not a signed-in session on this client; ` +
          `signed-in sessions: ${sessions.map((session) => session.id).join(', ')}.`,
      );
    }
    // Clerk navigates only when the current session (or every session) ends; removing another account's session stays.
    const navigates = !sessionId || sessions.length === 1 || sessionId === current?.id;
    redirectTarget = navigates
      ? request.redirectUrl != null
        ? checkNavigableUrl(request.redirectUrl, { tag, attribute: 'redirect-url' }, state.allowedRedirectOrigins)
        : clerk.buildAfterSignOutUrl()
      : null;
  } catch (error) {
    return fail(host, asError(error), request.sessionId ?? null);
  }

  const endingSessions = sessionId ? sessions.filter((session) => session.id === sessionId) : sessions;
  const userId = (sessionId ? endingSessions[0]?.user?.id : current?.user?.id) ?? state.user?.id ?? null;

  inFlight.add(clerk);
  try {
    if (!host.dispatchEvent(new SignOutEvent({ sessionId, userId }))) return { outcome: 'cancelled' };
    try {
      await clerk.signOut(() => undefined, sessionId ? { sessionId } : {});
      // clerk-js resolves after some failures (e.g. a network error) although the server still has the session.
      if (endingSessions.some((ending) => isSignedIn(clerk, ending.id))) throw new SignOutNotConfirmedError();
    } catch (error) {
      await restoreSession(clerk, current?.id);
      return fail(host, asError(error), sessionId);
    }
  } finally {
    inFlight.delete(clerk);
    for (const listener of [...(endListeners.get(clerk) ?? [])]) listener();
  }

  const signedOut = new SignedOutEvent({
    sessionIds: endingSessions.map((session) => session.id),
    userId,
    redirectUrl: redirectTarget,
  });
  await activateRemainingSession(clerk);
  if (eventTarget(host).dispatchEvent(signedOut) && redirectTarget) await clerk.navigate(throughTouch(clerk, redirectTarget));
  return { outcome: 'signed-out' };
}

function fail(host: HTMLElement, error: Error, sessionId: string | null): SignOutResult {
  if (error instanceof ConfigurationError) console.error(error.message);
  eventTarget(host).dispatchEvent(new SignOutErrorEvent({ error, sessionId }));
  return { outcome: 'failed', error };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Clerk's answer did not remove the session: the user is still signed in on the server. */
export class SignOutNotConfirmedError extends Error {
  override name = 'SignOutNotConfirmedError';
  constructor() {
    super('Clerk could not confirm the sign-out (is the network down?). You are still signed in; please try again.');
  }
}

function isSignedIn(clerk: ClerkLike, sessionId: string): boolean {
  return !!clerk.client?.signedInSessions.some((session) => session.id === sessionId);
}

/** An element removed while its sign-out was in flight still reports the outcome, to the document. */
function eventTarget(host: HTMLElement): EventTarget {
  return host.isConnected ? host : document;
}

/**
 * clerk-js clears `user`/`session` before its request and does not put them back when it fails, although the session
 * may still be active on the server. The flow asks the server what it really has (the sessions may also have ended,
 * e.g. a 401 after a revocation elsewhere), then makes Clerk, and so every element, show that: the same session if it is
 * still signed in, else the client's remaining one, else nobody.
 */
async function restoreSession(clerk: ClerkLike, sessionId: string | undefined): Promise<void> {
  try {
    await clerk.client?.reload?.();
  } catch {
    // The Frontend API did not answer: keep the local view of the client.
  }
  const signedIn = clerk.client?.signedInSessions ?? [];
  const target =
    signedIn.find((session) => session.id === sessionId) ??
    signedIn.find((session) => session.id === clerk.client?.lastActiveSessionId) ??
    signedIn[0];
  if (target ? clerk.session?.id === target.id : clerk.session === null) return;
  try {
    await clerk.setActive({ session: target?.id ?? null });
  } catch {
    // The provider keeps showing the last known user; the next Clerk update corrects it.
  }
}

/**
 * After the current session of a multi-session client ends, clerk-js leaves `session` null and relies on the page load
 * of its redirect to pick the next account. The flow may not reload (a vetoed redirect, an SPA router), so it activates
 * the account the page would have shown: the client's last active signed-in session.
 */
async function activateRemainingSession(clerk: ClerkLike): Promise<void> {
  const remaining = clerk.client?.signedInSessions ?? [];
  if (clerk.session || remaining.length === 0) return;
  const next = remaining.find((session) => session.id === clerk.client?.lastActiveSessionId) ?? remaining[0];
  try {
    await clerk.setActive({ session: next.id });
  } catch {
    // The other account is still signed in on the server; the next page load shows it.
  }
}

/** Mirrors clerk-js: when the client cookie is about to expire, the redirect goes through `/v1/client/touch`. */
function throughTouch(clerk: ClerkLike, target: string): string {
  const client = clerk.client;
  if (!client?.isEligibleForTouch?.() || !client.buildTouchUrl) return target;
  return clerk.buildUrlWithAuth(client.buildTouchUrl({ redirectUrl: new URL(target, location.href) }));
}
