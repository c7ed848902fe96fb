import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../../src/index.js';
import { until } from '../../support/fixtures.js';
import { clickAndSignOut, mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { now, recordSessionEnds, report, sleep } from '../../support/real-session-ends.js';

describe('session-end on the real clerk-js: <clerk-sign-out-button>', () => {
  it('one session-end (sign-out), before signed-out and before the redirect; the provider state names it', async function () {
    this.timeout(20_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const { provider, el, navigations } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button></clerk-sign-out-button>`,
    );
    const { ends, stop } = recordSessionEnds();
    const order: string[] = [];
    document.addEventListener('session-end', () => order.push(`session-end (navigations: ${navigations.length})`));
    document.addEventListener('signed-out', () => order.push('signed-out'), { once: true });
    const clicked = now();
    await clickAndSignOut(emulator, el);
    await until(() => navigations.length === 1, 'the redirect', 8000);
    await sleep(300);
    stop();

    expect(ends.map(({ at: _at, ...end }) => end)).to.deep.equal([
      { sessionId: session.id, userId: session.userId, reason: 'sign-out' },
    ]);
    expect(order).to.deep.equal(['session-end (navigations: 0)', 'signed-out']);
    expect(provider.state.sessionEnd).to.deep.equal({
      sessionId: session.id,
      userId: session.userId,
      reason: 'sign-out',
    });
    report('element sign-out: click → session-end', ends[0].at - clicked);
  });
});
