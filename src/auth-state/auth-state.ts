import { css, html, LitElement, nothing } from 'lit';
import { ClerkController } from '../clerk/clerk-controller.js';
import type { ClerkState } from '../clerk/context.js';

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

  readonly #clerk = new ClerkController(this);

  /** Whether the children are shown right now. */
  get active(): boolean {
    return this.#clerk.ready && this.showsFor(this.#clerk.state!);
  }

  /** True when the children should show for this (loaded, settled) state. */
  protected abstract showsFor(state: ClerkState): boolean;

  protected override render() {
    // Without a slot the light-DOM children are not rendered at all (and are hidden from assistive technology).
    return this.active ? html`<slot></slot>` : nothing;
  }
}
