import { ClerkDegraded } from '../auth-state/degraded.js';
import { define } from './define.js';

define('clerk-degraded', ClerkDegraded);

export { ClerkDegraded };

declare global {
  interface HTMLElementTagNameMap {
    'clerk-degraded': ClerkDegraded;
  }
}
