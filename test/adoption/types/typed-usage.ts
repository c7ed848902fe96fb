// Compiled by `npm run typecheck` only (not a test file): proves the public types work as the README shows.
import { Clerk } from '@clerk/clerk-js';
import type { ClerkLike, ClerkSignOutButton, SignedOutEvent } from '../../../src/index.js';

// A real clerk-js instance fits the structural type the provider takes.
const clerk: ClerkLike = new Clerk('pk_test_' + btoa('clerk.example.com$'));
document.createElement('clerk-provider').clerk = clerk;

// Tags map to their classes.
const button: ClerkSignOutButton = document.createElement('clerk-sign-out-button');
button.redirectUrl = '/';
button.scope = 'current';
// @ts-expect-error scope only takes 'all' | 'current'
button.scope = 'everyone';

// Events are typed on every element and on document.
button.addEventListener('signed-out', (event) => {
  const ids: readonly string[] = event.detail.sessionIds;
  const redirect: string | null = event.detail.redirectUrl;
  event.preventDefault();
  void ids;
  void redirect;
});
document.addEventListener('sign-out-error', (event) => event.detail.error.message.toUpperCase());
document.addEventListener('clerk-loaded', (event) => event.detail.clerk.loaded);
button.addEventListener('sign-out', (event) => {
  const sessionId: string | null = event.detail.sessionId;
  if (sessionId === null) event.preventDefault();
});
// @ts-expect-error the detail of signed-out has no `error`
document.addEventListener('signed-out', (event) => event.detail.error);
export const typed: SignedOutEvent['detail']['userId'] = null;
void button.signOut().then((result) => result.outcome === 'failed' && result.error?.message);
