// Clerk's Frontend API fails one of its load requests (GET /v1/environment answers 500) but the client answers: clerk-js
// 5 and 6 load "degraded" WITH the signed-in user. The page shows the signed-in content, <clerk-loaded> and
// <clerk-degraded>; not <clerk-failed>. npm route.
import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { expectClerkUnderTest, signedInTenant } from '../../support/real-clerk.js';
import { openStatesPage, watchStates } from '../../support/real-load-states.js';

describe('real clerk-js, npm route: the Frontend API fails /v1/environment at load', () => {
  it('shows <clerk-loaded>, <clerk-degraded> and <clerk-signed-in>: degraded, with the user known', async function () {
    this.timeout(20_000);
    const { emulator, sessions } = await signedInTenant();
    await emulator.fault('environment', { status: 500 });
    try {
      const provider = await openStatesPage(emulator, 'npm');
      const seen = await watchStates(provider, () => provider.state.status !== 'loading', 15_000);
      expect(seen.map((step) => step.shown).filter((shown) => shown.join() !== 'clerk-loading')).to.deep.equal([
        ['clerk-loaded', 'clerk-degraded', 'clerk-signed-in'],
      ]);
      await expectClerkUnderTest(provider.state.clerk, emulator);
      expect(provider.state.clerk?.status).to.equal('degraded');
      expect(provider.state.status).to.equal('ready');
      expect(provider.state.user?.id).to.equal(sessions[0].userId);
    } finally {
      await emulator.clearFaults();
    }
  });
});
