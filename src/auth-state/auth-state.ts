import { css, html, LitElement, nothing } from 'lit';
import { ClerkStateController } from '../clerk-consumer.js';
import type { ClerkState } from '../context.js';

/**
 * Shared base of `<clerk-signed-in>` and `<clerk-signed-out>`: renders its children (through a `<slot>`) only when the
 * provider's state matches, and nothing while Clerk loads or has failed. The host uses `display: contents`, so the
 * children lay out as if the element were not there.
 */
export abstract class AuthStateElement extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly clerk = new ClerkStateController(this);

  /** Whether the children are shown right now. */
  get active(): boolean {
    const state = this.clerk.state;
    return state?.status === 'ready' && state.user !== undefined && this.showsFor(state);
  }

  /** True when the children should show for this (loaded, settled) state. */
  protected abstract showsFor(state: ClerkState): boolean;

  protected override render() {
    // Without a slot the light-DOM children are not rendered at all (and are hidden from assistive technology).
    return this.active ? html`<slot></slot>` : nothing;
  }
}
