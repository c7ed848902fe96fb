import { html } from '@open-wc/testing';
import type { ClerkUserMenu } from '../../src/index.js';
import { connectEmulator, FakeClerk, type EmulatorConnection, type EmulatorSession } from '../../src/testing/index.js';
import { until, withProvider } from './fixtures.js';

export const menuTemplate = html`<clerk-user-menu></clerk-user-menu>`;

/** A provider with a signed-in fake (or the given one) around `content` (a plain menu by default). */
export function withMenu(content = menuTemplate, clerk: FakeClerk = FakeClerk.signedIn()) {
  return withProvider<ClerkUserMenu>(content, clerk);
}

export function shadow(el: ClerkUserMenu): ShadowRoot {
  if (!el.shadowRoot) throw new Error('<clerk-user-menu> has no shadow root');
  return el.shadowRoot;
}

export function trigger(el: ClerkUserMenu): HTMLButtonElement {
  const button = shadow(el).querySelector<HTMLButtonElement>('[part~="trigger"]');
  if (!button) throw new Error('<clerk-user-menu> renders no trigger');
  return button;
}

export function popup(el: ClerkUserMenu): HTMLElement {
  const element = shadow(el).querySelector<HTMLElement>('[part~="menu"]');
  if (!element) throw new Error('<clerk-user-menu> renders no menu');
  return element;
}

export function menu(el: ClerkUserMenu): HTMLElement {
  const element = shadow(el).querySelector<HTMLElement>('[role="menu"]');
  if (!element) throw new Error('<clerk-user-menu> renders no role="menu"');
  return element;
}

/** The built-in item with this part name (e.g. `sign-out`), or null. */
export function item(el: ClerkUserMenu, part: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="item"][part~="${part}"]`);
}

export function mustItem(el: ClerkUserMenu, part: string): HTMLElement {
  const found = item(el, part);
  if (!found) throw new Error(`no ${part} item`);
  return found;
}

/** Every menuitem as a screen reader meets them: the built-in ones and the slotted ones, in flat-tree order. */
export function menuItems(el: ClerkUserMenu): HTMLElement[] {
  const items: HTMLElement[] = [];
  const walk = (node: Element) => {
    for (const child of node instanceof HTMLSlotElement
      ? node.assignedElements({ flatten: true })
      : [...node.children]) {
      if (child.getAttribute('role') === 'menuitem') items.push(child as HTMLElement);
      else walk(child);
    }
  };
  walk(menu(el));
  return items;
}

/** Item labels as a screen reader would read them (text without the aria-hidden initials). */
export function labelOf(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return (clone.getAttribute('aria-label') ?? clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function itemLabels(el: ClerkUserMenu): string[] {
  return menuItems(el).map(labelOf);
}

/** The element that really has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function isShown(element: Element): boolean {
  return element.checkVisibility();
}

export async function openByClick(el: ClerkUserMenu): Promise<void> {
  trigger(el).click();
  await el.updateComplete;
}

/** Opens the menu by a click unless it is open: a closed menu renders none of its items, preview or accounts. */
export async function openMenu(el: ClerkUserMenu): Promise<void> {
  if (!el.open) await openByClick(el);
}

/** Asserts that two elements are the same, with a short message (chai can hang formatting Lit-rendered nodes). */
export function expectSame(actual: Element | EventTarget | null, expected: Element | null, what = 'element'): void {
  if (actual !== expected) throw new Error(`${what}: expected ${describe(expected)} but got ${describe(actual)}`);
}

/** Asserts where focus really is (through shadow roots). */
export function expectFocusOn(expected: Element | null): void {
  expectSame(deepActiveElement(), expected, 'focus');
}

function describe(target: Element | EventTarget | null): string {
  if (!(target instanceof Element)) return String(target);
  const part = target.getAttribute('part');
  return `<${target.localName}${target.id ? `#${target.id}` : ''}${part ? ` part="${part}"` : ''}> "${labelOf(target).slice(0, 40)}"`;
}

// ---- on the real clerk-js (test/real-clerk/)
/** A fresh tenant where Ada and then Grace signed in on this client: Grace's session is the active one. */
export async function adaAndGrace(): Promise<{
  emulator: EmulatorConnection;
  ada: EmulatorSession;
  grace: EmulatorSession;
}> {
  const emulator = connectEmulator();
  await emulator.reset();
  const ada = await emulator.signIn(await emulator.createUser({ firstName: 'Ada', lastName: 'Lovelace' }));
  const grace = await emulator.signIn(await emulator.createUser({ firstName: 'Grace', lastName: 'Hopper' }));
  return { emulator, ada, grace };
}

/** Opens the menu with a click on the avatar and resolves with the built-in item of that part (e.g. `sign-out`). */
export async function menuItem(menu: ClerkUserMenu, part: string, text?: string): Promise<HTMLElement> {
  const root = menu.shadowRoot!;
  if (!menu.open) root.querySelector<HTMLElement>('[part~="trigger"]')!.click();
  await until(() => menu.open, 'the menu to open', 8000);
  await menu.updateComplete;
  const items = [...root.querySelectorAll<HTMLElement>(`[part~="item"][part~="${part}"]`)];
  const item = items.find((candidate) => !text || candidate.textContent?.includes(text));
  if (!item) throw new Error(`no ${part} item${text ? ` with "${text}"` : ''} in the menu`);
  return item;
}

/** The name the menu's trigger shows (with `show-name`). */
export const shownName = (menu: ClerkUserMenu) =>
  menu.shadowRoot!.querySelector('[part~="name"]')?.textContent?.trim() ?? null;
