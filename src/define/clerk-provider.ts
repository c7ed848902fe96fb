import { ClerkProvider } from '../provider/clerk-provider.js';
import { define } from './define.js';

define('clerk-provider', ClerkProvider);

export { ClerkProvider };

declare global {
  interface HTMLElementTagNameMap {
    'clerk-provider': ClerkProvider;
  }
}
