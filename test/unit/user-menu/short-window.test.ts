// A menu taller than the room beside its trigger (a short window) scrolls: it stays inside the window, and the keyboard
// reaches every item, each one in view (the menu scrolls to it) when it takes focus. The window is a short frame.
import { expect } from '@open-wc/testing';
import { focusPage, pressKeys } from '../../support/engine.js';
import { until } from '../../support/fixtures.js';
import { openFramePage, type FramePage } from '../../support/page-frame.js';

const MENU = `<clerk-user-menu show-name multi-session sign-out-other-devices user-profile-url="#profile"
  sign-in-url="#sign-in"><a slot="item" href="#billing">Billing</a></clerk-user-menu>`;

type Menu = HTMLElement & { open: boolean; updateComplete: Promise<unknown> };

/** A menu of five accounts and every kind of item, its trigger `at` the top or bottom of a 600 × 240 px window. */
async function shortWindow(at: 'top' | 'bottom'): Promise<{ page: FramePage; el: Menu }> {
  const page = await openFramePage({ width: 600, height: 240 });
  const { FakeClerk, fakeUser } = page.kit;
  const clerk = new FakeClerk({
    users: ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara'].map((firstName) => fakeUser({ firstName })),
  });
  const provider = page.document.createElement('clerk-provider') as HTMLElement & { clerk: unknown };
  provider.clerk = clerk;
  provider.innerHTML = MENU;
  const corner = page.document.createElement('div');
  corner.style.cssText = `position: fixed; left: 16px; ${at}: 12px`;
  corner.append(provider);
  page.document.body.append(corner);
  const el = provider.firstElementChild as Menu;
  await until(() => el.shadowRoot?.querySelector('[part~="trigger"]'), 'the trigger');
  return { page, el };
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

function focusedIn(page: FramePage): Element | null {
  let active = page.document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Every item, in menu order: the built-in ones and the slotted one. */
function items(el: Element): Element[] {
  const built = [...el.shadowRoot!.querySelectorAll('[role="menuitem"], slot[name="item"]')];
  return built.flatMap((node) => (node.localName === 'slot' ? (node as HTMLSlotElement).assignedElements() : [node]));
}

/** The focused item is entirely inside the menu's visible (scrolled) area, and the menu inside the window. */
function expectFocusedInView(page: FramePage, popup: HTMLElement, item: Element) {
  const menu = popup.getBoundingClientRect();
  const top = menu.top + popup.clientTop;
  const bottom = top + popup.clientHeight;
  const box = item.getBoundingClientRect();
  const what = `"${item.textContent!.trim().replace(/\s+/g, ' ')}" (${box.top}–${box.bottom} in ${top}–${bottom})`;
  expect(box.top, what).to.be.at.least(top - 0.5);
  expect(box.bottom, what).to.be.at.most(bottom + 0.5);
  expect(menu.top).to.be.at.least(0);
  expect(menu.bottom).to.be.at.most(page.document.documentElement.clientHeight);
}

for (const at of ['bottom', 'top'] as const) {
  describe(`a menu in a short window, its trigger at the ${at}`, () => {
    let page: FramePage;
    before(() => focusPage());
    afterEach(() => page?.remove());

    it(`opens ${at === 'bottom' ? 'upward' : 'downward'}, scrolls, and shows each item the keyboard focuses`, async () => {
      const opened = await shortWindow(at);
      page = opened.page;
      const { el } = opened;
      part(el, 'trigger').focus();
      await pressKeys('Enter');
      await until(() => el.open && focusedIn(page)?.getAttribute('role') === 'menuitem', 'the first item focused');
      const popup = part(el, 'menu');
      expect(popup.dataset.placement).to.match(at === 'bottom' ? /^top-/ : /^bottom-/);
      expect(popup.scrollHeight, 'the menu is taller than the window allows').to.be.greaterThan(popup.clientHeight);
      expect(getComputedStyle(popup).overflowY).to.equal('auto');
      expect(popup.style.maxHeight).to.match(/^\d+(\.\d+)?px$/);

      const all = items(el);
      expect(all.length).to.equal(10); // manage, Billing, other devices, sign out, 4 accounts, add, sign out of all
      const reached: Element[] = [];
      for (let step = 0; step < all.length; step++) {
        const item = focusedIn(page)!;
        expect(all.includes(item), `step ${step}: focus is on an item`).to.equal(true);
        expectFocusedInView(page, popup, item);
        reached.push(item);
        await pressKeys('ArrowDown');
      }
      expect(reached).to.deep.equal(all);
      expect(focusedIn(page)).to.equal(all[0], 'ArrowDown wraps to the first item');
      expectFocusedInView(page, popup, all[0]);

      await pressKeys('End');
      expect(focusedIn(page)).to.equal(all.at(-1));
      expectFocusedInView(page, popup, all.at(-1)!);
      await pressKeys('Home');
      expect(focusedIn(page)).to.equal(all[0]);
      expectFocusedInView(page, popup, all[0]);
    });
  });
}
