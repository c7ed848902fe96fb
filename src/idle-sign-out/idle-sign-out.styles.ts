import { css } from 'lit';

export const idleSignOutStyles = css`
  :host {
    display: block;
  }
  p {
    margin: 0;
  }
  [part~='notice'] {
    color: var(--_muted);
    font-size: 0.875em;
  }
  [part~='error'] {
    color: var(--_danger);
  }
  [part~='dialog'] {
    box-sizing: border-box;
    inline-size: min(var(--clerk-idle-sign-out-dialog-width, 26rem), calc(100vw - 2rem));
    padding: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
    font-family: var(--_font);
  }
  [part~='dialog']::backdrop {
    background: var(--clerk-idle-sign-out-backdrop, rgb(0 0 0 / 0.45));
  }
  [part~='title'] {
    margin: 0 0 0.5rem;
    font-size: 1.25em;
  }
  [part~='countdown'] {
    margin: 0.75rem 0;
    font-size: 2em;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  /* Read by screen readers only: the coarse steps of the countdown. */
  .announcement {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  button {
    font: inherit;
    padding: 0.5em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  button:hover {
    background: var(--_hover);
  }
  /* The default action stands out: the text and surface colours swapped (the same AA pair). */
  [part~='stay-button'],
  [part~='stay-button']:hover {
    border-color: var(--_text);
    background: var(--_text);
    color: var(--_surface);
  }
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;
