// The README's CDN quick start, run as written except for the two jsDelivr addresses: the module becomes the CDN module
// built from the current source (test/support/framework-plugins.mjs), reached through a module that waits 2 s first (a
// late CDN script), and the stylesheet the current src/no-flash.css. Nothing of any state may render before the
// elements are defined, and nothing moves from the first paint to Clerk ready.
import { expect } from '@open-wc/testing';
import { FakeClerk } from '../../../src/testing/index.js';
import { slowClerk } from '../../support/fixtures.js';
import { markedSnippet } from '../../support/marked-snippet.js';
import {
  DELAY_MS,
  boxes,
  delayedModule,
  openPage,
  rendersContent,
  STATE_TAGS,
  stylesLoaded,
  until,
  watchUntilDefined,
} from '../../support/slow-page.js';

const CDN_MODULE = '/__cdn__/clerk-sign-out-elements.js';
const JSDELIVR = 'https://cdn.jsdelivr.net/npm/clerk-sign-out-elements';

describe('README CDN quick start, the module 2 s late', () => {
  let page: Awaited<ReturnType<typeof openPage>> | undefined;
  afterEach(() => page?.remove());
  // The CDN module is built on its first request: build it now, so the only wait in the tests is the 2 s delay.
  before(async function () {
    this.timeout(60000);
    expect((await fetch(CDN_MODULE)).ok).to.equal(true);
  });

  async function openCdnPage(clerk: FakeClerk) {
    const block = await markedSnippet('README.md', 'quick-start-cdn');
    const urls = [...block.matchAll(/(?:src|href)="(https:\/\/cdn\.jsdelivr\.net\/[^"]*)"/g)].map((match) => match[1]);
    expect(urls, 'the stylesheet, then the module, from jsDelivr').to.deep.equal([
      `${JSDELIVR}/dist/no-flash.css`,
      `${JSDELIVR}/dist/cdn/clerk-sign-out-elements.js`,
    ]);
    expect(block.indexOf('<link')).to.be.lessThan(block.indexOf('<clerk-provider'));
    const source = block.replace(urls[0], '/src/no-flash.css').replace(urls[1], delayedModule(CDN_MODULE));
    page = await openPage(`${source}\n<p id="after">The rest of the page.</p>`, { clerk });
    await stylesLoaded(page);
    return page;
  }

  const byTag = (tag: string) => page!.document.querySelector(tag)!;
  const trigger = () => byTag('clerk-user-menu').shadowRoot?.querySelector('[part~="trigger"]');
  const button = () => byTag('clerk-sign-out-button').shadowRoot?.querySelector('button');

  it('signed in: nothing renders while the module loads, then the menu and the button only', async function () {
    this.timeout(15000);
    await openCdnPage(FakeClerk.signedIn());
    const watched = await watchUntilDefined(page!, { tags: STATE_TAGS });
    expect(watched.shown, 'rendered before the elements were defined').to.deep.equal([]);
    expect(watched.waitedMs).to.be.greaterThan(DELAY_MS - 200);
    await until(() => button()?.checkVisibility() && trigger()?.checkVisibility(), 'the menu and the button show');
    expect(rendersContent(byTag('clerk-signed-out'))).to.equal(false);
    expect(rendersContent(byTag('clerk-failed'))).to.equal(false);
  });

  it('signed out: nothing renders while the module loads, then the signed-out content only', async function () {
    this.timeout(15000);
    await openCdnPage(new FakeClerk());
    const watched = await watchUntilDefined(page!, { tags: STATE_TAGS });
    expect(watched.shown, 'rendered before the elements were defined').to.deep.equal([]);
    await until(() => rendersContent(byTag('clerk-signed-out')), 'the signed-out content renders');
    expect(rendersContent(byTag('clerk-failed'))).to.equal(false);
    expect(byTag('clerk-sign-out-button').getBoundingClientRect().width).to.equal(0);
  });

  it('nothing moves from the first paint, through the elements defined while Clerk loads, to Clerk ready (signed in)', async function () {
    this.timeout(15000);
    const { clerk, finishLoading } = slowClerk();
    await openCdnPage(clerk);
    const measured = () => boxes(page!.document, ['nav', 'clerk-user-menu', 'clerk-sign-out-button', '#after']);
    const firstPaint = measured();
    await watchUntilDefined(page!, { tags: STATE_TAGS });
    await until(() => byTag('clerk-user-menu').shadowRoot?.querySelector('[part~="placeholder"]'));
    const clerkLoading = measured();
    finishLoading();
    await until(() => button()?.checkVisibility() && trigger()?.checkVisibility(), 'the menu and the button show');
    expect(clerkLoading, 'defined, Clerk loading vs first paint').to.deep.equal(firstPaint);
    expect(measured(), 'Clerk ready vs first paint').to.deep.equal(firstPaint);
  });
});
