import { css } from 'lit';

/**
 * Theme tokens shared by every element. Set them on any ancestor (e.g. `:root`) to theme all elements at once.
 * The defaults follow the page's `color-scheme`, as native form controls do (`light-dark()`): light unless the page, or
 * an ancestor of the element, declares dark (`color-scheme: light dark` follows the user's preference). Each pair
 * meets WCAG AA in both schemes: text (muted and danger too) 4.5:1 on the surface, the hover background and the page;
 * focus rings and borders 3:1.
 */
export const theme = css`
  :host {
    --_font: var(--clerk-font-family, inherit);
    --_radius: var(--clerk-radius, 0.5rem);
    --_surface: var(--clerk-color-surface, light-dark(#fff, #1f2328));
    --_text: var(--clerk-color-text, light-dark(#1f2328, #f0f3f6));
    --_muted: var(--clerk-color-muted, light-dark(#59636e, #9da5ae));
    --_border: var(--clerk-color-border, light-dark(#818b98, #768390));
    --_hover: var(--clerk-color-hover, light-dark(#f3f4f6, #2f353d));
    --_focus: var(--clerk-color-focus, light-dark(#2563eb, #4493f8));
    --_danger: var(--clerk-color-danger, light-dark(#b42318, #ff7b72));
    --_shadow: var(--clerk-shadow, 0 8px 24px light-dark(#0003, #0008));
    font-family: var(--_font);
  }
  /* Browsers before light-dark() (2024) would drop every colour: they get the light theme. */
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --_surface: var(--clerk-color-surface, #fff);
      --_text: var(--clerk-color-text, #1f2328);
      --_muted: var(--clerk-color-muted, #59636e);
      --_border: var(--clerk-color-border, #818b98);
      --_hover: var(--clerk-color-hover, #f3f4f6);
      --_focus: var(--clerk-color-focus, #2563eb);
      --_danger: var(--clerk-color-danger, #b42318);
      --_shadow: var(--clerk-shadow, 0 8px 24px #0003);
    }
  }
`;
