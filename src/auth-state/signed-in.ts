import type { ClerkController } from '../clerk/clerk-controller.js';
import type { ClerkState } from '../clerk/context.js';
import { AuthStateElement } from './auth-state.js';

/**
 * Whether the state shows someone signed in: a user, whose session is not pending (tasks left), unless the provider has
 * `treat-pending-as-signed-in`. Clerk's `<Show when="signed-in">` treats a pending session as signed out too.
 */
export const showsSignedIn = (state: ClerkState): boolean =>
  !!state.user && (state.treatPendingAsSignedIn || state.session?.status !== 'pending');

/**
 * Shows its children only while a user is signed in; nothing while Clerk loads, has failed, or nobody is signed in. A
 * pending session (session tasks left) counts as signed out unless the provider has `treat-pending-as-signed-in`.
 *
 * @summary Content for signed-in users only.
 * @slot - What signed-in users see (e.g. `<clerk-sign-out-button>`).
 */
export class ClerkSignedIn extends AuthStateElement {
  protected override showsFor(clerk: ClerkController): boolean {
    return clerk.ready && showsSignedIn(clerk.state!);
  }
}
