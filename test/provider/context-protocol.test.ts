// The provider and the elements speak the Context Community Protocol themselves (src/context.ts): other protocol
// implementations, e.g. @lit/context's ContextConsumer, read the same state, and a nearer provider takes over.
import { ContextConsumer } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ClerkProvider, clerkContext, type ClerkState } from '../../src/index.js';
import { ClerkStateController } from '../../src/clerk-consumer.js';
import { FakeClerk } from '../../src/testing/index.js';
import { until } from '../support/fixtures.js';

class LitContextReader extends LitElement {
  readonly reader = new ContextConsumer(this, { context: clerkContext, subscribe: true });
}
customElements.define('test-lit-context-reader', LitContextReader);

class StateReader extends LitElement {
  readonly clerk = new ClerkStateController(this);
}
customElements.define('test-protocol-state-reader', StateReader);

describe('context protocol', () => {
  it("answers @lit/context's ContextConsumer with the provider's state, and updates it", async () => {
    const clerk = FakeClerk.multiSession(2);
    const provider = await fixture<ClerkProvider>(html`<clerk-provider .clerk=${clerk}><test-lit-context-reader></test-lit-context-reader></clerk-provider>`);
    const reader = provider.querySelector<LitContextReader>('test-lit-context-reader')!;
    await until(() => reader.reader.value?.status === 'ready');
    expect(reader.reader.value?.user?.id).to.equal(clerk.user?.id);
    const other = clerk.client!.signedInSessions[1];
    await clerk.setActive({ session: other.id });
    expect((reader.reader.value as ClerkState).user?.id).to.equal(other.user?.id);
  });

  it('hands subscribers over to a provider upgraded between them and theirs, and drops them from the outer one', async () => {
    const outer = await fixture<ClerkProvider>(
      html`<clerk-provider .clerk=${FakeClerk.signedIn({ firstName: 'Outer' })}
        ><test-late-inner-provider><test-protocol-state-reader></test-protocol-state-reader></test-late-inner-provider
      ></clerk-provider>`,
    );
    const reader = outer.querySelector<StateReader>('test-protocol-state-reader')!;
    await until(() => reader.clerk.state?.user?.firstName === 'Outer');
    const subscriptions = (provider: Element) =>
      (provider as unknown as { context: { subscriptions: Map<unknown, unknown> } }).context.subscriptions.size;
    expect(subscriptions(outer)).to.equal(1);

    // Defined only now (e.g. a second copy of the elements loaded later): it announces itself when it upgrades.
    customElements.define('test-late-inner-provider', class extends ClerkProvider {});
    const inner = outer.querySelector<ClerkProvider>('test-late-inner-provider')!;
    inner.clerk = FakeClerk.signedIn({ firstName: 'Inner' });
    await until(() => reader.clerk.state?.user?.firstName === 'Inner');
    expect(subscriptions(outer)).to.equal(0);
    expect(subscriptions(inner)).to.equal(1);
  });
});
