// Offline on the fake Clerk: every flow refuses at once and sends nothing while navigator.onLine is false; a connection
// lost during a call (clerk-js then resolves and changes this page only) is reported as OfflineError, not as done, and
// the page keeps showing the user.
import { expect, html } from '@open-wc/testing';
import type { ClerkActiveDevices, ClerkSignOutButton, ClerkUserMenu, SignOutErrorEvent } from '../../../src/index.js';
import { OfflineError } from '../../../src/index.js';
import { signOut } from '../../../src/flows/sign-out.js';
import { switchSession } from '../../../src/flows/switch-session.js';
import { FakeClerk, fakeUser, type FakeClerkInit } from '../../../src/testing/index.js';
import { deviceButton, part, parts } from '../../support/fake-devices.js';
import { captureConsole, recordEvents, shadowButton, until, withProvider } from '../../support/fixtures.js';
import { simulateOffline } from '../../support/offline.js';
import { IPHONE } from '../../support/sample-activities.js';

/** Ada (active) and Grace signed in here, Ada also on an iPhone; `gate(call)` holds that call until released. */
function twoAccounts(init: FakeClerkInit = {}) {
  const clerk = new FakeClerk({
    users: [fakeUser({ id: 'user_ada' }), fakeUser({ id: 'user_grace', firstName: 'Grace' })],
    ...init,
  });
  const phone = clerk.addDevice({ activity: IPHONE });
  return { clerk, phone };
}

/** A latency hook that holds the next call of one name until `release()`. */
function holdCall() {
  let name: string | undefined;
  let release = () => {};
  return {
    latency: (call: string) =>
      call === name ? ((name = undefined), new Promise<void>((r) => (release = r))) : undefined,
    hold: (call: string) => (name = call),
    release: () => release(),
  };
}

const page = html`<clerk-sign-out-button id="all"></clerk-sign-out-button>
  <clerk-sign-out-button id="current" scope="current"></clerk-sign-out-button>
  <clerk-user-menu></clerk-user-menu>
  <clerk-active-devices></clerk-active-devices>`;

describe('offline', () => {
  let events: ReturnType<typeof recordEvents>;
  let online: (() => void) | undefined;
  beforeEach(() => (events = recordEvents('sign-out', 'signed-out', 'sign-out-error', 'device-sign-out')));
  afterEach(() => {
    online?.();
    online = undefined;
    events.stop();
  });

  it('every action fails at once with OfflineError, sends nothing and keeps the user shown; back online, it works', async () => {
    const { clerk, phone } = twoAccounts();
    const { provider } = await withProvider<HTMLElement>(page, clerk);
    const [all, current] = [...provider.querySelectorAll<ClerkSignOutButton>('clerk-sign-out-button')];
    const menu = provider.querySelector<ClerkUserMenu>('clerk-user-menu')!;
    const devices = provider.querySelector<ClerkActiveDevices>('clerk-active-devices')!;
    await until(() => parts(devices, 'sign-out-device').length === 1);
    const calls = () => [clerk.signOutCalls.length, clerk.setActiveCalls.length, clerk.revokeCalls.length];
    const before = { calls: calls(), reads: clerk.getSessionsCalls };

    online = simulateOffline();
    const results = [await all.signOut(), await current.signOut(), await devices.signOutDevices([phone])];
    const switched = await captureConsole(() =>
      switchSession({ host: menu, state: provider.state, sessionId: 'sess_user_grace', redirectUrl: null }),
    );
    expect(results.map((result) => [result.outcome, result.error instanceof OfflineError])).to.deep.equal([
      ['failed', true],
      ['failed', true],
      ['failed', true],
    ]);
    expect(switched.error.join()).to.contain('could not switch to session sess_user_grace: You are offline');
    expect({ calls: calls(), reads: clerk.getSessionsCalls }, 'nothing sent').to.deep.equal(before);
    expect(events.of('sign-out'), 'nothing was about to be sent').to.have.length(0);
    expect(events.of('device-sign-out')).to.have.length(0);
    const errors = events.of('sign-out-error') as SignOutErrorEvent[];
    expect(errors.map((event) => event.detail.sessionIds)).to.deep.equal([
      ['sess_user_ada', 'sess_user_grace'],
      ['sess_user_ada'],
      [phone],
    ]);
    expect(provider.state.user?.id).to.equal('user_ada');
    await all.updateComplete;
    expect(shadowButton(all).textContent!.trim()).to.equal('Sign out');

    online();
    online = undefined;
    expect((await devices.signOutDevices([phone])).outcome).to.equal('signed-out');
    expect((await all.signOut()).outcome).to.equal('signed-out');
    expect(clerk.serverSessionIds).to.deep.equal([]);
  });

  it("the connection goes during a sign-out that clerk-js then 'completes' on this page only: OfflineError, the user stays shown and Clerk's session comes back", async function () {
    this.timeout(5000);
    const held = holdCall();
    const { clerk } = twoAccounts({ latency: held.latency as FakeClerkInit['latency'] });
    const { provider, el } = await withProvider<ClerkSignOutButton>(
      html`<clerk-sign-out-button></clerk-sign-out-button>`,
      clerk,
    );
    held.hold('signOut');
    clerk.swallowNextSignOut();
    const users: unknown[] = [];
    const outcome = signOut({ host: el, state: provider.state });
    await until(() => clerk.signOutCalls.length === 1);
    const watch = setInterval(() => users.push(provider.state.user?.id), 5);
    online = simulateOffline();
    held.release();
    const result = await outcome;
    expect(result.outcome).to.equal('failed');
    expect(result.error).to.be.instanceOf(OfflineError);
    expect(clerk.session, 'clerk-js signed out on this page only').to.equal(null);
    expect(clerk.serverSessionIds).to.deep.equal(['sess_user_ada', 'sess_user_grace']);
    // The provider makes the shown session active again (within its first second), offline too.
    await until(() => clerk.session?.id === 'sess_user_ada', "Clerk's session restored", 3000);
    clearInterval(watch);
    expect(
      users.every((user) => user === 'user_ada'),
      'the provider kept showing Ada',
    ).to.equal(true);
    online();
    online = undefined;
    expect((await signOut({ host: el, state: provider.state })).outcome).to.equal('signed-out');
  });

  it('the connection goes during an account switch that clerk-js then makes on this page only: OfflineError, back to the account the server has', async () => {
    const held = holdCall();
    const { clerk } = twoAccounts({ latency: held.latency as FakeClerkInit['latency'] });
    const { provider, el } = await withProvider<ClerkUserMenu>(html`<clerk-user-menu></clerk-user-menu>`, clerk);
    held.hold('setActive');
    clerk.fault('setActive', 'lost');
    const outcome = captureConsole(async () => {
      const result = switchSession({
        host: el,
        state: provider.state,
        sessionId: 'sess_user_grace',
        redirectUrl: null,
      });
      await until(() => clerk.setActiveCalls.length === 1);
      online = simulateOffline();
      held.release();
      expect((await result).error).to.be.instanceOf(OfflineError);
    });
    await outcome;
    expect(clerk.setActiveCalls).to.deep.equal(['sess_user_grace', 'sess_user_ada']);
    expect(clerk.session?.id).to.equal('sess_user_ada');
    expect(provider.state.user?.id).to.equal('user_ada');
  });

  it('the connection goes during a device sign-out: OfflineError, the device still listed (marked), no list read', async () => {
    const held = holdCall();
    const { clerk, phone } = twoAccounts({ latency: held.latency as FakeClerkInit['latency'] });
    const { el } = await withProvider<ClerkActiveDevices>(html`<clerk-active-devices></clerk-active-devices>`, clerk);
    await until(() => parts(el, 'sign-out-device').length === 1);
    const reads = clerk.getSessionsCalls;
    held.hold('revoke');
    clerk.swallowNextRevoke();
    deviceButton(el, 'iPhone').click();
    await until(() => clerk.revokeCalls.length === 1);
    online = simulateOffline();
    held.release();
    await until(() => events.of('sign-out-error').length === 1);
    const { detail } = events.of('sign-out-error')[0] as SignOutErrorEvent;
    expect(detail.error).to.be.instanceOf(OfflineError);
    expect(detail.sessionIds).to.deep.equal([phone]);
    expect(clerk.getSessionsCalls, 'no list read offline').to.equal(reads);
    await el.updateComplete;
    expect(part(el, 'device')).to.not.equal(null);
    expect(parts(el, 'device').filter((row) => row.part.contains('failed'))).to.have.length(1);
  });
});
