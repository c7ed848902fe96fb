import { expect, html } from '@open-wc/testing';
import type { ClerkUserMenu, MenuCloseEvent } from '../../../src/index.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { pressKeys } from '../../support/engine.js';
import { recordEvents, until } from '../../support/fixtures.js';
import {
  deepActiveElement,
  expectFocusOn,
  expectSame,
  isShown,
  labelOf,
  menuItems,
  mustItem,
  openMenu,
  popup,
  trigger,
  withMenu,
} from '../../support/fake-menu.js';

/** Ada (current) and Grace, Clerk's UI loaded, one custom item: Manage account, Billing, Sign out, Grace, Sign out of all. */
async function fullMenu() {
  const clerk = new FakeClerk({
    users: [
      fakeUser({ firstName: 'Ada', lastName: 'Lovelace' }),
      fakeUser({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' }),
    ],
    uiVersion: '1.36.0',
  });
  const { el } = await withMenu(
    html`<clerk-user-menu><button slot="item" type="button" id="billing">Billing</button></clerk-user-menu>`,
    clerk,
  );
  return { el, clerk };
}

function focused(): string {
  const active = deepActiveElement();
  return active ? labelOf(active) : '(nothing)';
}

/** Presses a key for real (the engine's input events), with modifiers written as `Shift+Tab`. */
async function press(el: ClerkUserMenu, keys: string) {
  await pressKeys(keys);
  await el.updateComplete;
}

const ORDER = ['Manage account', 'Billing', 'Sign out', 'Grace Hopper grace@example.com', 'Sign out of all accounts'];

describe('<clerk-user-menu> keyboard (WAI-ARIA APG menu button)', () => {
  let events: ReturnType<typeof recordEvents>;
  beforeEach(() => (events = recordEvents('menu-open', 'menu-close')));
  afterEach(() => events.stop());

  it('lists items in the documented order', async () => {
    const { el } = await fullMenu();
    await openMenu(el);
    expect(menuItems(el).map(labelOf)).to.deep.equal(ORDER);
  });

  for (const key of ['Enter', 'Space', 'ArrowDown']) {
    it(`${key} on the trigger opens the menu and focuses the first item`, async () => {
      const { el } = await fullMenu();
      trigger(el).focus();
      await press(el, key);
      await until(() => focused() === 'Manage account');
      expect(el.open).to.equal(true);
      expect(isShown(popup(el))).to.equal(true);
      expect(trigger(el).getAttribute('aria-expanded')).to.equal('true');
      expect(events.of('menu-open')).to.have.length(1);
    });
  }

  it('ArrowUp on the trigger opens the menu and focuses the last item', async () => {
    const { el } = await fullMenu();
    trigger(el).focus();
    await press(el, 'ArrowUp');
    await until(() => focused() === 'Sign out of all accounts');
    expect(el.open).to.equal(true);
  });

  it('ArrowDown moves through every item (custom ones included) and wraps to the first', async () => {
    const { el } = await fullMenu();
    trigger(el).focus();
    await press(el, 'ArrowDown');
    const seen = [focused()];
    for (let i = 0; i < ORDER.length; i++) {
      await press(el, 'ArrowDown');
      seen.push(focused());
    }
    expect(seen).to.deep.equal([...ORDER, ORDER[0]]);
    expectSame(document.activeElement, el, 'shadow items: the host is the document-level active element');
  });

  it('ArrowUp moves backwards and wraps from the first item to the last', async () => {
    const { el } = await fullMenu();
    trigger(el).focus();
    await press(el, 'ArrowDown');
    const seen = [focused()];
    for (let i = 0; i < ORDER.length; i++) {
      await press(el, 'ArrowUp');
      seen.push(focused());
    }
    expect(seen).to.deep.equal([ORDER[0], ...[...ORDER].reverse()]);
  });

  it('the slotted item really takes focus (document.activeElement is the light-DOM button)', async () => {
    const { el } = await fullMenu();
    trigger(el).focus();
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    expectSame(document.activeElement, el.querySelector('#billing'));
  });

  it('Home and End jump to the first and last item', async () => {
    const { el } = await fullMenu();
    trigger(el).focus();
    await press(el, 'ArrowDown');
    await press(el, 'End');
    expect(focused()).to.equal('Sign out of all accounts');
    await press(el, 'Home');
    expect(focused()).to.equal('Manage account');
  });

  it('a printable key moves to the next item starting with it (type-ahead)', async () => {
    const { el } = await fullMenu();
    trigger(el).focus();
    await press(el, 'ArrowDown');
    await press(el, 's');
    expect(focused()).to.equal('Sign out');
    await press(el, 's');
    expect(focused()).to.equal('Sign out of all accounts');
    await press(el, 'g');
    expect(focused()).to.equal('Grace Hopper grace@example.com');
    expect(el.open).to.equal(true);
  });

  it('Escape closes the menu and returns focus to the trigger', async () => {
    const { el } = await fullMenu();
    trigger(el).focus();
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    await press(el, 'Escape');
    expect(el.open).to.equal(false);
    expect(isShown(popup(el))).to.equal(false);
    expectFocusOn(trigger(el));
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('false');
    expect((events.of('menu-close')[0] as MenuCloseEvent).detail.reason).to.equal('escape');
  });

  it('Escape from a slotted item also returns focus to the trigger, and does not reach the page', async () => {
    const { el } = await fullMenu();
    let pageSawEscape = false;
    const listener = (event: KeyboardEvent) => (pageSawEscape ||= event.key === 'Escape');
    document.addEventListener('keydown', listener);
    trigger(el).focus();
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    expect(document.activeElement!.id).to.equal('billing');
    await press(el, 'Escape');
    document.removeEventListener('keydown', listener);
    expectFocusOn(trigger(el));
    expect(pageSawEscape).to.equal(false);
  });

  it('Tab closes the menu and moves focus to the next control after the trigger', async () => {
    const clerk = FakeClerk.signedIn();
    const { el } = await withMenu(html`<clerk-user-menu></clerk-user-menu>`, clerk);
    const after = document.createElement('button');
    after.textContent = 'After';
    el.parentElement!.after(after);
    trigger(el).focus();
    await press(el, 'ArrowDown');
    expect(focused()).to.equal('Sign out');
    await press(el, 'Tab');
    expect(el.open).to.equal(false);
    expectSame(document.activeElement, after);
    expect((events.of('menu-close')[0] as MenuCloseEvent).detail.reason).to.equal('tab');
    after.remove();
  });

  it('Shift+Tab closes the menu and moves focus to the control before the trigger', async () => {
    const { el } = await withMenu();
    const before = document.createElement('button');
    before.textContent = 'Before';
    el.parentElement!.before(before);
    trigger(el).focus();
    await press(el, 'ArrowDown');
    await press(el, 'Shift+Tab');
    expect(el.open).to.equal(false);
    expectSame(document.activeElement, before);
    before.remove();
  });

  it('Enter activates the focused item exactly once', async () => {
    const { el, clerk } = await fullMenu();
    trigger(el).focus();
    await press(el, 'ArrowDown');
    await press(el, 'Enter');
    expect(clerk.openUserProfileCalls).to.equal(1);
    expect(el.open).to.equal(false);
    expectFocusOn(trigger(el));
  });

  it('Space activates the focused built-in item exactly once', async () => {
    const { el, clerk } = await fullMenu();
    trigger(el).focus();
    await press(el, 'ArrowDown');
    await press(el, 'Space');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clerk.openUserProfileCalls).to.equal(1);
  });

  for (const key of ['Enter', 'Space']) {
    it(`${key} activates a slotted button exactly once, then the menu closes with focus on the trigger`, async () => {
      const { el } = await fullMenu();
      let clicks = 0;
      el.querySelector('#billing')!.addEventListener('click', () => clicks++);
      trigger(el).focus();
      await press(el, 'ArrowDown');
      await press(el, 'ArrowDown');
      await press(el, key);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(clicks).to.equal(1);
      expect(el.open).to.equal(false);
      expectFocusOn(trigger(el));
      expect((events.of('menu-close')[0] as MenuCloseEvent).detail.reason).to.equal('select');
    });
  }

  it('Enter on "Sign out" signs out through the shared flow', async () => {
    const clerk = FakeClerk.signedIn();
    const { el } = await withMenu(undefined, clerk);
    trigger(el).focus();
    await press(el, 'Enter');
    await press(el, 'Enter');
    await until(() => clerk.signOutCalls.length === 1);
    expect(clerk.signOutCalls[0]).to.deep.equal({});
  });

  it('an inert item (refused after-switch-session-url) takes focus but Enter does nothing', async () => {
    const clerk = FakeClerk.multiSession(2);
    const element = document.createElement('clerk-user-menu');
    element.setAttribute('after-switch-session-url', 'javascript:alert(1)');
    const original = console.error;
    console.error = () => undefined;
    const { el } = await withMenu(html`${element}`, clerk).finally(() => (console.error = original));
    trigger(el).focus();
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    expectFocusOn(mustItem(el, 'switch-account'));
    await press(el, 'Enter');
    expect(clerk.setActiveCalls).to.deep.equal([]);
    expect(el.open).to.equal(true);
  });

  it('keys with Ctrl/Alt/Meta are left to the browser', async () => {
    const { el } = await fullMenu();
    trigger(el).focus();
    await press(el, 'Alt+ArrowDown');
    expect(el.open).to.equal(false);
  });

  it('the trigger is the only tab stop: items are never in the Tab order', async () => {
    const { el } = await fullMenu();
    for (const menuItem of menuItems(el)) expect(menuItem.tabIndex).to.equal(-1, labelOf(menuItem));
    expect(trigger(el).tabIndex).to.equal(0);
  });
});
