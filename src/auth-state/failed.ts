import type { ClerkController } from '../clerk/clerk-controller.js';
import { AuthStateElement } from './auth-state.js';

/**
 * Shows its children when Clerk could not load, so nobody's sign-in state is known: its script was unreachable, its
 * `load()` failed, or it loaded without its Frontend API and knows no user (clerk-js's `degraded` with nobody, which
 * is not "signed out"). The provider's `status` is `error`, and it fired `clerk-error`.
 *
 * @summary Content when Clerk could not load.
 * @slot - What shows when Clerk could not load (e.g. "Sign-in is unavailable right now").
 */
export class ClerkFailed extends AuthStateElement {
  protected override showsFor(clerk: ClerkController): boolean {
    return clerk.state?.status === 'error';
  }
}
