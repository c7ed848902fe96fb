// React 19: a component tree rendering the elements. React 19 sets props the element has as properties (`clerk`), others
// as attributes (`redirect-url`), and turns a function prop `on<name>` into addEventListener('<name>') with the name verbatim.
import { expect } from '@open-wc/testing';
import { createElement as h, useEffect, useState, version, type ReactNode } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import '../../../src/index.js';
import type { ClerkSignOutButton, SignedOutEvent } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { shadowButton, until } from '../../support/fixtures.js';
import { nextSignOut, SERVER_HTML } from '../../support/next-sign-out.mjs';

/** An app that handles `signed-out` itself: it records the detail, vetoes Clerk's page load and "routes" with state. */
function App({ clerk, seen }: { clerk: FakeClerk; seen: SignedOutEvent['detail'][] }) {
  const [route, setRoute] = useState('/account');
  const onSignedOut = (event: SignedOutEvent) => {
    seen.push(event.detail);
    event.preventDefault();
    setRoute(new URL(event.detail.redirectUrl ?? '/', location.href).pathname);
  };
  return h(
    'clerk-provider',
    { clerk },
    h('p', { id: 'route' }, route),
    h(
      'clerk-signed-in',
      null,
      h('clerk-sign-out-button', { 'redirect-url': '/signed-out', 'onsigned-out': onSignedOut }),
    ),
    h('clerk-signed-out', null, h('p', { id: 'goodbye' }, 'You are signed out')),
  );
}

/** Renders its children as they are (no DOM of its own), and says when React has committed them. */
function Hydrated({ onHydrated, children }: { onHydrated: () => void; children?: ReactNode }) {
  useEffect(onHydrated, [onHydrated]);
  return children;
}

describe('React 19', () => {
  let container: HTMLElement;
  let root: Root;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it('passes .clerk as a property, handles signed-out with onsigned-out, vetoes the redirect and routes itself', async () => {
    expect(version).to.match(/^19\./);
    const clerk = FakeClerk.signedIn({ id: 'user_react' });
    const seen: SignedOutEvent['detail'][] = [];
    root.render(h(App, { clerk, seen }));
    await until(() => container.querySelector('clerk-sign-out-button')?.shadowRoot?.querySelector('button'));
    const button = container.querySelector<ClerkSignOutButton>('clerk-sign-out-button')!;
    expect(button.getAttribute('redirect-url')).to.equal('/signed-out');
    expect(container.querySelector('clerk-provider')!.hasAttribute('clerk')).to.equal(false); // a property, not "[object Object]"

    shadowButton(button).click();
    await until(() => container.querySelector('#route')?.textContent === '/signed-out');
    expect(seen).to.deep.equal([
      { sessionIds: ['sess_user_react'], userId: 'user_react', redirectUrl: `${location.origin}/signed-out` },
    ]);
    expect(clerk.navigations).to.deep.equal([]); // React routed; Clerk did not load a page
    const signedOut = container.querySelector('clerk-signed-out')!;
    await until(() => signedOut.shadowRoot?.querySelector('slot'));
  });

  /** Hydrates `html` with `element` in a container of its own; resolves once React has committed (effects ran). */
  async function hydrate(html: string, element: ReactNode) {
    const server = document.body.appendChild(document.createElement('div'));
    server.innerHTML = html;
    const errors: unknown[] = [];
    let committed!: () => void;
    const done = new Promise<void>((resolve) => (committed = resolve));
    const root = hydrateRoot(server, h(Hydrated, { onHydrated: committed }, element), {
      onRecoverableError: (error) => errors.push(error),
    });
    await done;
    const button = server.querySelector<ClerkSignOutButton>('clerk-sign-out-button')!;
    await until(() => button.shadowRoot?.querySelector('button')?.checkVisibility());
    return { server, errors, button, remove: () => (root.unmount(), server.remove()) };
  }

  it("hydrates the server's HTML of the README's Next.js component (a plain import of the package); its effect routes", async () => {
    // The server rendered the tags without defining anything (test/node/server-imports.test.mjs); here the same plain
    // import has defined them, and React hydrates that HTML without a mismatch.
    const clerk = FakeClerk.signedIn({ id: 'user_next' });
    window.Clerk = clerk;
    const routed: string[] = [];
    const SignOut = nextSignOut({ createElement: h, useEffect }, { push: (path) => routed.push(path) });
    const page = await hydrate(SERVER_HTML, h(SignOut));
    try {
      shadowButton(page.button).click();
      await until(() => routed.length === 1);
      expect(routed).to.deep.equal(['/']);
      expect(clerk.navigations).to.deep.equal([]);
      expect(page.errors).to.deep.equal([]);
    } finally {
      page.remove();
      delete window.Clerk;
    }
  });

  it('React 19 neither attaches an onsigned-out prop nor sets a property when it hydrates (react#35446): why the Next.js component listens in an effect', async () => {
    // When React attaches it, this fails: the README's Next.js component can then take onsigned-out again.
    const clerk = FakeClerk.signedIn();
    window.Clerk = clerk; // what the provider falls back to: the `clerk` prop below is not set either
    const heard: Event[] = [];
    const tree = h(
      'clerk-provider',
      { clerk: FakeClerk.signedIn() },
      h('clerk-sign-out-button', { 'redirect-url': '/', 'onsigned-out': (event: Event) => heard.push(event) }),
    );
    const page = await hydrate(
      '<clerk-provider><clerk-sign-out-button redirect-url="/"></clerk-sign-out-button></clerk-provider>',
      tree,
    );
    const atDocument = new Promise((resolve) => document.addEventListener('signed-out', resolve, { once: true }));
    try {
      shadowButton(page.button).click();
      await atDocument;
      expect(heard, 'the onsigned-out prop heard the event').to.have.length(0);
      expect(page.server.querySelector('clerk-provider')!.clerk, 'the clerk prop, a property').to.equal(undefined);
      expect(clerk.navigations, 'so nothing vetoed the redirect').to.deep.equal([`${location.origin}/`]);
    } finally {
      page.remove();
      delete window.Clerk;
    }
  });

  it('sets camelCase props the element has as properties (redirectUrl)', async () => {
    root.render(
      h(
        'clerk-provider',
        { clerk: FakeClerk.signedIn() },
        h('clerk-sign-out-button', { redirectUrl: '/x', scope: 'current' }),
      ),
    );
    await until(() => container.querySelector('clerk-sign-out-button'));
    const button = container.querySelector<ClerkSignOutButton>('clerk-sign-out-button')!;
    expect(button.redirectUrl).to.equal('/x');
    expect(button.scope).to.equal('current');
  });

  it('takes the event name verbatim: onSignedOut listens for "SignedOut", so it never hears signed-out', async () => {
    const clerk = FakeClerk.signedIn();
    const camel: Event[] = [];
    const documentSaw: Event[] = [];
    const onDocument = (event: Event) => {
      documentSaw.push(event);
      event.preventDefault();
    };
    document.addEventListener('signed-out', onDocument);
    try {
      root.render(
        h(
          'clerk-provider',
          { clerk },
          h('clerk-sign-out-button', { onSignedOut: (event: Event) => camel.push(event) }),
        ),
      );
      await until(() => container.querySelector('clerk-sign-out-button')?.shadowRoot?.querySelector('button'));
      const button = container.querySelector('clerk-sign-out-button')!;
      button.dispatchEvent(new CustomEvent('SignedOut')); // what React did subscribe to
      expect(camel.length).to.equal(1);
      shadowButton(button).click();
      await until(() => documentSaw.length === 1);
      expect(camel.length).to.equal(1);
    } finally {
      document.removeEventListener('signed-out', onDocument);
    }
  });
});
