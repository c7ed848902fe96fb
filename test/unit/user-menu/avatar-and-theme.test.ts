import { expect, html } from '@open-wc/testing';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { AVATAR_COLORS, avatarColor, isLoadableImageUrl } from '../../../src/user-menu/avatar.js';
import { displayName, initials } from '../../../src/user-menu/user-display.js';
import { until } from '../../support/fixtures.js';
import { openByClick, openMenu, popup, shadow, trigger, withMenu } from '../../support/fake-menu.js';

/** A valid 1×1 PNG. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const value = parseInt(hex.slice(i, i + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

/**
 * What the user sees of the initials, drawn by `::before { content: attr(data-initials) }`: their width, which must be
 * that of the same text set in the same place. (Engines report that pseudo-element's computed `content` differently:
 * Chromium and WebKit give the string, '"AL"', Firefox the expression, 'attr(data-initials)'.)
 */
function drawnWidth(initials: HTMLElement): number {
  const { width } = initials.getBoundingClientRect();
  expect(width).to.be.greaterThan(0, 'the initials are drawn');
  return width;
}

function textWidth(beside: HTMLElement, text: string): number {
  const reference = document.createElement('span');
  reference.textContent = text;
  beside.after(reference);
  try {
    return reference.getBoundingClientRect().width;
  } finally {
    reference.remove();
  }
}

async function triggerAvatar(imageUrl: string, hasImage?: boolean) {
  const user = fakeUser({ firstName: 'Ada', lastName: 'Lovelace', imageUrl });
  if (hasImage !== undefined) user.hasImage = hasImage;
  const { el } = await withMenu(undefined, new FakeClerk({ users: [user] }));
  const avatar = trigger(el).querySelector<HTMLElement>('[part~="avatar"]')!;
  return {
    el,
    avatar,
    img: () => avatar.querySelector<HTMLImageElement>('img'),
    initials: () => avatar.querySelector<HTMLElement>('[part~="initials"]')!,
  };
}

describe('<clerk-user-menu> avatar', () => {
  it('shows a data:image picture', async () => {
    const { img, initials } = await triggerAvatar(PNG);
    expect(img()!.getAttribute('src')).to.equal(PNG);
    expect(img()!.alt).to.equal('', 'decorative: the trigger has its own name');
    expect(initials().hidden).to.equal(true);
  });

  it('loads an https URL as given, with no referrer', async () => {
    const { img } = await triggerAvatar('https://img.clerk.com/avatar.png');
    expect(img()!.getAttribute('src')).to.equal('https://img.clerk.com/avatar.png');
    expect(img()!.referrerPolicy).to.equal('no-referrer');
  });

  it('falls back to initials when the picture fails to load', async () => {
    const { el, img, initials } = await triggerAvatar(`/__no-such-avatar-${Date.now()}.png`);
    expect(img()).to.not.equal(null);
    await until(() => !img());
    await el.updateComplete;
    expect(initials().hidden).to.equal(false);
    expect(initials().dataset.initials).to.equal('AL');
    expect(drawnWidth(initials())).to.be.closeTo(textWidth(initials(), 'AL'), 0.5, 'the disc shows "AL"');
    await openByClick(el);
    expect(shadow(el).querySelectorAll('img').length).to.equal(0, 'the preview does not retry the broken URL');
  });

  for (const url of [
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'file:///etc/passwd',
    'blob:https://x/y',
  ]) {
    it(`never loads ${url.slice(0, 24)}…: initials instead`, async () => {
      const { el, img, initials } = await triggerAvatar(url);
      expect(img()).to.equal(null);
      expect(initials().hidden).to.equal(false);
      await openMenu(el);
      expect(shadow(el).innerHTML).not.to.contain(url.slice(0, 12));
    });
  }

  it("shows initials instead of Clerk's generated placeholder (hasImage: false)", async () => {
    const { img, initials } = await triggerAvatar('https://img.clerk.com/default.png', false);
    expect(img()).to.equal(null);
    expect(initials().dataset.initials).to.equal('AL');
  });

  it('colours the disc from the user id: stable, spread over the palette, readable with white initials', async () => {
    expect(avatarColor('user_2abc')).to.equal(avatarColor('user_2abc'));
    const colours = new Set(Array.from({ length: 40 }, (_, i) => avatarColor(`user_${i}`)));
    expect(colours.size).to.be.at.least(6);
    for (const colour of AVATAR_COLORS) expect(contrastWithWhite(colour)).to.be.at.least(4.5, colour);
    const { avatar } = await triggerAvatar('');
    expect(avatar.style.getPropertyValue('--_avatar-color')).to.match(/^#[0-9a-f]{6}$/);
    expect(getComputedStyle(avatar).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
  });

  describe('isLoadableImageUrl', () => {
    const cases: Array<[string | null, boolean]> = [
      ['https://img.clerk.com/a.png', true],
      ['http://localhost/a.png', true],
      ['/relative.png', true],
      ['data:image/png;base64,AAAA', true],
      ['DATA:IMAGE/svg+xml,<svg/>', true],
      ['data:text/html,hi', false],
      ['javascript:alert(1)', false],
      [' javascript:alert(1)', false],
      ['', false],
      [null, false],
    ];
    for (const [url, expected] of cases) {
      it(`${JSON.stringify(url)} → ${expected}`, () => expect(isLoadableImageUrl(url)).to.equal(expected));
    }
  });

  describe('names and initials', () => {
    it('uses first and last initials, the first grapheme of emoji and accents', () => {
      expect(initials(fakeUser({ firstName: 'ada', lastName: 'lovelace' }))).to.equal('AL');
      expect(initials(fakeUser({ firstName: '👩‍💻 Ada', lastName: null }))).to.equal('👩‍💻');
      expect(initials(fakeUser({ firstName: 'Émile', lastName: 'Zola' }))).to.equal('ÉZ');
    });

    it('keeps a combining mark with its letter, and one-letter names whole', () => {
      expect(initials(fakeUser({ firstName: 'E\u0301mile', lastName: 'Zola' }))).to.equal('E\u0301Z');
      expect(initials(fakeUser({ firstName: 'Ñ', lastName: 'o\u0308z' }))).to.equal('ÑO\u0308');
      expect(initials(fakeUser({ firstName: 'x', lastName: '👍🏽y' }))).to.equal('X👍🏽');
    });

    it('falls back to the username, then the email, then "?"', () => {
      expect(initials(fakeUser({ firstName: null, lastName: null, username: 'grace' }))).to.equal('G');
      expect(initials(fakeUser({ firstName: null, lastName: null, email: 'zed@example.com' }))).to.equal('Z');
      expect(initials(fakeUser({ firstName: null, lastName: null, email: null }))).to.equal('?');
      expect(displayName(fakeUser({ firstName: '  ', lastName: null, email: 'x@y.z' }))).to.equal('x@y.z');
    });
  });
});

describe('<clerk-user-menu> theming', () => {
  it('takes ::part() styles and CSS custom properties from the page', async () => {
    const style = document.createElement('style');
    style.textContent = `
      clerk-user-menu.themed { --clerk-user-menu-background: rgb(1, 2, 3); --clerk-user-menu-avatar-size: 48px; }
      clerk-user-menu.themed::part(item) { letter-spacing: 3px; }
      clerk-user-menu.themed::part(trigger) { padding: 5px; }`;
    document.head.append(style);
    const { el } = await withMenu(html`<clerk-user-menu class="themed"></clerk-user-menu>`);
    await openByClick(el);
    expect(getComputedStyle(popup(el)).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(trigger(el).querySelector('[part~="avatar"]')!).width).to.equal('48px');
    expect(getComputedStyle(shadow(el).querySelector('[part~="sign-out"]')!).letterSpacing).to.equal('3px');
    expect(getComputedStyle(trigger(el)).paddingTop).to.equal('5px');
    style.remove();
  });

  it("uses the shared theme tokens: light, dark where the page's color-scheme says so", async () => {
    const { el } = await withMenu();
    await openByClick(el);
    expect(getComputedStyle(popup(el)).backgroundColor).to.equal('rgb(255, 255, 255)');
    el.style.colorScheme = 'dark';
    expect(getComputedStyle(popup(el)).backgroundColor).to.equal('rgb(31, 35, 40)');
    expect(getComputedStyle(popup(el)).color).to.equal('rgb(240, 243, 246)');
    await expect(el).to.be.accessible();
  });
});
