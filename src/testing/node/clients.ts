// One emulated Clerk client: a browser (the test page's own, or another device's) with its signed-in sessions.
import {
  DEFAULT_ACTIVITY,
  type EmulatorActivity,
  type EmulatorDevice,
  type EmulatorSession,
  type EmulatorSessionTask,
} from '../emulator-protocol.js';
import { EmulatorError, quote } from './errors.js';
import { randomId } from './fapi-json.js';
import type { BrowserActivity } from './user-agent.js';

export const FAR_FUTURE = () => Date.now() + 365 * 24 * 3600_000;
/** What a session's `expireAt` says: this long after its last activity, unless `expire()` set a moment. */
const SESSION_LIFETIME_MS = 7 * 24 * 3600_000;
const MAX_TASKS = 10;
const MAX_TASK_TEXT = 100;

const ACTIVITY_TEXT = ['browserName', 'browserVersion', 'deviceType', 'ipAddress', 'city', 'country'] as const;
const BROWSER_FIELDS = ['browserName', 'browserVersion', 'deviceType', 'isMobile'];

/** Whether an activity a test gave leaves the browser unsaid (none of its name, version, device type, mobile). */
export function namesNoBrowser(value: unknown): boolean {
  return typeof value !== 'object' || value === null || !Object.keys(value).some((key) => BROWSER_FIELDS.includes(key));
}
const MAX_ACTIVITY_TEXT = 200;

/** A full activity from a partial one; refuses (400, naming the field) anything but its strings, `null`s and `isMobile`. */
export function checkActivity(value: unknown): EmulatorActivity {
  if (value === undefined) return { ...DEFAULT_ACTIVITY };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EmulatorError(
      400,
      '`activity` must be an object such as { browserName: "Safari", isMobile: true, city: "Lyon" }.',
    );
  }
  const activity: EmulatorActivity = { ...DEFAULT_ACTIVITY };
  for (const [field, text] of Object.entries(value)) {
    if (field === 'isMobile') {
      if (typeof text !== 'boolean') throw new EmulatorError(400, '`activity.isMobile` must be true or false.');
      activity.isMobile = text;
    } else if ((ACTIVITY_TEXT as readonly string[]).includes(field)) {
      if (text !== null && (typeof text !== 'string' || text.length > MAX_ACTIVITY_TEXT)) {
        throw new EmulatorError(
          400,
          `\`activity.${field}\` must be a string of at most ${MAX_ACTIVITY_TEXT} characters, or null.`,
        );
      }
      activity[field as (typeof ACTIVITY_TEXT)[number]] = text as string | null;
    } else {
      const name = field.length > 40 ? `${field.slice(0, 40)}…` : field;
      throw new EmulatorError(
        400,
        `\`activity.${name}\` is not an activity field; one of: ${[...ACTIVITY_TEXT, 'isMobile'].join(', ')}.`,
      );
    }
  }
  return activity;
}

/** Clerk's answer to a call on behalf of a session that no longer is signed in. */
export function signedOut(sessionId: string, why: string): EmulatorError {
  return new EmulatorError(401, `You are signed out: session ${quote(sessionId)} ${why}.`, {
    code: 'signed_out',
    message: 'Signed out',
  });
}

/** Session tasks as a test gives them: at most ten non-empty strings (a 400 names what is wrong). */
export function checkTasks(value: unknown): EmulatorSessionTask[] {
  if (
    !Array.isArray(value) ||
    value.length > MAX_TASKS ||
    value.some((task) => typeof task !== 'string' || !task || task.length > MAX_TASK_TEXT)
  ) {
    throw new EmulatorError(
      400,
      `\`tasks\` must be an array of at most ${MAX_TASKS} task keys such as ["choose-organization"] (or [] for none).`,
    );
  }
  return [...value] as EmulatorSessionTask[];
}

/**
 * A client: Clerk's record of one browser, which its cookie names. It holds at most one session per user; a session the
 * server ended (revoked, expired) stays listed with that status until the client signs out, as Clerk keeps it "along
 * with its client object".
 */
export class EmulatedClient {
  readonly id = randomId('client');
  #sessions: EmulatorSession[] = [];
  #ended: EmulatorSession[] = [];
  /** Sessions whose expiry a test set: activity no longer moves it. */
  #pinnedExpiry = new Set<string>();
  #lastActiveSessionId: string | null = null;
  /** Sessions whose browser no test named: answers to this client's browser name that browser (its User-Agent). */
  #browserFromRequest = new Set<string>();
  cookieExpiresAt = FAR_FUTURE();

  /** Signed-in sessions (active or pending), oldest first. */
  get sessions(): readonly EmulatorSession[] {
    this.#expireDue();
    return this.#sessions;
  }

  /** Sessions the server ended (revoked, expired), still listed. */
  get endedSessions(): readonly EmulatorSession[] {
    this.#expireDue();
    return this.#ended;
  }

  get lastActiveSessionId(): string | null {
    this.#expireDue();
    return this.#lastActiveSessionId;
  }

  /** Every session its answers list: the signed-in ones and the ended ones, oldest first. */
  listed(): EmulatorSession[] {
    return [...this.sessions, ...this.#ended].sort((a, b) => a.createdAt - b.createdAt);
  }

  /**
   * Signs the user in (one session per user: signing in again reuses it) and makes that session the active one.
   * `browserFromRequest`: the activity names no browser, so answers to this client take it from the request.
   */
  signIn(userId: string, activity: EmulatorActivity, at = Date.now(), browserFromRequest = false): EmulatorSession {
    let session = this.sessions.find((candidate) => candidate.userId === userId);
    if (!session) {
      session = {
        id: randomId('sess'),
        userId,
        status: 'active',
        tasks: [],
        expireAt: at + SESSION_LIFETIME_MS,
        clientId: this.id,
        createdAt: at,
        lastActiveAt: at,
        activity,
      };
      this.#sessions.push(session);
      if (browserFromRequest) this.#browserFromRequest.add(session.id);
    }
    this.#active(session, at);
    return session;
  }

  /**
   * The signed-in session with this id. One the server ended answers as Clerk does for a session that signed out (401
   * `signed_out`), so its page learns it is signed out; an id this client never had is a 404.
   */
  session(sessionId: string): EmulatorSession {
    const session = this.sessions.find((candidate) => candidate.id === sessionId);
    if (session) return session;
    const ended = this.#ended.find((candidate) => candidate.id === sessionId);
    if (ended) throw signedOut(sessionId, ended.status === 'revoked' ? 'was revoked' : 'has expired');
    throw new EmulatorError(404, `No signed-in session ${quote(sessionId)} on this client.`);
  }

  /**
   * A session's activity as an answer to a request shows it: for a session of this client whose browser no test named,
   * the browser that asks (`browser`, from its User-Agent), as Clerk records the browser a session is used from.
   */
  activityOf(session: EmulatorSession, browser: BrowserActivity | undefined): EmulatorActivity {
    const fromRequest = browser && this.#browserFromRequest.has(session.id);
    return fromRequest ? { ...session.activity, ...browser } : session.activity;
  }

  touch(sessionId: string): EmulatorSession {
    const session = this.session(sessionId);
    this.#active(session, Date.now());
    return session;
  }

  /** Last used now: the active one, and (unless a test set its expiry) it expires a week from now. */
  #active(session: EmulatorSession, at: number): void {
    session.lastActiveAt = at;
    if (!this.#pinnedExpiry.has(session.id)) session.expireAt = at + SESSION_LIFETIME_MS;
    this.#lastActiveSessionId = session.id;
  }

  /** Ends one signed-in session; when it was the active one, the most recently active remaining session takes over. */
  remove(sessionId: string): EmulatorSession {
    const session = this.session(sessionId);
    this.#sessions = this.#sessions.filter((candidate) => candidate !== session);
    this.#browserFromRequest.delete(sessionId);
    this.#pickActive(sessionId);
    return session;
  }

  /** Signs every session out: the signed-in ones end (returned) and the ended ones are no longer listed. */
  removeAll(): EmulatorSession[] {
    const ended = [...this.sessions];
    this.#sessions = [];
    this.#ended = [];
    this.#browserFromRequest.clear();
    this.#pinnedExpiry.clear();
    this.#lastActiveSessionId = null;
    return ended;
  }

  /** Revokes a signed-in session of this client (`undefined` when it has none with that id). */
  revoke(sessionId: string): EmulatorSession | undefined {
    const session = this.#signedIn(sessionId);
    if (session) this.#end(session, 'revoked');
    return session;
  }

  /**
   * Sets when a signed-in session of this client expires (`undefined` when it has none with that id): from then on it
   * is `expired`, listed with that status, and its requests answer 401 `signed_out`.
   */
  expire(sessionId: string, at: number): EmulatorSession | undefined {
    const session = this.#signedIn(sessionId);
    if (!session) return undefined;
    session.expireAt = at;
    this.#pinnedExpiry.add(session.id);
    this.#expireDue();
    return session;
  }

  /** Gives a signed-in session tasks (it is `pending` until they are `[]` again); `undefined` when it has none with that id. */
  setTasks(sessionId: string, tasks: EmulatorSessionTask[]): EmulatorSession | undefined {
    const session = this.#signedIn(sessionId);
    if (!session) return undefined;
    session.tasks = tasks;
    session.status = tasks.length ? 'pending' : 'active';
    return session;
  }

  /** Back to a client with no sessions and a far cookie expiry (its id stays). */
  clear(): void {
    this.removeAll();
    this.cookieExpiresAt = FAR_FUTURE();
  }

  device(): EmulatorDevice {
    return {
      clientId: this.id,
      sessions: this.sessions.map(copySession),
      endedSessions: this.#ended.map(copySession),
      lastActiveSessionId: this.#lastActiveSessionId,
    };
  }

  #signedIn(sessionId: string): EmulatorSession | undefined {
    return this.sessions.find((candidate) => candidate.id === sessionId);
  }

  #end(session: EmulatorSession, status: 'revoked' | 'expired'): void {
    this.#sessions = this.#sessions.filter((candidate) => candidate !== session);
    session.status = status;
    session.tasks = [];
    this.#ended.push(session);
    this.#pickActive(session.id);
  }

  /**
   * Sessions whose set expiry passed are `expired` from that moment on: checked whenever the client is read. (Only a set
   * one: a test may add a device last active weeks ago without its session ending.)
   */
  #expireDue(): void {
    const now = Date.now();
    const due = this.#sessions.filter((session) => this.#pinnedExpiry.has(session.id) && session.expireAt <= now);
    for (const session of due) this.#end(session, 'expired');
  }

  #pickActive(endedId: string): void {
    if (this.#lastActiveSessionId !== endedId) return;
    const next = [...this.#sessions].sort((a, b) => b.lastActiveAt - a.lastActiveAt)[0];
    this.#lastActiveSessionId = next?.id ?? null;
  }
}

export function copySession(session: EmulatorSession): EmulatorSession {
  return { ...session, tasks: [...session.tasks], activity: { ...session.activity } };
}
