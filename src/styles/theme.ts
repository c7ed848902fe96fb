import { css } from 'lit';

/**
 * Theme tokens shared by every element. Set them on any ancestor (e.g. `:root`) to theme all elements at once;
 * the defaults follow the user's light or dark scheme.
 */
export const theme = css`
  :host {
    --_font: var(--clerk-font-family, inherit);
    --_radius: var(--clerk-radius, 0.5rem);
    --_surface: var(--clerk-color-surface, #ffffff);
    --_text: var(--clerk-color-text, #1f2328);
    --_muted: var(--clerk-color-muted, #59636e);
    --_border: var(--clerk-color-border, #d1d9e0);
    --_hover: var(--clerk-color-hover, #f3f4f6);
    --_focus: var(--clerk-color-focus, #2563eb);
    --_danger: var(--clerk-color-danger, #b42318);
    --_shadow: var(--clerk-shadow, 0 8px 24px rgb(0 0 0 / 0.16));
    font-family: var(--_font);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_surface: var(--clerk-color-surface, #1f2328);
      --_text: var(--clerk-color-text, #f0f3f6);
      --_muted: var(--clerk-color-muted, #9198a1);
      --_border: var(--clerk-color-border, #3d444d);
      --_hover: var(--clerk-color-hover, #2f353d);
      --_focus: var(--clerk-color-focus, #4493f8);
      --_danger: var(--clerk-color-danger, #ff7b72);
      --_shadow: var(--clerk-shadow, 0 8px 24px rgb(0 0 0 / 0.5));
    }
  }
`;
