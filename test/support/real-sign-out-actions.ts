// The five sign-out actions of the fault matrix: which element, what it ends, and how a person activates it.
import { html, type TemplateResult } from 'lit';
import type { ClerkUserMenu } from '../../src/index.js';
import type { EmulatorSession, FapiEndpoint } from '../../src/testing/index.js';
import { shadowButton } from './fixtures.js';
import { menuItem } from './fake-menu.js';

/** The client a cell starts from: `current` is the active session; `other` is the second account (2-session clients). */
export interface Seed {
  sessions: EmulatorSession[];
  current: EmulatorSession;
  other?: EmulatorSession;
}

/** What the element looks like to a person, for the assertions every cell makes. */
export interface ElementUi {
  template(seed: Seed): TemplateResult;
  /** Clicks the control, as a person would (opening the menu first when needed). */
  activate(el: Element): Promise<void>;
  /** The control that carries `aria-busy` while the sign-out runs. */
  control(el: Element): Promise<HTMLElement>;
  /** Still offers the signed-in user something to act on (the button, the menu's avatar trigger). */
  shown(el: Element): boolean;
}

export interface SignOutAction {
  element: 'clerk-sign-out-button' | 'clerk-user-menu';
  /** How the matrix names it, e.g. `session-id of another session (2 sessions)`. */
  name: string;
  sessions: 1 | 2;
  /** Which sessions a success ends. */
  ends: 'all' | 'current' | 'other';
  ui: ElementUi;
}

export const endpointOf = (action: SignOutAction): FapiEndpoint =>
  action.ends === 'all' ? 'signOutAll' : 'removeSession';

export function endedIds(action: SignOutAction, seed: Seed): string[] {
  if (action.ends === 'all') return seed.sessions.map((session) => session.id);
  return [action.ends === 'current' ? seed.current.id : seed.other!.id];
}

/** The `sessionId` the flow reports in `sign-out-error`: `null` for Clerk's default (all). */
export const reportedSessionId = (action: SignOutAction, seed: Seed): string | null =>
  action.ends === 'all' ? null : endedIds(action, seed)[0];

function signOutButton(template: (seed: Seed) => TemplateResult): ElementUi {
  return {
    template,
    activate: async (el) => shadowButton(el).click(),
    control: async (el) => shadowButton(el),
    shown: (el) => !!el.shadowRoot?.querySelector('[part~="button"]'),
  };
}

function userMenuItem(part: 'sign-out' | 'sign-out-all'): ElementUi {
  return {
    template: () => html`<clerk-user-menu></clerk-user-menu>`,
    activate: async (el) => (await menuItem(el as ClerkUserMenu, part)).click(),
    control: (el) => menuItem(el as ClerkUserMenu, part),
    shown: (el) => !!el.shadowRoot?.querySelector('[part~="trigger"]'),
  };
}

export const buttonSignOutAll: SignOutAction = {
  element: 'clerk-sign-out-button',
  name: 'no attributes: sign out (1 session)',
  sessions: 1,
  ends: 'all',
  ui: signOutButton(() => html`<clerk-sign-out-button></clerk-sign-out-button>`),
};

export const buttonOtherSession: SignOutAction = {
  element: 'clerk-sign-out-button',
  name: 'session-id of another session (2 sessions)',
  sessions: 2,
  ends: 'other',
  ui: signOutButton((seed) => html`<clerk-sign-out-button session-id=${seed.other!.id}></clerk-sign-out-button>`),
};

export const buttonCurrentSession: SignOutAction = {
  element: 'clerk-sign-out-button',
  name: 'scope="current" (2 sessions)',
  sessions: 2,
  ends: 'current',
  ui: signOutButton(() => html`<clerk-sign-out-button scope="current"></clerk-sign-out-button>`),
};

export const menuSignOutAll: SignOutAction = {
  element: 'clerk-user-menu',
  name: '"Sign out of all accounts" (2 sessions)',
  sessions: 2,
  ends: 'all',
  ui: userMenuItem('sign-out-all'),
};

export const menuSignOutCurrent: SignOutAction = {
  element: 'clerk-user-menu',
  name: '"Sign out": the current account (2 sessions)',
  sessions: 2,
  ends: 'current',
  ui: userMenuItem('sign-out'),
};

/** The button's or the menu's `part="error"` message (`role="alert"`), or `null` when there is none. */
export function shownError(el: Element): { text: string; role: string | null; visible: boolean } | null {
  const error = el.shadowRoot?.querySelector<HTMLElement>('[part~="error"]');
  if (!error) return null;
  return { text: error.textContent?.trim() ?? '', role: error.getAttribute('role'), visible: error.checkVisibility() };
}

/**
 * The polite message (`role="status"`): its text, and whether a person sees it: the live region itself, or (the menu
 * open, its region hidden under the popup) the menu's copy of it.
 */
export function shownNotice(el: Element): { text: string; role: string | null; visible: boolean } {
  const region = el.shadowRoot?.querySelector<HTMLElement>('[part~="notice"][role]');
  const text = region?.textContent?.trim() ?? '';
  const visible = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[part~="notice"]') ?? [])].some(
    (shown) =>
      !!text &&
      shown.textContent?.trim() === text &&
      shown.checkVisibility() &&
      getComputedStyle(shown.closest('#messages') ?? shown).clipPath === 'none',
  );
  return { text, role: region?.getAttribute('role') ?? null, visible };
}
