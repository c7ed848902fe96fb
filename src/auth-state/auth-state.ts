import { css, html, LitElement, nothing } from 'lit';
import { ClerkController } from '../clerk/clerk-controller.js';

/**
 * Shared base of the elements that show their children only in one state of the provider (`<clerk-signed-in>`,
 * `<clerk-signed-out>`, `<clerk-loading>`, `<clerk-loaded>`, `<clerk-failed>`, `<clerk-degraded>`). The host uses
 * `display: contents`, so the children lay out as if the element were not there.
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
    return this.showsFor(this.#clerk);
  }

  /** True when the children should show in the provider's current state (read through the element's controller). */
  protected abstract showsFor(clerk: ClerkController): boolean;

  protected override render() {
    // Without a slot the light-DOM children are not rendered at all (and are hidden from assistive technology).
    return this.active ? html`<slot></slot>` : nothing;
  }
}
