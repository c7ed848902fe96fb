import { ClerkFailed } from '../auth-state/failed.js';
import { define } from './define.js';

define('clerk-failed', ClerkFailed);

export { ClerkFailed };

declare global {
  interface HTMLElementTagNameMap {
    'clerk-failed': ClerkFailed;
  }
}
