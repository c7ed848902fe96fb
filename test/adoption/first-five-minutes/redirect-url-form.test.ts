// `signed-out`'s `detail.redirectUrl` has ONE form: an absolute URL (or null when nothing navigates), whatever
// set it: Clerk's default, Clerk's own afterSignOutUrl, <clerk-provider after-sign-out-url> or redirect-url. The
// router recipe of docs/events.md (its `router-path` and `router-recipe` blocks, run here as written) relies on it.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { ClerkProvider, SignedOutEvent } from '../../../src/index.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { shadowButton, until } from '../../support/fixtures.js';
import { markedSnippet } from '../../support/marked-snippet.js';

const here = (path: string) => new URL(path, location.href).href;

/** Signs out through a button inside `provider`, and returns the `signed-out` detail (the redirect vetoed). */
async function signedOutDetail(provider: ClerkProvider): Promise<SignedOutEvent['detail']> {
  await until(() => provider.state.status === 'ready');
  const button = provider.querySelector('clerk-sign-out-button')!;
  await until(() => button.shadowRoot?.querySelector('button'));
  const detail = new Promise<SignedOutEvent['detail']>((resolve) =>
    provider.addEventListener(
      'signed-out',
      (event) => {
        event.preventDefault();
        resolve(event.detail);
      },
      { once: true },
    ),
  );
  shadowButton(button).click();
  return detail;
}

describe('signed-out redirectUrl: always absolute', () => {
  it("Clerk's default ('/' from clerk.buildAfterSignOutUrl()) arrives as an absolute URL", async () => {
    const provider = await fixture<ClerkProvider>(
      html`<clerk-provider .clerk=${FakeClerk.signedIn()}
        ><clerk-sign-out-button></clerk-sign-out-button
      ></clerk-provider>`,
    );
    expect((await signedOutDetail(provider)).redirectUrl).to.equal(here('/'));
  });

  it("Clerk's own afterSignOutUrl, set as written in its options ('/see-you'), arrives as an absolute URL", async () => {
    const clerk = new FakeClerk({ users: [fakeUser()], loaded: false }); // the provider calls load(options)
    const provider = await fixture<ClerkProvider>(
      html`<clerk-provider .clerk=${clerk} .options=${{ afterSignOutUrl: '/see-you' }}
        ><clerk-sign-out-button></clerk-sign-out-button
      ></clerk-provider>`,
    );
    expect(clerk.buildAfterSignOutUrl()).to.equal('/see-you'); // as clerk-js in production gives it back
    expect((await signedOutDetail(provider)).redirectUrl).to.equal(here('/see-you'));
  });

  it('<clerk-provider after-sign-out-url="/bye"> arrives as an absolute URL', async () => {
    const provider = await fixture<ClerkProvider>(
      html`<clerk-provider .clerk=${FakeClerk.signedIn()} after-sign-out-url="/bye"
        ><clerk-sign-out-button></clerk-sign-out-button
      ></clerk-provider>`,
    );
    expect((await signedOutDetail(provider)).redirectUrl).to.equal(here('/bye'));
  });

  it('redirect-url="/goodbye?from=button#top" arrives as an absolute URL, query and hash kept', async () => {
    const provider = await fixture<ClerkProvider>(
      html`<clerk-provider .clerk=${FakeClerk.signedIn()}
        ><clerk-sign-out-button redirect-url="/goodbye?from=button#top"></clerk-sign-out-button
      ></clerk-provider>`,
    );
    expect((await signedOutDetail(provider)).redirectUrl).to.equal(here('/goodbye?from=button#top'));
  });

  it('a redirect-url on an allowed other origin arrives as it is (absolute)', async () => {
    const provider = await fixture<ClerkProvider>(
      html`<clerk-provider .clerk=${FakeClerk.signedIn()} allowed-redirect-origins="https://accounts.example"
        ><clerk-sign-out-button redirect-url="https://accounts.example/signed-out"></clerk-sign-out-button
      ></clerk-provider>`,
    );
    expect((await signedOutDetail(provider)).redirectUrl).to.equal('https://accounts.example/signed-out');
  });
});

describe("the events page's router recipe, as written", () => {
  const containers: HTMLElement[] = [];
  const container = () => containers[containers.push(document.body.appendChild(document.createElement('div'))) - 1];
  afterEach(() => containers.splice(0).forEach((element) => element.remove()));

  /** The events page's `router-path` block as a module. */
  async function routerPathModule(): Promise<{ routerPath: (url: string | null) => string | null }> {
    const code = await markedSnippet('docs/events.md', 'router-path');
    return import(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
  }

  /**
   * Runs the events page's `router-recipe` block with `router` and `document` given: its import of './router-path.js' is
   * replaced by the `router-path` block itself (the only change).
   */
  async function installRecipe(target: EventTarget, router: { navigate(path: string): void }): Promise<void> {
    const helper = (await markedSnippet('docs/events.md', 'router-path')).replace(/^export /m, '');
    const recipe = await markedSnippet('docs/events.md', 'router-recipe');
    const importLine = "import { routerPath } from './router-path.js';\n";
    expect(recipe.startsWith(importLine)).to.equal(true);
    new Function('document', 'router', helper + recipe.slice(importLine.length))(target, router);
  }

  it('routerPath: a path with query and hash on this origin; null for another origin or no navigation', async () => {
    const { routerPath } = await routerPathModule();
    expect(routerPath(here('/goodbye?from=menu#top'))).to.equal('/goodbye?from=menu#top');
    expect(routerPath(here('/'))).to.equal('/');
    expect(routerPath('https://accounts.example/signed-out')).to.equal(null);
    expect(routerPath(null)).to.equal(null);
  });

  for (const [what, attributes, expected] of [
    ["Clerk's default", '', '/'],
    ['after-sign-out-url', 'after-sign-out-url="/bye"', '/bye'],
  ] as const) {
    it(`routes ${what} with the router, with no page load`, async () => {
      const routed: string[] = [];
      const clerk = FakeClerk.signedIn();
      const host = container();
      host.innerHTML = `<clerk-provider ${attributes}><clerk-sign-out-button></clerk-sign-out-button></clerk-provider>`;
      const provider = host.querySelector('clerk-provider')!;
      provider.clerk = clerk;
      await installRecipe(host, { navigate: (path) => routed.push(path) });
      await until(() => provider.state.status === 'ready');
      const button = provider.querySelector('clerk-sign-out-button')!;
      await until(() => button.shadowRoot?.querySelector('button'));
      shadowButton(button).click();
      await until(() => routed.length === 1, 'the router was called');
      expect(routed).to.deep.equal([expected]);
      expect(clerk.navigations).to.deep.equal([]); // vetoed: no page load
    });
  }

  it('routes redirect-url="/goodbye?from=button#top" with query and hash; leaves another origin to a page load', async () => {
    const routed: string[] = [];
    const host = container();
    await installRecipe(host, { navigate: (path) => routed.push(path) });
    host.innerHTML = `
      <clerk-provider id="same"><clerk-sign-out-button redirect-url="/goodbye?from=button#top"></clerk-sign-out-button></clerk-provider>
      <clerk-provider id="other" allowed-redirect-origins="https://accounts.example"
        ><clerk-sign-out-button redirect-url="https://accounts.example/signed-out"></clerk-sign-out-button
      ></clerk-provider>`;
    const same = FakeClerk.signedIn();
    const other = FakeClerk.signedIn();
    host.querySelector<ClerkProvider>('#same')!.clerk = same;
    host.querySelector<ClerkProvider>('#other')!.clerk = other;
    for (const id of ['same', 'other']) {
      const provider = host.querySelector<ClerkProvider>(`#${id}`)!;
      await until(() => provider.state.status === 'ready');
      const button = provider.querySelector('clerk-sign-out-button')!;
      await until(() => button.shadowRoot?.querySelector('button'));
      shadowButton(button).click();
    }
    await until(() => other.navigations.length === 1, 'the other origin is left to the element');
    expect(routed).to.deep.equal(['/goodbye?from=button#top']);
    expect(same.navigations).to.deep.equal([]);
    expect(other.navigations).to.deep.equal(['https://accounts.example/signed-out']);
  });
});
