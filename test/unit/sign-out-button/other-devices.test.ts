// <clerk-sign-out-button scope="other-devices"> on the fake Clerk: every other device signed out, this one stays.
import { expect, html } from '@open-wc/testing';
import type { ClerkSignOutButton, DeviceSignedOutEvent, SignOutErrorEvent } from '../../../src/index.js';
import { ReverificationRequiredError } from '../../../src/index.js';
import { recordEvents, shadowButton, until, withProvider } from '../../support/fixtures.js';
import { adaEverywhere, deviceButton, mountDevices, parts } from '../../support/fake-devices.js';

const otherDevices = html`<clerk-sign-out-button scope="other-devices"></clerk-sign-out-button>`;
const errorText = (el: Element) => el.shadowRoot!.querySelector('[part~="error"]')!.textContent;

describe('<clerk-sign-out-button scope="other-devices">', () => {
  let events: ReturnType<typeof recordEvents>;
  beforeEach(
    () => (events = recordEvents('sign-out', 'signed-out', 'device-sign-out', 'device-signed-out', 'sign-out-error')),
  );
  afterEach(() => events.stop());

  it('is labelled "Sign out of all other devices" (slotted text still wins), and passes axe', async () => {
    const { el } = await withProvider<ClerkSignOutButton>(otherDevices, adaEverywhere().clerk);
    expect(shadowButton(el).textContent!.trim()).to.equal('Sign out of all other devices');
    await expect(el).to.be.accessible();
    const { el: own } = await withProvider<ClerkSignOutButton>(
      html`<clerk-sign-out-button scope="other-devices">Log out elsewhere</clerk-sign-out-button>`,
      adaEverywhere().clerk,
    );
    const slot = shadowButton(own).querySelector('slot')!;
    expect(
      slot
        .assignedNodes()
        .map((node) => node.textContent)
        .join(''),
    ).to.equal('Log out elsewhere');
  });

  it('signs out every other device; this one stays signed in, nothing navigates, no signed-out', async () => {
    const { clerk, phone, mac, unknown, here } = adaEverywhere();
    const { el } = await withProvider<ClerkSignOutButton>(otherDevices, clerk);
    const result = await el.signOut();
    expect(result.outcome).to.equal('signed-out');
    expect((result as { revokedIds?: string[] }).revokedIds).to.deep.equal([phone, mac, unknown]);
    expect(clerk.revokeCalls).to.deep.equal([phone, mac, unknown]);
    expect(clerk.deviceSessionIds).to.deep.equal([]);
    expect(events.events.map((event) => event.type)).to.deep.equal(['device-sign-out', 'device-signed-out']);
    expect((events.of('device-signed-out')[0] as DeviceSignedOutEvent).detail.sessionIds).to.deep.equal([
      phone,
      mac,
      unknown,
    ]);
    expect(clerk.signOutCalls).to.deep.equal([]);
    expect(clerk.navigations).to.deep.equal([]);
    expect(clerk.session?.id).to.equal(here);
    await el.updateComplete;
    expect(shadowButton(el).disabled, 'still shown: this device is signed in').to.equal(false);
    expect((await el.signOut()).outcome, 'no other device left').to.equal('nothing-to-do');
  });

  it('a click does the same, busy (aria-busy, spinner) while in flight, one request at a time', async () => {
    const { clerk } = adaEverywhere();
    const { el } = await withProvider<ClerkSignOutButton>(otherDevices, clerk);
    const release = clerk.holdNextRevoke();
    shadowButton(el).click();
    await until(() => clerk.revokeCalls.length === 1);
    await el.updateComplete;
    expect(el.busy).to.equal(true);
    expect(shadowButton(el).getAttribute('aria-busy')).to.equal('true');
    expect(shadowButton(el).querySelector('[part="spinner"]')).to.not.equal(null);
    shadowButton(el).click();
    expect((await el.signOut()).outcome).to.equal('busy');
    release();
    await until(() => events.of('device-signed-out').length === 1);
    expect(clerk.revokeCalls).to.have.length(3);
    expect(clerk.maxCallsInFlight).to.equal(1);
  });

  it("a failure shows the button's message and sign-out-error names the devices still signed in", async () => {
    const { clerk, phone } = adaEverywhere();
    const { el } = await withProvider<ClerkSignOutButton>(otherDevices, clerk);
    clerk.failNextRevoke();
    expect((await el.signOut()).outcome).to.equal('failed');
    await el.updateComplete;
    expect(errorText(el)).to.equal('Sign-out failed. Please try again.');
    expect((events.of('sign-out-error')[0] as SignOutErrorEvent).detail.sessionIds).to.deep.equal([phone]);
  });

  it('reverification not done: says so; with `reverify` it is asked, then the devices are signed out', async () => {
    const { clerk } = adaEverywhere();
    const { el } = await withProvider<ClerkSignOutButton>(otherDevices, clerk);
    clerk.requireReverification(1);
    const refused = await el.signOut();
    expect(refused.error).to.be.instanceOf(ReverificationRequiredError);
    await el.updateComplete;
    expect(errorText(el)).to.equal(
      'Clerk needs you to confirm it is you before signing out other devices. Verify your identity, then try again.',
    );
    let asked = 0;
    el.reverify = async () => {
      asked++;
      clerk.requireReverification(0);
      return true;
    };
    clerk.requireReverification(1);
    expect((await el.signOut()).outcome).to.equal('signed-out');
    expect(asked).to.equal(1);
    await el.updateComplete;
    expect(errorText(el)).to.equal('');
  });

  it('session-id wins over scope, as documented: that session is signed out through clerk.signOut', async () => {
    const { clerk, here } = adaEverywhere();
    const { el } = await withProvider<ClerkSignOutButton>(
      html`<clerk-sign-out-button scope="other-devices" session-id=${'sess_user_ada'}></clerk-sign-out-button>`,
      clerk,
    );
    expect((await el.signOut()).outcome).to.equal('signed-out');
    expect(clerk.signOutCalls).to.deep.equal([{ sessionId: here }]);
    expect(clerk.revokeCalls).to.deep.equal([]);
  });

  it('one request at a time per Clerk: <clerk-active-devices> beside it is busy meanwhile, then reads the new list', async () => {
    const { clerk } = adaEverywhere();
    const { el: list } = await mountDevices(
      clerk,
      html`<clerk-active-devices></clerk-active-devices
        ><clerk-sign-out-button scope="other-devices"></clerk-sign-out-button>`,
    );
    const button = list.parentElement!.querySelector('clerk-sign-out-button')!;
    const release = clerk.holdNextRevoke();
    shadowButton(button).click();
    await until(() => clerk.revokeCalls.length === 1);
    expect((await list.signOutDevices('others')).outcome).to.equal('busy');
    deviceButton(list, 'Macintosh').click();
    release();
    await until(() => events.of('device-signed-out').length === 1);
    expect(clerk.revokeCalls).to.have.length(3);
    expect(clerk.maxCallsInFlight).to.equal(1);
    // The list hears of it (device-signed-out) and reads again.
    await until(() => parts(list, 'device').length === 1);
    expect(clerk.getSessionsCalls, "the list, the button's two reads, the list again").to.equal(4);
  });
});
