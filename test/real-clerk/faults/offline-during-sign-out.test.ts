import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkProvider, SignedOutEvent, SignOutErrorEvent } from '../../../src/index.js';
import { OfflineError } from '../../../src/contract/errors.js';
import { recordEvents, shadowButton, until } from '../../support/fixtures.js';
import { goOffline } from '../../support/offline.js';
import { lines, mountNpmClerk, nextEvent, signedInTenant } from '../../support/real-clerk.js';
import { watchProviderUsers } from '../../support/watch-provider.js';

const active = (provider: ClerkProvider, tag: string) =>
  (provider.querySelector(tag) as unknown as { active: boolean }).active;

describe('real clerk-js: the connection goes while a sign-out is in flight', () => {
  it('reports failed with OfflineError within seconds (not after the offline retries), keeps the user shown; back online, a retry works', async function () {
    this.timeout(60_000);
    const { emulator, sessions } = await signedInTenant(2);
    const [other, current] = sessions;
    const { provider, clerk, el } = await mountNpmClerk<HTMLElement>(
      emulator,
      html`<clerk-sign-out-button></clerk-sign-out-button>
        <clerk-signed-in><p>signed in</p></clerk-signed-in>
        <clerk-signed-out><p>signed out</p></clerk-signed-out>`,
    );
    Object.defineProperty(document, 'hasFocus', { configurable: true, value: () => true });
    // The request reaches the server and is held there; the connection then goes, and the server never ends anything.
    await emulator.fault('signOutAll', { delayMs: 2000, drop: true });
    await emulator.clearRequests();
    const events = recordEvents('signed-out', 'sign-out-error');
    const reported = watchProviderUsers(el);

    // When the browser gives up on the held request (Chromium re-sends a dropped request before it gives up).
    let connectionLost = NaN;
    const fetchBefore = window.fetch;
    window.fetch = (input, init) =>
      fetchBefore(input, init).catch((error: unknown) => {
        if (String(input).includes('/v1/client/sessions')) connectionLost = performance.now();
        throw error;
      });
    const failed = nextEvent<SignOutErrorEvent>('sign-out-error');
    shadowButton(el).click();
    for (let tries = 0; !(await emulator.requests('signOutAll')).length; tries++) {
      if (tries > 100) throw new Error('the sign-out request never reached the emulator');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const offline = await goOffline(15_000);
    const wentOffline = performance.now();
    const { error } = (await failed).detail;
    const msToFail = performance.now() - connectionLost;
    const msOffline = performance.now() - wentOffline;
    window.fetch = fetchBefore;
    const whileOffline = {
      onLine: navigator.onLine,
      user: provider.state.user?.id ?? null,
      signedIn: active(provider, 'clerk-signed-in'),
      signedOut: active(provider, 'clerk-signed-out'),
    };
    // clerk-js signed out on this page only; the provider makes the session active again (clerk-js 6 first retries
    // the session's token for about 15 s while offline, unless the network comes back first).
    await offline.back();
    await until(() => clerk.session?.id === current.id, "Clerk's own session to be restored", 20_000);
    console.log(
      `offline during sign-out (${offline.mode}): sign-out-error ${Math.round(msToFail)} ms after the connection was ` +
        `lost, ${Math.round(msOffline)} ms after going offline`,
    );

    expect(error).to.be.instanceOf(OfflineError);
    expect(msToFail, 'ms from losing the connection to sign-out-error').to.be.below(1000);
    expect(whileOffline).to.deep.equal({
      onLine: false,
      user: current.userId,
      signedIn: true,
      signedOut: false,
    });
    expect(
      reported.users.filter((user) => user !== current.userId),
      'users the provider reported',
    ).to.deep.equal([]);
    expect(events.of('signed-out')).to.have.length(0);
    await emulator.clearFaults();
    const server = await emulator.state();
    expect(server.sessions.map((session) => session.id)).to.have.members([other.id, current.id]);

    // Back online: the same button signs out for real.
    await emulator.clearRequests();
    const signedOut = nextEvent<SignedOutEvent>('signed-out');
    shadowButton(el).click();
    expect((await signedOut).detail.sessionIds).to.have.members([other.id, current.id]);
    expect(lines(await emulator.requests())).to.deep.equal(['DELETE /v1/client/sessions']);
    expect((await emulator.state()).sessions).to.deep.equal([]);
    reported.stop();
    events.stop();
  });
});
