// The bench's fan-out and leak budgets, checked exactly with the fake Clerk (the timings are in `npm run bench`):
// one clerk.addListener subscription however many elements, and nothing left behind after 10,000 connect/disconnects.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../../src/index.js';
import type { ClerkProvider } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { until } from '../../support/fixtures.js';

const CYCLES = 10_000;
const ELEMENTS = [
  'clerk-sign-out-button',
  'clerk-user-menu',
  'clerk-signed-in',
  'clerk-signed-out',
  'clerk-active-devices',
  'clerk-idle-sign-out',
].filter((tag) => customElements.get(tag));

/** The provider's context subscriptions (@lit/context keeps one per connected consumer). */
const subscriptions = (provider: ClerkProvider) =>
  (provider as unknown as { context: { subscriptions: Map<unknown, unknown> } }).context.subscriptions.size;

async function signedInProvider(clerk: FakeClerk): Promise<ClerkProvider> {
  const provider = await fixture<ClerkProvider>(html`<clerk-provider .clerk=${clerk}></clerk-provider>`);
  await until(() => provider.state.status === 'ready');
  return provider;
}

describe('bench checks: subscriptions and leaks', function () {
  this.timeout(60_000);
  afterEach(() => fixtureCleanup());

  it('holds ONE clerk.addListener subscription for 1000 of each element', async () => {
    const clerk = FakeClerk.multiSession(2);
    const provider = await signedInProvider(clerk);
    const elements = ELEMENTS.flatMap((tag) =>
      Array.from({ length: 1000 }, () => document.createElement(tag) as LitElement),
    );
    provider.append(...elements);
    await Promise.all(elements.map((el) => el.updateComplete));
    expect(clerk.listenerCount).to.equal(1);
    expect(subscriptions(provider)).to.equal(elements.length);

    await clerk.setActive({ session: clerk.client!.signedInSessions[1].id });
    expect(clerk.listenerCount).to.equal(1);
    provider.remove();
    expect(clerk.listenerCount).to.equal(0);
  });

  for (const tag of ELEMENTS) {
    it(`leaves no listener after ${CYCLES} connect/disconnect cycles of <${tag}>`, async () => {
      const clerk = FakeClerk.signedIn();
      const provider = await signedInProvider(clerk);
      // In batches of 100 (each element still connects, renders and disconnects): the same cycles, in a fraction of the time.
      for (let batch = 0; batch < CYCLES / 100; batch++) {
        const elements = Array.from({ length: 100 }, () => document.createElement(tag) as LitElement);
        provider.append(...elements);
        await Promise.all(elements.map((el) => el.updateComplete));
        elements.forEach((el) => el.remove());
      }
      expect(clerk.listenerCount, 'Clerk listeners: only the provider’s').to.equal(1);
      expect(subscriptions(provider), 'context subscriptions').to.equal(0);
    });
  }

  it(`leaves no Clerk listener after ${CYCLES} connect/disconnect cycles of <clerk-provider>`, async () => {
    const clerk = FakeClerk.signedIn();
    for (let batch = 0; batch < CYCLES / 100; batch++) {
      const providers = Array.from({ length: 100 }, () =>
        Object.assign(document.createElement('clerk-provider'), { clerk }),
      );
      document.body.append(...providers);
      await Promise.all(providers.map((provider) => provider.updateComplete));
      expect(clerk.listenerCount).to.equal(100);
      providers.forEach((provider) => provider.remove());
    }
    expect(clerk.listenerCount).to.equal(0);
  });
});
