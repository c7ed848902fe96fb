import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { until } from '../../support/fixtures.js';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { emitFocus, setVisibility, recordSessionEnds, sleep } from '../../support/real-session-ends.js';

describe('session-end on the real clerk-js: a session whose lifetime runs out while the page shows it', () => {
  it('reads expired: the page knew its expireAt; it is signed in until then, out after', async function () {
    this.timeout(20_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const at = Date.now() + 3000;
    await emulator.expireSession(session.id, { at });
    const { provider, clerk } = await mountNpmClerk(emulator, html`<clerk-signed-in></clerk-signed-in>`);
    setVisibility('visible');
    expect(clerk.session?.expireAt?.getTime(), 'the expiry the page was given').to.equal(at);
    const { ends, stop } = recordSessionEnds();
    emitFocus();
    await sleep(300);
    expect(ends, 'still signed in before its expiry').to.deep.equal([]);
    await sleep(at - Date.now() + 100);
    emitFocus();
    await until(() => ends.length > 0, 'session-end', 2000);
    stop();

    expect(ends.map(({ at: _at, ...end }) => end)).to.deep.equal([
      { sessionId: session.id, userId: session.userId, reason: 'expired' },
    ]);
    expect(provider.state.user).to.equal(null);
  });
});
