import type { ClerkController } from '../clerk/clerk-controller.js';
import { AuthStateElement } from './auth-state.js';

/**
 * Shows its children while whether anyone is signed in is not known yet: Clerk is loading (also before the elements
 * are defined, with `no-flash.css`), or the provider is settling after an action. Nothing once Clerk has loaded or
 * failed to load, nor while `<clerk-idle-sign-out>` hides a known user's page (that is no loading).
 *
 * @summary Content while Clerk loads.
 * @slot - What shows while Clerk loads (e.g. a placeholder or "Loading…").
 */
export class ClerkLoading extends AuthStateElement {
  protected override showsFor(clerk: ClerkController): boolean {
    return clerk.loading && !clerk.state?.concealed;
  }
}
