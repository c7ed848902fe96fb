// Clerk's Frontend API cuts every connection when the page loads (`{ drop: true }` on environment and client): clerk-js 5
// and 6 retry, then resolve load() "degraded" with nobody known. The page shows <clerk-failed> (and <clerk-degraded>),
// never signed-in or signed-out content, although the server still has the user signed in. Script route.
import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { captureConsole } from '../../support/fixtures.js';
import { expectClerkUnderTest, signedInTenant } from '../../support/real-clerk.js';
import { openStatesPage, watchStates, withoutCookies } from '../../support/real-load-states.js';

describe('real clerk-js, script route: the Frontend API drops every connection at load', () => {
  it('shows <clerk-loading> while clerk-js retries, then <clerk-failed> and <clerk-degraded>', async function () {
    this.timeout(30_000);
    const { emulator } = await signedInTenant();
    await emulator.fault('environment', { drop: true });
    await emulator.fault('client', { drop: true });
    withoutCookies();
    try {
      let seen!: Awaited<ReturnType<typeof watchStates>>;
      let provider!: Awaited<ReturnType<typeof openStatesPage>>;
      await captureConsole(async () => {
        provider = await openStatesPage(emulator, 'script');
        seen = await watchStates(provider, () => provider.state.status !== 'loading', 25_000);
      });
      expect(seen.map((step) => step.shown)).to.deep.equal([['clerk-loading'], ['clerk-failed', 'clerk-degraded']]);
      expect(seen[1].atMs, 'clerk-js retried (several attempts, seconds) before giving up').to.be.greaterThan(1000);
      await expectClerkUnderTest(provider.state.clerk, emulator);
      expect(provider.state.status).to.equal('error');
      expect(provider.state.clerk?.status).to.equal('degraded');
      expect((await emulator.requests('client')).length, 'GET /v1/client attempts').to.be.greaterThan(1);
    } finally {
      await emulator.clearFaults();
    }
  });
});
