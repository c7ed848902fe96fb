import type { ClerkState } from '../clerk/context.js';
import { showSignedInSession } from './active-session.js';
import { toError } from '../contract/errors.js';
import { SessionSwitchedEvent } from '../contract/events.js';
import { isBusy, isRetired, runExclusive } from './in-flight.js';

export interface SwitchSessionRequest {
  /** Where `session-switched` is dispatched (the element the user activated). */
  readonly host: HTMLElement;
  readonly state: ClerkState;
  /** The signed-in session to make active. */
  readonly sessionId: string;
  /** Where to go afterwards (already checked), or `null` to stay. */
  readonly redirectUrl: string | null;
  /** Called right before Clerk is called (elements show their pending state). */
  readonly onStart?: () => void;
  /** Called once Clerk switched, before `session-switched` is dispatched (e.g. the menu closes). */
  readonly onSwitched?: () => void;
}

export interface SwitchSessionResult {
  readonly outcome: 'switched' | 'failed' | 'busy' | 'nothing-to-do';
  readonly error?: Error;
}

/**
 * Makes another signed-in account the active one (`clerk.setActive`), as the one Clerk action in flight, then dispatches
 * `session-switched` (cancelable) and navigates to `redirectUrl` unless a listener called `preventDefault()`.
 */
export async function switchSession(request: SwitchSessionRequest): Promise<SwitchSessionResult> {
  const { host, state, sessionId } = request;
  const clerk = state.clerk;
  if (!clerk || state.status !== 'ready' || !host.isConnected) return { outcome: 'nothing-to-do' };
  if (isBusy(clerk)) return { outcome: 'busy' };
  const session = clerk.client?.signedInSessions.find((candidate) => candidate.id === sessionId);
  if (!session) return { outcome: 'nothing-to-do' };
  const previousId = clerk.session?.id;
  request.onStart?.();
  try {
    await runExclusive(clerk, 'switch-session', async () => {
      await clerk.setActive({ session: sessionId });
      // The account may have signed out elsewhere meanwhile: show what the client still has, and say so.
      if (clerk.session?.id === sessionId) return;
      await showSignedInSession(clerk, previousId);
      throw new Error('that session is no longer signed in');
    });
  } catch (thrown) {
    const error = toError(thrown);
    console.error(`<${host.localName}> could not switch to session ${sessionId}: ${error.message}`);
    return { outcome: 'failed', error };
  }
  request.onSwitched?.();
  const redirectUrl = isRetired(clerk) ? null : request.redirectUrl;
  const switched = new SessionSwitchedEvent({ sessionId, userId: session.user?.id ?? null, redirectUrl });
  if (host.dispatchEvent(switched) && redirectUrl) await clerk.navigate(redirectUrl);
  return { outcome: 'switched' };
}
