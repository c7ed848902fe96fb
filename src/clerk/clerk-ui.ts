import type { ClerkLike } from './clerk.js';

/**
 * Whether Clerk's own UI can open its modals: clerk-js 6 (Core 3) reports `uiVersion` once `@clerk/ui` is loaded;
 * clerk-js 5 (Core 2) has no `uiVersion` because its UI is always bundled in it.
 */
export function hasClerkUi(clerk: ClerkLike | undefined): boolean {
  return !!clerk && (!!clerk.uiVersion || /^5\./.test(clerk.version ?? ''));
}
