import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { ClerkController } from '../clerk/clerk-controller.js';
import type { SessionEndReason } from '../contract/events.js';
import { AuthStateElement } from './auth-state.js';
import { showsSignedIn } from './signed-in.js';

const REASONS: readonly SessionEndReason[] = ['sign-out', 'other-tab', 'revoked', 'expired', 'idle', 'unknown'];

/**
 * Shows its children only once Clerk has loaded and nobody is signed in (a pending session counts as signed out unless
 * the provider has `treat-pending-as-signed-in`); nothing while Clerk loads or has failed. With `reason`, only when the
 * last session end on this page had one of those reasons.
 *
 * @summary Content for signed-out visitors only.
 * @slot - What signed-out visitors see (e.g. a "You are signed out" message or a sign-in link).
 */
export class ClerkSignedOut extends AuthStateElement {
  static override properties: PropertyDeclarations = { reason: {} };

  /**
   * Space-separated session-end reasons (`sign-out`, `other-tab`, `revoked`, `expired`, `idle`, `unknown`): the children
   * show only when the last session end on this page had one of them, e.g. `reason="idle"` for "You were signed out
   * after 15 minutes without activity". Without it: whenever nobody is signed in.
   */
  reason?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const unknown = this.#reasons().filter((reason) => !REASONS.includes(reason as SessionEndReason));
    if (changed.has('reason') && unknown.length) {
      console.warn(
        `<clerk-signed-out> reason="${this.reason}": unknown "${unknown.join(' ')}"; use ${REASONS.join(' ')}.`,
      );
    }
  }

  protected override showsFor(clerk: ClerkController): boolean {
    const reasons = this.#reasons();
    const state = clerk.state!;
    return (
      clerk.ready && !showsSignedIn(state) && (!reasons.length || reasons.includes(state.sessionEnd?.reason as string))
    );
  }

  #reasons(): string[] {
    return this.reason?.split(/\s+/).filter(Boolean) ?? [];
  }
}
