import { OfflineError, toError } from '../contract/errors.js';
import { SessionSwitchedEvent } from '../contract/events.js';
import { showSignedInSession } from './active-session.js';
import { isOffline, outcomeTarget, runFlow, type FlowRequest } from './flow.js';
import { isRetired } from './provider-use.js';

/** Which account to make active, from which element; `host`, `state` and `onStart` as every flow takes them. */
export interface SwitchSessionRequest extends FlowRequest {
  /** The signed-in session to make active. */
  readonly sessionId: string;
  /** Where to go afterwards (already checked), or `null` to stay. */
  readonly redirectUrl: string | null;
  /** Called once Clerk switched, before `session-switched` is dispatched (e.g. the menu closes). */
  readonly onSwitched?: () => void;
}

export interface SwitchSessionResult {
  readonly outcome: 'switched' | 'failed' | 'busy' | 'nothing-to-do';
  readonly error?: Error;
}

/**
 * Makes another signed-in account the active one (`clerk.setActive`), as the one Clerk action in flight, then dispatches
 * `session-switched` (cancelable) and navigates to `redirectUrl` unless a listener called `preventDefault()`. There is
 * no "before" event: switching ends no session.
 */
export function switchSession(request: SwitchSessionRequest): Promise<SwitchSessionResult> {
  const { sessionId } = request;
  const failed = (error: Error): SwitchSessionResult => {
    console.error(`<${request.host.localName}> could not switch to session ${sessionId}: ${error.message}`);
    return { outcome: 'failed', error };
  };
  return runFlow<Error | undefined, SwitchSessionResult>(request, {
    kind: 'switch-session',
    refused: failed,
    plan: (clerk) => {
      const session = clerk.client?.signedInSessions.find((candidate) => candidate.id === sessionId);
      const previousId = clerk.session?.id;
      return (
        session && {
          run: async () => {
            try {
              await clerk.setActive({ session: sessionId });
            } catch (thrown) {
              return toError(thrown);
            }
            // Offline, clerk-js switches on this page only: the server still has the previous account active.
            const offline = isOffline();
            // The account may have signed out elsewhere meanwhile: show what the client still has, and say so.
            if (clerk.session?.id === sessionId && !offline) return undefined;
            await showSignedInSession(clerk, previousId);
            return offline ? new OfflineError() : new Error('that session is no longer signed in');
          },
          finish: async (error) => {
            if (error) return failed(error);
            request.onSwitched?.();
            const redirectUrl = isRetired(clerk) ? null : request.redirectUrl;
            const switched = new SessionSwitchedEvent({ sessionId, userId: session.user?.id ?? null, redirectUrl });
            if (outcomeTarget(request.host).dispatchEvent(switched) && redirectUrl) await clerk.navigate(redirectUrl);
            return { outcome: 'switched' };
          },
        }
      );
    },
  });
}
