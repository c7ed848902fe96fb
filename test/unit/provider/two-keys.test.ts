// Two providers, two publishable keys: clerk-js allows one Clerk per page, so a second provider whose key names another
// Frontend API gets the first one's instance (window.Clerk). It says so once, naming both hosts and the way out.
import { expect } from '@open-wc/testing';
import type { ClerkLike, ClerkProvider } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { captureConsole, until } from '../../support/fixtures.js';

const keyFor = (host: string) => `pk_live_${btoa(`${host}$`)}`;
const FIRST = keyFor('clerk.first.example');
const SECOND = keyFor('clerk.second.example');

const mounted: HTMLElement[] = [];

/**
 * Providers with these keys (and `clerk` properties), in the page, once all are ready. (Not fixture(): for a plain
 * <div> it waits for an animation frame, which a page in the background never gets.)
 */
async function providers(...specs: Array<{ key: string; clerk?: ClerkLike }>): Promise<ClerkProvider[]> {
  const page = document.body.appendChild(document.createElement('div'));
  mounted.push(page);
  const elements = specs.map(({ key, clerk }) => {
    const provider = document.createElement('clerk-provider');
    provider.setAttribute('publishable-key', key);
    if (clerk) provider.clerk = clerk;
    return provider;
  });
  page.append(...elements);
  await until(() => elements.every((provider) => provider.state.status === 'ready'));
  return elements;
}

describe('<clerk-provider> · two publishable keys on one page', () => {
  afterEach(() => {
    delete window.Clerk;
    mounted.splice(0).forEach((page) => page.remove());
  });

  it("warns once when its key names another Frontend API than the page's Clerk, naming both hosts and the way out", async () => {
    window.Clerk = Object.assign(FakeClerk.signedIn(), { publishableKey: FIRST });
    let found: ClerkProvider[] = [];
    const seen = await captureConsole(async () => {
      found = await providers({ key: FIRST }, { key: SECOND }, { key: SECOND });
    });
    expect(found.map((provider) => provider.state.clerk)).to.deep.equal([window.Clerk, window.Clerk, window.Clerk]);
    expect(seen.warn).to.have.length(1);
    const [warning] = seen.warn;
    expect(warning).to.contain('clerk.second.example').and.contain('clerk.first.example');
    expect(warning).to.contain('one Clerk per page').and.contain('Use one key per page');
  });

  it('stays quiet for the same key, for a Clerk handed over as a property, and for a Clerk that does not say its key', async () => {
    const seen = await captureConsole(async () => {
      window.Clerk = Object.assign(FakeClerk.signedIn(), { publishableKey: FIRST });
      const own = Object.assign(FakeClerk.signedIn(), { publishableKey: FIRST });
      await providers({ key: FIRST }, { key: keyFor('clerk.third.example'), clerk: own });
      window.Clerk = FakeClerk.signedIn(); // no publishableKey
      await providers({ key: keyFor('clerk.fourth.example') });
    });
    expect(seen.warn).to.deep.equal([]);
  });
});
