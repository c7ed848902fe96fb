import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MenuCloseEvent, MenuOpenEvent, type MenuCloseReason } from '../contract/events.js';

/** The element whose `open` property this controller drives. */
export interface MenuOpenHost extends ReactiveControllerHost, HTMLElement {
  open: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Puts focus on the first or last item of the open menu (the menu's keyboard controller). */
export interface MenuItemsFocus {
  focusFirst(): void;
  focusLast(): void;
}

/**
 * Whether the menu is open (the host's `open` property), and how it changes: opening with focus on an item; closing
 * with a reason, and focus back on the trigger when APG asks for it (again once the popover is hidden, which may hand
 * focus to whatever had it before the menu opened); closing when focus leaves the element; `menu-open` and
 * `menu-close` once the change has rendered; and focus on the first item when the focused one went away while open.
 */
export class MenuOpenController implements ReactiveController {
  #host: MenuOpenHost;
  #items: MenuItemsFocus;
  #trigger: () => HTMLElement | null;
  #closeReason: MenuCloseReason = 'property';
  /** `open` as last rendered (`undefined` before the first update, which fires no event). */
  #wasOpen: boolean | undefined;
  #focusTriggerAfterUpdate = false;
  #hadFocusBeforeUpdate = false;

  constructor(host: MenuOpenHost, items: MenuItemsFocus, trigger: () => HTMLElement | null) {
    this.#host = host;
    this.#items = items;
    this.#trigger = trigger;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('focusout', this.#onFocusOut);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('focusout', this.#onFocusOut);
  }

  hostUpdate(): void {
    this.#hadFocusBeforeUpdate = this.#host.open && this.focusInside(); // read only while open (hostUpdated)
  }

  hostUpdated(): void {
    const open = this.#host.open;
    if (this.#wasOpen !== undefined && open !== this.#wasOpen) {
      this.#host.dispatchEvent(open ? new MenuOpenEvent() : new MenuCloseEvent(this.#closeReason));
      this.#closeReason = 'property';
    }
    this.#wasOpen = open;
    if (this.#focusTriggerAfterUpdate) {
      this.#focusTriggerAfterUpdate = false;
      this.#trigger()?.focus();
    } else if (open && this.#hadFocusBeforeUpdate && !this.focusInside()) {
      this.#items.focusFirst(); // the focused item went away (e.g. that account signed out elsewhere)
    }
  }

  /** Focus is on the trigger, an item or a slotted item. (The root's activeElement is retargeted to this tree.) */
  focusInside(): boolean {
    const host = this.#host;
    const active = (host.getRootNode() as Document | ShadowRoot).activeElement;
    return !!active && (active === host || host.contains(active));
  }

  /** Opens the menu, then puts focus on its first or last item once it has rendered. */
  async open(focus: 'first' | 'last'): Promise<void> {
    this.#host.open = true;
    await this.#host.updateComplete;
    if (!this.#host.open) return;
    if (focus === 'first') this.#items.focusFirst();
    else this.#items.focusLast();
  }

  /** `focusTrigger`: focus moves to the trigger now (before the items disappear), as APG asks after Escape or a choice. */
  close(reason: MenuCloseReason, focusTrigger: boolean): void {
    if (!this.#host.open) return;
    this.#closeReason = reason;
    if (focusTrigger) {
      this.#trigger()?.focus();
      this.#focusTriggerAfterUpdate = true;
    }
    this.#host.open = false;
  }

  /** Focus goes to the trigger after the next update when `hadFocus` (e.g. a new one, once Clerk switched accounts). */
  focusTriggerAfterUpdate(hadFocus: boolean): void {
    this.#focusTriggerAfterUpdate = hadFocus;
    this.#host.requestUpdate();
  }

  /** The trigger was clicked. */
  toggle = (): void => {
    if (this.#host.open) this.close('trigger', false);
    else void this.open('first');
  };

  /** Focus leaving the element (e.g. a screen reader's virtual cursor, or a click on another control) closes the menu. */
  #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    const host = this.#host;
    if (!host.open || !(next instanceof Node)) return;
    if (next === host || host.contains(next) || host.renderRoot.contains(next)) return;
    this.close('focus-out', false);
  };
}
