import type { ClerkController } from '../clerk/clerk-controller.js';
import { AuthStateElement } from './auth-state.js';

/**
 * Shows its children only once Clerk has loaded and nobody is signed in; nothing while Clerk loads or has failed.
 *
 * @summary Content for signed-out visitors only.
 * @slot - What signed-out visitors see (e.g. a "You are signed out" message or a sign-in link).
 */
export class ClerkSignedOut extends AuthStateElement {
  protected override showsFor(clerk: ClerkController): boolean {
    return clerk.ready && !clerk.user;
  }
}
