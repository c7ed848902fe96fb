// The trigger's focus ring (an outline that follows the trigger's pill shape) keeps clear of the user's name: every
// corner of the name's content box (where its letters, or its ellipsis, are drawn) lies inside the ring's inner edge,
// with room to spare, whatever the font and avatar sizes.
import { expect, html } from '@open-wc/testing';
import type { ClerkUserMenu } from '../../../src/index.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { focusPage } from '../../support/engine.js';
import { withMenu, shadow, trigger } from '../../support/fake-menu.js';

/** Space kept between the name and the ring's inner edge (px). */
const CLEARANCE = 2;

interface Ring {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Corner radii of the inner edge: top-left, top-right, bottom-right, bottom-left. */
  radii: [number, number, number, number];
}

/**
 * The inner edge of the focus ring: the border box grown by `outline-offset`, its corners rounded as the border's are
 * (radii scaled down together when they do not fit, as CSS does) plus the offset.
 */
function ringOf(button: HTMLElement): Ring {
  const style = getComputedStyle(button);
  const box = button.getBoundingClientRect();
  const offset = parseFloat(style.outlineOffset);
  const corners = ['top-left', 'top-right', 'bottom-right', 'bottom-left'].map((corner) =>
    parseFloat(style.getPropertyValue(`border-${corner}-radius`)),
  );
  const [tl, tr, br, bl] = corners;
  const scale = Math.min(
    1,
    box.width / (tl + tr),
    box.width / (bl + br),
    box.height / (tl + bl),
    box.height / (tr + br),
  );
  const radii = corners.map((radius) => radius * scale + offset) as Ring['radii'];
  return {
    left: box.left - offset,
    top: box.top - offset,
    right: box.right + offset,
    bottom: box.bottom + offset,
    radii,
  };
}

/** How far inside the ring's inner edge the point is (negative: outside it, under or past the ring). */
function depthInside(ring: Ring, x: number, y: number): number {
  const straight = Math.min(x - ring.left, ring.right - x, y - ring.top, ring.bottom - y);
  const [tl, tr, br, bl] = ring.radii;
  const corners: Array<[number, number, number, boolean]> = [
    [ring.left + tl, ring.top + tl, tl, x < ring.left + tl && y < ring.top + tl],
    [ring.right - tr, ring.top + tr, tr, x > ring.right - tr && y < ring.top + tr],
    [ring.right - br, ring.bottom - br, br, x > ring.right - br && y > ring.bottom - br],
    [ring.left + bl, ring.bottom - bl, bl, x < ring.left + bl && y > ring.bottom - bl],
  ];
  for (const [cx, cy, radius, inCorner] of corners) {
    if (inCorner) return Math.min(straight, radius - Math.hypot(x - cx, y - cy));
  }
  return straight;
}

/** The name's content box: its box without its padding, where its text (or its ellipsis) is drawn. */
function contentBox(name: HTMLElement) {
  const style = getComputedStyle(name);
  const box = name.getBoundingClientRect();
  return {
    left: box.left + parseFloat(style.paddingLeft),
    right: box.right - parseFloat(style.paddingRight),
    top: box.top + parseFloat(style.paddingTop),
    bottom: box.bottom - parseFloat(style.paddingBottom),
  };
}

const CASES = [
  { font: '16px', avatar: '2rem', name: 'Ada Lovelace' },
  { font: '14px', avatar: '24px', name: 'Grace Hopper' },
  { font: '20px', avatar: '2rem', name: 'Edsger Wybe Dijkstra' },
  { font: '24px', avatar: '40px', name: 'Barbara Liskov' },
  { font: '16px', avatar: '2rem', name: 'Margaret Heafield Hamilton', width: '6em' }, // cut with an ellipsis
  { font: '16px', avatar: '2rem', name: 'Ada Lovelace', dir: 'rtl' },
];

describe("the trigger's focus ring", () => {
  before(() => focusPage());

  for (const { font, avatar, name, width, dir = 'ltr' } of CASES) {
    it(`clears the name: ${font} text, ${avatar} avatar, "${name}"${width ? ` in ${width}` : ''} (${dir})`, async () => {
      const [firstName, ...rest] = name.split(' ');
      const clerk = new FakeClerk({ users: [fakeUser({ firstName, lastName: rest.join(' ') })] });
      const sizes = `--clerk-user-menu-avatar-size: ${avatar}; --clerk-user-menu-name-width: ${width ?? 'auto'}`;
      const style = `font-size: ${font}; ${sizes}`;
      const { el } = await withMenu(
        html`<clerk-user-menu show-name dir=${dir} style=${style}></clerk-user-menu>`,
        clerk,
      );
      const button = trigger(el as ClerkUserMenu);
      button.focus();
      expect(button.matches(':focus-visible'), 'the ring is drawn').to.equal(true);
      const outline = getComputedStyle(button);
      expect(outline.outlineStyle).to.equal('solid');
      expect(parseFloat(outline.outlineOffset)).to.be.at.least(0, 'the ring sits outside the trigger');

      const ring = ringOf(button);
      const text = contentBox(shadow(el as ClerkUserMenu).querySelector<HTMLElement>('[part~="name"]')!);
      const depths = [
        depthInside(ring, text.left, text.top),
        depthInside(ring, text.right, text.top),
        depthInside(ring, text.right, text.bottom),
        depthInside(ring, text.left, text.bottom),
      ];
      expect(
        Math.min(...depths),
        `the name's corners, inside the ring by ${depths.map((d) => d.toFixed(1))} px`,
      ).to.be.at.least(CLEARANCE);
    });
  }
});
