// How the theme is chosen and overridden: the page's color-scheme (here, on the test page itself), the element's own,
// the OS preference where the engine can emulate it, the `--clerk-color-*` tokens (which win), and the light theme for
// browsers without light-dark().
import { expect, html } from '@open-wc/testing';
import type { ClerkSignOutButton } from '../../../src/index.js';
import { theme } from '../../../src/styles/theme.js';
import { emulateColorScheme } from '../../support/engine.js';
import { shadowButton, withProvider } from '../../support/fixtures.js';

const LIGHT = { surface: 'rgb(255, 255, 255)', text: 'rgb(31, 35, 40)' };
const DARK = { surface: 'rgb(31, 35, 40)', text: 'rgb(240, 243, 246)' };

/** Every colour token, with its light value as computed. */
const LIGHT_TOKENS = {
  surface: 'rgb(255, 255, 255)',
  text: 'rgb(31, 35, 40)',
  muted: 'rgb(89, 99, 110)',
  border: 'rgb(129, 139, 152)',
  hover: 'rgb(243, 244, 246)',
  focus: 'rgb(37, 99, 235)',
  danger: 'rgb(180, 35, 24)',
};

async function button(markup = html`<clerk-sign-out-button></clerk-sign-out-button>`) {
  const { el } = await withProvider<ClerkSignOutButton>(markup);
  return { el, looks: () => getComputedStyle(shadowButton(el)) };
}

describe('the theme', () => {
  afterEach(() => {
    document.documentElement.style.colorScheme = '';
  });

  it("follows the element's own color-scheme, and its ancestors'", async () => {
    const { el, looks } = await button();
    expect([looks().backgroundColor, looks().color]).to.deep.equal([LIGHT.surface, LIGHT.text]);
    el.style.colorScheme = 'dark';
    expect([looks().backgroundColor, looks().color]).to.deep.equal([DARK.surface, DARK.text]);
    el.style.colorScheme = '';
    document.documentElement.style.colorScheme = 'dark';
    expect([looks().backgroundColor, looks().color]).to.deep.equal([DARK.surface, DARK.text]);
    el.style.colorScheme = 'light';
    expect(looks().backgroundColor).to.equal(LIGHT.surface);
  });

  it('lets --clerk-color-* tokens win in both schemes (a token may itself be a light-dark() pair)', async () => {
    const { el, looks } = await button(
      html`<clerk-sign-out-button
        style="--clerk-color-surface: rgb(1, 2, 3); --clerk-color-text: light-dark(rgb(4, 5, 6), rgb(7, 8, 9))"
      ></clerk-sign-out-button>`,
    );
    expect([looks().backgroundColor, looks().color]).to.deep.equal(['rgb(1, 2, 3)', 'rgb(4, 5, 6)']);
    el.style.colorScheme = 'dark';
    expect([looks().backgroundColor, looks().color]).to.deep.equal(['rgb(1, 2, 3)', 'rgb(7, 8, 9)']);
  });

  describe('and the OS preference, where the engine can emulate it (Chromium)', () => {
    afterEach(() => emulateColorScheme('light'));

    it('stays light on a page without color-scheme; follows the OS with color-scheme: light dark', async function () {
      const { looks } = await button();
      if (!(await emulateColorScheme('dark'))) this.skip(); // test/theme/theme.test.ts covers every engine (frames)
      expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
      expect(looks().backgroundColor).to.equal(LIGHT.surface);
      document.documentElement.style.colorScheme = 'light dark';
      expect(looks().backgroundColor).to.equal(DARK.surface);
      await emulateColorScheme('light');
      expect(looks().backgroundColor).to.equal(LIGHT.surface);
    });
  });

  it('is light, every token, in a browser without light-dark() (simulated: the function renamed)', async () => {
    // An engine without light-dark() drops each declaration that uses it, and matches `@supports not (…light-dark…)`.
    const withoutLightDark = theme.cssText.replaceAll('light-dark(', 'no-such-function(');
    expect(withoutLightDark).to.not.equal(theme.cssText);
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const names = Object.keys(LIGHT_TOKENS);
    root.innerHTML =
      `<style>${withoutLightDark} ${names.map((name) => `#${name} { color: var(--_${name}) }`).join(' ')}</style>` +
      names.map((name) => `<i id="${name}"></i>`).join('');
    host.style.colorScheme = 'dark';
    document.body.append(host);
    try {
      const computed = Object.fromEntries(
        names.map((name) => [name, getComputedStyle(root.getElementById(name)!).color]),
      );
      expect(computed).to.deep.equal(LIGHT_TOKENS);
    } finally {
      host.remove();
    }
  });

  it('uses light-dark() where the browser has it: the fallback block does not apply', () => {
    expect(CSS.supports('color', 'light-dark(#000, #fff)')).to.equal(true);
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML =
      `<style>${theme.cssText} i { color: var(--_surface) }</style><i></i>`;
    host.style.colorScheme = 'dark';
    document.body.append(host);
    try {
      expect(getComputedStyle(host.shadowRoot!.querySelector('i')!).color).to.equal(DARK.surface);
    } finally {
      host.remove();
    }
  });
});
