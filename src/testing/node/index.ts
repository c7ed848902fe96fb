// clerk-sign-out-elements/testing/node: the Clerk Frontend API emulator and its adapters (Node only).
export { DEFAULT_ACTIVITY, EMULATOR_PUBLISHABLE_KEY } from '../emulator-protocol.js';
export type {
  ClerkErrorInit,
  EmulatorActivity,
  EmulatorDevice,
  EmulatorDeviceInit,
  EmulatorSession,
  EmulatorSessionTask,
  EmulatorSignInOptions,
  EmulatorState,
  EmulatorUser,
  EmulatorUserInit,
  FapiEndpoint,
  Fault,
  RecordedRequest,
} from '../emulator-protocol.js';
export { EmulatorError } from './errors.js';
export { createFapiEmulator, type FapiEmulator, type FapiEmulatorOptions } from './fapi-emulator.js';
export { FAPI_ENDPOINTS } from './faults.js';
export { demoSeed } from './seeds.js';
export { startClerkEmulator, type RunningClerkEmulator, type StartClerkEmulatorOptions } from './server.js';
export { Tenant, type TenantSeed } from './tenant.js';
export {
  clerkEmulatorVitePlugin,
  type ClerkEmulatorVitePlugin,
  type ClerkEmulatorVitePluginOptions,
} from './vite-plugin.js';
export { clerkEmulatorMiddleware, clerkEmulatorPlugin, type ClerkEmulatorPlugin } from './wtr-plugin.js';
