import type { ClerkLike } from '../clerk/clerk.js';

/** How many providers use each Clerk; 0 once every provider that had it moved on (see `isRetired`). */
const providerUses = new WeakMap<ClerkLike, number>();

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
