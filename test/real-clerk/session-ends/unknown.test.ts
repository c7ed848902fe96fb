import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { until } from '../../support/fixtures.js';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { emitFocus, setVisibility, recordSessionEnds, sleep } from '../../support/real-session-ends.js';

describe('session-end on the real clerk-js: no evidence names the end', () => {
  it('reads unknown when clerk-js drops the session although its client (not re-read: a 500) still lists it', async function () {
    this.timeout(20_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const { provider, clerk } = await mountNpmClerk(emulator, html`<clerk-signed-in></clerk-signed-in>`);
    setVisibility('visible');
    await emulator.revokeSession(session.id);
    // The touch answers 401; clerk-js then re-reads its client, and that answers 500: clerk-js shows nobody anyway.
    await emulator.fault('client', { status: 500, times: 1 });
    const { ends, stop } = recordSessionEnds();
    emitFocus();
    await until(() => ends.length > 0, 'session-end', 3000);
    await sleep(300);
    stop();

    expect(
      clerk.client?.signedInSessions.map((signedIn) => signedIn.id),
      'the client clerk-js still has',
    ).to.deep.equal([session.id]);
    expect(ends.map(({ at: _at, ...end }) => end)).to.deep.equal([
      { sessionId: session.id, userId: session.userId, reason: 'unknown' },
    ]);
    expect(provider.state.user).to.equal(null);
  });
});
