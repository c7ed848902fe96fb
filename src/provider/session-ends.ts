import type { ClerkClient, ClerkLike, ClerkSession, ClerkSignOutOptions } from '../clerk/clerk.js';
import type { ClerkState } from '../clerk/context.js';
import type { SessionEndDetail, SessionEndReason } from '../contract/events.js';
import { actionInFlight, isBusy, onActionEnd } from '../flows/action-lock.js';

// How the provider names each session end. clerk-js reports every end the same way (the session leaves the client, the
// listeners see `null`); what tells the ends apart is the evidence around it, in this order:
// 1. a `clerk.signOut()` of this page in flight for that session (every caller: the elements, the app, Clerk's UI):
//    `sign-out`, or `idle` when an idle sign-out runs it;
// 2. another tab's word on our channel, for the reasons clerk-js does not carry (`idle`, `revoked`, `expired`);
// 3. clerk-js's own `{ type: 'signout' }` from another tab, heard before the end: `other-tab`;
// 4. the session's `expireAt`/`abandonAt` passed (as last shown, or as the re-read client lists it): `expired`;
// 5. the same client no longer lists it as signed in (clerk-js re-reads it after a 401): `revoked`;
// 6. anything else (a new client, a session dropped while still listed as signed in): `unknown`.

/** clerk-js's channel to the other tabs of this origin; `isolate-tabs` renames it in tests, and this lookup follows. */
const CLERK_CHANNEL = 'clerk';
/** Ours: the reasons another tab cannot see for itself. */
const REASON_CHANNEL = 'clerk-sign-out-elements';
/** Another tab's word counts this long: it is followed by one client fetch (milliseconds; seconds with retries). */
const HEARD_MS = 10_000;
/** clerk-js tells the other tabs of an end in this tab; its message also reaches this page: not another tab's. */
const ECHO_MS = 2_000;
const TOLD: readonly SessionEndReason[] = ['idle', 'revoked', 'expired'];

interface SignOutCall {
  /** The sessions asked to end; `null`: all of them. */
  readonly ids: readonly string[] | null;
  readonly reason: SessionEndReason;
}

const signOutCalls = new WeakMap<ClerkLike, Set<SignOutCall>>();

/**
 * Wraps the instance's `signOut` (an own, writable property in clerk-js 5 and 6) once, to know every sign-out this page
 * starts, whoever calls it. Code that took the method before the provider had the instance keeps the original: its
 * sign-outs are then named by the evidence that remains.
 */
function recordSignOuts(clerk: ClerkLike): Set<SignOutCall> {
  let calls = signOutCalls.get(clerk);
  if (calls) return calls;
  signOutCalls.set(clerk, (calls = new Set()));
  const signOut = clerk.signOut;
  const inFlight = calls;
  try {
    clerk.signOut = async function (this: unknown, ...args: Parameters<ClerkLike['signOut']>) {
      const options = args.find((arg) => typeof arg === 'object') as ClerkSignOutOptions | undefined;
      const call: SignOutCall = {
        ids: options?.sessionId ? [options.sessionId] : null,
        reason: actionInFlight(clerk) === 'idle-sign-out' ? 'idle' : 'sign-out',
      };
      inFlight.add(call);
      try {
        return await signOut.apply(this, args);
      } finally {
        // clerk-js reports every change of a sign-out before it settles; a flow of ours reads the client once more
        // after it, so its call counts until the flow ends.
        const forget = () => setTimeout(() => inFlight.delete(call));
        if (isBusy(clerk)) {
          const stop = onActionEnd(clerk, () => (stop(), forget()));
        } else forget();
      }
    };
  } catch {
    // A frozen instance: its sign-outs are named by the evidence that remains.
  }
  return calls;
}

function listen(name: string, heard: (data: unknown) => void): BroadcastChannel | undefined {
  if (typeof BroadcastChannel !== 'function') return undefined;
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent) => heard(event.data);
  return channel;
}

const passed = (at: Date | null | undefined, now: number) => !!at && +at <= now;

/**
 * Sees every session the provider shows as signed in (`client.signedInSessions`: active and pending) and names each end,
 * once: fed by the provider's one subscription (`observe` on every state it publishes), told by its `watch` which
 * Clerk it follows.
 */
export class SessionEnds {
  #clerk?: ClerkLike;
  #calls?: Set<SignOutCall>;
  /** The sessions last shown signed in, as last seen (their `expireAt`, `abandonAt` and user name an end). */
  #shown = new Map<string, ClerkSession>();
  #ended = new Set<string>();
  #currentId?: string;
  #clientId?: string;
  #heardUntil = 0;
  #echoUntil = 0;
  #told?: { sessionIds: string[]; reason: SessionEndReason; until: number };
  #reasons?: BroadcastChannel;
  readonly #onEnd: (end: SessionEndDetail) => void;

  constructor(onEnd: (end: SessionEndDetail) => void) {
    this.#onEnd = onEnd;
  }

  /** Follows this Clerk (another one starts afresh: its sessions are not this one's); returns the stop function. */
  watch(clerk: ClerkLike): () => void {
    if (clerk !== this.#clerk) {
      this.#clerk = clerk;
      this.#shown.clear();
      this.#ended.clear();
      this.#currentId = this.#clientId = undefined;
    }
    this.#calls = recordSignOuts(clerk);
    const tabs = listen(CLERK_CHANNEL, (data) => {
      const now = Date.now();
      if ((data as { type?: unknown })?.type === 'signout' && now > this.#echoUntil) this.#heardUntil = now + HEARD_MS;
    });
    const reasons = (this.#reasons = listen(REASON_CHANNEL, (data) => {
      const told = data as { sessionIds?: unknown; reason?: SessionEndReason };
      if (Array.isArray(told?.sessionIds) && TOLD.includes(told.reason!)) {
        this.#told = { sessionIds: told.sessionIds as string[], reason: told.reason!, until: Date.now() + HEARD_MS };
      }
    }));
    return () => {
      tabs?.close();
      reasons?.close();
      if (this.#reasons === reasons) this.#reasons = undefined;
    };
  }

  /** Compares what the provider now shows with what it showed; reports each session that stopped being signed in. */
  observe({ clerk, client, session }: Pick<ClerkState, 'clerk' | 'client' | 'session'>): void {
    if (!client || clerk !== this.#clerk) return;
    const now = Date.now();
    const live = new Map(client.signedInSessions.map((signedIn) => [signedIn.id, signedIn]));
    // clerk-js may drop the current session while its client still lists it (a failed client fetch, a local sign-out
    // that never reached the server): the page no longer shows it signed in.
    if (session === null && this.#currentId) live.delete(this.#currentId);
    const ends: SessionEndDetail[] = [];
    for (const [sessionId, shown] of this.#shown) {
      if (live.has(sessionId) || this.#ended.has(sessionId)) continue;
      this.#ended.add(sessionId);
      ends.push({ sessionId, userId: shown.user?.id ?? null, reason: this.#reason(shown, client, now) });
    }
    if (ends.some((end) => end.sessionId === this.#currentId && end.reason !== 'other-tab')) {
      this.#echoUntil = now + ECHO_MS;
    }
    this.#shown = live;
    if (session !== undefined) this.#currentId = session?.id;
    this.#clientId = client.id;
    for (const reason of TOLD) {
      const sessionIds = ends.filter((end) => end.reason === reason).map((end) => end.sessionId);
      if (sessionIds.length) this.#reasons?.postMessage({ sessionIds, reason });
    }
    for (const end of ends) this.#onEnd(end);
  }

  #reason(shown: ClerkSession, client: ClerkClient, now: number): SessionEndReason {
    const sessionId = shown.id;
    const own = [...this.#calls!].find((call) => !call.ids || call.ids.includes(sessionId));
    if (own) return own.reason;
    const told = this.#told;
    if (told && now < told.until && told.sessionIds.includes(sessionId)) return told.reason;
    if (now < this.#heardUntil) return 'other-tab';
    const listed = client.sessions.find((candidate) => candidate.id === sessionId);
    const expired = [shown, listed].some((seen) => passed(seen?.expireAt, now) || passed(seen?.abandonAt, now));
    if (expired || listed?.status === 'expired' || listed?.status === 'abandoned') return 'expired';
    // The same client: only the server drops or revokes a session of it (clerk-js learns it from a 401).
    if (client.id === this.#clientId && (!listed || listed.status === 'revoked')) return 'revoked';
    return 'unknown';
  }
}
