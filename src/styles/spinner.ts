import { css, html } from 'lit';

/** The progress indicator of an action in flight, shared by every element (hidden from assistive technology). */
export const spinner = html`<span part="spinner" aria-hidden="true"></span>`;

/** The styles of `spinner`. */
export const spinnerStyles = css`
  [part~='spinner'] {
    inline-size: 0.9em;
    block-size: 0.9em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.7s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='spinner'] {
      animation-duration: 2.5s;
    }
  }
`;
