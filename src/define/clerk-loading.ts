import { ClerkLoading } from '../auth-state/loading.js';
import { define } from './define.js';

define('clerk-loading', ClerkLoading);

export { ClerkLoading };

declare global {
  interface HTMLElementTagNameMap {
    'clerk-loading': ClerkLoading;
  }
}
