import { css, html } from 'lit';
import type { ClerkController } from '../clerk/clerk-controller.js';

/**
 * Every element's messages, written once (its `ClerkController` holds them): `#error` (`role="alert"`, a failure) and
 * `#notice` (`role="status"`: still trying, done, unavailable), in `#messages`. Always rendered and never inside
 * anything the element hides (the menu's popup), so they are in the accessibility tree before their text arrives and
 * are announced when it does. The control's `aria-describedby` is `clerk.describedBy`.
 */
export const messages = (clerk: ClerkController) =>
  html`<span id="messages" part="messages" ?data-shown=${!!clerk.describedBy}
    ><span id="error" part="error" role="alert">${clerk.error}</span
    ><span id="notice" part="notice" role="status">${clerk.notice}</span></span
  >`;

/**
 * `messages()` as a callout under the host (`position: relative`): out of the page's flow, so nothing moves when it
 * shows; on the theme's surface, so it reads the same over any page. `placeCallout` keeps it in the viewport. (An
 * ancestor that clips its overflow clips it too, as it clips anything that overflows it.)
 */
export const calloutStyles = css`
  #messages {
    position: absolute;
    inset-block-start: calc(100% + 4px);
    inset-inline-start: 0;
    z-index: 1000;
    inline-size: max-content;
    max-inline-size: 20rem;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-size: 0.875rem;
  }
  [data-shown] {
    padding: 0.375em 0.75em;
    box-shadow: var(--_shadow);
  }
  #error {
    color: var(--_danger);
  }
`;

/**
 * After an update: the shown callout flipped to the host's other side where the viewport has no room for it (lined up
 * with the host's other edge, or above it).
 */
export function placeCallout(host: HTMLElement, clerk: ClerkController): void {
  const callout = clerk.describedBy && host.shadowRoot!.getElementById('messages');
  if (!callout) return;
  callout.style.translate = '';
  const box = callout.getBoundingClientRect();
  const anchor = host.getBoundingClientRect();
  // Lined up with the host's other edge (its width is at most 20rem, so that fits beside any host but a tiny screen's).
  const x =
    box.right > document.documentElement.clientWidth - 8
      ? anchor.right - box.right
      : box.left < 8
        ? anchor.left - box.left
        : 0;
  callout.style.translate = `${x}px ${box.bottom > innerHeight ? anchor.top - box.bottom - 4 : 0}px`;
}
