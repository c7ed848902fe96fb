// Two providers, two publishable keys: clerk-js allows one Clerk per page, so a second provider whose key names another
// Frontend API gets the first one's instance (window.Clerk). It says so once, naming both hosts and the way out.
import { expect, fixture, html } from '@open-wc/testing';
import type { ClerkProvider } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { captureConsole, until } from '../../support/fixtures.js';

const keyFor = (host: string) => `pk_live_${btoa(`${host}$`)}`;
const FIRST = keyFor('clerk.first.example');
const SECOND = keyFor('clerk.second.example');

describe('<clerk-provider> · two publishable keys on one page', () => {
  afterEach(() => delete window.Clerk);

  it("warns once when its key names another Frontend API than the page's Clerk, naming both hosts and the way out", async () => {
    window.Clerk = Object.assign(FakeClerk.signedIn(), { publishableKey: FIRST });
    let providers: ClerkProvider[] = [];
    const seen = await captureConsole(async () => {
      const page = await fixture(
        html`<div>
          <clerk-provider publishable-key=${FIRST}></clerk-provider>
          <clerk-provider publishable-key=${SECOND}></clerk-provider>
          <clerk-provider publishable-key=${SECOND}></clerk-provider>
        </div>`,
      );
      providers = [...page.querySelectorAll('clerk-provider')];
      await until(() => providers.every((provider) => provider.state.status === 'ready'));
    });
    expect(providers.map((provider) => provider.state.clerk)).to.deep.equal([window.Clerk, window.Clerk, window.Clerk]);
    expect(seen.warn).to.have.length(1);
    const [warning] = seen.warn;
    expect(warning).to.contain('clerk.second.example').and.contain('clerk.first.example');
    expect(warning).to.contain('one Clerk per page').and.contain('same publishable-key');
  });

  it('stays quiet for the same key, for a Clerk handed over as a property, and for a Clerk that does not say its key', async () => {
    const seen = await captureConsole(async () => {
      window.Clerk = Object.assign(FakeClerk.signedIn(), { publishableKey: FIRST });
      const own = Object.assign(FakeClerk.signedIn(), { publishableKey: FIRST });
      const page = await fixture(
        html`<div>
          <clerk-provider publishable-key=${FIRST}></clerk-provider>
          <clerk-provider publishable-key=${keyFor('clerk.third.example')} .clerk=${own}></clerk-provider>
        </div>`,
      );
      await until(() => [...page.querySelectorAll('clerk-provider')].every((p) => p.state.status === 'ready'));
      window.Clerk = FakeClerk.signedIn(); // no publishableKey
      const other = await fixture<ClerkProvider>(
        html`<clerk-provider publishable-key=${keyFor('clerk.fourth.example')}></clerk-provider>`,
      );
      await until(() => other.state.status === 'ready');
    });
    expect(seen.warn).to.deep.equal([]);
  });
});
