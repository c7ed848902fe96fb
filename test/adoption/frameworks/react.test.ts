// React 19: a component tree rendering the elements. React 19 sets props the element has as properties (`clerk`), others
// as attributes (`redirect-url`), and turns a function prop `on<name>` into addEventListener('<name>') with the name verbatim.
import { expect } from '@open-wc/testing';
import { createElement as h, useState, version } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import '../../../src/index.js';
import type { ClerkSignOutButton, SignedOutEvent } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { shadowButton, until } from '../../support/fixtures.js';

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
