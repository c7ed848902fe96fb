import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { setOrRemoveAttribute } from '../internal/dom.js';

export interface MenuKeyboardOptions {
  /** The menu items in visual order: the element's own and the app's slotted ones. */
  items(): HTMLElement[];
  isOpen(): boolean;
  /** Open the menu, then put focus on its first or last item. */
  open(focus: 'first' | 'last'): void;
  /** Close the menu. `escape` returns focus to the trigger; `tab` lets the browser move focus on from the trigger. */
  close(reason: 'escape' | 'tab'): void;
}

/** Roles a slotted item may already have; anything else becomes a `menuitem`. */
const ITEM_ROLES = new Set(['menuitem', 'menuitemcheckbox', 'menuitemradio']);

/**
 * The WAI-ARIA APG Menu Button keyboard model. Focus moves between items programmatically and every item has
 * `tabindex="-1"`, so Tab never walks through the menu: it closes it (APG) and moves on from the trigger.
 * Slotted items get the same role and tabindex as the built-in ones, and lose them again when they leave the slot.
 */
export class MenuKeyboardController implements ReactiveController {
  /** Slotted elements this controller gave a role/tabindex to, with the values they had before. */
  #managed = new Map<HTMLElement, { role: string | null; tabindex: string | null }>();

  #options: MenuKeyboardOptions;

  constructor(host: ReactiveControllerHost, options: MenuKeyboardOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    // Closed, the items change only with the slot's content (sync on slotchange): a user switch does not look for them.
    if (this.#options.isOpen()) this.sync();
  }

  /** Gives the app's slotted items the menu's role and tabindex, and gives back what they had when they leave. */
  sync = (): void => {
    const items = this.#options.items();
    for (const item of items) this.#manage(item);
    for (const [element, original] of this.#managed) {
      if (items.includes(element)) continue;
      setOrRemoveAttribute(element, 'role', original.role);
      setOrRemoveAttribute(element, 'tabindex', original.tabindex);
      this.#managed.delete(element);
    }
  };

  focusFirst(): void {
    this.#focusAt(0);
  }

  focusLast(): void {
    this.#focusAt(-1);
  }

  /** Keys on the trigger: Enter, Space and ArrowDown open on the first item, ArrowUp on the last. */
  onTriggerKeydown = (event: KeyboardEvent): void => {
    if (hasModifier(event)) return;
    const focus = { Enter: 'first', ' ': 'first', ArrowDown: 'first', ArrowUp: 'last' }[event.key] as
      'first' | 'last' | undefined;
    if (!focus) return;
    event.preventDefault(); // no click from Enter/Space: the menu opens here, once
    this.#options.open(focus);
  };

  /** Keys inside the open menu. */
  onMenuKeydown = (event: KeyboardEvent): void => {
    if (isTab(event)) return this.#options.close('tab'); // default action kept: focus moves on from the trigger
    if (hasModifier(event)) return;
    const items = this.#options.items();
    const current = items.findIndex((item) => item.matches(':focus'));
    switch (event.key) {
      case 'ArrowDown':
        return this.#handled(event, () => this.#focusAt(current + 1));
      case 'ArrowUp':
        return this.#handled(event, () => this.#focusAt(current < 0 ? -1 : current - 1));
      case 'Home':
        return this.#handled(event, () => this.#focusAt(0));
      case 'End':
        return this.#handled(event, () => this.#focusAt(-1));
      case 'Escape':
        event.stopPropagation(); // the menu consumed it: an enclosing dialog must not close too
        return this.#handled(event, () => this.#options.close('escape'));
      case 'Enter':
      case ' ':
        // One activation for buttons and links alike (a native button would click again on Space keyup).
        return this.#handled(event, () => activate(items[current]));
    }
    if (event.key.length === 1 && event.key !== ' ') this.#typeAhead(event.key, items, current);
  };

  /**
   * The keydown handler has activated the item already. Chromium then skips the native Space click; engines that click on
   * keyup regardless of the keydown (Firefox) need the keyup cancelled too.
   */
  onMenuKeyup = (event: KeyboardEvent): void => {
    if (event.key === ' ') event.preventDefault();
  };

  #manage(item: HTMLElement): void {
    const role = item.getAttribute('role');
    const tabindex = item.getAttribute('tabindex');
    const needsRole = !role || !ITEM_ROLES.has(role);
    if (!needsRole && tabindex === '-1') return; // the built-in items are rendered this way
    if (!this.#managed.has(item)) this.#managed.set(item, { role, tabindex });
    if (needsRole) item.setAttribute('role', 'menuitem');
    item.setAttribute('tabindex', '-1');
  }

  #focusAt(index: number): void {
    const items = this.#options.items().filter(canFocus);
    if (!items.length) return;
    focusInView(items[((index % items.length) + items.length) % items.length]);
  }

  #handled(event: KeyboardEvent, action: () => void): void {
    event.preventDefault();
    action();
  }

  /** APG type-ahead: a printable key moves to the next item whose label starts with it. */
  #typeAhead(key: string, items: HTMLElement[], current: number): void {
    const wanted = key.toLocaleLowerCase();
    for (let step = 1; step <= items.length; step++) {
      const item = items[(current + step + items.length) % items.length];
      if (canFocus(item) && labelOf(item).startsWith(wanted)) return focusInView(item);
    }
  }
}

/** Focuses an item, all of it in view when the menu scrolls (in Firefox, focus alone can leave a tall one half out). */
function focusInView(item: HTMLElement): void {
  item.focus();
  item.scrollIntoView({ block: 'nearest' });
}

/** Tab or Shift+Tab. WebKitGTK reports Shift+Tab as key "Unidentified" (GDK's ISO_Left_Tab), with code "Tab". */
function isTab(event: KeyboardEvent): boolean {
  return event.key === 'Tab' || (event.key === 'Unidentified' && event.code === 'Tab');
}

function hasModifier(event: KeyboardEvent): boolean {
  return event.altKey || event.ctrlKey || event.metaKey;
}

function canFocus(item: HTMLElement): boolean {
  return !item.hasAttribute('disabled');
}

function activate(item: HTMLElement | undefined): void {
  if (item && item.getAttribute('aria-disabled') !== 'true') item.click();
}

function labelOf(item: HTMLElement): string {
  return (item.getAttribute('aria-label') ?? item.textContent ?? '').trim().toLocaleLowerCase();
}
