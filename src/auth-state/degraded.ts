import type { ClerkController } from '../clerk/clerk-controller.js';
import { AuthStateElement } from './auth-state.js';

/**
 * Shows its children while Clerk's own status is `degraded`: Clerk loaded, but its Frontend API is failing (it did not
 * answer while loading, or a session token could not be refreshed), whether or not a user is known. With nobody
 * known, `<clerk-failed>` shows too; with a user known, `<clerk-signed-in>` and `<clerk-loaded>` do.
 *
 * @summary Content while Clerk's Frontend API is failing.
 * @slot - What shows while Clerk is degraded (e.g. "Some account features are unavailable right now").
 */
export class ClerkDegraded extends AuthStateElement {
  protected override showsFor(clerk: ClerkController): boolean {
    return !!clerk.state?.degraded;
  }
}
