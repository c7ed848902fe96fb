// A slow network: every element's action (the button, the menu's items, the device sign-outs) says after 3 s that it
// is still trying, in words (role="status", shown), not only with its spinner; the outcome stays honest (the same
// success or failure as without the wait). The fake Clerk holds the request; the clock jumps over the 3 s. An error the
// flows name `OfflineError` (nothing was sent) gets its own message.
import { expect, html } from '@open-wc/testing';
import type { ClerkActiveDevices, ClerkSignOutButton, ClerkUserMenu } from '../../../src/index.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { installJumpingClock, type JumpingClock } from '../../support/clock.js';
import { recordEvents, shadowButton, until, withProvider } from '../../support/fixtures.js';
import { adaEverywhere, deviceButton, mountDevices, part } from '../../support/fake-devices.js';
import { mustItem, openByClick, popup, trigger, withMenu } from '../../support/fake-menu.js';

const STILL_TRYING = 'Still trying… the network is slow.';
const OFFLINE = 'You are offline. Nothing was sent; you are still signed in.';

/** The element's polite live region (`null` once it renders nothing, e.g. the menu after signing out). */
const notice = (el: Element) => el.shadowRoot!.querySelector('[role="status"][part~="notice"]');
const noticeText = (el: Element) => notice(el)?.textContent ?? '';

/** The live region says it, and the user sees it: the region itself, or (the menu open) the menu's copy of it. */
function expectShown(el: Element, text: string) {
  expect(noticeText(el), 'the live region (role="status")').to.equal(text);
  const shown = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="notice"]')].filter(
    (candidate) =>
      candidate.textContent === text &&
      candidate.checkVisibility({ visibilityProperty: true }) &&
      getComputedStyle(candidate.closest('#messages') ?? candidate).clipPath === 'none',
  );
  expect(shown.length, `"${text}" shown`).to.be.greaterThan(0);
}

/** One action that can be held in flight, from the control a person uses. */
interface SlowAction {
  name: string;
  mount(): Promise<{ el: HTMLElement & { updateComplete: Promise<unknown> }; clerk: FakeClerk }>;
  /** Holds the request (failing with `error` once released, if given), starts the action, resolves the release. */
  start(el: HTMLElement, clerk: FakeClerk, error?: Error): Promise<() => void>;
  /** What a person reads once the held request succeeded. */
  done(el: HTMLElement, clerk: FakeClerk): Promise<void>;
  /** The control marked busy meanwhile. */
  control(el: HTMLElement): HTMLElement;
}

const twoAccounts = () =>
  new FakeClerk({ users: [fakeUser({ firstName: 'Ada' }), fakeUser({ id: 'user_grace', firstName: 'Grace' })] });

/** clerk.setActive held until released (the fake has no hold of its own for it). */
function holdSetActive(clerk: FakeClerk, error?: Error): () => void {
  const setActive = clerk.setActive.bind(clerk);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  clerk.setActive = async (params) => {
    clerk.setActive = setActive;
    await gate;
    if (error) throw error;
    return setActive(params);
  };
  return release;
}

const ACTIONS: SlowAction[] = [
  {
    name: '<clerk-sign-out-button>',
    mount: () =>
      withProvider<ClerkSignOutButton>(
        html`<clerk-sign-out-button when-signed-out="disable"></clerk-sign-out-button>`,
        FakeClerk.signedIn(),
      ),
    start: async (el, clerk, error) => {
      const release = clerk.holdNextSignOut(error);
      shadowButton(el).click();
      return release;
    },
    done: async (_el, clerk) => until(() => clerk.user === null, 'signed out'),
    control: (el) => shadowButton(el),
  },
  {
    name: '<clerk-user-menu> "Sign out"',
    mount: () => withMenu(undefined, FakeClerk.signedIn()),
    start: async (el, clerk, error) => {
      const release = clerk.holdNextSignOut(error);
      await openByClick(el as ClerkUserMenu);
      mustItem(el as ClerkUserMenu, 'sign-out').click();
      return release;
    },
    done: async (_el, clerk) => until(() => clerk.user === null, 'signed out'),
    control: (el) => mustItem(el as ClerkUserMenu, 'sign-out'),
  },
  {
    name: '<clerk-user-menu> switching accounts',
    mount: () => withMenu(undefined, twoAccounts()),
    start: async (el, clerk, error) => {
      const release = holdSetActive(clerk, error);
      await openByClick(el as ClerkUserMenu);
      mustItem(el as ClerkUserMenu, 'switch-account').click();
      return release;
    },
    done: async (_el, clerk) => until(() => clerk.user?.firstName === 'Grace', 'switched'),
    control: (el) => mustItem(el as ClerkUserMenu, 'switch-account'),
  },
  {
    name: '<clerk-active-devices> "Sign out of device"',
    mount: () => mountDevices(adaEverywhere().clerk),
    start: async (el, clerk, error) => {
      const release = clerk.holdNextRevoke(error);
      deviceButton(el, 'iPhone').click();
      return release;
    },
    done: async (el) => {
      await until(() => noticeText(el) === 'Signed out of iPhone, Safari 17.1, Berlin, DE.', 'the device named');
    },
    control: (el) => part(el, 'list')!.querySelector('[aria-busy="true"]')!,
  },
  {
    name: '<clerk-active-devices> "Sign out of all other devices"',
    mount: () => mountDevices(adaEverywhere().clerk),
    start: async (el, clerk, error) => {
      const release = clerk.holdNextRevoke(error);
      part(el, 'sign-out-others')!.click();
      return release;
    },
    done: async (el) => {
      await until(() => noticeText(el).startsWith('Signed out of iPhone, Safari 17.1'), 'the devices named');
    },
    control: (el) => part(el, 'sign-out-others')!,
  },
];

describe('a slow network: still trying, in words', () => {
  let clock: JumpingClock;
  let events: ReturnType<typeof recordEvents>;
  beforeEach(() => {
    clock = installJumpingClock();
    events = recordEvents('sign-out-error', 'signed-out', 'device-signed-out', 'session-switched');
  });
  afterEach(() => {
    clock.uninstall();
    events.stop();
  });

  for (const action of ACTIONS) {
    it(`${action.name}: says so after 3 s (not before), then what really happened`, async () => {
      const { el, clerk } = await action.mount();
      const release = await action.start(el, clerk);
      await until(() => action.control(el)?.getAttribute('aria-busy') === 'true', 'busy');
      clock.tick(2900);
      await el.updateComplete;
      expect(noticeText(el), 'before 3 s: the spinner alone').to.equal('');
      clock.tick(100);
      await el.updateComplete;
      expectShown(el, STILL_TRYING);
      expect(action.control(el).getAttribute('aria-busy'), 'still busy').to.equal('true');
      await expect(el).to.be.accessible();
      release();
      await action.done(el, clerk);
      await el.updateComplete;
      expect(noticeText(el)).not.to.equal(STILL_TRYING);
      expect(events.of('sign-out-error'), 'no failure').to.have.length(0);
    });

    it(`${action.name}: a failure after the wait is a failure, and "still trying" is gone`, async () => {
      const { el, clerk } = await action.mount();
      const release = await action.start(el, clerk, new Error('Network error'));
      await until(() => action.control(el)?.getAttribute('aria-busy') === 'true', 'busy');
      clock.tick(3000);
      await el.updateComplete;
      expectShown(el, STILL_TRYING);
      release();
      await until(() => el.shadowRoot!.querySelector('[role="alert"]')!.textContent, 'the failure');
      await el.updateComplete;
      expect(noticeText(el)).to.equal('');
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.match(/^(Sign-out failed|Could not|Some)/);
      expect(events.of('signed-out').length + events.of('device-signed-out').length, 'no success').to.equal(0);
    });
  }

  it('the menu closed while it waits: the words show under the trigger', async () => {
    const { el, clerk } = await withMenu(undefined, FakeClerk.signedIn());
    const release = await ACTIONS[1].start(el, clerk);
    el.open = false;
    await el.updateComplete;
    clock.tick(3000);
    await el.updateComplete;
    expectShown(el, STILL_TRYING);
    expect(popup(el).contains(notice(el)), 'outside the popup').to.equal(false);
    expect(trigger(el).getAttribute('aria-describedby')).to.equal('notice');
    release();
    await until(() => clerk.user === null, 'signed out');
  });

  it('waiting for the user to confirm it is them (reverification) is no slow network: no "still trying"', async () => {
    const { clerk } = adaEverywhere();
    clerk.requireReverification(1);
    const { el } = await mountDevices(clerk);
    let confirm!: (done: boolean) => void;
    el.reverify = () => new Promise<boolean>((resolve) => (confirm = resolve));
    deviceButton(el, 'iPhone').click();
    await until(() => confirm, 'the request to reverify');
    clock.tick(5000);
    await el.updateComplete;
    expect(noticeText(el)).to.equal('');
    confirm(true);
    await until(() => noticeText(el) === 'Signed out of iPhone, Safari 17.1, Berlin, DE.', 'the device named');
  });

  it('an error the flows name OfflineError (nothing was sent) says so, in the button and the devices', async () => {
    const offline = () => Object.assign(new Error('The browser is offline.'), { name: 'OfflineError' });
    const clerk = FakeClerk.signedIn();
    clerk.failNextSignOut(offline());
    const { el } = await withProvider<ClerkSignOutButton>(html`<clerk-sign-out-button></clerk-sign-out-button>`, clerk);
    shadowButton(el).click();
    await until(() => el.shadowRoot!.querySelector('[role="alert"]')!.textContent === OFFLINE, 'the offline message');

    const devices = adaEverywhere();
    devices.clerk.failNextRevoke(offline());
    const { el: list } = await mountDevices(devices.clerk);
    deviceButton(list, 'iPhone').click();
    await until(() => list.shadowRoot!.querySelector('[role="alert"]')!.textContent === OFFLINE, 'the offline message');
    await expect(list as ClerkActiveDevices).to.be.accessible();
  });
});
