import { html } from '@open-wc/testing';
import type { ClerkActiveDevices } from '../../src/index.js';
import { FakeClerk, fakeUser, type FakeClerkInit } from '../../src/testing/index.js';
import { IPHONE, MAC, UNKNOWN } from './sample-activities.js';
import { until, withProvider } from './fixtures.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A fake Clerk with Ada signed in here and on an iPhone (5 minutes ago), a Mac (2 h ago) and an unknown device. */
export function adaEverywhere(init: FakeClerkInit = {}) {
  const clerk = new FakeClerk({ users: [fakeUser({ id: 'user_ada' })], ...init });
  const phone = clerk.addDevice({ activity: IPHONE, lastActiveAt: new Date(Date.now() - 5 * MINUTE) });
  const mac = clerk.addDevice({ activity: MAC, lastActiveAt: new Date(Date.now() - 2 * HOUR) });
  const unknown = clerk.addDevice({ activity: UNKNOWN, lastActiveAt: new Date(Number.NaN) });
  return { clerk, phone, mac, unknown, here: clerk.session!.id };
}

/** `<clerk-active-devices>` in a provider holding `clerk`; resolves once its list (or whatever it shows) is there. */
export async function mountDevices(clerk: FakeClerk, template = html`<clerk-active-devices></clerk-active-devices>`) {
  const mounted = await withProvider<ClerkActiveDevices>(template, clerk);
  await until(() => !mounted.el.shadowRoot?.querySelector('[part~="status"][role="status"]'), 'the list to load');
  await mounted.el.updateComplete;
  return mounted;
}

export function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function parts(el: Element, name: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

/** Each row as text: its parts' texts, `|`-separated, e.g. `iPhone|Safari 17.1|Berlin, DE|203.0.113.7|5 minutes ago`. */
export function rowTexts(el: Element): string[] {
  return parts(el, 'device').map((row) =>
    [...row.querySelectorAll('[part]')]
      .filter((node) => !['details', 'sign-out-device', 'spinner'].includes(node.getAttribute('part')!))
      .map((node) => node.textContent!.trim())
      .join('|'),
  );
}

/** The row of a device, by the accessible name of its button (`Sign out of device: iPhone, …`). */
export function deviceButton(el: Element, name: string): HTMLButtonElement {
  const button = parts(el, 'sign-out-device').find((candidate) => candidate.getAttribute('aria-label')!.includes(name));
  if (!button) throw new Error(`no sign-out button for ${name}`);
  return button as HTMLButtonElement;
}

/** The element that really has focus, looking through shadow roots. */
export function focused(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Asserts the focused element without handing a Lit-rendered node to chai (its diff can hang). */
export function expectFocusOn(expected: Element | null, what: string): void {
  const actual = focused();
  if (actual !== expected) {
    const describe = (node: Element | null) =>
      node ? `<${node.localName} part="${node.getAttribute('part')}">` : String(node);
    throw new Error(`focus on ${what}: expected ${describe(expected)}, got ${describe(actual)}`);
  }
}
