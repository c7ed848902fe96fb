// Issue 7, row 4's exact check: the element sends the SAME Frontend API requests as calling clerk.signOut() directly.
// Each scenario runs in two files (clerk-js allows one real Clerk per page); both must see exactly these requests.
import type { ClerkLike } from '../../src/index.js';
import type { EmulatorConnection } from '../../src/testing/index.js';
import { lines } from '../integration/support/real-clerk.js';

/** `clerk.signOut()` with one signed-in session, and `clerk.signOut({ sessionId: current })` with two. */
export const EXPECTED = {
  all: ['DELETE /v1/client/sessions'],
  current: (sessionId: string) => [`POST /v1/client/sessions/${sessionId}/remove`],
};

/** Runs `signOut` with a clean request log and resolves with what the emulator received. */
export async function requestsOf(emulator: EmulatorConnection, clerk: ClerkLike, signOut: () => Promise<unknown>): Promise<string[]> {
  await emulator.clearRequests();
  await signOut();
  if (clerk.user) throw new Error('still signed in after the sign-out');
  return lines(await emulator.requests());
}
