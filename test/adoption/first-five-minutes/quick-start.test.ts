// The README's quick start with a bundler, run as written, with the elements module arriving 2 s late (a
// slow network, a deferred import()). The package name resolves to a module that waits 2 s and then imports
// src/index.ts (the only change to the block); Clerk is a fake, as `window.Clerk` (which the provider takes first).
// Before the elements are defined nothing of either state may render; afterwards the right one does, and after
// signing out the page shows the signed-out content (not a blank page).
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

const STYLE_LINE =
  '<style>:is(clerk-signed-in, clerk-signed-out, clerk-sign-out-button, clerk-user-menu):not(:defined) { display: none }</style>';

describe('README quick start with a bundler, its module 2 s late', () => {
  let page: Awaited<ReturnType<typeof openPage>> | undefined;
  afterEach(() => page?.remove());

  async function openQuickStart(clerk: FakeClerk, block?: string) {
    block ??= await readmeSnippet('quick-start-bundler');
    // The package name resolves to the current source, arriving 2 s late (what a bundler's resolution would do).
    const specifier = `'clerk-sign-out-elements'`;
    expect(block.split(specifier)).to.have.length(2);
    page = await openPage(block.replace(specifier, `'${delayedModule('/src/index.ts')}'`), { clerk });
    return page;
  }

  const byTag = (tag: string) => page!.document.querySelector(tag)!;

  it('the block is what the test assumes: the no-flash <style> line first, the package imported by name', async () => {
    const block = await readmeSnippet('quick-start-bundler');
    expect(block.split('\n')[0]).to.equal(STYLE_LINE);
    expect(block).to.contain(`import 'clerk-sign-out-elements';`);
    expect(block).to.match(/<clerk-signed-out>\s*<p>You are signed out\./);
  });

  it('signed in: nothing renders while the module loads, then the signed-in content; signing out ends on the signed-out content', async function () {
    this.timeout(15000);
    const clerk = FakeClerk.signedIn({ firstName: 'Ada' });
    await openQuickStart(clerk);
    const watched = await watchUntilDefined(page!);
    expect(watched.shown, 'rendered before the elements were defined').to.deep.equal([]);
    expect(watched.waitedMs).to.be.greaterThan(DELAY_MS - 200);
    expect(watched.checks).to.be.greaterThan(20);

    await until(() => rendersContent(byTag('clerk-signed-in')), 'the signed-in content renders');
    expect(rendersContent(byTag('clerk-signed-out'))).to.equal(false);
    const button = byTag('clerk-sign-out-button');
    const trigger = () => byTag('clerk-user-menu').shadowRoot?.querySelector('[part~="trigger"]');
    await until(() => button.shadowRoot?.querySelector('button')?.checkVisibility() && trigger()?.checkVisibility());

    button.shadowRoot!.querySelector('button')!.click();
    await until(() => rendersContent(byTag('clerk-signed-out')), 'the signed-out content renders after signing out');
    expect(page!.document.querySelector('clerk-signed-out p')!.checkVisibility()).to.equal(true);
    expect(rendersContent(byTag('clerk-signed-in'))).to.equal(false);
    expect(clerk.signOutCalls).to.have.length(1);
    expect(clerk.navigations).to.have.length(1); // Clerk's default redirect, as the quick start has no listener vetoing it
  });

  it('signed out: nothing renders while the module loads, then only the signed-out content', async function () {
    this.timeout(15000);
    await openQuickStart(new FakeClerk());
    const watched = await watchUntilDefined(page!);
    expect(watched.shown, 'rendered before the elements were defined').to.deep.equal([]);
    expect(watched.waitedMs).to.be.greaterThan(DELAY_MS - 200);

    await until(() => rendersContent(byTag('clerk-signed-out')), 'the signed-out content renders');
    expect(rendersContent(byTag('clerk-signed-in'))).to.equal(false);
    expect(byTag('clerk-sign-out-button').getBoundingClientRect().width).to.equal(0);
  });

  it('the menu’s own items stay hidden too, before and after the elements are defined (the menu is closed)', async function () {
    this.timeout(15000);
    const block = (await readmeSnippet('quick-start-bundler')).replace(
      '<clerk-user-menu show-name></clerk-user-menu>',
      '<clerk-user-menu show-name><a slot="item" href="/billing">Billing</a><button slot="item" type="button">Help</button></clerk-user-menu>',
    );
    await openQuickStart(FakeClerk.signedIn(), block);
    const watched = await watchUntilDefined(page!);
    expect(watched.shown).to.deep.equal([]);
    await until(() => rendersContent(byTag('clerk-signed-in')));
    expect(rendersContent(byTag('clerk-user-menu'))).to.equal(false);
    expect(page!.document.querySelector('clerk-user-menu a')!.checkVisibility()).to.equal(false);
  });

  it('without the <style> line the same page shows both states while the module loads (what the rule prevents)', async function () {
    this.timeout(15000);
    const block = (await readmeSnippet('quick-start-bundler')).replace(STYLE_LINE, '');
    await openQuickStart(FakeClerk.signedIn(), block);
    const watched = await watchUntilDefined(page!);
    expect(watched.shown.join('\n')).to.contain('You are signed out.');
  });
});
