import { css } from 'lit';

/** The progress indicator of an action in flight (`part="spinner"`), shared by every element. */
export const spinner = css`
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
