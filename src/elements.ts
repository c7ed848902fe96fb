// The element classes WITHOUT registering any tag: `customElements.define('acme-sign-out', ClerkSignOutButton)` under
// names of your own (e.g. when another library already holds `clerk-signed-in`). Elements find their provider by its
// class, under any name; only messages name the `clerk-…` tags (and the hint for a <clerk-provider> never defined).
export { ClerkSignedIn } from './auth-state/signed-in.js';
export { ClerkSignedOut } from './auth-state/signed-out.js';
export { ClerkLoading } from './auth-state/loading.js';
export { ClerkLoaded } from './auth-state/loaded.js';
export { ClerkFailed } from './auth-state/failed.js';
export { ClerkDegraded } from './auth-state/degraded.js';
export { ClerkProvider } from './provider/clerk-provider.js';
export { ClerkSignOutButton } from './sign-out-button/sign-out-button.js';
export { ClerkUserMenu } from './user-menu/user-menu.js';
export { ClerkActiveDevices } from './active-devices/active-devices.js';
export { ClerkIdleSignOut } from './idle-sign-out/idle-sign-out.js';
