// FakeClerk's slow and unavailable Clerk (the docs' live examples use both): `holdNextLoad()` keeps the provider loading
// until released, `failNextLoad()` makes it report `clerk-error`.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { ClerkErrorEvent, ClerkProvider } from '../../../src/index.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { captureConsole, until } from '../../support/fixtures.js';

describe('FakeClerk: loading', () => {
  it('holdNextLoad() keeps the provider loading until released, then the user shows', async () => {
    const clerk = new FakeClerk({ users: [fakeUser({ firstName: 'Ada' })], loaded: false });
    const finishLoading = clerk.holdNextLoad();
    const provider = await fixture<ClerkProvider>(
      html`<clerk-provider .clerk=${clerk}
        ><clerk-signed-in><p>in</p></clerk-signed-in></clerk-provider
      >`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(provider.state.status).to.equal('loading');
    expect(clerk.loaded).to.equal(false);
    expect(provider.querySelector('clerk-signed-in')!.active).to.equal(false);

    finishLoading();
    await until(() => provider.state.status === 'ready');
    expect(clerk.loaded).to.equal(true);
    expect(provider.state.user?.firstName).to.equal('Ada');
    await until(() => provider.querySelector('clerk-signed-in')!.active);
  });

  it('failNextLoad() makes load() reject once: the provider reports clerk-error and stays inert', async () => {
    const clerk = new FakeClerk({ users: [fakeUser()], loaded: false });
    clerk.failNextLoad(new Error('Frontend API unreachable'));
    const errors: ClerkErrorEvent[] = [];
    const seen = await captureConsole(async () => {
      const provider = await fixture<ClerkProvider>(
        html`<clerk-provider .clerk=${clerk} @clerk-error=${(event: ClerkErrorEvent) => errors.push(event)}
          ><clerk-signed-in><p>in</p></clerk-signed-in></clerk-provider
        >`,
      );
      await until(() => provider.state.status === 'error');
      expect(provider.querySelector('clerk-signed-in')!.active).to.equal(false);
    });
    expect(errors.map((event) => event.detail.error.message)).to.deep.equal(['Frontend API unreachable']);
    expect(seen.error.join()).to.contain('<clerk-provider> Clerk failed to load: Frontend API unreachable');
    expect(clerk.loaded).to.equal(false);

    await clerk.load(); // only the next load fails
    expect(clerk.loaded).to.equal(true);
  });

  it('failNextLoad() without an error rejects with a network error, as clerk-js does', async () => {
    const clerk = new FakeClerk({ loaded: false });
    clerk.failNextLoad();
    let error: unknown;
    await clerk.load().catch((thrown) => (error = thrown));
    expect((error as Error).message).to.match(/^ClerkJS: Network error/);
  });
});
