// The README's CDN quick start, run as written except for the module's URL: the jsDelivr address becomes the
// CDN module built from the current source (test/support/framework-plugins.mjs), reached through a module that waits
// 2 s first (a late CDN script). Nothing of either state may render before the elements are defined.
import { expect } from '@open-wc/testing';
import { FakeClerk } from '../../../src/testing/index.js';
import { readmeSnippet } from '../../support/readme.js';
import {
  DELAY_MS,
  delayedModule,
  openPage,
  rendersContent,
  until,
  watchUntilDefined,
} from '../../support/slow-page.js';

const CDN_MODULE = '/__cdn__/clerk-sign-out-elements.js';

describe('README CDN quick start, the module 2 s late', () => {
  let page: Awaited<ReturnType<typeof openPage>> | undefined;
  afterEach(() => page?.remove());
  // The CDN module is built on its first request: build it now, so the only wait in the tests is the 2 s delay.
  before(async function () {
    this.timeout(60000);
    expect((await fetch(CDN_MODULE)).ok).to.equal(true);
  });

  async function openCdnPage(clerk: FakeClerk) {
    const block = await readmeSnippet('quick-start-cdn');
    const urls = [...block.matchAll(/src="(https:\/\/cdn\.jsdelivr\.net\/npm\/clerk-sign-out-elements[^"]*)"/g)];
    expect(urls, 'one jsDelivr module in the block').to.have.length(1);
    expect(block.indexOf('<style>')).to.be.lessThan(block.indexOf('<clerk-provider'));
    page = await openPage(block.replace(urls[0][1], delayedModule(CDN_MODULE)), { clerk });
    return page;
  }

  const byTag = (tag: string) => page!.document.querySelector(tag)!;

  it('signed in: nothing renders while the module loads, then the signed-in content only', async function () {
    this.timeout(15000);
    await openCdnPage(FakeClerk.signedIn());
    const watched = await watchUntilDefined(page!);
    expect(watched.shown, 'rendered before the elements were defined').to.deep.equal([]);
    expect(watched.waitedMs).to.be.greaterThan(DELAY_MS - 200);
    await until(() => byTag('clerk-sign-out-button').shadowRoot?.querySelector('button')?.checkVisibility());
    expect(rendersContent(byTag('clerk-signed-in'))).to.equal(true);
    expect(rendersContent(byTag('clerk-signed-out'))).to.equal(false);
  });

  it('signed out: nothing renders while the module loads, then the signed-out content only', async function () {
    this.timeout(15000);
    await openCdnPage(new FakeClerk());
    const watched = await watchUntilDefined(page!);
    expect(watched.shown, 'rendered before the elements were defined').to.deep.equal([]);
    await until(() => rendersContent(byTag('clerk-signed-out')), 'the signed-out content renders');
    expect(rendersContent(byTag('clerk-signed-in'))).to.equal(false);
  });
});
