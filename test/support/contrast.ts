// WCAG contrast from what the browser computed: the colours an element is painted with, and what is behind it.

export type Rgba = [number, number, number, number];

/** A computed colour (`rgb(…)`, `rgba(…)`, `color(srgb …)`) as 0–255 channels and an alpha. */
export function parseColor(value: string): Rgba {
  const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/.exec(value);
  if (srgb) return [+srgb[1] * 255, +srgb[2] * 255, +srgb[3] * 255, srgb[4] === undefined ? 1 : +srgb[4]];
  const rgb = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)$/.exec(value);
  if (rgb) return [+rgb[1], +rgb[2], +rgb[3], rgb[4] === undefined ? 1 : +rgb[4]];
  throw new Error(`not a computed colour: ${value}`);
}

/** `top` painted over the opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The WCAG 2 contrast ratio of two opaque colours. */
export function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The element's parent in the flat tree (through slots and shadow roots), or null at the top. */
function flatParent(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  if (element.parentElement) return element.parentElement;
  // (No instanceof: the element may belong to another realm, a frame's.)
  return (element.getRootNode() as Partial<ShadowRoot>).host ?? null;
}

/**
 * The opaque colour behind `element` (its own background included unless `own` is false): the backgrounds of it and its
 * flat-tree ancestors, painted over each other up to the first opaque one (the page's, at the latest).
 */
export function backgroundOf(element: Element, { own = true } = {}): Rgba {
  const view = element.ownerDocument.defaultView!;
  const layers: Rgba[] = [];
  for (let node: Element | null = own ? element : flatParent(element); node; node = flatParent(node)) {
    const layer = parseColor(view.getComputedStyle(node).backgroundColor);
    if (layer[3] > 0) layers.push(layer);
    if (layer[3] >= 1) break;
  }
  let colour: Rgba = [255, 255, 255, 1]; // a canvas with no background at all: white
  for (const layer of layers.reverse()) colour = over(layer, colour);
  return colour;
}

/** A colour property (e.g. `outline-color`, or a pseudo-element's `background-color`), made opaque over `behind`. */
export function colourOf(element: Element, property: string, behind: Rgba, pseudo?: string): Rgba {
  const value = element.ownerDocument.defaultView!.getComputedStyle(element, pseudo).getPropertyValue(property);
  return over(parseColor(value), behind);
}

export const css = (rgba: Rgba) => `rgb(${rgba.slice(0, 3).map(Math.round).join(', ')})`;
