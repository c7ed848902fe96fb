// Importing the package registers every element (provider first, so it answers its consumers as they upgrade).
export { ClerkProvider } from './define/clerk-provider.js';
export { ClerkSignOutButton } from './define/clerk-sign-out-button.js';
export { ClerkSignedIn } from './define/clerk-signed-in.js';
export { ClerkSignedOut } from './define/clerk-signed-out.js';
export { ClerkLoading } from './define/clerk-loading.js';
export { ClerkLoaded } from './define/clerk-loaded.js';
export { ClerkFailed } from './define/clerk-failed.js';
export { ClerkDegraded } from './define/clerk-degraded.js';
export { ClerkUserMenu } from './define/clerk-user-menu.js';
export { ClerkActiveDevices } from './define/clerk-active-devices.js';
export { ClerkIdleSignOut } from './define/clerk-idle-sign-out.js';

export type * from './clerk/clerk.js';
export { clerkContext, type ClerkState, type ClerkStatus } from './clerk/context.js';
export * from './contract/events.js';
export type { IdlePhase } from './idle-sign-out/idle-sign-out.js';
export { englishLabels, type LabelKey, type Localization } from './clerk/labels.js';
export { idleSignOutLabels, type IdleSignOutLabelKey } from './idle-sign-out/labels.js';
export { isSigningOut } from './flows/action-lock.js';
export {
  signOut,
  type SignOutOutcome,
  type SignOutRequest,
  type SignOutResult,
  type SignOutScope,
} from './flows/sign-out.js';
export { describeDevice, relativeTime } from './flows/devices/describe.js';
export { listDevices, type Device } from './flows/devices/list.js';
export { reverifyWithClerkUi, type Reverify, type ReverifyContext } from './flows/devices/reverify.js';
export {
  revokeDevices,
  type RevokeDevicesOutcome,
  type RevokeDevicesRequest,
  type RevokeDevicesResult,
} from './flows/devices/revoke.js';
export {
  ConfigurationError,
  DevicesUnavailableError,
  DeviceSignOutNotConfirmedError,
  OfflineError,
  ReverificationRequiredError,
  SignOutNotConfirmedError,
} from './contract/errors.js';
