// Clerk's script cannot be loaded (its host answers 500): the page shows the app's <clerk-failed> content, never
// signed-in or signed-out content. Script route: <clerk-provider publishable-key proxy-url> loads clerk.browser.js.
import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import type { ClerkErrorEvent } from '../../../src/index.js';
import { captureConsole, recordEvents } from '../../support/fixtures.js';
import { signedInTenant } from '../../support/real-clerk.js';
import { openStatesPage, watchStates } from '../../support/real-load-states.js';

describe("real clerk-js, script route: Clerk's script is unreachable", () => {
  it('shows <clerk-failed> only, from loading to failed, and says which script could not load', async function () {
    this.timeout(20_000);
    const { emulator } = await signedInTenant();
    await emulator.fault('script', { status: 500 });
    const events = recordEvents('clerk-error', 'clerk-loaded');
    try {
      let seen!: Awaited<ReturnType<typeof watchStates>>;
      const logged = await captureConsole(async () => {
        const provider = await openStatesPage(emulator, 'script');
        seen = await watchStates(provider, () => provider.state.status !== 'loading', 15_000);
      });
      expect(seen.map((step) => step.shown).filter((shown) => shown.join() !== 'clerk-loading')).to.deep.equal([
        ['clerk-failed'],
      ]);
      expect(events.events.map((event) => event.type)).to.deep.equal(['clerk-error']);
      expect((events.of('clerk-error')[0] as ClerkErrorEvent).detail.error.message).to.contain(
        "could not load Clerk's script",
      );
      expect(logged.error.filter((message) => message.startsWith('<clerk-provider>'))).to.have.length(1);
      expect(window.Clerk).to.equal(undefined);
      expect((await emulator.requests()).filter((request) => request.path.startsWith('/v1/'))).to.deep.equal([]);
    } finally {
      events.stop();
      await emulator.clearFaults();
    }
  });
});
