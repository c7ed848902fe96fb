import type { ClerkLike, ClerkResources } from '../clerk/clerk.js';
import { SessionUnavailableEvent } from '../contract/events.js';
import { isBusy, runExclusive } from '../flows/action-lock.js';
import { showSignedInSession } from '../flows/active-session.js';

/** Activations tried before the provider says it gave up: at 1, 2, 4, 8, 16, 30, 30 and 30 s, about two minutes. */
const TRIES = 8;

/**
 * When the current session of several ends (signed out here or elsewhere, revoked), clerk-js leaves no session active
 * although this browser is still signed in to the others (a page load would pick one); offline, it even signs out on
 * this page alone. "Signed out" would then be false: this activates a signed-in session (the one shown, else the
 * client's last active, else the first) as the Clerk's one action in flight, again with backoff and on `focus` and
 * `online`, until Clerk shows it; after `TRIES` it says so, and still tries on `focus` and `online`.
 */
export class SessionRecovery {
  #clerk?: ClerkLike;
  #preferredId?: string;
  #timer?: ReturnType<typeof setTimeout>;
  #tries = 0;

  constructor(private readonly host: HTMLElement) {}

  /**
   * Whether Clerk shows nobody while its client lists signed-in sessions (what `resources` says); if so, the next
   * activation is scheduled. `preferredId`: the session the provider shows.
   */
  needed(clerk: ClerkLike, { session, client }: ClerkResources, preferredId: string | undefined): boolean {
    const waiting = session === null ? (client?.signedInSessions ?? []) : [];
    if (!waiting.length) {
      this.stop();
      return false;
    }
    if (clerk !== this.#clerk) {
      this.stop();
      this.#clerk = clerk;
      addEventListener('focus', this.#now);
      addEventListener('online', this.#now);
    }
    this.#preferredId = preferredId;
    if (this.#timer !== undefined) return true;
    if (this.#tries < TRIES) {
      this.#timer = setTimeout(this.#attempt, Math.min(30_000, 1000 * 2 ** this.#tries++));
    } else if (this.#tries++ === TRIES) {
      const ids = waiting.map((candidate) => candidate.id);
      console.error(
        `<clerk-provider> Clerk shows nobody signed in, but this browser is still signed in (${ids.join(', ')}) and ` +
          `no session could be made active after ${TRIES} tries: the elements show neither signed in nor signed out. ` +
          'It tries again when the window gets focus or the browser comes back online; a page load shows the account.',
      );
      this.host.dispatchEvent(new SessionUnavailableEvent(ids));
    }
    return true;
  }

  /** Nothing to recover (any more), or another Clerk: forget the tries, the timer and the window listeners. */
  stop(): void {
    clearTimeout(this.#timer);
    removeEventListener('focus', this.#now);
    removeEventListener('online', this.#now);
    this.#clerk = this.#timer = undefined;
    this.#tries = 0;
  }

  #attempt = (): void => {
    this.#timer = undefined;
    const clerk = this.#clerk;
    // An action in flight ends by reading Clerk again, which schedules the next attempt when still needed.
    if (clerk && !isBusy(clerk))
      void runExclusive(clerk, 'switch-session', () => showSignedInSession(clerk, this.#preferredId));
  };

  #now = (): void => {
    clearTimeout(this.#timer);
    this.#attempt();
  };
}
