import type { ClerkLike } from '../clerk/clerk.js';

/** What a Clerk is busy with. The provider holds its published user only while a sign-out is in flight. */
export type FlightKind = 'sign-out' | 'switch-session' | 'revoke-devices';

/** One Clerk action at a time per instance: clerk-js has no guard, and repeated clicks would send repeated requests. */
const inFlight = new WeakMap<ClerkLike, FlightKind>();
const endListeners = new WeakMap<ClerkLike, Set<() => void>>();
/** How many providers use each Clerk; 0 once every provider that had it moved on (see `isRetired`). */
const providerUses = new WeakMap<ClerkLike, number>();

export function isBusy(clerk: ClerkLike | undefined): boolean {
  return !!clerk && inFlight.has(clerk);
}

export function isSigningOut(clerk: ClerkLike | undefined): boolean {
  return !!clerk && inFlight.get(clerk) === 'sign-out';
}

/**
 * Runs `action` as the Clerk's one action in flight, then tells the end listeners (the provider reads Clerk again).
 * The caller checks `isBusy` first; this never runs two at once.
 */
export async function runExclusive<T>(clerk: ClerkLike, kind: FlightKind, action: () => Promise<T>): Promise<T> {
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
export function onFlightEnd(clerk: ClerkLike, listener: () => void): () => void {
  let listeners = endListeners.get(clerk);
  if (!listeners) endListeners.set(clerk, (listeners = new Set()));
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A provider starts (`+1`) or stops (`-1`) using this Clerk. */
export function countProviderUse(clerk: ClerkLike, change: 1 | -1): void {
  providerUses.set(clerk, Math.max(0, (providerUses.get(clerk) ?? 0) + change));
}

/**
 * True once every provider that used this Clerk was given another one (or none): a flow still in flight on it may
 * report its outcome, but must not navigate the page, which now belongs to another Clerk.
 */
export function isRetired(clerk: ClerkLike): boolean {
  return providerUses.get(clerk) === 0;
}
