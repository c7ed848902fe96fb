import { ClerkSignedOut } from '../auth-state/signed-out.js';
import { define } from './define.js';

define('clerk-signed-out', ClerkSignedOut);

export { ClerkSignedOut };

declare global {
  interface HTMLElementTagNameMap {
    'clerk-signed-out': ClerkSignedOut;
  }
}
