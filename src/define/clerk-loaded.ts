import { ClerkLoaded } from '../auth-state/loaded.js';
import { define } from './define.js';

define('clerk-loaded', ClerkLoaded);

export { ClerkLoaded };

declare global {
  interface HTMLElementTagNameMap {
    'clerk-loaded': ClerkLoaded;
  }
}
