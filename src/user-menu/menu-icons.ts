import { html } from 'lit';

/**
 * A menu item's icon, as in Clerk's UserButton: decorative (the item's text names it), a 16-unit line drawing in the
 * text's colour, 1em high (the menu's styles give it the avatars' width, so every item's text lines up).
 */
const icon = (path: string) =>
  html`<svg
    part="icon"
    viewBox="0 0 16 16"
    width="1em"
    height="1em"
    fill="none"
    stroke="currentColor"
    stroke-width="1.5"
    stroke-linecap="round"
    aria-hidden="true"
  >
    <path d=${path}></path>
  </svg>`;

/** A person: "Manage account". */
export const manageAccountIcon = icon('M8 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6m-5 6a5 5 0 0 1 10 0');
/** A plus: "Add account". */
export const addAccountIcon = icon('M8 3v10M3 8h10');
/** An arrow leaving a door: every sign-out item. */
export const signOutIcon = icon('M6.5 14H3V2h3.5M10 11l3-3-3-3m3 3H6.5');
