// The CDN module: ONE <script type="module"> registers everything. Only the bundle is imported here (never src/), so
// the elements on this page are the bundle's. It is built from the current source by test/support/framework-plugins.mjs.
import { expect } from '@open-wc/testing';
import type { SignedOutEvent } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';

const cdnUrl = '/__cdn__/clerk-sign-out-elements.js';

async function until(condition: () => unknown): Promise<void> {
  for (const deadline = Date.now() + 2000; !condition(); await new Promise((resolve) => setTimeout(resolve, 5))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${condition}`);
  }
}

describe('CDN module', () => {
  before(async () => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = cdnUrl;
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve);
      script.addEventListener('error', reject);
    });
    document.head.append(script);
    await loaded;
  });

  it('is one self-contained module: no imports left for the browser to resolve', async () => {
    const code = await (await fetch(cdnUrl)).text();
    expect(code).not.to.match(/\bimport\s*(?:[{*"'`(]|\w+\s*from\b)|\bfrom\s*["'`]/);
    expect(code).to.contain('customElements.define(');
  });

  it('registers every element on load, and they work with Clerk from window.Clerk', async () => {
    for (const tag of ['clerk-provider', 'clerk-sign-out-button', 'clerk-signed-in', 'clerk-signed-out']) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
    const clerk = FakeClerk.signedIn({ id: 'user_cdn' });
    window.Clerk = clerk;
    document.body.insertAdjacentHTML(
      'beforeend',
      `<clerk-provider id="cdn"><clerk-signed-in><clerk-sign-out-button></clerk-sign-out-button></clerk-signed-in></clerk-provider>`,
    );
    const details: SignedOutEvent['detail'][] = [];
    const button = document.querySelector<HTMLElement>('#cdn clerk-sign-out-button')!;
    button.addEventListener('signed-out', (event) => details.push((event as SignedOutEvent).detail));
    try {
      await until(() => button.shadowRoot?.querySelector('button'));
      button.shadowRoot!.querySelector('button')!.click();
      await until(() => details.length === 1);
      expect(details[0]).to.deep.equal({
        sessionIds: ['sess_user_cdn'],
        userId: 'user_cdn',
        redirectUrl: new URL('/', location.href).href,
      });
      expect(clerk.navigations).to.deep.equal([new URL('/', location.href).href]); // not vetoed: the redirect goes through Clerk
    } finally {
      document.querySelector('#cdn')!.remove();
      delete window.Clerk;
    }
  });
});
