import type { ClerkLike } from '../../clerk/clerk.js';
import { hasClerkUi } from '../../clerk/clerk-ui.js';
import type { ReverificationRequiredError } from '../../contract/errors.js';

/** What the app answers when Clerk asks for reverification: `true` once the user reverified (the request is sent again). */
export type Reverify = (context: ReverifyContext) => Promise<boolean>;

/** What a `reverify` function is given when Clerk asks the user to reverify. */
export interface ReverifyContext {
  readonly clerk: ClerkLike;
  readonly error: ReverificationRequiredError;
  /** The sessions not signed out yet, the one Clerk refused first. */
  readonly sessionIds: readonly string[];
}

/** Asks the app's `reverify`; its failure or cancellation counts as "not reverified". */
export async function askToReverify(reverify: Reverify, context: ReverifyContext): Promise<boolean> {
  try {
    return (await reverify(context)) === true;
  } catch {
    return false; // The app's reverification failed or was cancelled: the error stays the reverification request.
  }
}

interface ClerkWithReverificationUi {
  __internal_openReverification?(props: {
    afterVerification?: () => void;
    afterVerificationCancelled?: () => void;
  }): void;
}

/**
 * A `reverify` for apps that have Clerk's UI (`@clerk/ui` with clerk-js 6; always with clerk-js 5): opens Clerk's own
 * verification modal (clerk-js 6.40's `__internal_openReverification`, what Clerk's UserProfile uses through
 * `useReverification`) and resolves `true` once the user verified, `false` when they closed it or when Clerk's UI is not
 * loaded. It relies on an internal Clerk API: without Clerk's UI, build your own flow on
 * `clerk.session.startVerification()` and pass it as `reverify`. It is the elements' default `reverify`.
 *
 * @example
 * ```ts
 * import { reverifyWithClerkUi } from 'clerk-sign-out-elements';
 *
 * // Clerk's modal first, then your own page when Clerk's UI is not loaded:
 * devicesElement.reverify = async (context) => (await reverifyWithClerkUi(context)) || (await myOwnVerification());
 * ```
 */
export function reverifyWithClerkUi({ clerk }: ReverifyContext): Promise<boolean> {
  const ui = clerk as ClerkLike & ClerkWithReverificationUi;
  if (!hasClerkUi(clerk) || typeof ui.__internal_openReverification !== 'function') return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      ui.__internal_openReverification!({
        afterVerification: () => resolve(true),
        afterVerificationCancelled: () => resolve(false),
      });
    } catch {
      resolve(false);
    }
  });
}
