import { css } from 'lit';

export const signOutButtonStyles = css`
  :host {
    position: relative;
    display: inline-block;
  }
  [part~='button'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    font: inherit;
    padding: var(--clerk-sign-out-button-padding, 0.5em 1em);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--clerk-sign-out-button-background, var(--_surface));
    color: var(--clerk-sign-out-button-color, var(--_text));
    cursor: pointer;
  }
  [part~='button']:hover {
    background: var(--clerk-sign-out-button-hover-background, var(--_hover));
  }
  [part~='button']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='button']:disabled,
  [part~='button'][title] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  [data-loading] {
    visibility: hidden;
  }
  [aria-busy='true'] {
    cursor: progress;
  }
`;
