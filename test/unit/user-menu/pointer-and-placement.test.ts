import { expect, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { ClerkUserMenu, MenuCloseEvent } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { computeMenuPosition } from '../../../src/user-menu/menu-position.js';
import { recordEvents, until } from '../../support/fixtures.js';
import {
  deepActiveElement,
  expectFocusOn,
  expectSame,
  isShown,
  labelOf,
  mustItem,
  openByClick,
  popup,
  shadow,
  trigger,
  withMenu,
} from '../../support/fake-menu.js';

/** A component of the app that renders the menu (and a button) inside its own shadow root. */
class TestShell extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `
      <div style="display:flex; gap: 16px; padding: 8px; align-items: center">
        <button id="other" type="button">Other</button>
        <clerk-user-menu></clerk-user-menu>
      </div>`;
  }
  get menu(): ClerkUserMenu {
    return this.shadowRoot!.querySelector('clerk-user-menu')!;
  }
}
customElements.define('test-shell', TestShell);

function center(element: Element): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
}

async function clickAt(position: [number, number]) {
  await sendMouse({ type: 'click', position });
}

describe('<clerk-user-menu> pointer, outside click and placement', () => {
  let events: ReturnType<typeof recordEvents>;
  beforeEach(() => (events = recordEvents('menu-open', 'menu-close')));
  afterEach(async () => {
    events.stop();
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  describe('mouse', () => {
    it('a real click on the trigger opens the menu; a second click closes it', async () => {
      const { el } = await withMenu();
      await clickAt(center(trigger(el)));
      await el.updateComplete;
      expect(el.open).to.equal(true);
      expect(isShown(popup(el))).to.equal(true);
      await clickAt(center(trigger(el)));
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect((events.of('menu-close')[0] as MenuCloseEvent).detail.reason).to.equal('trigger');
    });

    it('a click outside closes the menu without stealing focus back', async () => {
      const { el } = await withMenu();
      const outside = document.createElement('input');
      outside.style.cssText = 'position: fixed; right: 10px; bottom: 10px';
      document.body.append(outside);
      await openByClick(el);
      await clickAt(center(outside));
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expectSame(document.activeElement, outside);
      expect((events.of('menu-close')[0] as MenuCloseEvent).detail.reason).to.equal('outside');
      outside.remove();
    });

    it('a click inside the menu (on the preview) keeps it open', async () => {
      const { el } = await withMenu();
      await openByClick(el);
      await clickAt(center(shadow(el).querySelector('[part~="preview-name"]')!));
      await el.updateComplete;
      expect(el.open).to.equal(true);
    });

    it('a real click on "Sign out" signs out', async () => {
      const clerk = FakeClerk.signedIn();
      const { el } = await withMenu(undefined, clerk);
      await openByClick(el);
      await clickAt(center(mustItem(el, 'sign-out')));
      await until(() => clerk.signOutCalls.length === 1);
    });

    it('focus moving to another control (not by a click) closes the menu', async () => {
      const { el } = await withMenu();
      const other = document.createElement('button');
      document.body.append(other);
      await openByClick(el);
      other.focus();
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect((events.of('menu-close')[0] as MenuCloseEvent).detail.reason).to.equal('focus-out');
      other.remove();
    });
  });

  describe("inside another component's shadow root", () => {
    async function shell() {
      const { el: host } = await withMenu(html`<test-shell></test-shell>` as never);
      const shellEl = host as unknown as TestShell;
      const el = shellEl.menu;
      await until(() => el.shadowRoot?.querySelector('[part~="trigger"]'));
      return { shellEl, el };
    }

    it('gets the provider state across the shadow boundary and opens', async () => {
      const { el } = await shell();
      await openByClick(el);
      expect(isShown(popup(el))).to.equal(true);
      expect(events.of('menu-open')).to.have.length(1, 'menu-open is composed: it reaches document');
    });

    it('a click on another control in the same shadow root closes it (composedPath, not event.target)', async () => {
      const { shellEl, el } = await shell();
      await openByClick(el);
      await clickAt(center(shellEl.shadowRoot!.querySelector('#other')!));
      await el.updateComplete;
      expect(el.open).to.equal(false);
    });

    it('a click inside the menu keeps it open although document sees the shell as target', async () => {
      const { el } = await shell();
      await openByClick(el);
      let documentTarget: EventTarget | null = null;
      const listener = (event: Event) => (documentTarget = event.target);
      document.addEventListener('pointerdown', listener);
      await clickAt(center(shadow(el).querySelector('[part~="preview"]')!));
      document.removeEventListener('pointerdown', listener);
      await el.updateComplete;
      expect((documentTarget as Element | null)?.localName).to.equal('test-shell');
      expect(el.open).to.equal(true);
    });

    it('the keyboard model and focus return work through both shadow roots', async () => {
      const { el } = await shell();
      trigger(el).focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(labelOf(deepActiveElement()!)).to.equal('Sign out');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expectFocusOn(trigger(el));
    });
  });

  describe('the open property', () => {
    it('opens and closes the menu without moving focus, with events', async () => {
      const { el } = await withMenu();
      el.open = true;
      await el.updateComplete;
      expect(isShown(popup(el))).to.equal(true);
      expect(deepActiveElement() === mustItem(el, 'sign-out')).to.equal(false);
      el.open = false;
      await el.updateComplete;
      expect(isShown(popup(el))).to.equal(false);
      expect(events.events.map((event) => event.type)).to.deep.equal(['menu-open', 'menu-close']);
      expect((events.of('menu-close')[0] as MenuCloseEvent).detail.reason).to.equal('property');
    });

    it('cannot open while nobody is signed in', async () => {
      const { el } = await withMenu(undefined, new FakeClerk());
      el.open = true;
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(events.events).to.have.length(0);
    });
  });

  describe('placement', () => {
    async function menuAt(style: string, dir = 'ltr') {
      const { el } = await withMenu(
        html`<clerk-user-menu dir=${dir} style="position: fixed; ${style}"></clerk-user-menu>`,
        FakeClerk.multiSession(3),
      );
      await openByClick(el);
      return { el, menuBox: popup(el).getBoundingClientRect(), triggerBox: trigger(el).getBoundingClientRect() };
    }

    function expectInsideViewport(box: DOMRect) {
      expect(box.left).to.be.at.least(0);
      expect(box.top).to.be.at.least(0);
      expect(box.right).to.be.at.most(document.documentElement.clientWidth);
      expect(box.bottom).to.be.at.most(document.documentElement.clientHeight);
    }

    it('opens below the trigger, extending right, when there is room', async () => {
      const { el, menuBox, triggerBox } = await menuAt('left: 20px; top: 20px');
      expect(popup(el).dataset.placement).to.equal('bottom-start');
      expect(menuBox.top).to.be.at.least(triggerBox.bottom);
      expect(Math.round(menuBox.left)).to.equal(Math.round(triggerBox.left));
      expectInsideViewport(menuBox);
    });

    it('flips up and left near the bottom-right corner', async () => {
      const { el, menuBox, triggerBox } = await menuAt('right: 10px; bottom: 10px');
      expect(popup(el).dataset.placement).to.equal('top-end');
      expect(menuBox.bottom).to.be.at.most(triggerBox.top);
      expect(Math.round(menuBox.right)).to.equal(Math.round(triggerBox.right));
      expectInsideViewport(menuBox);
    });

    it('extends left by default in right-to-left pages', async () => {
      const { el, menuBox, triggerBox } = await menuAt('right: 20px; top: 20px', 'rtl');
      expect(popup(el).dataset.placement).to.equal('bottom-start');
      expect(Math.round(menuBox.right)).to.equal(Math.round(triggerBox.right));
    });

    it('escapes an ancestor with overflow: hidden and a transform (top layer)', async () => {
      const { el } = await withMenu(
        html`<div style="overflow: hidden; height: 40px; width: 60px; transform: translateX(30px)">
          <clerk-user-menu></clerk-user-menu>
        </div>` as never,
      );
      const menuEl = (el as unknown as HTMLElement).querySelector('clerk-user-menu') as ClerkUserMenu;
      await menuEl.updateComplete;
      await openByClick(menuEl);
      const box = popup(menuEl).getBoundingClientRect();
      expect(box.height).to.be.greaterThan(40);
      const hit = shadow(menuEl).elementFromPoint(box.left + box.width / 2, box.bottom - 8);
      expect(popup(menuEl).contains(hit)).to.equal(true, 'the bottom of the menu is visible, not clipped');
    });

    it('follows the trigger when the page scrolls', async () => {
      const { el } = await withMenu();
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      document.body.append(spacer);
      await openByClick(el);
      const before = popup(el).getBoundingClientRect().top;
      window.scrollBy(0, 10);
      // Browsers fire scroll events at the next rendered frame; a background test page may get none, so fire it now.
      window.dispatchEvent(new Event('scroll'));
      await until(() => popup(el).getBoundingClientRect().top !== before);
      expect(Math.round(popup(el).getBoundingClientRect().top)).to.equal(
        Math.round(trigger(el).getBoundingClientRect().bottom + 4),
      );
      window.scrollTo(0, 0);
      spacer.remove();
    });
  });

  describe('computeMenuPosition', () => {
    const viewport = { width: 800, height: 600 };
    const menuSize = { width: 256, height: 200 };
    const box = (left: number, top: number) => ({ left, top, width: 32, height: 32 });

    it('bottom-start when there is room below and to the right', () => {
      expect(computeMenuPosition(box(100, 100), menuSize, viewport)).to.deep.equal({
        top: 136,
        left: 100,
        placement: 'bottom-start',
      });
    });

    it('top when there is no room below but room above', () => {
      expect(computeMenuPosition(box(100, 500), menuSize, viewport)).to.include({ top: 296, placement: 'top-start' });
    });

    it('end (right-aligned) when there is no room to the right', () => {
      expect(computeMenuPosition(box(700, 100), menuSize, viewport)).to.include({ left: 476, placement: 'bottom-end' });
    });

    it('the larger side with a max height (scrolling) when neither side has room', () => {
      const position = computeMenuPosition(box(100, 250), { width: 256, height: 500 }, viewport);
      expect(position.placement).to.equal('bottom-start');
      expect(position.maxHeight).to.equal(600 - 282 - 4 - 8);
    });

    it('clamps into a viewport narrower than the menu', () => {
      const position = computeMenuPosition(box(10, 10), { width: 400, height: 100 }, { width: 300, height: 600 });
      expect(position.left).to.equal(8);
    });

    it('in RTL, start is the right edge', () => {
      expect(computeMenuPosition(box(600, 100), menuSize, viewport, true)).to.include({
        left: 376,
        placement: 'bottom-start',
      });
      expect(computeMenuPosition(box(100, 100), menuSize, viewport, true)).to.include({
        left: 100,
        placement: 'bottom-end',
      });
    });
  });
});
