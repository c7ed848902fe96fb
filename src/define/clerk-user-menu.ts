import { ClerkUserMenu } from '../user-menu/user-menu.js';
import { define } from './define.js';

define('clerk-user-menu', ClerkUserMenu);

export { ClerkUserMenu };

declare global {
  interface HTMLElementTagNameMap {
    'clerk-user-menu': ClerkUserMenu;
  }
}
