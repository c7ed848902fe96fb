// A slow Frontend API at load (GET /v1/client answers after 3 s, under clerk-js's 7 s limit): <clerk-loading> shows the
// whole time, then <clerk-loaded> and the signed-in content. npm route.
import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { expectClerkUnderTest, signedInTenant } from '../../support/real-clerk.js';
import { openStatesPage, watchStates } from '../../support/real-load-states.js';

describe('real clerk-js, npm route: a slow Frontend API at load', () => {
  it('shows <clerk-loading> for the 3 s, then <clerk-loaded> and <clerk-signed-in>', async function () {
    this.timeout(20_000);
    const { emulator, sessions } = await signedInTenant();
    await emulator.fault('client', { delayMs: 3000 });
    try {
      const provider = await openStatesPage(emulator, 'npm');
      const seen = await watchStates(provider, () => provider.state.status !== 'loading', 15_000);
      expect(seen.map((step) => step.shown)).to.deep.equal([['clerk-loading'], ['clerk-loaded', 'clerk-signed-in']]);
      expect(seen[1].atMs, 'loading lasted as long as the Frontend API took').to.be.greaterThan(2500);
      await expectClerkUnderTest(provider.state.clerk, emulator);
      expect(provider.state.user?.id).to.equal(sessions[0].userId);
      expect(provider.state.degraded).to.equal(false);
    } finally {
      await emulator.clearFaults();
    }
  });
});
