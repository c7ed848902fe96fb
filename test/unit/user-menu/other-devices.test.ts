// <clerk-user-menu sign-out-other-devices> on the fake Clerk: the opt-in "Sign out of all other devices" item.
import { expect, html } from '@open-wc/testing';
import type { ClerkUserMenu, DeviceSignedOutEvent, MenuCloseEvent } from '../../../src/index.js';
import { pressKeys } from '../../support/engine.js';
import { recordEvents, until, withProvider } from '../../support/fixtures.js';
import { expectFocusOn, itemLabels, mustItem, item, openByClick, shadow, trigger } from '../../support/fake-menu.js';
import { adaEverywhere } from '../../support/fake-devices.js';

const optIn = html`<clerk-user-menu sign-out-other-devices></clerk-user-menu>`;
const errorText = (el: ClerkUserMenu) => shadow(el).querySelector('[part~="error"]')!.textContent;

describe('<clerk-user-menu sign-out-other-devices>', () => {
  let events: ReturnType<typeof recordEvents>;
  beforeEach(
    () => (events = recordEvents('sign-out', 'signed-out', 'device-signed-out', 'sign-out-error', 'menu-close')),
  );
  afterEach(() => events.stop());

  it('is opt-in: the item sits in the account actions, right before "Sign out"', async () => {
    const { el: plain } = await withProvider<ClerkUserMenu>(
      html`<clerk-user-menu></clerk-user-menu>`,
      adaEverywhere().clerk,
    );
    await openByClick(plain);
    expect(item(plain, 'sign-out-other-devices')).to.equal(null);

    const { el } = await withProvider<ClerkUserMenu>(optIn, adaEverywhere().clerk);
    await openByClick(el);
    const devices = mustItem(el, 'sign-out-other-devices');
    expect(devices.getAttribute('role')).to.equal('menuitem');
    expect(devices.closest('[role="group"]')!.getAttribute('aria-label')).to.equal('Account actions');
    expect(itemLabels(el)).to.deep.equal(['Sign out of all other devices', 'Sign out']);
    await expect(el).to.be.accessible();
  });

  it('signs out every other device through the flow; the menu closes with focus on the trigger; this device stays', async () => {
    const { clerk, phone, mac, unknown, here } = adaEverywhere();
    const { el } = await withProvider<ClerkUserMenu>(optIn, clerk);
    await openByClick(el);
    const target = mustItem(el, 'sign-out-other-devices');
    target.focus();
    target.click();
    await until(() => !el.open);
    await el.updateComplete;
    expect(clerk.revokeCalls).to.deep.equal([phone, mac, unknown]);
    expect((events.of('device-signed-out')[0] as DeviceSignedOutEvent).detail.sessionIds).to.deep.equal([
      phone,
      mac,
      unknown,
    ]);
    expect((events.of('menu-close')[0] as MenuCloseEvent).detail.reason).to.equal('select');
    expectFocusOn(trigger(el));
    expect(events.of('signed-out')).to.have.length(0);
    expect(clerk.signOutCalls).to.deep.equal([]);
    expect(clerk.session?.id).to.equal(here);
    expect(trigger(el)).to.not.equal(null);
  });

  it('is pending like the other items while in flight (aria-busy, spinner); other items do nothing meanwhile', async () => {
    const { clerk } = adaEverywhere();
    const { el } = await withProvider<ClerkUserMenu>(optIn, clerk);
    await openByClick(el);
    const release = clerk.holdNextRevoke();
    mustItem(el, 'sign-out-other-devices').click();
    await until(() => clerk.revokeCalls.length === 1);
    await el.updateComplete;
    const pending = mustItem(el, 'sign-out-other-devices');
    expect(pending.getAttribute('aria-busy')).to.equal('true');
    expect(pending.querySelector('[part="spinner"]')).to.not.equal(null);
    mustItem(el, 'sign-out').click();
    expect(clerk.signOutCalls).to.deep.equal([]);
    release();
    await until(() => !el.open);
    expect(clerk.revokeCalls).to.have.length(3);
  });

  it("on failure the menu's message shows and the menu stays open; reverification has its own message", async () => {
    const { clerk } = adaEverywhere();
    const { el } = await withProvider<ClerkUserMenu>(optIn, clerk);
    await openByClick(el);
    clerk.failNextRevoke();
    mustItem(el, 'sign-out-other-devices').click();
    await until(() => events.of('sign-out-error').length === 1);
    await el.updateComplete;
    expect(el.open).to.equal(true);
    expect(errorText(el)).to.equal('Could not sign out of your other devices. Please try again.');
    await expect(el).to.be.accessible();

    clerk.requireReverification(1);
    mustItem(el, 'sign-out-other-devices').click();
    await until(() => events.of('sign-out-error').length === 2);
    await el.updateComplete;
    expect(errorText(el)).to.equal(
      'Clerk needs you to confirm it is you before signing out other devices. Verify your identity, then try again.',
    );
  });

  it('keyboard: ArrowUp from "Sign out" reaches it, Enter signs the other devices out', async () => {
    const { clerk } = adaEverywhere();
    const { el } = await withProvider<ClerkUserMenu>(optIn, clerk);
    trigger(el).focus();
    await pressKeys('ArrowUp'); // opens on the last item: "Sign out"
    await until(() => el.open);
    await el.updateComplete;
    expectFocusOn(mustItem(el, 'sign-out'));
    await pressKeys('ArrowUp');
    expectFocusOn(mustItem(el, 'sign-out-other-devices'));
    await pressKeys('Enter');
    await until(() => !el.open);
    expect(clerk.revokeCalls).to.have.length(3);
    expect(clerk.signOutCalls).to.deep.equal([]);
  });
});
