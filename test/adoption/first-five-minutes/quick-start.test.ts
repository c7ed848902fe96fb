// The README's quick start with a bundler, run as written, with the elements module arriving 2 s late (a slow network,
// a late client bundle). The package name resolves to a module that waits 2 s and then imports src/index.ts, and the
// stylesheet's path to src/no-flash.css (the only changes to the block); Clerk is a fake, as `window.Clerk` (which the
// provider takes first). Before the elements are defined nothing of any state may render; afterwards the right one
// does, and after signing out the page shows the signed-out content (not a blank page). From the first paint to Clerk
// ready, the menu, the button and what follows them do not move.
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

const STYLESHEET = './node_modules/clerk-sign-out-elements/dist/no-flash.css';
const LINK = `<link rel="stylesheet" href="${STYLESHEET}" />`;

describe('README quick start with a bundler, its module 2 s late', () => {
  let page: Awaited<ReturnType<typeof openPage>> | undefined;
  afterEach(() => page?.remove());

  async function openQuickStart(clerk: FakeClerk, block?: string) {
    block ??= await markedSnippet('README.md', 'quick-start-bundler');
    // The package name resolves to the current source, arriving 2 s late (what a bundler's resolution would do), and
    // the stylesheet to the current one.
    const specifier = `'clerk-sign-out-elements'`;
    expect(block.split(specifier)).to.have.length(2);
    const source = block
      .replace(specifier, `'${delayedModule('/src/index.ts')}'`)
      .replace(STYLESHEET, '/src/no-flash.css');
    // What follows the block on the page: it must not move either.
    page = await openPage(`${source}\n<p id="after">The rest of the page.</p>`, { clerk });
    await stylesLoaded(page);
    return page;
  }

  const byTag = (tag: string) => page!.document.querySelector(tag)!;
  const trigger = () => byTag('clerk-user-menu').shadowRoot?.querySelector('[part~="trigger"]');
  const button = () => byTag('clerk-sign-out-button').shadowRoot?.querySelector('button');
  /** The menu and the button keep their places invisibly before they are defined: nothing of them shows. */
  const controlsInvisible = () =>
    ['clerk-user-menu', 'clerk-sign-out-button'].every(
      (tag) => !byTag(tag).checkVisibility({ visibilityProperty: true }),
    );

  it('the block is what the test assumes: the link to no-flash.css first, the package imported by name, the menu and the button outside any state', async () => {
    const block = await markedSnippet('README.md', 'quick-start-bundler');
    expect(block.split('\n')[0]).to.equal(LINK);
    expect(block).to.contain(`import 'clerk-sign-out-elements';`);
    expect(block).to.match(
      /<nav>\s*<clerk-user-menu><\/clerk-user-menu>\s*<clerk-sign-out-button><\/clerk-sign-out-button>\s*<\/nav>/,
    );
    expect(block).to.match(/<clerk-signed-out>\s*<p>You are signed out\./);
    expect(block).to.match(/<clerk-failed>\s*<p>Sign-in is unavailable/);
  });

  it('signed in: nothing renders while the module loads, then the menu and the button; signing out ends on the signed-out content', async function () {
    this.timeout(15000);
    const clerk = FakeClerk.signedIn({ firstName: 'Ada' });
    await openQuickStart(clerk);
    expect(controlsInvisible()).to.equal(true);
    const watched = await watchUntilDefined(page!, { tags: STATE_TAGS });
    expect(watched.shown, 'rendered before the elements were defined').to.deep.equal([]);
    expect(watched.waitedMs).to.be.greaterThan(DELAY_MS - 200);
    expect(watched.checks).to.be.greaterThan(20);

    await until(() => button()?.checkVisibility() && trigger()?.checkVisibility(), 'the menu and the button show');
    for (const tag of ['clerk-signed-out', 'clerk-failed']) expect(rendersContent(byTag(tag)), tag).to.equal(false);

    button()!.click();
    await until(() => rendersContent(byTag('clerk-signed-out')), 'the signed-out content renders after signing out');
    expect(page!.document.querySelector('clerk-signed-out p')!.checkVisibility()).to.equal(true);
    expect(byTag('clerk-sign-out-button').getBoundingClientRect().width).to.equal(0);
    expect(clerk.signOutCalls).to.have.length(1);
    expect(clerk.navigations).to.have.length(1); // Clerk's default redirect, as the quick start has no listener vetoing it
  });

  it('signed out: nothing renders while the module loads, then only the signed-out content', async function () {
    this.timeout(15000);
    await openQuickStart(new FakeClerk());
    const watched = await watchUntilDefined(page!, { tags: STATE_TAGS });
    expect(watched.shown, 'rendered before the elements were defined').to.deep.equal([]);
    expect(watched.waitedMs).to.be.greaterThan(DELAY_MS - 200);

    await until(() => rendersContent(byTag('clerk-signed-out')), 'the signed-out content renders');
    expect(rendersContent(byTag('clerk-failed'))).to.equal(false);
    expect(byTag('clerk-sign-out-button').getBoundingClientRect().width).to.equal(0);
    expect(byTag('clerk-user-menu').getBoundingClientRect().width).to.equal(0);
  });

  it('Clerk cannot load: only the <clerk-failed> content, never signed-in or signed-out content', async function () {
    this.timeout(15000);
    const clerk = new FakeClerk({ users: [], loaded: false });
    clerk.failNextLoad();
    await openQuickStart(clerk);
    await watchUntilDefined(page!, { tags: STATE_TAGS });
    await until(() => rendersContent(byTag('clerk-failed')), 'the failed content renders');
    expect(rendersContent(byTag('clerk-signed-out'))).to.equal(false);
    expect(trigger()).to.equal(null);
    expect(button() ?? null).to.equal(null);
  });

  it('nothing moves from the first paint, through the elements defined while Clerk loads, to Clerk ready (signed in)', async function () {
    this.timeout(15000);
    const { clerk, finishLoading } = slowClerk({ firstName: 'Ada' });
    await openQuickStart(clerk);
    const measured = () =>
      boxes(page!.document, ['nav', 'clerk-user-menu', 'clerk-sign-out-button', 'clerk-signed-out', '#after']);
    const firstPaint = measured();
    await watchUntilDefined(page!, { tags: STATE_TAGS });
    await until(
      () => trigger() === null && byTag('clerk-user-menu').shadowRoot?.querySelector('[part~="placeholder"]'),
    );
    const clerkLoading = measured();
    finishLoading();
    await until(() => button()?.checkVisibility() && trigger()?.checkVisibility(), 'the menu and the button show');
    const clerkReady = measured();
    expect(clerkLoading, 'defined, Clerk loading vs first paint').to.deep.equal(firstPaint);
    expect(clerkReady, 'Clerk ready vs first paint').to.deep.equal(firstPaint);
    expect(firstPaint.nav.split(' ')[3], "the nav's height").to.not.equal('0.00');
  });

  it('the menu’s own items stay hidden too, before and after the elements are defined (the menu is closed)', async function () {
    this.timeout(15000);
    const block = (await markedSnippet('README.md', 'quick-start-bundler')).replace(
      '<clerk-user-menu></clerk-user-menu>',
      '<clerk-user-menu><a slot="item" href="/billing">Billing</a><button slot="item" type="button">Help</button></clerk-user-menu>',
    );
    await openQuickStart(FakeClerk.signedIn(), block);
    expect(page!.document.querySelector('clerk-user-menu a')!.checkVisibility({ visibilityProperty: true })).to.equal(
      false,
    );
    await watchUntilDefined(page!, { tags: STATE_TAGS });
    await until(() => trigger()?.checkVisibility());
    expect(page!.document.querySelector('clerk-user-menu a')!.checkVisibility()).to.equal(false);
  });

  it('without the link to no-flash.css the same page shows every state while the module loads (what the file prevents)', async function () {
    this.timeout(15000);
    const block = (await markedSnippet('README.md', 'quick-start-bundler')).replace(LINK, '');
    await openQuickStart(FakeClerk.signedIn(), block);
    const watched = await watchUntilDefined(page!, { tags: STATE_TAGS });
    expect(watched.shown.join('\n')).to.contain('You are signed out.').and.contain('Sign-in is unavailable');
  });
});
