// The session-end recipe of docs/events.md (its `session-end-recipe` block), run as written: it clears an app's
// cached data whenever a session ends, whatever ended it.
import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import '../../../src/index.js';
import type { ClerkProvider } from '../../../src/index.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { until } from '../../support/fixtures.js';
import { markedSnippet } from '../../support/marked-snippet.js';

describe("the events page's session-end recipe, as written", () => {
  const containers: HTMLElement[] = [];
  afterEach(() => containers.splice(0).forEach((element) => element.remove()));

  /** A page with a provider, the recipe installed on it (`document` is the page's container), and its app cache. */
  async function page(clerk: FakeClerk) {
    const host = document.body.appendChild(document.createElement('div'));
    containers.push(host);
    host.innerHTML = '<clerk-provider></clerk-provider>';
    const provider = host.querySelector<ClerkProvider>('clerk-provider')!;
    const appCache = { cleared: 0, clear: () => appCache.cleared++ };
    const logged: string[] = [];
    const log = { info: (message: string) => logged.push(message) };
    new Function('document', 'appCache', 'console', await markedSnippet('docs/events.md', 'session-end-recipe'))(
      host,
      appCache,
      log,
    );
    provider.clerk = clerk;
    await until(() => provider.state.status === 'ready');
    return { provider, appCache, logged };
  }

  it("clears the cache and the user's drafts when this page signs out; says nothing more", async () => {
    const clerk = FakeClerk.signedIn({ id: 'user_ada' });
    localStorage.setItem('drafts:user_ada', 'a letter');
    const { appCache, logged } = await page(clerk);
    await clerk.signOut(() => undefined);
    expect(appCache.cleared).to.equal(1);
    expect(localStorage.getItem('drafts:user_ada')).to.equal(null);
    expect(logged).to.deep.equal([]);
  });

  it('does the same when another tab signs out, or the server revokes the session, and says why', async () => {
    const clerk = new FakeClerk({ users: [fakeUser({ id: 'user_ada' }), fakeUser({ id: 'user_grace' })] });
    localStorage.setItem('drafts:user_grace', 'a poem');
    const { appCache, logged } = await page(clerk);
    await clerk.signOutInAnotherTab('sess_user_grace');
    clerk.revokeElsewhere('sess_user_ada');
    await clerk.touchSession();
    expect(appCache.cleared).to.equal(2);
    expect(localStorage.getItem('drafts:user_grace')).to.equal(null);
    expect(logged).to.deep.equal([
      'Your session ended (other-tab); unsaved drafts were cleared.',
      'Your session ended (revoked); unsaved drafts were cleared.',
    ]);
  });
});
