// The bench's sign-out row, as an exact check: the element sends the SAME Frontend API requests as calling
// clerk.signOut() directly.
// Each scenario runs in two files (clerk-js allows one real Clerk per page) that must see exactly these requests.
import type { EmulatorConnection } from '../../src/testing/index.js';
import { lines } from './real-clerk.js';

export const EXPECTED = {
  /** `clerk.signOut()` with one signed-in session. */
  all: ['DELETE /v1/client/sessions'],
  /** `clerk.signOut({ sessionId: current })` with two sessions. */
  current: (current: string) => [`POST /v1/client/sessions/${current}/remove`],
  /**
   * The one request the element may add after that, on purpose: clerk-js may leave no active session, relying on the page
   * load of its redirect to pick the remaining account; the element then activates it
   * (src/flows/sign-out.ts) as that load would.
   */
  activateRemaining: (remaining: string) => [`POST /v1/client/sessions/${remaining}/touch`],
};

/** Runs `signOut` with a clean request log and resolves with what the emulator received. */
export async function requestsOf(emulator: EmulatorConnection, signOut: () => Promise<unknown>): Promise<string[]> {
  await emulator.clearRequests();
  await signOut();
  return lines(await emulator.requests());
}
