// A closed menu renders only its trigger, so 1000 menus re-render little on a user switch.
import { expect, html } from '@open-wc/testing';
import type { ClerkUserMenu } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { until } from '../../support/fixtures.js';
import { itemLabels, menuItems, openByClick, popup, shadow, trigger, withMenu } from '../../support/fake-menu.js';

const previewName = (el: ClerkUserMenu) => shadow(el).querySelector('[part~="preview-name"]')?.textContent ?? null;
const initials = (el: ClerkUserMenu) =>
  trigger(el).querySelector<HTMLElement>('[part~="initials"]')!.dataset.initials ?? null;

async function closedMenuOfTwo() {
  const clerk = FakeClerk.multiSession(2);
  const { el } = await withMenu(
    html`<clerk-user-menu sign-in-url="/sign-in" sign-out-other-devices
      ><a slot="item" href="#billing">Billing</a></clerk-user-menu
    >`,
    clerk,
  );
  return { el, clerk };
}

describe('<clerk-user-menu> closed', () => {
  it('renders no per-user popup content: no preview, built-in items or accounts; the slotted items stay assigned', async () => {
    const { el } = await closedMenuOfTwo();
    expect(el.open).to.equal(false);
    const content = popup(el).querySelectorAll(
      '[part~="preview"], [part~="item"], [part~="avatar"], [part~="separator"]',
    );
    expect(content.length).to.equal(0);
    expect(popup(el).textContent!.trim()).to.equal('');
    expect(menuItems(el).map((item) => item.textContent)).to.deep.equal(['Billing']);
    expect(el.querySelector('[slot="item"]')!.getAttribute('role')).to.equal('menuitem');
  });

  it('a user switch while closed updates the trigger and leaves the popup untouched; opening shows the new user', async () => {
    const { el, clerk } = await closedMenuOfTwo();
    const [ada, grace] = clerk.client!.signedInSessions;
    expect(initials(el)).to.equal('AL');
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(popup(el), { subtree: true, childList: true, attributes: true, characterData: true });
    await clerk.setActive({ session: grace.id });
    await el.updateComplete;
    changes.push(...observer.takeRecords());
    observer.disconnect();
    expect(initials(el)).to.equal('GL', 'the trigger shows the new user');
    expect(changes.length).to.equal(0, 'nothing in the closed popup changed');

    await openByClick(el);
    expect(previewName(el)).to.equal('Grace Lovelace');
    expect(itemLabels(el)).to.deep.equal([
      'Billing',
      'Sign out of all other devices',
      'Sign out',
      `Ada Lovelace ${ada.user!.primaryEmailAddress!.emailAddress}`,
      'Add account',
      'Sign out of all accounts',
    ]);
  });

  it('drops the popup content again when it closes', async () => {
    const { el } = await closedMenuOfTwo();
    await openByClick(el);
    expect(previewName(el)).to.equal('Ada Lovelace');
    await openByClick(el); // a second click on the trigger closes
    expect(el.open).to.equal(false);
    expect(previewName(el)).to.equal(null);
    expect(itemLabels(el)).to.deep.equal(['Billing']);
  });

  it('an item slotted while closed becomes a menuitem at once (slotchange), and a user switch leaves it alone', async () => {
    const { el, clerk } = await closedMenuOfTwo();
    const help = Object.assign(document.createElement('button'), { slot: 'item', textContent: 'Help' });
    el.append(help);
    await until(() => help.getAttribute('role') === 'menuitem');
    expect(help.getAttribute('tabindex')).to.equal('-1');
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(el, { subtree: true, attributes: true });
    await clerk.setActive({ session: clerk.client!.signedInSessions[1].id });
    await el.updateComplete;
    changes.push(...observer.takeRecords());
    observer.disconnect();
    expect(changes.map((change) => change.attributeName)).to.deep.equal([]);
    expect(el.open).to.equal(false);
    await openByClick(el);
    expect(itemLabels(el).slice(0, 2)).to.deep.equal(['Billing', 'Help']);
  });
});
