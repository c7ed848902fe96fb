import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { until } from '../../support/fixtures.js';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { emitFocus, setVisibility, recordSessionEnds, sleep } from '../../support/real-session-ends.js';

describe('session-end on the real clerk-js: a revocation clerk-js could not confirm', () => {
  it('is named revoked once the provider learns it, with no end while the client still lists the session', async function () {
    this.timeout(30_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const { provider, clerk } = await mountNpmClerk(emulator, html`<clerk-signed-in></clerk-signed-in>`);
    setVisibility('visible');
    await emulator.revokeSession(session.id);
    // The touch answers 401; clerk-js then re-reads its client, and that answers 500: clerk-js shows nobody, while the
    // client it has still lists the session signed in. The provider shows neither state and makes it active again:
    // that touch answers 401 too, and the client re-read then says it is gone.
    await emulator.fault('client', { status: 500, times: 1 });
    const { ends, stop } = recordSessionEnds();
    emitFocus();
    await until(() => clerk.session === null, 'clerk-js to drop the session', 5000);
    expect(ends, 'no end while the client still lists it').to.deep.equal([]);
    expect(provider.state.user, 'neither signed in nor out meanwhile').to.equal(undefined);
    await until(() => ends.length > 0, 'session-end', 15_000);
    await sleep(300);
    stop();

    expect(ends.map(({ at: _at, ...end }) => end)).to.deep.equal([
      { sessionId: session.id, userId: session.userId, reason: 'revoked' },
    ]);
    expect(clerk.client?.signedInSessions ?? []).to.deep.equal([]);
    expect(provider.state.user).to.equal(null);
  });
});
