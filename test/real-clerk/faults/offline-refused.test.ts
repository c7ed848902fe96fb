import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkProvider, SignedOutEvent, SignOutErrorEvent } from '../../../src/index.js';
import { OfflineError } from '../../../src/contract/errors.js';
import { captureConsole, recordEvents, shadowButton, until } from '../../support/fixtures.js';
import { goOffline } from '../../support/offline.js';
import { lines, mountNpmClerk, nextEvent, signedInTenant } from '../../support/real-clerk.js';
import { MAC } from '../../support/sample-activities.js';

/** What the page shows: the provider's user, and which of `<clerk-signed-in>` / `<clerk-signed-out>` is showing. */
function shown(provider: ClerkProvider) {
  const active = (tag: string) => (provider.querySelector(tag) as unknown as { active: boolean }).active;
  return {
    user: provider.state.user?.id ?? null,
    signedIn: active('clerk-signed-in'),
    signedOut: active('clerk-signed-out'),
  };
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

describe('real clerk-js, offline: every action fails at once, sends nothing and keeps the user signed in', () => {
  it('sign out (all, current), switch account and sign out a device fail within 1 s; back online, a retry works', async function () {
    this.timeout(60_000);
    const { emulator, sessions } = await signedInTenant(2);
    const [other, current] = sessions;
    const device = await emulator.addDevice(current.userId, { activity: MAC });
    const { provider, clerk } = await mountNpmClerk<HTMLElement>(
      emulator,
      html`<clerk-sign-out-button id="all"></clerk-sign-out-button>
        <clerk-sign-out-button id="current" scope="current"></clerk-sign-out-button>
        <clerk-user-menu></clerk-user-menu>
        <clerk-active-devices></clerk-active-devices>
        <clerk-signed-in><p>signed in</p></clerk-signed-in>
        <clerk-signed-out><p>signed out</p></clerk-signed-out>`,
    );
    // clerk-js touches the session on setActive only while the page has focus: pin it, as after a click.
    Object.defineProperty(document, 'hasFocus', { configurable: true, value: () => true });
    const signedIn = { user: current.userId, signedIn: true, signedOut: false };
    const [all, currentOnly] = [provider.querySelector('#all')!, provider.querySelector('#current')!];
    const menu = provider.querySelector('clerk-user-menu')! as HTMLElement & {
      open: boolean;
      updateComplete: Promise<unknown>;
    };
    const devices = provider.querySelector('clerk-active-devices')!;
    await until(() => devices.shadowRoot?.querySelector('[part~="sign-out-device"]'), 'the device list', 8000);
    await emulator.clearRequests();
    const events = recordEvents('sign-out', 'signed-out', 'sign-out-error', 'device-sign-out', 'session-switched');

    const offline = await goOffline(8000);
    const timings: Record<string, number> = {};
    const errors: Error[] = [];
    const failsAtOnce = async (name: string, act: () => unknown) => {
      const failed = nextEvent<SignOutErrorEvent>('sign-out-error');
      const started = performance.now();
      act();
      errors.push((await failed).detail.error);
      timings[name] = performance.now() - started;
      expect(shown(provider), `after ${name}`).to.deep.equal(signedIn);
    };
    await failsAtOnce('sign out (all)', () => shadowButton(all).click());
    await failsAtOnce('sign out (current)', () => shadowButton(currentOnly).click());
    await failsAtOnce('sign out of device', () => part(devices, 'sign-out-device').click());
    // Switching has no error event: the menu says it failed and the console names why.
    menu.open = true;
    await menu.updateComplete;
    const seen = await captureConsole(async () => {
      const started = performance.now();
      part(menu, 'switch-account').click();
      await until(() => part(menu, 'error').textContent?.trim(), 'the menu to say the switch failed', 5000);
      timings['switch account'] = performance.now() - started;
    });
    const stillOffline = navigator.onLine === false;
    await offline.back();

    expect(stillOffline, `the actions ran offline (${offline.mode})`).to.equal(true);
    for (const [name, ms] of Object.entries(timings)) expect(ms, `${name}: ms to fail`).to.be.below(1000);
    expect(errors.map((error) => error instanceof OfflineError)).to.deep.equal([true, true, true]);
    expect(errors[0].message).to.match(/offline/i);
    expect(seen.error.join('\n')).to.match(/could not switch to session .*offline/i);
    // Nothing was sent, not even queued for later: no sign-out, switch or revocation reached the Frontend API.
    expect(lines(await emulator.requests()).filter((line) => !line.endsWith('/tokens'))).to.deep.equal([]);
    expect(events.of('sign-out'), 'no sign-out event: nothing was about to be sent').to.have.length(0);
    expect(events.of('device-sign-out')).to.have.length(0);
    expect(events.of('signed-out')).to.have.length(0);
    expect(events.of('session-switched')).to.have.length(0);
    const server = await emulator.state();
    expect(server.sessions.map((session) => session.id)).to.have.members([other.id, current.id]);
    expect(server.lastActiveSessionId).to.equal(current.id);
    expect(server.devices[0].sessions.map((session) => session.status)).to.deep.equal(['active']);
    expect(clerk.session?.id, "Clerk's own session").to.equal(current.id);
    expect(shown(provider)).to.deep.equal(signedIn);

    // Back online, the same button signs out: one request, the server really signed out.
    await emulator.clearRequests();
    const signedOut = nextEvent<SignedOutEvent>('signed-out');
    shadowButton(all).click();
    expect((await signedOut).detail.sessionIds).to.have.members([other.id, current.id]);
    expect(lines(await emulator.requests())).to.deep.equal(['DELETE /v1/client/sessions']);
    expect((await emulator.state()).sessions).to.deep.equal([]);
    events.stop();
    void device;
  });
});
