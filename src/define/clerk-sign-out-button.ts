import { ClerkSignOutButton } from '../sign-out-button/sign-out-button.js';
import { define } from './define.js';

define('clerk-sign-out-button', ClerkSignOutButton);

export { ClerkSignOutButton };

declare global {
  interface HTMLElementTagNameMap {
    'clerk-sign-out-button': ClerkSignOutButton;
  }
}
