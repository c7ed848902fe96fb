// One emulated Clerk client: a browser (the test page's own, or another device's) with its signed-in sessions.
import {
  DEFAULT_ACTIVITY,
  type EmulatorActivity,
  type EmulatorDevice,
  type EmulatorSession,
} from '../emulator-protocol.js';
import { EmulatorError, quote } from './errors.js';
import { randomId } from './fapi-json.js';
import type { BrowserActivity } from './user-agent.js';

export const FAR_FUTURE = () => Date.now() + 365 * 24 * 3600_000;

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

/**
 * A client: Clerk's record of one browser, which its cookie names. It holds at most one session per user; a revoked
 * session stays listed (status `revoked`) until the client signs out, as Clerk keeps it "along with its client object".
 */
export class EmulatedClient {
  readonly id = randomId('client');
  #sessions: EmulatorSession[] = [];
  #revoked: EmulatorSession[] = [];
  #lastActiveSessionId: string | null = null;
  /** Sessions whose browser no test named: answers to this client's browser name that browser (its User-Agent). */
  #browserFromRequest = new Set<string>();
  cookieExpiresAt = FAR_FUTURE();

  /** Signed-in sessions, oldest first. */
  get sessions(): readonly EmulatorSession[] {
    return this.#sessions;
  }

  get revokedSessions(): readonly EmulatorSession[] {
    return this.#revoked;
  }

  get lastActiveSessionId(): string | null {
    return this.#lastActiveSessionId;
  }

  /** Every session its answers list: the signed-in ones and the revoked ones, oldest first. */
  listed(): EmulatorSession[] {
    return [...this.#sessions, ...this.#revoked].sort((a, b) => a.createdAt - b.createdAt);
  }

  /**
   * Signs the user in (one session per user: signing in again reuses it) and makes that session the active one.
   * `browserFromRequest`: the activity names no browser, so answers to this client take it from the request.
   */
  signIn(userId: string, activity: EmulatorActivity, at = Date.now(), browserFromRequest = false): EmulatorSession {
    let session = this.#sessions.find((candidate) => candidate.userId === userId);
    if (!session) {
      session = {
        id: randomId('sess'),
        userId,
        status: 'active',
        clientId: this.id,
        createdAt: at,
        lastActiveAt: at,
        activity,
      };
      this.#sessions.push(session);
      if (browserFromRequest) this.#browserFromRequest.add(session.id);
    }
    session.lastActiveAt = at;
    this.#lastActiveSessionId = session.id;
    return session;
  }

  /**
   * The signed-in session with this id. A revoked one answers as Clerk does for a session that signed out (401
   * `signed_out`), so its page learns it is signed out; an id this client never had is a 404.
   */
  session(sessionId: string): EmulatorSession {
    const session = this.#sessions.find((candidate) => candidate.id === sessionId);
    if (session) return session;
    if (this.#revoked.some((candidate) => candidate.id === sessionId)) throw signedOut(sessionId, 'was revoked');
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
    session.lastActiveAt = Date.now();
    this.#lastActiveSessionId = session.id;
    return session;
  }

  /** Ends one signed-in session; when it was the active one, the most recently active remaining session takes over. */
  remove(sessionId: string): EmulatorSession {
    const session = this.session(sessionId);
    this.#sessions = this.#sessions.filter((candidate) => candidate !== session);
    this.#browserFromRequest.delete(sessionId);
    this.#pickActive(sessionId);
    return session;
  }

  /** Signs every session out: the signed-in ones end (returned) and the revoked ones are no longer listed. */
  removeAll(): EmulatorSession[] {
    const ended = this.#sessions;
    this.#sessions = [];
    this.#revoked = [];
    this.#browserFromRequest.clear();
    this.#lastActiveSessionId = null;
    return ended;
  }

  /** Revokes a signed-in session of this client (`undefined` when it has none with that id). */
  revoke(sessionId: string): EmulatorSession | undefined {
    const session = this.#sessions.find((candidate) => candidate.id === sessionId);
    if (!session) return undefined;
    this.#sessions = this.#sessions.filter((candidate) => candidate !== session);
    session.status = 'revoked';
    this.#revoked.push(session);
    this.#pickActive(sessionId);
    return session;
  }

  /** Back to a client with no sessions and a far cookie expiry (its id stays). */
  clear(): void {
    this.#sessions = [];
    this.#revoked = [];
    this.#browserFromRequest.clear();
    this.#lastActiveSessionId = null;
    this.cookieExpiresAt = FAR_FUTURE();
  }

  device(): EmulatorDevice {
    return {
      clientId: this.id,
      sessions: this.#sessions.map(copySession),
      revokedSessions: this.#revoked.map(copySession),
      lastActiveSessionId: this.#lastActiveSessionId,
    };
  }

  #pickActive(endedId: string): void {
    if (this.#lastActiveSessionId !== endedId) return;
    const next = [...this.#sessions].sort((a, b) => b.lastActiveAt - a.lastActiveAt)[0];
    this.#lastActiveSessionId = next?.id ?? null;
  }
}

export function copySession(session: EmulatorSession): EmulatorSession {
  return { ...session, activity: { ...session.activity } };
}
