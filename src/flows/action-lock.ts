import type { ClerkLike } from '../clerk/clerk.js';

/** What a Clerk is busy with. The provider holds its published user while any of them is in flight. */
export type ActionKind = 'sign-out' | 'switch-session' | 'revoke-devices' | 'idle-sign-out';

/** One Clerk action at a time per instance: clerk-js has no guard, and repeated clicks would send repeated requests. */
const inFlight = new WeakMap<ClerkLike, ActionKind>();
const endListeners = new WeakMap<ClerkLike, Set<() => void>>();

/** Whether an action of the package (any flow) is in flight on this Clerk. */
export function isBusy(clerk: ClerkLike | undefined): boolean {
  return !!clerk && inFlight.has(clerk);
}

/** The action of the package in flight on this Clerk (what it is busy with), if any. */
export function actionInFlight(clerk: ClerkLike | undefined): ActionKind | undefined {
  return clerk && inFlight.get(clerk);
}

/**
 * Whether a sign-out started by one of the package's elements (or by `signOut()`) is in flight on this Clerk. While it
 * is, Clerk reports passing states (no user) that are not the outcome: code of your own can wait for `signed-out` or
 * `sign-out-error` instead.
 *
 * @example
 * ```ts
 * import { isSigningOut } from 'clerk-sign-out-elements';
 *
 * clerk.addListener(({ user }) => {
 *   if (user === null && !isSigningOut(clerk)) showSignedOutPage();
 * });
 * ```
 */
export function isSigningOut(clerk: ClerkLike | undefined): boolean {
  return !!clerk && inFlight.get(clerk) === 'sign-out';
}

/**
 * Runs `action` as the Clerk's one action in flight, then tells the end listeners (the provider reads Clerk again).
 * The caller checks `isBusy` first; this never runs two at once.
 */
export async function runExclusive<T>(clerk: ClerkLike, kind: ActionKind, action: () => Promise<T>): Promise<T> {
  if (inFlight.has(clerk)) throw new Error(`A Clerk ${inFlight.get(clerk)} is already in flight.`);
  inFlight.set(clerk, kind);
  try {
    return await action();
  } finally {
    inFlight.delete(clerk);
    for (const listener of [...(endListeners.get(clerk) ?? [])]) listener();
  }
}

/**
 * Calls `listener` whenever an action on this Clerk ends, whatever its outcome. clerk-js reports passing states while it
 * signs out (and while the flow restores a session after a failure), so the provider holds its last settled state until
 * then and reads Clerk again here. Returns the unsubscribe function.
 */
export function onActionEnd(clerk: ClerkLike, listener: () => void): () => void {
  let listeners = endListeners.get(clerk);
  if (!listeners) endListeners.set(clerk, (listeners = new Set()));
  listeners.add(listener);
  return () => listeners.delete(listener);
}
