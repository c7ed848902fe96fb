// The page's inherited text styles must not reshape the menu (e.g. a centred header must not centre the items).
import { expect, html } from '@open-wc/testing';
import { FakeClerk } from '../../../src/testing/index.js';
import { item, shadow, withMenu } from '../../support/fake-menu.js';

describe('<clerk-user-menu> inside a page with its own text styles', () => {
  it('keeps its preview and items aligned to the start, in their own case and spacing', async () => {
    const style = document.createElement('style');
    style.textContent =
      '.page-header { text-align: center; text-transform: uppercase; letter-spacing: 4px; text-indent: 3em; white-space: nowrap; font-style: italic; }';
    document.head.append(style);
    const wrapper = document.createElement('div');
    wrapper.className = 'page-header';
    wrapper.style.width = '600px';
    document.body.append(wrapper);
    try {
      const { el } = await withMenu(
        html`<clerk-user-menu></clerk-user-menu>`,
        FakeClerk.signedIn({ firstName: 'Ada', lastName: 'Lovelace' }),
      );
      wrapper.append(el.closest('clerk-provider')!);
      el.open = true;
      await el.updateComplete;
      const root = shadow(el);
      const name = root.querySelector<HTMLElement>('[part~="preview-name"]')!;
      const signOut = item(el, 'sign-out')!;
      for (const part of [name, root.querySelector<HTMLElement>('[part~="preview-detail"]')!, signOut]) {
        const style = getComputedStyle(part);
        expect(style.textAlign, 'text-align').to.be.oneOf(['start', 'left']);
        expect(style.textTransform, 'text-transform').to.equal('none');
        expect(style.letterSpacing, 'letter-spacing').to.equal('normal');
        expect(style.fontStyle, 'font-style').to.equal('normal');
      }
      // What the user sees: the name starts where its text box starts, as the items' labels do.
      const range = document.createRange();
      range.selectNodeContents(name);
      expect(Math.round(range.getBoundingClientRect().left)).to.equal(Math.round(name.getBoundingClientRect().left));
      expect(name.textContent).to.equal('Ada Lovelace');
      el.open = false;
    } finally {
      wrapper.remove();
      style.remove();
    }
  });
});
