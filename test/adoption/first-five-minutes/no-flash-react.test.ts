// The frameworks' way (the Next.js recipe of docs/frameworks.md): the page arrives with the server's HTML of the client component
// (React's server render, where the component's plain `import 'clerk-sign-out-elements'` defined nothing:
// test/node/server-imports.test.mjs) and the package's no-flash.css (what `import 'clerk-sign-out-elements/no-flash.css'`
// in app/layout.tsx puts in the head). The client bundle arrives 2 s later: it imports the package, which defines the
// elements, and React hydrates the server's HTML. This file never imports the elements itself.
import { expect } from '@open-wc/testing';
import { createElement as h, useEffect } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { FakeClerk } from '../../../src/testing/index.js';
import { nextSignOut, SERVER_HTML } from '../../support/next-sign-out.mjs';
import { DELAY_MS, delayedModule, rendersContent, until, watchUntilDefined } from '../../support/slow-page.js';

describe('React server render, then the client bundle (a plain import of the package) 2 s late, with no-flash.css', () => {
  it('renders nothing of either state before the elements are defined, hydrates cleanly, then shows the signed-in content', async function () {
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
    container.innerHTML = SERVER_HTML;
    const hydrationErrors: unknown[] = [];
    // The client bundle: its first import defines the elements, then React hydrates what the server rendered.
    const clientBundle = import(delayedModule('/src/index.ts')).then(() =>
      hydrateRoot(container, h(nextSignOut({ createElement: h, useEffect }, { push: () => undefined })), {
        onRecoverableError: (error) => hydrationErrors.push(error),
      }),
    );
    try {
      const watched = await watchUntilDefined({ window, document });
      expect(watched.shown, 'rendered before the elements were defined').to.deep.equal([]);
      expect(watched.waitedMs).to.be.greaterThan(DELAY_MS - 200);

      const root = await clientBundle;
      try {
        await until(() => document.getElementById('hello')!.checkVisibility(), 'the signed-in content shows');
        expect(document.getElementById('goodbye')!.checkVisibility()).to.equal(false);
        expect(document.getElementById('unavailable')!.checkVisibility()).to.equal(false);
        expect(rendersContent(container.querySelector('clerk-signed-out')!)).to.equal(false);
        expect(hydrationErrors, 'React found the server HTML it would render').to.deep.equal([]);
      } finally {
        root.unmount();
      }
    } finally {
      container.remove();
      link.remove();
      delete window.Clerk;
    }
  });
});
