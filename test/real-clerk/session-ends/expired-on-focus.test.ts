import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { until } from '../../support/fixtures.js';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { emitFocus, setVisibility, now, recordSessionEnds, report, sleep } from '../../support/real-session-ends.js';

describe('session-end on the real clerk-js: expired on the server, learned on focus', () => {
  it('reads expired (the re-read client lists it expired)', async function () {
    this.timeout(20_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const { provider } = await mountNpmClerk(emulator, html`<clerk-signed-in></clerk-signed-in>`);
    setVisibility('visible');
    await emulator.expireSession(session.id);
    const { ends, stop } = recordSessionEnds();
    const focused = now();
    emitFocus();
    await until(() => ends.length > 0, 'session-end', 2000);
    await sleep(300);
    stop();

    expect(ends.map(({ at: _at, ...end }) => end)).to.deep.equal([
      { sessionId: session.id, userId: session.userId, reason: 'expired' },
    ]);
    expect(provider.state.user).to.equal(null);
    report('expired: focus → session-end', ends[0].at - focused);
  });
});
