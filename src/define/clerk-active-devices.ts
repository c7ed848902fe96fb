import { ClerkActiveDevices } from '../active-devices/active-devices.js';
import { define } from './define.js';

define('clerk-active-devices', ClerkActiveDevices);

export { ClerkActiveDevices };

declare global {
  interface HTMLElementTagNameMap {
    'clerk-active-devices': ClerkActiveDevices;
  }
}
