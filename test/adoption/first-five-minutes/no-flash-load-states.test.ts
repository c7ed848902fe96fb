// no-flash.css and the load-state elements, the module 2 s late: before the elements are defined Clerk is still
// loading, so <clerk-loading>'s content shows from the first paint (where it will stay once defined), while the other
// states' content stays hidden; then each shows in its state.
import { expect } from '@open-wc/testing';
import { FakeClerk } from '../../../src/testing/index.js';
import { slowClerk } from '../../support/fixtures.js';
import {
  boxes,
  delayedModule,
  openPage,
  rendersContent,
  STATE_TAGS,
  stylesLoaded,
  until,
  watchUntilDefined,
} from '../../support/slow-page.js';

const BODY = `<link rel="stylesheet" href="/src/no-flash.css" />
<clerk-provider publishable-key="pk_live_…">
  <clerk-loading><p id="loading">Loading your account…</p></clerk-loading>
  <clerk-loaded><p>Loaded.</p></clerk-loaded>
  <clerk-failed><p>Sign-in is unavailable right now.</p></clerk-failed>
  <clerk-degraded><p>Some account features are unavailable right now.</p></clerk-degraded>
  <clerk-signed-in><p>Welcome back.</p></clerk-signed-in>
  <clerk-signed-out><p>You are signed out.</p></clerk-signed-out>
</clerk-provider>
<script type="module" src="${delayedModule('/src/index.ts')}"></script>`;

describe('no-flash.css with the load-state elements, the module 2 s late', () => {
  let page: Awaited<ReturnType<typeof openPage>> | undefined;
  afterEach(() => page?.remove());

  async function open(clerk: FakeClerk) {
    page = await openPage(BODY, { clerk });
    await stylesLoaded(page);
    return page;
  }
  const byTag = (tag: string) => page!.document.querySelector(tag)!;
  const loadingShown = () => page!.document.getElementById('loading')!.checkVisibility();

  it('shows only the loading content until the elements are defined, in the same place after; then the signed-in content', async function () {
    this.timeout(15000);
    const { clerk, finishLoading } = slowClerk();
    await open(clerk);
    expect(loadingShown(), 'the loading content, at the first paint').to.equal(true);
    const firstPaint = boxes(page!.document, ['#loading']);
    const watched = await watchUntilDefined(page!, { tags: STATE_TAGS });
    expect(watched.shown, 'other states rendered before the elements were defined').to.deep.equal([]);
    await until(() => (byTag('clerk-loading') as HTMLElement & { active?: boolean }).active === true);
    expect(loadingShown(), 'still loading once defined').to.equal(true);
    expect(boxes(page!.document, ['#loading']), 'where it was').to.deep.equal(firstPaint);

    finishLoading();
    await until(() => rendersContent(byTag('clerk-signed-in')), 'the signed-in content');
    expect(loadingShown()).to.equal(false);
    expect(STATE_TAGS.filter((tag) => rendersContent(byTag(tag)))).to.deep.equal(['clerk-signed-in', 'clerk-loaded']);
  });

  it('Clerk cannot load: the loading content gives way to the failed content only', async function () {
    this.timeout(15000);
    const clerk = new FakeClerk({ loaded: false });
    clerk.failNextLoad();
    await open(clerk);
    await watchUntilDefined(page!, { tags: STATE_TAGS });
    await until(() => rendersContent(byTag('clerk-failed')), 'the failed content');
    expect(loadingShown()).to.equal(false);
    expect(STATE_TAGS.filter((tag) => rendersContent(byTag(tag)))).to.deep.equal(['clerk-failed']);
  });
});
