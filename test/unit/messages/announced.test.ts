// Every outcome reaches a live region that is in the accessibility tree whatever else the element shows or hides: a
// failure after the menu was closed (Enter on "Sign out", Escape while in flight, the request fails), and a device
// signed out in <clerk-active-devices> (a polite "Signed out of …", focus moving on as before). Checked in the
// engine's own accessibility tree where a test can read it (Chromium), and by role, visibility and axe everywhere.
import { expect, html } from '@open-wc/testing';
import type { ClerkActiveDevices, ClerkSignOutButton } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { accessibilityTree, focusPage, nodesWithRole, pressKeys } from '../../support/engine.js';
import { recordEvents, shadowButton, until, withProvider } from '../../support/fixtures.js';
import { adaEverywhere, deviceButton, expectFocusOn, mountDevices, parts } from '../../support/fake-devices.js';
import { popup, trigger, withMenu } from '../../support/fake-menu.js';

const FAILURE = 'Sign-out failed. Please try again.';

/**
 * The element's live region of `role` holds `text`, shown: rendered, not hidden, with a box nothing covers at its
 * centre. Where the engine's accessibility tree can be read, a node of that role has the text there too.
 */
async function expectAnnounced(host: Element, role: 'alert' | 'status', text: string) {
  const root = host.shadowRoot!;
  const regions = [...root.querySelectorAll<HTMLElement>(`[role="${role}"]`)].filter(
    (region) => region.textContent === text,
  );
  expect(regions, `one role="${role}" with "${text}"`).to.have.length(1);
  const region = regions[0];
  expect(region.checkVisibility({ visibilityProperty: true, opacityProperty: true }), 'rendered and visible').to.equal(
    true,
  );
  expect(region.closest('[aria-hidden="true"]'), 'not hidden from assistive technology').to.equal(null);
  const box = region.getBoundingClientRect();
  expect(box.width * box.height, 'a box').to.be.greaterThan(0);
  const hit = root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  expect(!!hit && (region.contains(hit) || hit.contains(region)), 'nothing covers it').to.equal(true);
  const tree = await accessibilityTree();
  if (/Chrome/.test(navigator.userAgent)) expect(tree, "Chromium's accessibility tree").to.not.equal(null);
  if (tree) {
    const exposed = nodesWithRole(tree, role).map((node) => node.text);
    expect(
      exposed.some((shown) => shown.includes(text)),
      `the accessibility tree's ${role}s: ${exposed}`,
    ).to.equal(true);
  }
}

describe('outcomes reach a live region whatever the element shows', () => {
  before(() => focusPage());

  it('menu: Enter on "Sign out", Escape while in flight, the request fails: an alert with the message, shown', async () => {
    const clerk = FakeClerk.signedIn({ firstName: 'Ada', lastName: 'Lovelace' });
    const release = clerk.holdNextSignOut(new Error('Network error'));
    const events = recordEvents('sign-out-error');
    try {
      const { el } = await withMenu(undefined, clerk);
      trigger(el).focus();
      await pressKeys('Enter'); // opens the menu on its first item: "Sign out"
      await el.updateComplete;
      await pressKeys('Enter');
      await until(() => clerk.signOutCalls.length === 1, 'the sign-out in flight');
      await pressKeys('Escape');
      await el.updateComplete;
      expect(el.open, 'closed').to.equal(false);
      release();
      await until(() => events.of('sign-out-error').length === 1, 'the failure');
      await el.updateComplete;
      await expectAnnounced(el, 'alert', FAILURE);
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(popup(el).contains(alert), 'outside the closed popup').to.equal(false);
      expect(trigger(el).getAttribute('aria-describedby')).to.equal(alert.id);
      await expect(el).to.be.accessible();
    } finally {
      events.stop();
    }
  });

  it('menu: a failure while it is open is announced from the same region, and shown in the menu', async () => {
    const clerk = FakeClerk.signedIn({ firstName: 'Ada' });
    clerk.failNextSignOut();
    const { el } = await withMenu(undefined, clerk);
    trigger(el).focus();
    await pressKeys('Enter');
    await el.updateComplete;
    await pressKeys('Enter');
    await until(() => el.shadowRoot!.querySelector('[role="alert"]')!.textContent === FAILURE, 'the failure');
    await el.updateComplete;
    expect(el.open, 'still open').to.equal(true);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(popup(el).contains(alert), 'outside the popup').to.equal(false);
    // What the live region says is shown in the menu, where the user looks (the region itself sits under the popup).
    const shown = popup(el).querySelector('[part~="error"]')!;
    expect(shown.textContent).to.equal(FAILURE);
    expect(shown.checkVisibility()).to.equal(true);
    const tree = await accessibilityTree();
    if (tree) expect(nodesWithRole(tree, 'alert').map((node) => node.text)).to.deep.equal([FAILURE]);
    await expect(el).to.be.accessible();
  });

  it('button: Enter, the request fails: an alert with the message, shown', async () => {
    const clerk = FakeClerk.signedIn();
    clerk.failNextSignOut();
    const { el } = await withProvider<ClerkSignOutButton>(html`<clerk-sign-out-button></clerk-sign-out-button>`, clerk);
    shadowButton(el).focus();
    await pressKeys('Enter');
    await until(() => el.shadowRoot!.querySelector('[role="alert"]')!.textContent, 'the failure');
    await el.updateComplete;
    await expectAnnounced(el, 'alert', FAILURE);
    await expect(el).to.be.accessible();
  });

  it('devices: one device signed out says which (role="status"), and focus moves on to the next row', async () => {
    const { clerk } = adaEverywhere();
    const { el } = await mountDevices(clerk);
    deviceButton(el, 'iPhone').focus();
    await pressKeys('Enter');
    await until(() => parts(el, 'device').length === 3, 'the iPhone to leave the list');
    await el.updateComplete;
    await expectAnnounced(el, 'status', 'Signed out of iPhone, Safari 17.1, Berlin, DE.');
    expectFocusOn(deviceButton(el, 'Macintosh'), 'the Mac, next after the iPhone');
    await expect(el).to.be.accessible();
  });

  it('devices: a failure is an alert in the accessibility tree', async () => {
    const { clerk } = adaEverywhere();
    clerk.failNextRevoke();
    const { el } = await mountDevices(clerk);
    deviceButton(el, 'iPhone').focus();
    await pressKeys('Enter');
    await until(() => parts(el, 'failed').length === 1, 'the failed row');
    await el.updateComplete;
    await expectAnnounced(
      el as ClerkActiveDevices,
      'alert',
      'Some devices could not be signed out and are still signed in. Please try again.',
    );
    await expect(el).to.be.accessible();
  });
});
