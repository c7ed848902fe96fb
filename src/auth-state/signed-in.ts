import type { ClerkController } from '../clerk/clerk-controller.js';
import { AuthStateElement } from './auth-state.js';

/**
 * Shows its children only while a user is signed in; nothing while Clerk loads, has failed, or nobody is signed in.
 *
 * @summary Content for signed-in users only.
 * @slot - What signed-in users see (e.g. `<clerk-sign-out-button>`).
 */
export class ClerkSignedIn extends AuthStateElement {
  protected override showsFor(clerk: ClerkController): boolean {
    return clerk.signedIn;
  }
}
