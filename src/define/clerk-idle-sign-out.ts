import { ClerkIdleSignOut } from '../idle-sign-out/idle-sign-out.js';
import { define } from './define.js';

define('clerk-idle-sign-out', ClerkIdleSignOut);

export { ClerkIdleSignOut };

declare global {
  interface HTMLElementTagNameMap {
    'clerk-idle-sign-out': ClerkIdleSignOut;
  }
}
