/** Where the menu sits relative to the trigger: below or above it, its start edge aligned with the trigger's or its end. */
export type MenuPlacement = 'bottom-start' | 'bottom-end' | 'top-start' | 'top-end';

export interface Box {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
}

export interface MenuPosition {
  readonly top: number;
  readonly left: number;
  readonly placement: MenuPlacement;
  /** Set when the menu is taller than the room on either side; it then scrolls. */
  readonly maxHeight?: number;
}

/** Space kept between the trigger and the menu, and between the menu and the viewport's edges (px). */
const GAP = 4;
const MARGIN = 8;

/**
 * Places the menu below the trigger, extending towards the inline end (right in LTR), and flips it above and/or
 * towards the start when there is no room; it always ends up inside the viewport. Pure, so it is tested on numbers.
 */
export function computeMenuPosition(
  trigger: Box,
  menu: { readonly width: number; readonly height: number },
  viewport: { readonly width: number; readonly height: number },
  rtl = false,
): MenuPosition {
  const below = viewport.height - (trigger.top + trigger.height) - GAP - MARGIN;
  const above = trigger.top - GAP - MARGIN;
  const vertical = menu.height <= below || (menu.height > above && below >= above) ? 'bottom' : 'top';
  const room = vertical === 'bottom' ? below : above;
  const height = Math.min(menu.height, Math.max(room, 0));
  let top = vertical === 'bottom' ? trigger.top + trigger.height + GAP : trigger.top - GAP - height;

  // "start": the menu's start edge lines up with the trigger's (left edge in LTR) and the menu extends towards the end.
  const startLeft = rtl ? trigger.left + trigger.width - menu.width : trigger.left;
  const endLeft = rtl ? trigger.left : trigger.left + trigger.width - menu.width;
  const fits = (left: number) => left >= MARGIN && left + menu.width <= viewport.width - MARGIN;
  const horizontal = fits(startLeft) || !fits(endLeft) ? 'start' : 'end';
  let left = horizontal === 'start' ? startLeft : endLeft;

  // Still outside (a viewport narrower than the menu, or a trigger off-screen): clamp to the edges.
  left = Math.max(MARGIN, Math.min(left, viewport.width - MARGIN - menu.width));
  top = Math.max(MARGIN, Math.min(top, viewport.height - MARGIN - height));
  return {
    top,
    left,
    placement: `${vertical}-${horizontal}`,
    ...(height < menu.height ? { maxHeight: height } : {}),
  };
}

/** Measures the trigger and the (shown) menu and moves the menu, which is `position: fixed`. */
export function positionMenu(menu: HTMLElement, trigger: HTMLElement): MenuPlacement {
  menu.style.maxHeight = '';
  const rect = trigger.getBoundingClientRect();
  const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
  const rtl = getComputedStyle(trigger).direction === 'rtl';
  const position = computeMenuPosition(rect, { width: menu.offsetWidth, height: menu.offsetHeight }, viewport, rtl);
  menu.style.top = `${position.top}px`;
  menu.style.left = `${position.left}px`;
  if (position.maxHeight !== undefined) menu.style.maxHeight = `${position.maxHeight}px`;
  menu.dataset.placement = position.placement;
  return position.placement;
}
