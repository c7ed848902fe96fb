import { css } from 'lit';

export const activeDevicesStyles = css`
  :host {
    display: block;
    /* Lines that only separate: the border, lighter (its buttons keep the 3:1 border). As in the user menu. */
    --_divider: color-mix(in srgb, var(--_border) 45%, transparent);
  }
  [part~='panel'] {
    padding: var(--clerk-active-devices-padding, 1rem);
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    background: var(--clerk-active-devices-background, var(--_surface));
    color: var(--clerk-active-devices-color, var(--_text));
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: grid;
    grid-template-columns: auto auto 1fr auto;
    align-items: center;
    justify-items: start;
    gap: 0.25rem 0.5rem;
    padding: 0.75rem 0;
    border-block-start: 1px solid var(--_divider);
  }
  [part~='name'] {
    font-weight: 600;
  }
  [part~='badge'] {
    padding: 0 0.5em;
    border-radius: 1em;
    background: var(--clerk-active-devices-badge-background, var(--_hover));
    font-size: 0.75em;
  }
  [part~='details'] {
    grid-area: 2 / 1 / 3 / 4;
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    color: var(--_muted);
    font-size: 0.875em;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    padding: 0.375em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: none;
    color: var(--clerk-active-devices-sign-out-color, var(--_danger));
    font: inherit;
    cursor: pointer;
  }
  [part~='sign-out-device'] {
    grid-area: 1 / 4 / 3 / 5;
  }
  [part~='retry'] {
    color: inherit;
  }
  button:hover {
    background: var(--_hover);
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [aria-disabled='true'] {
    cursor: not-allowed;
  }
  [aria-busy='true'] {
    cursor: progress;
  }
  [part~='status'],
  [part~='empty'] {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin: 0.5rem 0 0;
    color: var(--_muted);
  }
  /* The messages are part of the panel (its list changes size with every sign-out anyway). */
  [part~='error'],
  [part~='notice'] {
    display: block;
  }
  [part~='error'] {
    color: var(--_danger);
  }
  [part~='error']:not(:empty),
  [part~='notice']:not(:empty) {
    margin-block-start: 0.5rem;
  }
`;
