// Browser-side testing kit: an in-memory Clerk for fast unit tests of pages that use the elements.
export {
  FakeClerk,
  fakeUser,
  type FakeCall,
  type FakeClerkInit,
  type FakeClerkStatus,
  type FakeFault,
  type FakeFaultableCall,
  type FakeUserInit,
} from './fake-clerk.js';
// Browser side of the Frontend API emulator (the emulator itself runs in Node: clerk-sign-out-elements/testing/node).
export { connectEmulator, type ConnectEmulatorOptions, type EmulatorConnection } from './emulator-client.js';
export {
  DEFAULT_ACTIVITY,
  EMULATOR_PUBLISHABLE_KEY,
  type ClerkErrorInit,
  type EmulatorActivity,
  type EmulatorDevice,
  type EmulatorSession,
  type EmulatorSessionTask,
  type EmulatorState,
  type EmulatorUser,
  type EmulatorUserInit,
  type FapiEndpoint,
  type Fault,
  type RecordedRequest,
} from './emulator-protocol.js';
