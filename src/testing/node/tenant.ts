// One isolated emulated Clerk instance: its users, its ONE client (with any number of signed-in sessions), its log and faults.
import type {
  EmulatorSession,
  EmulatorState,
  EmulatorUser,
  EmulatorUserInit,
  FapiEndpoint,
  Fault,
  RecordedRequest,
} from '../emulator-protocol.js';
import { EmulatorError, quote } from './errors.js';
import { initialsAvatar, randomId } from './fapi-json.js';
import { checkEndpoint, checkFault } from './faults.js';
import { checkMaxRecordedRequests, RequestRing } from './request-log.js';

const FAR_FUTURE = () => Date.now() + 365 * 24 * 3600_000;

const NAMES: Array<[string, string]> = [
  ['Ada', 'Lovelace'],
  ['Grace', 'Hopper'],
  ['Alan', 'Turing'],
  ['Edsger', 'Dijkstra'],
  ['Barbara', 'Liskov'],
];

/** Fills a tenant after creation and after every `reset()` (e.g. the demo's signed-in user). */
export type TenantSeed = (tenant: Tenant) => void;

interface ActiveFault extends Fault {
  remaining: number | null;
}

export interface TenantOptions {
  /** How many requests its log keeps: the newest ones (default 1000; 0 keeps none). */
  maxRecordedRequests?: number;
}

export class Tenant {
  readonly name: string;
  #seed?: TenantSeed;
  #users = new Map<string, EmulatorUser>();
  #sessions: EmulatorSession[] = [];
  #lastActiveSessionId: string | null = null;
  #cookieExpiresAt = FAR_FUTURE();
  #requests: RequestRing;
  #faults = new Map<FapiEndpoint, ActiveFault>();
  /** Like Clerk's, the client outlives its sessions: signing out empties it, it does not replace it. */
  readonly clientId = randomId('client');

  constructor(name: string, seed?: TenantSeed, options: TenantOptions = {}) {
    this.name = name;
    this.#seed = seed;
    this.#requests = new RequestRing(checkMaxRecordedRequests(options.maxRecordedRequests));
    seed?.(this);
  }

  /** Back to the start: no users, no sessions, no log, no faults, a far cookie expiry; then the seed, if any. */
  reset(): EmulatorState {
    this.#users.clear();
    this.#sessions = [];
    this.#lastActiveSessionId = null;
    this.#cookieExpiresAt = FAR_FUTURE();
    this.#requests.clear();
    this.#faults.clear();
    this.#seed?.(this);
    return this.state();
  }

  createUser(init: EmulatorUserInit = {}): EmulatorUser {
    for (const [field, value] of Object.entries(init)) {
      if (value !== null && value !== undefined && typeof value !== 'string') {
        throw new EmulatorError(400, `\`${field.length > 40 ? `${field.slice(0, 40)}…` : field}\` must be a string.`);
      }
    }
    const [first, last] = NAMES[this.#users.size % NAMES.length];
    const id = init.id ?? randomId('user');
    if (this.#users.has(id)) throw new EmulatorError(409, `A user with id ${quote(id)} already exists.`);
    const firstName = init.firstName === undefined ? first : init.firstName;
    const lastName = init.lastName === undefined ? last : init.lastName;
    const username = init.username ?? null;
    const email =
      init.email === undefined
        ? `${[firstName, lastName].filter(Boolean).join('.').toLowerCase() || id}.${this.#users.size + 1}@example.com`
        : init.email;
    const user: EmulatorUser = {
      id,
      firstName,
      lastName,
      username,
      email,
      imageUrl: init.imageUrl ?? initialsAvatar(id, firstName, lastName, username ?? email ?? id),
    };
    this.#users.set(id, user);
    return { ...user };
  }

  /** Signs the user in on the client (another session in a multi-session client) and makes that session the active one. */
  signIn(userId: string): EmulatorSession {
    if (typeof userId !== 'string' || !this.#users.has(userId)) throw new EmulatorError(404, `No user ${quote(userId)}; create it first.`);
    const now = Date.now();
    // Like Clerk, one client holds at most one session per user: signing in again just switches to it.
    let session = this.#sessions.find((candidate) => candidate.userId === userId);
    if (!session) {
      session = { id: randomId('sess'), userId, status: 'active', createdAt: now, lastActiveAt: now };
      this.#sessions.push(session);
    }
    session.lastActiveAt = now;
    this.#lastActiveSessionId = session.id;
    return { ...session };
  }

  /** Makes the session the client's active one (what `clerk.setActive` asks through `/touch`). */
  touchSession(sessionId: string): EmulatorSession {
    const session = this.session(sessionId);
    session.lastActiveAt = Date.now();
    this.#lastActiveSessionId = session.id;
    return session;
  }

  /** Ends one session; when it was the active one, the most recently active remaining session takes over. */
  removeSession(sessionId: string): EmulatorSession {
    const session = this.session(sessionId);
    this.#sessions = this.#sessions.filter((candidate) => candidate !== session);
    if (this.#lastActiveSessionId === sessionId) {
      const next = [...this.#sessions].sort((a, b) => b.lastActiveAt - a.lastActiveAt)[0];
      this.#lastActiveSessionId = next?.id ?? null;
    }
    return session;
  }

  removeAllSessions(): EmulatorSession[] {
    const ended = this.#sessions;
    this.#sessions = [];
    this.#lastActiveSessionId = null;
    return ended;
  }

  session(sessionId: string): EmulatorSession {
    const session = this.#sessions.find((candidate) => candidate.id === sessionId);
    if (!session) throw new EmulatorError(404, `No signed-in session ${quote(sessionId)} on this client.`);
    return session;
  }

  user(userId: string): EmulatorUser {
    const user = this.#users.get(userId);
    if (!user) throw new EmulatorError(404, `No user ${quote(userId)}.`);
    return user;
  }

  get sessions(): readonly EmulatorSession[] {
    return this.#sessions;
  }

  get lastActiveSessionId(): string | null {
    return this.#lastActiveSessionId;
  }

  get cookieExpiresAt(): number {
    return this.#cookieExpiresAt;
  }

  /** Within 8 days of now, clerk-js sends its post-sign-out redirect through `GET /v1/client/touch`. */
  setCookieExpiresAt(at: number): void {
    if (typeof at !== 'number' || !Number.isFinite(at)) throw new EmulatorError(400, 'The cookie expiry must be epoch milliseconds.');
    this.#cookieExpiresAt = at;
  }

  /** Clerk's `/client/touch` renews the client cookie. */
  renewCookie(): void {
    this.#cookieExpiresAt = FAR_FUTURE();
  }

  /** Logs a request; past `maxRecordedRequests` the oldest goes. */
  record(request: RecordedRequest): void {
    this.#requests.push(request);
  }

  requests(): RecordedRequest[] {
    return this.#requests.toArray().map((request) => ({ ...request }));
  }

  clearRequests(): void {
    this.#requests.clear();
  }

  /** Makes the endpoint fail (see `Fault`) until `clearFaults`, or for `fault.times` requests. */
  setFault(endpoint: FapiEndpoint, fault: Fault): void {
    const checked = checkFault(fault);
    this.#faults.set(checkEndpoint(endpoint), { ...checked, remaining: checked.times ?? null });
  }

  clearFaults(endpoint?: FapiEndpoint): void {
    if (endpoint) this.#faults.delete(checkEndpoint(endpoint));
    else this.#faults.clear();
  }

  /** The fault that hits this request (counting it), if any. */
  takeFault(endpoint: FapiEndpoint): Fault | undefined {
    const fault = this.#faults.get(endpoint);
    if (!fault) return undefined;
    if (fault.remaining !== null && --fault.remaining <= 0) this.#faults.delete(endpoint);
    return fault;
  }

  state(): EmulatorState {
    return {
      tenant: this.name,
      users: [...this.#users.values()].map((user) => ({ ...user })),
      sessions: this.#sessions.map((session) => ({ ...session })),
      lastActiveSessionId: this.#lastActiveSessionId,
      cookieExpiresAt: this.#cookieExpiresAt,
      faults: Object.fromEntries([...this.#faults].map(([endpoint, fault]) => [endpoint, { ...fault }])),
    };
  }
}
