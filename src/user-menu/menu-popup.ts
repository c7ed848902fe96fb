import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { positionMenu } from './menu-position.js';

/**
 * The popover attribute puts the menu in the top layer: no ancestor's overflow, z-index or transform can clip it.
 * (A server has no HTMLElement: the module must import there all the same.)
 */
export const popoverSupported = typeof HTMLElement != 'undefined' && 'showPopover' in HTMLElement.prototype;

export interface MenuPopupOptions {
  popup(): HTMLElement | null;
  trigger(): HTMLElement | null;
  isOpen(): boolean;
  /** A pointer went down outside the element (its composed path does not include the host). */
  onOutsidePointer(): void;
}

/**
 * Shows and hides the menu's popup after each update (as a popover where supported), keeps it placed beside the trigger
 * while open (page scroll, window resize, its own size), and reports pointer presses outside. Document and window
 * listeners are attached only while the menu is open.
 */
export class MenuPopupController implements ReactiveController {
  #tracking = false;
  #resizeObserver = new ResizeObserver(() => this.reposition());

  #host: ReactiveControllerHost & HTMLElement;
  #options: MenuPopupOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: MenuPopupOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    // Closed and not shown (tracking starts when it is shown): nothing to hide, so a user switch skips the DOM here.
    if (!this.#tracking && !this.#options.isOpen()) return;
    const popup = this.#options.popup();
    // Out of the document a popover cannot show; the host asks for an update when it is put back.
    if (!popup || !this.#options.isOpen() || !this.#host.isConnected) {
      this.#stopTracking();
      if (popup && popoverSupported && popup.matches(':popover-open')) popup.hidePopover();
      return;
    }
    if (popoverSupported && !popup.matches(':popover-open')) popup.showPopover();
    this.reposition();
    this.#startTracking(popup);
  }

  hostConnected(): void {
    // Moved in the DOM while open: the browser hid the popover on removal; show it again.
    if (this.#options.isOpen()) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#stopTracking();
  }

  reposition = (): void => {
    const popup = this.#options.popup();
    const trigger = this.#options.trigger();
    if (this.#options.isOpen() && popup && trigger) positionMenu(popup, trigger);
  };

  /** `composedPath()` sees through shadow roots (ours and any around us). */
  #onDocumentPointerDown = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this.#host)) this.#options.onOutsidePointer();
  };

  #startTracking(popup: HTMLElement): void {
    if (this.#tracking) return;
    this.#tracking = true;
    document.addEventListener('pointerdown', this.#onDocumentPointerDown, true);
    window.addEventListener('resize', this.reposition);
    window.addEventListener('scroll', this.reposition, { capture: true, passive: true });
    this.#resizeObserver.observe(popup);
  }

  #stopTracking(): void {
    if (!this.#tracking) return;
    this.#tracking = false;
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown, true);
    window.removeEventListener('resize', this.reposition);
    window.removeEventListener('scroll', this.reposition, { capture: true });
    this.#resizeObserver.disconnect();
  }
}
