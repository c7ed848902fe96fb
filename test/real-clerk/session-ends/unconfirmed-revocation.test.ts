import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { until } from '../../support/fixtures.js';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { emitFocus, setVisibility, recordSessionEnds, sleep } from '../../support/real-session-ends.js';

describe('session-end on the real clerk-js: a revocation clerk-js could not confirm', () => {
  it('is no end while the client still lists the session; it reads revoked once the server is heard', async function () {
    this.timeout(30_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const { provider, clerk } = await mountNpmClerk(emulator, html`<clerk-signed-in></clerk-signed-in>`);
    setVisibility('visible');
    await emulator.revokeSession(session.id);
    // The touch answers 401; clerk-js then re-reads its client, and that answers 500: clerk-js shows nobody, while the
    // client it has still lists the session signed in. That is no evidence of an end: the provider keeps showing the
    // session and makes it active again.
    await emulator.fault('client', { status: 500, times: 1 });
    const { ends, stop } = recordSessionEnds();
    emitFocus();
    await until(() => clerk.session === null, 'clerk-js to drop the session', 5000);
    await until(() => clerk.session?.id === session.id, 'the provider to make it active again', 10_000);
    expect(ends.length, 'no end while the client lists it').to.equal(0);
    expect(provider.state.user?.id, 'never signed-out content meanwhile').to.equal(session.userId);

    // The next word from the server (here: focus, whose touch answers 401, and a client read that works) names it.
    await sleep(200);
    emitFocus();
    await until(() => ends.length > 0, 'session-end', 10_000);
    await sleep(300);
    stop();
    expect(ends.map(({ at: _at, ...end }) => end)).to.deep.equal([
      { sessionId: session.id, userId: session.userId, reason: 'revoked' },
    ]);
    expect(provider.state.user === null, 'signed out once the server said so').to.equal(true);
  });
});
