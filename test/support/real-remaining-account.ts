// Signing out the current account of two while activating the remaining one fails (its touch answers an error or the
// connection drops), with the redirect vetoed (an SPA router): the page must never show "signed out" while the server
// still has the other account signed in, and must show that account once the fault clears.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkProvider, SignedOutEvent } from '../../src/index.js';
import type { Fault } from '../../src/testing/index.js';
import { shadowButton, until } from './fixtures.js';
import { mountNpmClerk, nextEvent, signedInTenant } from './real-clerk.js';
import { watchProviderUsers } from './watch-provider.js';

const active = (provider: ClerkProvider, tag: string) =>
  (provider.querySelector(tag) as unknown as { active: boolean }).active;

export function remainingAccountScenario(name: string, fault: Fault): void {
  describe(`real clerk-js: sign out the current account of two while activating the other fails (${name})`, () => {
    it('never shows signed-out content while the other account is signed in; shows it once the fault clears', async function () {
      this.timeout(40_000);
      const { emulator, sessions } = await signedInTenant(2);
      const [remaining, current] = sessions;
      const { provider, clerk, el } = await mountNpmClerk<HTMLElement>(
        emulator,
        html`<clerk-sign-out-button scope="current"></clerk-sign-out-button>
          <clerk-signed-in><p>signed in</p></clerk-signed-in>
          <clerk-signed-out><p>signed out</p></clerk-signed-out>`,
      );
      // clerk-js touches a session it activates only while the page has focus: pin it, as after a click.
      Object.defineProperty(document, 'hasFocus', { configurable: true, value: () => true });
      document.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
      await emulator.fault('touchSession', fault);
      const reported = watchProviderUsers(el);
      let signedOutShown = 0;
      const sampler = setInterval(() => (signedOutShown += active(provider, 'clerk-signed-out') ? 1 : 0), 20);
      try {
        const signedOut = nextEvent<SignedOutEvent>('signed-out');
        shadowButton(el).click();
        expect((await signedOut).detail.sessionIds).to.deep.equal([current.id]);
        // A few activations fail meanwhile (at 1 and 2 s).
        await new Promise((resolve) => setTimeout(resolve, 3500));
        const server = await emulator.state();
        expect(server.sessions.map((session) => session.id)).to.deep.equal([remaining.id]);
        expect(server.lastActiveSessionId).to.equal(remaining.id);
        expect(signedOutShown, 'samples showing <clerk-signed-out> while the other account is signed in').to.equal(0);
        expect(reported.users, 'users the provider reported').to.not.include(null);
        // Neither state while the other account cannot be activated (clerk-js 5 activates it locally anyway).
        expect([undefined, remaining.userId]).to.include(provider.state.user?.id);

        await emulator.clearFaults();
        // Coming back to the window tries again at once (else the next attempt comes with the backoff).
        window.dispatchEvent(new FocusEvent('focus'));
        await until(() => provider.state.user?.id === remaining.userId, 'the remaining account to be shown', 8000);
        expect(clerk.session?.id).to.equal(remaining.id);
        expect(active(provider, 'clerk-signed-in')).to.equal(true);
        expect(signedOutShown).to.equal(0);
        expect(reported.users).to.not.include(null);
      } finally {
        clearInterval(sampler);
        reported.stop();
        await emulator.clearFaults();
      }
    });
  });
}
