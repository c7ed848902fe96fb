// A failed action's message moves nothing: in a header with the menu and the button, a failed sign-out (the fake Clerk)
// leaves every box where it was, and the message shows whole, anchored to its control and inside the viewport (at
// either side of the window and at its bottom, left to right and right to left). The next action clears it.
import { expect, fixture, html } from '@open-wc/testing';
import type { ClerkProvider, ClerkSignOutButton, ClerkUserMenu } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { shadowButton, until } from '../../support/fixtures.js';
import { mustItem, openByClick, trigger } from '../../support/fake-menu.js';

const FAILURE = 'Sign-out failed. Please try again.';

/** A header (its own styles) with the menu and the button at its end, and the page's content under it. */
async function headerPage(headerStyle: string, clerk: FakeClerk) {
  const provider = await fixture<ClerkProvider>(html`
    <clerk-provider .clerk=${clerk}>
      <header
        style="display: flex; justify-content: space-between; align-items: center; padding: 8px 0; ${headerStyle}"
      >
        <strong>Acme</strong>
        <nav style="display: flex; gap: 12px; align-items: center">
          <clerk-user-menu show-name></clerk-user-menu>
          <clerk-sign-out-button></clerk-sign-out-button>
        </nav>
      </header>
      <main><p>The page's own content, right under the header.</p></main>
    </clerk-provider>
  `);
  await until(() => provider.state.status === 'ready');
  const menu = provider.querySelector<ClerkUserMenu>('clerk-user-menu')!;
  const button = provider.querySelector<ClerkSignOutButton>('clerk-sign-out-button')!;
  await Promise.all([menu.updateComplete, button.updateComplete]);
  const boxes = () =>
    [
      provider.querySelector('header')!,
      provider.querySelector('main p')!,
      provider.querySelector('strong')!,
      trigger(menu),
      shadowButton(button),
    ].map((element) => element.getBoundingClientRect().toJSON());
  const page = () => [document.documentElement.scrollWidth, document.documentElement.scrollHeight];
  return { provider, menu, button, boxes, page };
}

/** The element's message box: shown whole (nothing covers or clips its centre and corners), inside the viewport. */
function expectShownWhole(host: Element, text: string) {
  const root = host.shadowRoot!;
  const messages = root.getElementById('messages')!;
  const alert = root.querySelector('[role="alert"]')!;
  expect(alert.textContent).to.equal(text);
  expect(messages.contains(alert)).to.equal(true);
  expect(alert.checkVisibility({ visibilityProperty: true, opacityProperty: true }), 'visible').to.equal(true);
  const box = messages.getBoundingClientRect();
  expect(box.width * box.height, 'has a box').to.be.greaterThan(0);
  const viewport = { width: document.documentElement.clientWidth, height: innerHeight };
  expect(box.left, 'left edge in the viewport').to.be.at.least(0);
  expect(box.top, 'top edge in the viewport').to.be.at.least(0);
  expect(box.right, 'right edge in the viewport').to.be.at.most(viewport.width);
  expect(box.bottom, 'bottom edge in the viewport').to.be.at.most(viewport.height);
  const inset = 3;
  for (const [x, y] of [
    [box.left + box.width / 2, box.top + box.height / 2],
    [box.left + inset, box.top + inset],
    [box.right - inset, box.bottom - inset],
  ]) {
    const hit = root.elementFromPoint(x, y);
    expect(
      !!hit && messages.contains(hit),
      `the message is what shows at (${Math.round(x)}, ${Math.round(y)})`,
    ).to.equal(true);
  }
  return box;
}

describe('messages take no room in the page', () => {
  it('a failed sign-out in a header with the menu and the button: nothing moves, the message shows whole', async () => {
    const clerk = FakeClerk.signedIn({ firstName: 'Ada', lastName: 'Lovelace' });
    clerk.failNextSignOut();
    const { button, menu, boxes, page } = await headerPage('', clerk);
    const before = boxes();
    const pageBefore = page();
    shadowButton(button).click();
    await until(() => button.shadowRoot!.querySelector('[role="alert"]')!.textContent);
    await button.updateComplete;
    expect(boxes(), 'the header, the content, the menu trigger and the button').to.deep.equal(before);
    expect(page(), 'the page size').to.deep.equal(pageBefore);
    const box = expectShownWhole(button, FAILURE);
    // Anchored to its control: just under the button, one of its sides lined up with the button's.
    const control = shadowButton(button).getBoundingClientRect();
    expect(box.top - control.bottom, 'under the button').to.be.within(0, 8);
    expect(
      Math.min(Math.abs(box.left - control.left), Math.abs(box.right - control.right)),
      'lined up with the button',
    ).to.be.below(1);
    expect(shadowButton(button).getAttribute('aria-describedby')).to.equal('error');

    // The next action (here: opening the menu) clears it: no old error behind the open menu.
    await openByClick(menu);
    await button.updateComplete;
    expect(button.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('');
    expect(button.shadowRoot!.getElementById('messages')!.getBoundingClientRect().height).to.equal(0);
    expect(shadowButton(button).hasAttribute('aria-describedby')).to.equal(false);
    await expect(button).to.be.accessible();
  });

  it("the menu's failure after it closed: nothing moves, the message shows whole under the trigger", async () => {
    const clerk = FakeClerk.signedIn({ firstName: 'Ada', lastName: 'Lovelace' });
    const release = clerk.holdNextSignOut(new Error('Network error'));
    const { menu, boxes, page } = await headerPage('', clerk);
    const before = boxes();
    const pageBefore = page();
    await openByClick(menu);
    mustItem(menu, 'sign-out').click();
    menu.open = false;
    await menu.updateComplete;
    release();
    await until(() => menu.shadowRoot!.querySelector('[role="alert"]')!.textContent);
    await menu.updateComplete;
    expect(boxes()).to.deep.equal(before);
    expect(page()).to.deep.equal(pageBefore);
    const box = expectShownWhole(menu, FAILURE);
    expect(box.top - trigger(menu).getBoundingClientRect().bottom, 'under the trigger').to.be.within(0, 8);
    await expect(menu).to.be.accessible();
  });

  it('goes above a control at the bottom of the window', async () => {
    const clerk = FakeClerk.signedIn({ firstName: 'Ada' });
    clerk.failNextSignOut();
    // A fixed bar at the bottom of the window: there is no room under the button.
    const { button, boxes } = await headerPage(
      'position: fixed; inset: auto 0 0 0; height: 40px; background: #112; color: #fff',
      clerk,
    );
    const before = boxes();
    shadowButton(button).click();
    await until(() => button.shadowRoot!.querySelector('[role="alert"]')!.textContent);
    await button.updateComplete;
    expect(boxes()).to.deep.equal(before);
    const box = expectShownWhole(button, FAILURE);
    expect(box.bottom, 'above the button').to.be.at.most(shadowButton(button).getBoundingClientRect().top);
  });

  it('moves in from the side of the window where its control is (start and end, left to right and right to left)', async () => {
    for (const dir of ['ltr', 'rtl']) {
      for (const side of ['flex-start', 'flex-end']) {
        const clerk = FakeClerk.signedIn({ firstName: 'Ada' });
        clerk.failNextSignOut();
        const provider = await fixture<ClerkProvider>(html`
          <clerk-provider .clerk=${clerk} dir=${dir}>
            <div style="display: flex; justify-content: ${side}">
              <clerk-sign-out-button>Sign out</clerk-sign-out-button>
            </div>
          </clerk-provider>
        `);
        await until(() => provider.state.status === 'ready');
        const button = provider.querySelector<ClerkSignOutButton>('clerk-sign-out-button')!;
        await button.updateComplete;
        shadowButton(button).click();
        await until(() => button.shadowRoot!.querySelector('[role="alert"]')!.textContent);
        await button.updateComplete;
        const box = expectShownWhole(button, FAILURE);
        const control = shadowButton(button).getBoundingClientRect();
        const offset = Math.min(Math.abs(box.left - control.left), Math.abs(box.right - control.right));
        expect(offset, `${dir}, ${side}: lined up with one of the button's sides`).to.be.below(1);
      }
    }
  });
});
