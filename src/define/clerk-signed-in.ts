import { ClerkSignedIn } from '../auth-state/signed-in.js';
import { define } from './define.js';

define('clerk-signed-in', ClerkSignedIn);

export { ClerkSignedIn };

declare global {
  interface HTMLElementTagNameMap {
    'clerk-signed-in': ClerkSignedIn;
  }
}
