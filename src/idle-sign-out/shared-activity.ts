import { clock } from './clock.js';

/** The input that counts as activity (`scroll` does not bubble: it is heard in the capture phase). */
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/** Input writes the shared time (and tells the other tabs) at most this often. */
export const WRITE_INTERVAL_MS = 1000;

/** Clerk tells its tabs over BroadcastChannel('clerk'); this package's idle clock has a channel of its own. */
const CHANNEL = 'clerk-sign-out-elements:idle';

/** What every tab of this origin shares. */
interface ActivityRecord {
  /** When someone was last active in any tab (`Date.now()`). */
  readonly at: number;
  /** The session signed in then: a new session (a sign-in) starts a new idle period instead of inheriting one. */
  readonly session: string;
  /** Set by the tab whose sign-out after this activity Clerk confirmed. */
  readonly signedOut?: true;
}

/** What the tracker asks of its element. */
export interface ActivityHost {
  /** Input arrived at `now` (at most once a second): whether it counts (not after the deadline, not during the warning). */
  acceptInput(now: number): boolean;
  /** Another tab reported activity. */
  activityElsewhere(): void;
}

/**
 * When someone was last active, in ANY tab of this origin: a shared timestamp, not a count of timer ticks.
 *
 * A BroadcastChannel tells the open tabs (it reaches only the documents that listen, and whatever scopes Clerk's own
 * channel, e.g. the testing kit's isolate-tabs, scopes it too); a stored copy (localStorage, under the channel's name as
 * this page sees it) is the memory a channel lacks, for a tab that opens later, reloads, or wakes from a freeze or sleep
 * having missed messages. Input handling costs a clock read until a second has passed since the last write.
 */
export class SharedActivity {
  readonly #host: ActivityHost;
  #channel: BroadcastChannel | undefined;
  /** The channel's name as this page sees it (names the stored copy and the lock). */
  #name = CHANNEL;
  /** The newest record this tab knows: the stored one, or this tab's own when storage is unavailable. */
  #known: ActivityRecord | undefined;
  #lastWrite = -Infinity;
  #session = '';

  constructor(host: ActivityHost) {
    this.#host = host;
  }

  /** The channel's name as this page sees it: the shared name of the stored time and of the one-tab lock. */
  get name(): string {
    return this.#name;
  }

  /** When someone was last active in any tab (ms, as `Date.now()`). */
  get lastActivity(): number {
    return this.#read()?.at ?? -Infinity;
  }

  /** Starts listening to input and to the other tabs, for `session`; a new sign-in starts a new idle period now. */
  start(session: string): void {
    this.#session = session;
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(CHANNEL);
      this.#name = this.#channel.name;
      this.#channel.onmessage = ({ data }: MessageEvent) => this.#heard(data);
    }
    const known = this.#read();
    // A sign-in (another session, or one whose idle period ended in a sign-out) is activity: a new period starts.
    if (known?.session !== session || known.signedOut) this.record(clock.now());
    for (const type of INPUT_EVENTS) addEventListener(type, this.#onInput, { capture: true, passive: true });
  }

  /** Stops listening (input and the other tabs); the stored time stays for the other tabs. */
  stop(): void {
    for (const type of INPUT_EVENTS) removeEventListener(type, this.#onInput, { capture: true });
    this.#channel?.close();
    this.#channel = undefined;
  }

  /** Someone was active at `now`: stored, and told to the other tabs. */
  record(now: number): void {
    this.#lastWrite = now;
    this.#write({ at: now, session: this.#session });
  }

  /** The sign-out after the activity at `at` is confirmed: a tab that reaches the same deadline later sends nothing. */
  markSignedOut(at: number): void {
    const known = this.#read();
    if (known?.at === at) this.#write({ ...known, signedOut: true });
  }

  /** Whether some tab already confirmed the sign-out after the activity at `at`. */
  signedOutAfter(at: number): boolean {
    const known = this.#read();
    return known?.at === at && !!known.signedOut;
  }

  readonly #onInput = (): void => {
    const now = clock.now();
    if (now - this.#lastWrite < WRITE_INTERVAL_MS) return;
    if (this.#host.acceptInput(now)) this.record(now);
  };

  #heard(data: unknown): void {
    if (!isRecord(data) || data.at <= (this.#known?.at ?? -Infinity)) return;
    this.#known = data;
    this.#host.activityElsewhere();
  }

  #write(record: ActivityRecord): void {
    this.#known = record;
    try {
      localStorage.setItem(this.#name, JSON.stringify(record));
    } catch {
      // No storage (disabled, full, a sandboxed frame): the open tabs still hear the channel.
    }
    this.#channel?.postMessage(record);
  }

  /** The newest record: the stored one (another tab may have written it), else the last this tab knew. */
  #read(): ActivityRecord | undefined {
    let stored: unknown;
    try {
      stored = JSON.parse(localStorage.getItem(this.#name) ?? 'null');
    } catch {
      stored = null;
    }
    if (isRecord(stored) && stored.at >= (this.#known?.at ?? -Infinity)) this.#known = stored;
    return this.#known;
  }
}

function isRecord(value: unknown): value is ActivityRecord {
  const record = value as ActivityRecord | null;
  return typeof record?.at === 'number' && typeof record.session === 'string';
}
