import type { ClerkController } from '../clerk/clerk-controller.js';
import { AuthStateElement } from './auth-state.js';

/**
 * Shows its children once Clerk has loaded and knows whether anyone is signed in (someone or nobody), also while its
 * Frontend API is degraded; nothing while Clerk loads or after it failed to load.
 *
 * @summary Content once Clerk has loaded.
 * @slot - What shows once Clerk has loaded.
 */
export class ClerkLoaded extends AuthStateElement {
  protected override showsFor(clerk: ClerkController): boolean {
    return clerk.ready;
  }
}
