import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { until } from '../../support/fixtures.js';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { now, recordSessionEnds, report, sleep } from '../../support/real-session-ends.js';

describe("session-end on the real clerk-js: the app's own clerk.signOut()", () => {
  it('reads sign-out, and comes before the navigation clerk-js makes by itself', async function () {
    this.timeout(20_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const { provider, clerk, navigations } = await mountNpmClerk(emulator, html`<clerk-signed-in></clerk-signed-in>`);
    const { ends, stop } = recordSessionEnds();
    let navigationsAtEnd = -1;
    document.addEventListener('session-end', () => (navigationsAtEnd = navigations.length), { once: true });
    const called = now();
    // No callback: clerk-js navigates to its afterSignOutUrl itself (recorded by the test's routerPush).
    await (clerk as unknown as { signOut(): Promise<void> }).signOut();
    await until(() => navigations.length === 1, "clerk-js's own redirect", 8000);
    await sleep(300);
    stop();

    expect(ends.map(({ at: _at, ...end }) => end)).to.deep.equal([
      { sessionId: session.id, userId: session.userId, reason: 'sign-out' },
    ]);
    expect(navigationsAtEnd, 'navigations when session-end came').to.equal(0);
    expect(provider.state.user).to.equal(null);
    report("app's clerk.signOut(): call → session-end", ends[0].at - called);
  });
});
