// The frameworks' way (the README's Next.js recipe): React renders the tags at once and a `useEffect`
// imports the package later, here 2 s later. The page has the package's no-flash.css (what
// `import 'clerk-sign-out-elements/no-flash.css'` in app/layout.tsx puts in the head). This file never imports the
// elements itself: they are defined only by the delayed import.
import { expect } from '@open-wc/testing';
import { createElement as h, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { FakeClerk } from '../../../src/testing/index.js';
import { DELAY_MS, delayedModule, rendersContent, until, watchUntilDefined } from '../../support/slow-page.js';

function SignOut({ module }: { module: string }) {
  // Client components are also rendered on the server: register the elements in the browser only.
  useEffect(() => void import(module), [module]);
  return h(
    'clerk-provider',
    { 'publishable-key': 'pk_live_…' },
    h('clerk-signed-in', null, h('p', { id: 'hello' }, 'Hello, Ada'), h('clerk-sign-out-button')),
    h('clerk-signed-out', null, h('p', { id: 'goodbye' }, 'You are signed out.')),
  );
}

describe('React, the package imported in useEffect 2 s late, with no-flash.css', () => {
  it('renders nothing of either state before the elements are defined, then the signed-in content', async function () {
    this.timeout(15000);
    expect(customElements.get('clerk-provider')).to.equal(undefined);
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/src/no-flash.css' });
    const styled = new Promise((resolve, reject) => {
      link.addEventListener('load', resolve);
      link.addEventListener('error', reject);
    });
    document.head.append(link);
    await styled;
    window.Clerk = FakeClerk.signedIn({ firstName: 'Ada' });
    const container = document.body.appendChild(document.createElement('div'));
    const root = createRoot(container);
    try {
      root.render(h(SignOut, { module: delayedModule('/src/index.ts') }));
      await until(() => container.querySelector('clerk-provider'));
      const watched = await watchUntilDefined({ window, document });
      expect(watched.shown, 'rendered before the elements were defined').to.deep.equal([]);
      expect(watched.waitedMs).to.be.greaterThan(DELAY_MS - 200);

      await until(() => document.getElementById('hello')!.checkVisibility(), 'the signed-in content shows');
      expect(document.getElementById('goodbye')!.checkVisibility()).to.equal(false);
      expect(rendersContent(container.querySelector('clerk-signed-out')!)).to.equal(false);
    } finally {
      root.unmount();
      container.remove();
      delete window.Clerk;
    }
  });
});
