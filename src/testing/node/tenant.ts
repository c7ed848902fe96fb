// One isolated emulated Clerk instance: its users, its own client (the test page's browser, with any number of signed-in
// sessions), the users' other devices (other clients), its log and faults.
import type {
  EmulatorDevice,
  EmulatorDeviceInit,
  EmulatorSession,
  EmulatorSessionTask,
  EmulatorSignInOptions,
  EmulatorState,
  EmulatorUser,
  EmulatorUserInit,
  FapiEndpoint,
  Fault,
  RecordedRequest,
} from '../emulator-protocol.js';
import { checkActivity, checkTasks, copySession, EmulatedClient, FAR_FUTURE, namesNoBrowser } from './clients.js';
import { EmulatorError, quote } from './errors.js';
import { DEFAULT_TOKEN_SECONDS, initialsAvatar, randomId } from './fapi-json.js';
import { checkEndpoint, checkFault } from './faults.js';
import { checkMaxRecordedRequests } from './request-log.js';
import { estimateBytes, Retention } from './retention.js';

const NAMES: Array<[string, string]> = [
  ['Ada', 'Lovelace'],
  ['Grace', 'Hopper'],
  ['Alan', 'Turing'],
  ['Edsger', 'Dijkstra'],
  ['Barbara', 'Liskov'],
];

const DEVICE_FIELDS = ['userId', 'activity', 'lastActiveAt'];

/** Every tenant's limit: a test adds a few devices; a runaway loop gets a 409 instead of eating memory. */
const MAX_DEVICES = 100;
/** What a tenant costs besides its state's values: its objects, maps and client (counted against the budget). */
const TENANT_BYTES = 4096;
/** What a new session (or device) adds besides its activity's text. */
const SESSION_BYTES = 1024;

/** Fills a tenant after creation and after every `reset()` (e.g. the demo's signed-in user). */
export type TenantSeed = (tenant: Tenant) => void;

interface ActiveFault extends Fault {
  remaining: number | null;
}

export interface TenantOptions {
  /** How many requests its log keeps: the newest ones (default 1000; 0 keeps none). */
  maxRecordedRequests?: number;
  /**
   * The account of memory it shares with the other tenants of its emulator (the emulator gives it); without one, a
   * budget of its own (16 MB).
   */
  retention?: Retention;
  /** How long its session tokens live, in seconds, until `setTokenLifetime()` (default 24 h). */
  tokenLifetimeSeconds?: number;
}

/** One tenant's state (users, its client and sessions, devices, faults, request log) and its control API, from Node. */
export class Tenant {
  readonly name: string;
  #seed?: TenantSeed;
  #users = new Map<string, EmulatorUser>();
  /** Like Clerk's, the client outlives its sessions: signing out empties it, it does not replace it. */
  #own = new EmulatedClient();
  #devices = new Map<string, EmulatedClient>();
  #retention: Retention;
  #faults = new Map<FapiEndpoint, ActiveFault>();
  /** Requests waiting out a `delayMs` fault; `releaseDelays()` lets them go on at once. */
  #waiting = new Set<{ endpoint: FapiEndpoint; release: () => void }>();
  readonly #defaultTokenSeconds: number;
  #tokenSeconds: number;

  constructor(name: string, seed?: TenantSeed, options: TenantOptions = {}) {
    this.name = name;
    this.#seed = seed;
    this.#defaultTokenSeconds = this.#tokenSeconds = checkTokenLifetime(
      options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_SECONDS,
    );
    this.#retention =
      options.retention ??
      new Retention({ maxRecordedRequests: checkMaxRecordedRequests(options.maxRecordedRequests) });
    this.#retention.reserve(this, TENANT_BYTES);
    this.#changed();
    seed?.(this);
  }

  /** The bytes its state holds (users, sessions, devices, faults; not its log), as counted against the budget. */
  get stateBytes(): number {
    return TENANT_BYTES + estimateBytes(this.state());
  }

  #changed(): void {
    this.#retention.setStateBytes(this, this.stateBytes);
  }

  /** The tenant's own client (the test page's browser). */
  get clientId(): string {
    return this.#own.id;
  }

  /** Back to the start: no users, sessions, devices, log or faults, a far cookie expiry; then the seed, if any. */
  reset(): EmulatorState {
    this.#users.clear();
    this.#own.clear();
    this.#devices.clear();
    this.#retention.clearRequests(this);
    this.#faults.clear();
    this.releaseDelays();
    this.#tokenSeconds = this.#defaultTokenSeconds;
    this.#changed();
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
    this.#retention.reserve(this, estimateBytes(user));
    this.#users.set(id, user);
    this.#changed();
    return { ...user };
  }

  /**
   * Signs the user in on the tenant's own client (another session in a multi-session client) and makes that session the
   * active one. `options.activity` says where it was used (see `EmulatorActivity`; default: Chrome on Linux, 127.0.0.1;
   * without a browser named, the Frontend API names the browser that asks, from its User-Agent).
   */
  signIn(userId: string, options: EmulatorSignInOptions = {}): EmulatorSession {
    this.user(userId, 'create it first');
    const activity = checkActivity(options?.activity);
    this.#retention.reserve(this, SESSION_BYTES + estimateBytes(activity));
    // Like Clerk, one client holds at most one session per user: signing in again just switches to it.
    const session = copySession(this.#own.signIn(userId, activity, Date.now(), namesNoBrowser(options?.activity)));
    this.#changed();
    return session;
  }

  /**
   * Signs the user in on a new device: another client (another browser, with its own cookies) with one session, last
   * active at `lastActiveAt`. Its page reaches it through the tenant's `proxyUrl` + `/device/<clientId>`.
   */
  addDevice(init: EmulatorDeviceInit): EmulatorDevice {
    if (typeof init !== 'object' || init === null || Array.isArray(init))
      throw new EmulatorError(400, 'A device needs `{ userId }`.');
    const unknown = Object.keys(init).filter((key) => !DEVICE_FIELDS.includes(key));
    if (unknown.length) {
      throw new EmulatorError(
        400,
        `Unknown device field ${quote(unknown[0], 40)}; a device has ${DEVICE_FIELDS.map((field) => `\`${field}\``).join(', ')}.`,
      );
    }
    this.user(init.userId, 'create it first');
    const activity = checkActivity(init.activity);
    const at = init.lastActiveAt ?? Date.now();
    if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) {
      throw new EmulatorError(400, '`lastActiveAt` must be epoch milliseconds.');
    }
    if (this.#devices.size >= MAX_DEVICES)
      throw new EmulatorError(409, `A tenant holds at most ${MAX_DEVICES} devices; reset it.`);
    this.#retention.reserve(this, 2 * SESSION_BYTES + estimateBytes(activity));
    const device = new EmulatedClient();
    device.signIn(init.userId, activity, at, namesNoBrowser(init.activity));
    this.#devices.set(device.id, device);
    this.#changed();
    return device.device();
  }

  /** The tenant's other clients, in the order they were added. */
  devices(): EmulatorDevice[] {
    return [...this.#devices.values()].map((device) => device.device());
  }

  /** One device's client (for its FAPI requests); 404 for an id the tenant does not have. */
  deviceClient(clientId: string): EmulatedClient {
    const device = this.#devices.get(clientId);
    if (!device) throw new EmulatorError(404, `No device ${quote(clientId)} in this tenant; add it first (addDevice).`);
    return device;
  }

  /** The tenant's own client (for its FAPI requests). */
  ownClient(): EmulatedClient {
    return this.#own;
  }

  /** The user's signed-in sessions on every client (what `GET /v1/me/sessions/active` lists), most recently active first. */
  activeSessions(userId: string): EmulatorSession[] {
    return this.#clients()
      .flatMap((client) => client.sessions.filter((session) => session.userId === userId))
      .sort((a, b) => b.lastActiveAt - a.lastActiveAt)
      .map(copySession);
  }

  /**
   * Signs one session out wherever it is (what `POST /v1/me/sessions/{id}/revoke` does, or a revocation from Clerk's
   * dashboard): its client keeps listing it as `revoked`, and that client's next token or touch request answers 401.
   */
  revokeSession(sessionId: string): EmulatorSession {
    return this.#onSignedIn(sessionId, (client) => client.revoke(sessionId));
  }

  /**
   * Expires one session wherever it is, at `at` (epoch milliseconds; default now), as its lifetime running out would:
   * from then on its client lists it as `expired` (its `expireAt` is `at`) and that client's next token or touch request
   * answers 401 `signed_out`. A moment to come keeps it signed in until then, and every answer reports that `expireAt`.
   */
  expireSession(sessionId: string, at: number = Date.now()): EmulatorSession {
    if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) {
      throw new EmulatorError(400, '`at` must be epoch milliseconds.');
    }
    return this.#onSignedIn(sessionId, (client) => client.expire(sessionId, at));
  }

  /**
   * Gives one session tasks to complete (e.g. `['choose-organization']`), wherever it is: the session is `pending`
   * (Clerk's session tasks) and stays signed in; `[]` makes it `active` again. Its client learns it on its next request.
   */
  setSessionTasks(sessionId: string, tasks: EmulatorSessionTask[]): EmulatorSession {
    const checked = checkTasks(tasks);
    this.#retention.reserve(this, estimateBytes(checked));
    return this.#onSignedIn(sessionId, (client) => client.setTasks(sessionId, checked));
  }

  /** How long the session tokens it issues live, in seconds. */
  get tokenLifetime(): number {
    return this.#tokenSeconds;
  }

  /**
   * Sets how long the session tokens it issues from now on live (whole seconds, 1 to 86400; `reset()` restores the
   * default). clerk-js refreshes a token shortly before it expires, so a short lifetime (Clerk's own is 60 s) makes a
   * visible page ask again soon and learn of a session that ended elsewhere.
   */
  setTokenLifetime(seconds: number): void {
    this.#tokenSeconds = checkTokenLifetime(seconds);
    this.#changed();
  }

  #onSignedIn(sessionId: string, change: (client: EmulatedClient) => EmulatorSession | undefined): EmulatorSession {
    for (const client of this.#clients()) {
      const changed = change(client);
      if (!changed) continue;
      this.#changed();
      return copySession(changed);
    }
    throw new EmulatorError(404, `No signed-in session ${quote(sessionId)} in this tenant.`, {
      code: 'resource_not_found',
      message: 'not found',
    });
  }

  /** Makes the session the client's active one (what `clerk.setActive` asks through `/touch`). */
  touchSession(sessionId: string): EmulatorSession {
    return this.#own.touch(sessionId);
  }

  /** Ends one session; when it was the active one, the most recently active remaining session takes over. */
  removeSession(sessionId: string): EmulatorSession {
    const removed = this.#own.remove(sessionId);
    this.#changed();
    return removed;
  }

  removeAllSessions(): EmulatorSession[] {
    const removed = this.#own.removeAll();
    this.#changed();
    return removed;
  }

  /** A signed-in session of the tenant's own client (401 `signed_out` when it was revoked, 404 when unknown). */
  session(sessionId: string): EmulatorSession {
    return this.#own.session(sessionId);
  }

  user(userId: string, hint?: string): EmulatorUser {
    const user = typeof userId === 'string' ? this.#users.get(userId) : undefined;
    if (!user) throw new EmulatorError(404, `No user ${quote(userId)}${hint ? `; ${hint}` : ''}.`);
    return user;
  }

  /** The tenant's own client's signed-in sessions, oldest first. */
  get sessions(): readonly EmulatorSession[] {
    return this.#own.sessions;
  }

  get lastActiveSessionId(): string | null {
    return this.#own.lastActiveSessionId;
  }

  get cookieExpiresAt(): number {
    return this.#own.cookieExpiresAt;
  }

  /** Within 8 days, clerk-js sends its post-sign-out redirect through `GET /v1/client/touch`. */
  setCookieExpiresAt(at: number): void {
    if (typeof at !== 'number' || !Number.isFinite(at))
      throw new EmulatorError(400, 'The cookie expiry must be epoch milliseconds.');
    this.#own.cookieExpiresAt = at;
  }

  /** Clerk's `/client/touch` renews the client cookie. */
  renewCookie(): void {
    this.#own.cookieExpiresAt = FAR_FUTURE();
  }

  /** Logs a request; past `maxRecordedRequests`, or past the memory budget of all tenants, the oldest goes. */
  record(request: RecordedRequest): void {
    this.#retention.record(this, request);
  }

  requests(): RecordedRequest[] {
    return this.#retention.requests(this).map((request) => ({ ...request }));
  }

  clearRequests(): void {
    this.#retention.clearRequests(this);
  }

  /** Makes the endpoint fail (see `Fault`) until `clearFaults`, or for `fault.times` requests. */
  setFault(endpoint: FapiEndpoint, fault: Fault): void {
    const checked = checkFault(fault);
    this.#retention.reserve(this, estimateBytes(checked));
    this.#faults.set(checkEndpoint(endpoint), { ...checked, remaining: checked.times ?? null });
    this.#changed();
  }

  clearFaults(endpoint?: FapiEndpoint): void {
    if (endpoint) this.#faults.delete(checkEndpoint(endpoint));
    else this.#faults.clear();
    this.#changed();
  }

  /** The fault that hits this request (counting it), if any. */
  takeFault(endpoint: FapiEndpoint): Fault | undefined {
    const fault = this.#faults.get(endpoint);
    if (!fault) return undefined;
    if (fault.remaining !== null && --fault.remaining <= 0) this.#faults.delete(endpoint);
    return fault;
  }

  /** Waits out a `delayMs` fault: resolves after `ms`, or at once when `releaseDelays` is called meanwhile. */
  wait(endpoint: FapiEndpoint, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const waiter = {
        endpoint,
        release: () => {
          clearTimeout(timer);
          this.#waiting.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(waiter.release, ms);
      this.#waiting.add(waiter);
    });
  }

  /**
   * Lets every request waiting out a `delayMs` fault (of one endpoint, or all) go on now, answered as the fault says
   * (drop, status, or the real answer). Returns how many were released. The fault itself stays until cleared.
   */
  releaseDelays(endpoint?: FapiEndpoint): number {
    if (endpoint !== undefined) checkEndpoint(endpoint);
    const released = [...this.#waiting].filter((waiter) => endpoint === undefined || waiter.endpoint === endpoint);
    released.forEach((waiter) => waiter.release());
    return released.length;
  }

  /** How many requests are waiting out a `delayMs` fault right now. */
  get delayedRequests(): number {
    return this.#waiting.size;
  }

  state(): EmulatorState {
    return {
      tenant: this.name,
      users: [...this.#users.values()].map((user) => ({ ...user })),
      clientId: this.#own.id,
      sessions: this.#own.sessions.map(copySession),
      endedSessions: this.#own.endedSessions.map(copySession),
      lastActiveSessionId: this.#own.lastActiveSessionId,
      cookieExpiresAt: this.#own.cookieExpiresAt,
      tokenLifetimeSeconds: this.#tokenSeconds,
      faults: Object.fromEntries([...this.#faults].map(([endpoint, fault]) => [endpoint, { ...fault }])),
      devices: this.devices(),
    };
  }

  #clients(): EmulatedClient[] {
    return [this.#own, ...this.#devices.values()];
  }
}

const MAX_TOKEN_SECONDS = 24 * 60 * 60;

function checkTokenLifetime(seconds: unknown): number {
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1 || seconds > MAX_TOKEN_SECONDS) {
    throw new EmulatorError(400, `The token lifetime must be whole seconds from 1 to ${MAX_TOKEN_SECONDS}.`);
  }
  return seconds;
}
