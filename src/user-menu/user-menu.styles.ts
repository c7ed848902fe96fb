import { css } from 'lit';

// The host is a flex container, not a block: no line box, so it is exactly as high as its trigger, its placeholder and
// no-flash.css's box. The placeholder (a disc, and a bar for the name) is the trigger's box while Clerk loads;
// `--clerk-user-menu-name-width` unset, the name takes its own width. The avatar is a block whose line is as high as
// the disc, not a grid: a user switch lays out every menu's initials again, and one line costs about half a grid's.
export const userMenuStyles = css`
  :host {
    --_size: var(--clerk-user-menu-avatar-size, 2rem);
    /* Lines that only separate: the border, lighter (controls keep its 3:1). Not in the theme: the button has none. */
    --_divider: color-mix(in srgb, var(--_border) 45%, transparent);
    position: relative;
    display: inline-flex;
    vertical-align: middle;
  }
  [hidden] {
    display: none !important;
  }

  [part~='trigger'],
  [part~='placeholder'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
  }
  [part~='trigger'] {
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: none;
    color: var(--clerk-user-menu-trigger-color, inherit);
    font: inherit;
    cursor: pointer;
  }
  [part~='trigger']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  /* A failed action while the menu is closed: the avatar is marked too, beside the message under the trigger. */
  [part~='trigger'][data-error] [part~='avatar'] {
    box-shadow: 0 0 0 2px var(--_danger);
  }
  [part~='name'] {
    inline-size: var(--clerk-user-menu-name-width);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 500;
  }

  [part~='placeholder']::before,
  [data-name]::after {
    content: '';
    background: var(--clerk-user-menu-placeholder-background, var(--_border));
  }
  [part~='placeholder']::before {
    flex: none;
    inline-size: var(--_size);
    block-size: var(--_size);
    border-radius: var(--clerk-user-menu-avatar-radius, 50%);
  }
  [data-name]::after {
    inline-size: var(--clerk-user-menu-name-width, 6em);
    block-size: 0.75em;
    border-radius: 999px;
  }
  /* Room after the name, so the pill-shaped focus ring clears its last letters; the placeholder keeps it too. */
  [part~='name'],
  [data-name]::after {
    margin-inline-end: calc(var(--_size) / 4);
  }

  [part~='avatar'] {
    display: inline-block;
    flex: none;
    inline-size: var(--_size);
    block-size: var(--_size);
    overflow: hidden;
    border-radius: var(--clerk-user-menu-avatar-radius, 50%);
    background: var(--clerk-user-menu-avatar-background, var(--_avatar-color));
    color: var(--clerk-user-menu-avatar-color, #ffffff);
    font-size: calc(var(--_size) * 0.4);
    font-weight: 600;
    line-height: var(--_size);
    text-align: center;
    user-select: none;
  }
  [part~='initials']::before {
    content: attr(data-initials);
  }
  [part~='avatar-image'] {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }

  /* The popup. Never give it a display value: the popover (or [hidden]) keeps it hidden while closed. */
  [part~='menu'] {
    position: fixed;
    inset: auto;
    z-index: var(--clerk-user-menu-z-index, 1000);
    box-sizing: border-box;
    min-inline-size: var(--clerk-user-menu-min-width, 16rem);
    max-inline-size: calc(100vw - 16px);
    margin: 0;
    padding: 0.375rem;
    overflow: auto;
    border: 1px solid var(--_divider);
    border-radius: var(--clerk-user-menu-radius, var(--_radius));
    background: var(--clerk-user-menu-background, var(--_surface));
    color: var(--clerk-user-menu-color, var(--_text));
    box-shadow: var(--clerk-user-menu-shadow, var(--_shadow));
    font-family: var(--_font);
    font-size: var(--clerk-user-menu-font-size, 0.875rem);
    line-height: 1.4;
    /* Inherited from the page, these would reshape the menu's own layout (e.g. a centred header). */
    font-style: normal;
    letter-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    white-space: normal;
    word-spacing: normal;
  }

  [part~='preview'] {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: 0.5rem 0.75rem 0.75rem;
  }
  [part~='preview'] [part~='avatar'],
  [part~='switch-account'] [part~='avatar'] {
    --_size: var(--clerk-user-menu-preview-avatar-size, 2.25rem);
  }
  [part~='preview-text'],
  [part~='account-text'] {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  [part~='preview-name'] {
    font-weight: 600;
  }
  [part~='preview-detail'],
  [part~='account-detail'] {
    color: var(--_muted);
  }

  [role='menu'],
  [role='group'] {
    display: flex;
    flex-direction: column;
  }
  [part~='item'],
  ::slotted([slot='item']) {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    box-sizing: border-box;
    inline-size: 100%;
    padding: 0.5rem 0.75rem;
    border: 0;
    border-radius: calc(var(--_radius) - 2px);
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    text-decoration: none;
    cursor: pointer;
  }
  [part~='item']:hover,
  [part~='item']:focus,
  ::slotted([slot='item']:hover),
  ::slotted([slot='item']:focus) {
    background: var(--clerk-user-menu-item-hover-background, var(--_hover));
  }
  [part~='item']:focus-visible,
  ::slotted([slot='item']:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  [part~='item'][aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  [part~='item'][aria-busy='true'] {
    cursor: progress;
  }
  [part~='sign-out'],
  [part~='sign-out-all'],
  [part~='sign-out-other-devices'] {
    color: var(--clerk-user-menu-sign-out-color, inherit);
  }

  /* As wide as the accounts' avatars: the items' texts line up. */
  [part~='icon'] {
    flex: none;
    inline-size: var(--clerk-user-menu-preview-avatar-size, 2.25rem);
  }

  [part~='separator'] {
    block-size: 1px;
    margin: 0.375rem -0.375rem;
    background: var(--_divider);
  }

  [part~='spinner'] {
    margin-inline-start: auto;
  }

  /* The menu's copy of the messages; the live regions (announced) stay under the trigger, hidden while it is open. */
  [part~='error'],
  [part~='notice'] {
    margin: 0;
  }
  [part~='error'] {
    color: var(--_danger);
  }
  [part~='error']:not(:empty),
  [part~='notice']:not(:empty) {
    padding: 0.5rem 0.75rem;
  }
  :host([open]) #messages {
    clip-path: inset(50%);
  }
`;
