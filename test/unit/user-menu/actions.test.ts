import { expect, html } from '@open-wc/testing';
import type {
  ClerkUserMenu,
  SessionSwitchedEvent,
  SignedOutEvent,
  SignOutErrorEvent,
  SignOutEvent,
} from '../../../src/index.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { captureConsole, recordEvents, until } from '../../support/fixtures.js';
import {
  expectFocusOn,
  expectSame,
  item,
  mustItem,
  openByClick,
  openMenu,
  shadow,
  trigger,
  withMenu,
} from '../../support/fake-menu.js';

const ada = () => fakeUser({ id: 'user_ada', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
const grace = () => fakeUser({ id: 'user_grace', firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
const twoAccounts = (init: { uiVersion?: string } = {}) => new FakeClerk({ users: [ada(), grace()], ...init });

function errorText(el: ClerkUserMenu): string {
  return shadow(el).querySelector('[part~="error"]')!.textContent ?? '';
}

function previewName(el: ClerkUserMenu): string | null | undefined {
  return shadow(el).querySelector('[part~="preview-name"]')?.textContent;
}

/** Clicks a built-in item the way a user does: open the menu, focus the item, click it. */
async function choose(el: ClerkUserMenu, part: string): Promise<HTMLElement> {
  if (!el.open) await openByClick(el);
  const target = mustItem(el, part);
  target.focus();
  target.click();
  return target;
}

async function settle(el: ClerkUserMenu) {
  await new Promise((resolve) => setTimeout(resolve, 10));
  await el.updateComplete;
}

/** Keeps test links from leaving the test page while still letting the element see the click. */
function stopNavigation(): { hrefs: string[]; stop(): void } {
  const hrefs: string[] = [];
  const listener = (event: MouseEvent) => {
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!link) return;
    // Runs last (bubbling, on window): records what the browser would do after the element's own handler.
    if (!event.defaultPrevented) hrefs.push(link.href);
    event.preventDefault();
  };
  window.addEventListener('click', listener);
  return { hrefs, stop: () => window.removeEventListener('click', listener) };
}

describe('<clerk-user-menu> actions', () => {
  let events: ReturnType<typeof recordEvents>;
  let links: ReturnType<typeof stopNavigation>;
  beforeEach(() => {
    events = recordEvents('sign-out', 'signed-out', 'sign-out-error', 'session-switched', 'menu-open', 'menu-close');
    links = stopNavigation();
  });
  afterEach(() => {
    events.stop();
    links.stop();
  });

  describe('Sign out, single session', () => {
    it('signs out of all sessions through the shared flow, with its events, then renders nothing', async () => {
      const clerk = new FakeClerk({ users: [ada()] });
      const { el } = await withMenu(undefined, clerk);
      await choose(el, 'sign-out');
      await until(() => events.of('signed-out').length === 1);
      expect(clerk.signOutCalls).to.deep.equal([{}]);
      expect((events.of('sign-out')[0] as SignOutEvent).detail).to.deep.equal({ sessionId: null, userId: 'user_ada' });
      const signedOut = events.of('signed-out')[0] as SignedOutEvent;
      expect(signedOut.detail).to.deep.equal({
        sessionIds: ['sess_user_ada'],
        userId: 'user_ada',
        redirectUrl: new URL('/', location.href).href,
      });
      expectSame(signedOut.target, el, 'signed-out target');
      expect(clerk.navigations).to.deep.equal([new URL('/', location.href).href], "Clerk's afterSignOutUrl");
      await el.updateComplete;
      expect(shadow(el).querySelector('[part~="trigger"]')).to.equal(null);
    });

    it('goes to redirect-url after signing out', async () => {
      const clerk = new FakeClerk({ users: [ada()] });
      const { el } = await withMenu(html`<clerk-user-menu redirect-url="/bye"></clerk-user-menu>`, clerk);
      await choose(el, 'sign-out');
      await until(() => clerk.navigations.length === 1);
      expect(clerk.navigations[0]).to.equal(new URL('/bye', location.href).href);
    });

    it('refuses a javascript: redirect-url when it is set: its sign-out items are unavailable, Clerk is never called', async () => {
      const clerk = new FakeClerk({ users: [ada()] });
      let el!: ClerkUserMenu;
      const seen = await captureConsole(async () => {
        ({ el } = await withMenu(html`<clerk-user-menu redirect-url="javascript:alert(1)"></clerk-user-menu>`, clerk));
      });
      // Said when the attribute is set, before anyone opens the menu.
      expect(seen.error.filter((message) => message.includes('redirect-url="javascript:alert(1)"'))).to.have.length(1);
      await openByClick(el);
      const signOutItem = mustItem(el, 'sign-out');
      expect(signOutItem.getAttribute('aria-disabled')).to.equal('true');
      expect(signOutItem.title).to.equal('Unavailable on this page.');
      await choose(el, 'sign-out');
      await el.updateComplete;
      // A retry cannot fix it: the menu says it is unavailable, never "Please try again".
      expect(errorText(el)).to.equal('Unavailable on this page.');
      expect(events.of('sign-out')).to.have.length(0);
      expect(events.of('sign-out-error')).to.have.length(0);
      expect(clerk.signOutCalls).to.have.length(0);
      expect(clerk.navigations).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('a cancelled sign-out event leaves everything as it was', async () => {
      const clerk = new FakeClerk({ users: [ada()] });
      const { el } = await withMenu(undefined, clerk);
      el.addEventListener('sign-out', (event) => event.preventDefault(), { once: true });
      await choose(el, 'sign-out');
      await settle(el);
      expect(clerk.signOutCalls).to.have.length(0);
      expect(el.open).to.equal(true);
      expect(mustItem(el, 'sign-out').hasAttribute('aria-busy')).to.equal(false);
    });

    it('a cancelled signed-out event keeps the page (no navigation)', async () => {
      const clerk = new FakeClerk({ users: [ada()] });
      const { el } = await withMenu(undefined, clerk);
      el.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
      await choose(el, 'sign-out');
      await until(() => clerk.signOutCalls.length === 1 && events.of('signed-out').length === 1);
      expect(clerk.navigations).to.have.length(0);
    });
  });

  describe('Sign out, multi-session', () => {
    it('"Sign out" ends only the current session; the other account becomes active and focus returns to the trigger', async () => {
      const clerk = twoAccounts();
      const { el } = await withMenu(undefined, clerk);
      await choose(el, 'sign-out');
      await until(() => events.of('signed-out').length === 1);
      await settle(el);
      expect(clerk.signOutCalls).to.deep.equal([{ sessionId: 'sess_user_ada' }]);
      expect((events.of('sign-out')[0] as SignOutEvent).detail.sessionId).to.equal('sess_user_ada');
      expect((events.of('signed-out')[0] as SignedOutEvent).detail.sessionIds).to.deep.equal(['sess_user_ada']);
      expect(el.open).to.equal(false);
      expectFocusOn(trigger(el));
      await openMenu(el);
      expect(previewName(el)).to.equal('Grace Hopper');
      expect(item(el, 'sign-out-all')).to.equal(null, 'no other account any more');
    });

    it('"Sign out of all accounts" ends every session', async () => {
      const clerk = twoAccounts();
      const { el } = await withMenu(undefined, clerk);
      await choose(el, 'sign-out-all');
      await until(() => events.of('signed-out').length === 1);
      expect(clerk.signOutCalls).to.deep.equal([{}]);
      expect((events.of('signed-out')[0] as SignedOutEvent).detail.sessionIds).to.deep.equal([
        'sess_user_ada',
        'sess_user_grace',
      ]);
      await el.updateComplete;
      expect(shadow(el).children.length).to.equal(0);
    });
  });

  describe('in flight and failures', () => {
    it('shows the pending item (aria-busy, spinner) and ignores further activations', async () => {
      const clerk = twoAccounts();
      const release = clerk.holdNextSignOut();
      const { el } = await withMenu(undefined, clerk);
      const signOut = await choose(el, 'sign-out');
      await el.updateComplete;
      expect(signOut.getAttribute('aria-busy')).to.equal('true');
      expect(signOut.querySelector('[part~="spinner"]')).to.not.equal(null);
      signOut.click();
      mustItem(el, 'sign-out-all').click();
      mustItem(el, 'switch-account').click();
      await settle(el);
      expect(clerk.signOutCalls).to.have.length(1);
      expect(clerk.setActiveCalls).to.have.length(0);
      expect(signOut.getAttribute('aria-busy')).to.equal('true', 'still pending after the ignored clicks');
      expect(previewName(el)).to.equal('Ada Lovelace', 'no blank user while Clerk is in transition');
      release();
      await until(() => events.of('signed-out').length === 1);
      await el.updateComplete;
      await openMenu(el);
      expect(mustItem(el, 'sign-out').hasAttribute('aria-busy')).to.equal(false);
    });

    it('a failure shows a visible alert in the menu, keeps the user, and a retry succeeds', async () => {
      const clerk = new FakeClerk({ users: [ada()] });
      clerk.failNextSignOut();
      const { el } = await withMenu(undefined, clerk);
      await choose(el, 'sign-out');
      await until(() => events.of('sign-out-error').length === 1);
      await el.updateComplete;
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.equal('Sign-out failed. Please try again.');
      expect(alert.checkVisibility()).to.equal(true);
      expect((events.of('sign-out-error')[0] as SignOutErrorEvent).detail.error.message).to.equal(
        'Something went wrong. Please try again.',
      );
      expect(events.of('signed-out')).to.have.length(0);
      expect(previewName(el)).to.equal('Ada Lovelace');
      expect(el.open).to.equal(true);
      expect(trigger(el).getAttribute('aria-describedby')).to.equal('error');
      await choose(el, 'sign-out');
      await until(() => events.of('signed-out').length === 1);
      expect(clerk.signOutCalls).to.have.length(2);
    });

    it('a failure that arrives after the menu was closed marks the trigger and waits in the menu', async () => {
      const clerk = new FakeClerk({ users: [ada()] });
      const release = clerk.holdNextSignOut(new Error('Network error'));
      const { el } = await withMenu(undefined, clerk);
      await choose(el, 'sign-out');
      el.open = false;
      await el.updateComplete;
      release();
      await until(() => events.of('sign-out-error').length === 1);
      await el.updateComplete;
      expect(trigger(el).hasAttribute('data-error')).to.equal(true);
      expect(trigger(el).getAttribute('aria-describedby')).to.equal('error');
      await openByClick(el);
      expect(errorText(el)).to.equal('Sign-out failed. Please try again.');
    });

    it('the error message clears on the next action', async () => {
      const clerk = new FakeClerk({ users: [ada()] });
      clerk.failNextSignOut();
      const { el } = await withMenu(undefined, clerk);
      await choose(el, 'sign-out');
      await until(() => events.of('sign-out-error').length === 1);
      const release = clerk.holdNextSignOut();
      await choose(el, 'sign-out');
      await el.updateComplete;
      expect(errorText(el)).to.equal('');
      release();
    });
  });

  describe('switching accounts', () => {
    it('activates the chosen session, dispatches session-switched, closes and keeps focus on the trigger', async () => {
      const clerk = twoAccounts();
      const { el } = await withMenu(undefined, clerk);
      await choose(el, 'switch-account');
      await until(() => events.of('session-switched').length === 1);
      await el.updateComplete;
      expect(clerk.setActiveCalls).to.deep.equal(['sess_user_grace']);
      const switched = events.of('session-switched')[0] as SessionSwitchedEvent;
      expect(switched.detail).to.deep.equal({ sessionId: 'sess_user_grace', userId: 'user_grace', redirectUrl: null });
      expect(switched.bubbles && switched.composed && switched.cancelable).to.equal(true);
      expect(el.open).to.equal(false);
      expectFocusOn(trigger(el));
      await openMenu(el);
      expect(previewName(el)).to.equal('Grace Hopper');
      expect(clerk.navigations).to.have.length(0);
      expect(clerk.signOutCalls).to.have.length(0);
    });

    it('then goes to after-switch-session-url through clerk.navigate', async () => {
      const clerk = twoAccounts();
      const { el } = await withMenu(
        html`<clerk-user-menu after-switch-session-url="/dashboard"></clerk-user-menu>`,
        clerk,
      );
      await choose(el, 'switch-account');
      await until(() => clerk.navigations.length === 1);
      const target = new URL('/dashboard', location.href).href;
      expect(clerk.navigations).to.deep.equal([target]);
      expect((events.of('session-switched')[0] as SessionSwitchedEvent).detail.redirectUrl).to.equal(target);
    });

    it('session-switched preventDefault() stops that navigation', async () => {
      const clerk = twoAccounts();
      const { el } = await withMenu(
        html`<clerk-user-menu after-switch-session-url="/dashboard"></clerk-user-menu>`,
        clerk,
      );
      el.addEventListener('session-switched', (event) => event.preventDefault());
      await choose(el, 'switch-account');
      await until(() => events.of('session-switched').length === 1);
      await settle(el);
      expect(clerk.navigations).to.have.length(0);
    });

    it('a failed switch shows a message and keeps the current account', async () => {
      const clerk = twoAccounts();
      clerk.failNextSetActive();
      const { el } = await withMenu(undefined, clerk);
      const seen = await captureConsole(async () => {
        await choose(el, 'switch-account');
        await settle(el);
      });
      expect(errorText(el)).to.equal('Could not switch accounts. Please try again.');
      expect(previewName(el)).to.equal('Ada Lovelace');
      expect(events.of('session-switched')).to.have.length(0);
      expect(seen.error.join('\n')).to.contain('could not switch to session sess_user_grace');
      expect(el.open).to.equal(true);
    });

    it('a refused after-switch-session-url makes the accounts inert (aria-disabled) and says so once', async () => {
      const clerk = twoAccounts();
      const element = document.createElement('clerk-user-menu');
      element.setAttribute('after-switch-session-url', 'https://evil.example/');
      const seen = await captureConsole(async () => {
        await withMenu(html`${element}`, clerk);
        await choose(element, 'switch-account');
        await settle(element);
      });
      expect(mustItem(element, 'switch-account').getAttribute('aria-disabled')).to.equal('true');
      expect(clerk.setActiveCalls).to.have.length(0);
      expect(clerk.navigations).to.have.length(0);
      const reports = seen.error.filter((message) => message.includes('after-switch-session-url'));
      expect(reports).to.have.length(1);
      expect(reports[0]).to.contain('makes the other accounts inert');
    });
  });

  describe('Manage account', () => {
    it("opens Clerk's account modal (Clerk UI loaded) and closes the menu", async () => {
      const clerk = twoAccounts({ uiVersion: '1.36.0' });
      const { el } = await withMenu(undefined, clerk);
      await choose(el, 'manage-account');
      expect(clerk.openUserProfileCalls).to.equal(1);
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(links.hrefs).to.have.length(0);
    });

    it('with a link and Clerk UI: the modal wins and the link is not followed', async () => {
      const clerk = twoAccounts({ uiVersion: '1.36.0' });
      const { el } = await withMenu(html`<clerk-user-menu user-profile-url="/account"></clerk-user-menu>`, clerk);
      await choose(el, 'manage-account');
      expect(clerk.openUserProfileCalls).to.equal(1);
      expect(links.hrefs).to.have.length(0);
    });

    it('with a link and no Clerk UI (openUserProfile throws): the link is followed', async () => {
      const clerk = twoAccounts();
      const { el } = await withMenu(html`<clerk-user-menu user-profile-url="/account"></clerk-user-menu>`, clerk);
      await choose(el, 'manage-account');
      expect(clerk.openUserProfileCalls).to.equal(1, 'tried first: the UI may still be loading');
      expect(links.hrefs).to.deep.equal([new URL('/account', location.href).href]);
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(errorText(el)).to.equal('');
    });

    it('Clerk UI reported but openUserProfile throws, no link: a message, and the menu stays', async () => {
      const clerk = twoAccounts({ uiVersion: '1.36.0' });
      clerk.openUserProfile = () => {
        throw new Error('Clerk was not loaded with Ui components');
      };
      const { el } = await withMenu(undefined, clerk);
      const seen = await captureConsole(async () => {
        await choose(el, 'manage-account');
        await el.updateComplete;
      });
      expect(errorText(el)).to.equal('Account settings cannot be opened right now.');
      expect(seen.error.join('\n')).to.contain('set user-profile-url');
      expect(el.open).to.equal(true);
    });
  });

  describe('Add account and custom links', () => {
    it('"Add account" follows sign-in-url and closes the menu', async () => {
      const { el } = await withMenu(html`<clerk-user-menu sign-in-url="/sign-in"></clerk-user-menu>`, twoAccounts());
      await choose(el, 'add-account');
      expect(links.hrefs).to.deep.equal([new URL('/sign-in', location.href).href]);
      await el.updateComplete;
      expect(el.open).to.equal(false);
    });

    it('links are not followed while a sign-out is in flight', async () => {
      const clerk = twoAccounts();
      const release = clerk.holdNextSignOut();
      const { el } = await withMenu(html`<clerk-user-menu sign-in-url="/sign-in"></clerk-user-menu>`, clerk);
      await choose(el, 'sign-out');
      mustItem(el, 'add-account').click();
      expect(links.hrefs).to.have.length(0);
      release();
      await until(() => events.of('signed-out').length === 1);
    });

    it('a custom link keeps its own behaviour and closes the menu', async () => {
      const { el } = await withMenu(
        html`<clerk-user-menu><a slot="item" href="/billing">Billing</a></clerk-user-menu>`,
      );
      await openByClick(el);
      el.querySelector<HTMLElement>('[slot="item"]')!.click();
      await el.updateComplete;
      expect(links.hrefs).to.deep.equal([new URL('/billing', location.href).href]);
      expect(el.open).to.equal(false);
    });
  });
});
