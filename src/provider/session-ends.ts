import type { ClerkClient, ClerkLike, ClerkSession, ClerkSignOutOptions } from '../clerk/clerk.js';
import type { ClerkState } from '../clerk/context.js';
import type { SessionEndDetail, SessionEndReason } from '../contract/events.js';
import { actionInFlight, isBusy, onActionEnd } from '../flows/action-lock.js';

// How the provider names each session end. clerk-js reports every end alike (the session leaves the client, listeners
// see `null`); the evidence around it tells them apart, in this order:
// 1. a `clerk.signOut()` of this page in flight for that session (whoever called it: the elements, the app, Clerk's
//    UI): `sign-out`, or `idle` when an idle sign-out runs it;
// 2. another tab's word, heard shortly before: the reason its provider told (`idle`, `revoked`, `expired`: clerk-js's
//    own message carries none), else `other-tab` (clerk-js's `{ type: 'signout' }`);
// 3. the session's `expireAt` or `abandonAt` passed (as last shown, or as the re-read client lists it): `expired`;
// 4. the same client no longer lists it as signed in (clerk-js re-reads the client after a 401): `revoked`;
// 5. anything else (e.g. a new client, its cookies cleared elsewhere): `unknown`.
// A session clerk-js drops while its client still lists it signed in has not ended: the provider keeps showing it and
// makes it active again (or learns from the server why it ended).

/**
 * clerk-js's channel to the other tabs of this origin (`isolate-tabs` renames it in tests; the lookup at run time
 * follows). Our messages ride on it with a `type` of their own: clerk-js 5 and 6 act only on `type === 'signout'`.
 */
const CHANNEL = 'clerk';
const TOLD_TYPE = 'clerk-sign-out-elements:session-end';
/** The reasons a tab tells the others (they would read `other-tab`). */
const TOLD: readonly SessionEndReason[] = ['idle', 'revoked', 'expired'];
/** Another tab's word counts this long: one client fetch follows it (milliseconds; seconds with retries). */
const HEARD_MS = 10_000;
/**
 * clerk-js also tells the other tabs of its own sign-outs, and that message reaches this page too, shortly after: while
 * a sign-out of this page is in flight and this long after, a `signout` message is taken for that one.
 */
const ECHO_MS = 2_000;

interface SignOutCall {
  /** The session asked to end; none: all of them. */
  readonly sessionId?: string;
  readonly reason: SessionEndReason;
}

const signOutCalls = new WeakMap<ClerkLike, Set<SignOutCall>>();
const echoUntil = new WeakMap<ClerkLike, number>();

/**
 * Wraps the instance's `signOut` (an own, writable property in clerk-js 5 and 6) once, to know every sign-out this page
 * starts, whoever calls it. Code that took the method before the provider had the instance keeps the original: its
 * sign-outs are named by the evidence that remains.
 */
function recordSignOuts(clerk: ClerkLike): Set<SignOutCall> {
  let calls = signOutCalls.get(clerk);
  if (calls) return calls;
  const inFlight = (calls = new Set());
  signOutCalls.set(clerk, calls);
  const signOut = clerk.signOut;
  try {
    clerk.signOut = async function (this: unknown, ...args: Parameters<ClerkLike['signOut']>) {
      const options = args.find((arg) => typeof arg === 'object') as ClerkSignOutOptions | undefined;
      const call = {
        sessionId: options?.sessionId,
        reason: actionInFlight(clerk) === 'idle-sign-out' ? 'idle' : 'sign-out',
      } as const;
      inFlight.add(call);
      const inFlow = isBusy(clerk);
      try {
        return await signOut.apply(this, args);
      } finally {
        // clerk-js reports every change of a sign-out before it settles; a flow of ours reads the client once more
        // after it, so its call counts until the flow ends (the provider, told first, has read Clerk by then).
        const forget = () => {
          inFlight.delete(call);
          echoUntil.set(clerk, Date.now() + ECHO_MS);
        };
        if (inFlow && isBusy(clerk)) {
          const stop = onActionEnd(clerk, () => (stop(), forget()));
        } else forget();
      }
    };
  } catch {
    // A frozen instance: its sign-outs are named by the evidence that remains.
  }
  return calls;
}

const passed = (at: Date | null | undefined, now: number) => !!at && +at <= now;

/** What the provider does with its session ends (`sessionEnds()`). */
export interface SessionEnds {
  /** Follows this Clerk (another one starts afresh: its sessions are not this one's); returns the stop function. */
  watch(clerk: ClerkLike): () => void;
  /** Compares what the provider now shows with what it showed; reports each session that stopped being signed in. */
  observe(state: Pick<ClerkState, 'clerk' | 'client'>): void;
}

/**
 * Sees every session the provider shows as signed in (`client.signedInSessions`: active and pending) and names each end,
 * once, to `onEnd`. Fed by the provider's one subscription (`observe`, on every state it publishes).
 */
export function sessionEnds(onEnd: (end: SessionEndDetail) => void): SessionEnds {
  let following: ClerkLike | undefined;
  let calls = new Set<SignOutCall>();
  /** The sessions last shown signed in, as last seen (their `expireAt`, `abandonAt` and user name an end). */
  let shown = new Map<string, ClerkSession>();
  const ended = new Set<string>();
  let clientId: string | undefined;
  let heardUntil = 0;
  /** The sessions shown when another tab's word came: only they can have ended by it. */
  let heard = new Set<string>();
  let heardUsed = false;
  const told = new Map<string, SessionEndReason>();
  let channel: BroadcastChannel | undefined;

  const reasonFor = (session: ClerkSession, client: ClerkClient, now: number): SessionEndReason => {
    const { id } = session;
    for (const call of calls) if (!call.sessionId || call.sessionId === id) return call.reason;
    if (now < heardUntil && heard.has(id)) {
      heardUsed = true;
      return told.get(id) ?? 'other-tab';
    }
    const listed = client.sessions.find((candidate) => candidate.id === id);
    if (
      [session, listed].some((seen) => passed(seen?.expireAt, now) || passed(seen?.abandonAt, now)) ||
      /^(expired|abandoned)$/.test(listed?.status ?? '')
    ) {
      return 'expired';
    }
    // The same client: only the server drops or revokes a session of it (clerk-js learns it from a 401).
    return client.id === clientId && (!listed || listed.status === 'revoked') ? 'revoked' : 'unknown';
  };

  return {
    watch(clerk) {
      if (clerk !== following) {
        following = clerk;
        shown = new Map();
        ended.clear();
        clientId = undefined;
      }
      calls = recordSignOuts(clerk);
      const listening = (channel = new BroadcastChannel(CHANNEL));
      listening.onmessage = ({
        data,
      }: MessageEvent<{ type?: string; sessionId?: string; reason?: SessionEndReason }>) => {
        if (data?.type === TOLD_TYPE && TOLD.includes(data.reason!)) told.set(data.sessionId!, data.reason!);
        // clerk-js re-reads its client on this message only while it shows a session: otherwise nothing ends here
        // because of it (that also passes over its own message after it signed this tab out on a 401).
        else if (data?.type === 'signout' && clerk.session && !calls.size && Date.now() > (echoUntil.get(clerk) ?? 0)) {
          heardUntil = Date.now() + HEARD_MS;
          heard = new Set(shown.keys());
        }
      };
      return () => {
        listening.close();
        if (channel === listening) channel = undefined;
      };
    },

    observe({ clerk, client }) {
      if (!client || clerk !== following) return;
      const now = Date.now();
      const live = new Map(client.signedInSessions.map((signedIn) => [signedIn.id, signedIn]));
      const ends: SessionEndDetail[] = [];
      for (const [sessionId, last] of shown) {
        if (live.has(sessionId) || ended.has(sessionId)) continue;
        ended.add(sessionId);
        ends.push({ sessionId, userId: last.user?.id ?? null, reason: reasonFor(last, client, now) });
      }
      // Another tab's word explains the ends of the client fetch it causes, not later ones.
      for (const end of ends) heard.delete(end.sessionId);
      if (heardUsed) heard.clear();
      heardUsed = false;
      shown = live;
      clientId = client.id;
      for (const end of ends) {
        if (TOLD.includes(end.reason)) channel?.postMessage({ type: TOLD_TYPE, ...end });
        onEnd(end);
      }
    },
  };
}
