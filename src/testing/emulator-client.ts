// Browser side of the emulator: drives one tenant over its HTTP control route, for browser tests and demo pages.
import {
  EMULATOR_PUBLISHABLE_KEY,
  type EmulatorActivity,
  type EmulatorDevice,
  type EmulatorSession,
  type EmulatorSessionTask,
  type EmulatorState,
  type EmulatorUser,
  type EmulatorUserInit,
  type FapiEndpoint,
  type Fault,
  type RecordedRequest,
} from './emulator-protocol.js';

/** Where `connectEmulator()` finds the emulator, and which tenant it uses. */
export interface ConnectEmulatorOptions {
  /** Where the emulator is mounted. Default `/__clerk` (the plugins' default). */
  prefix?: string;
  /** The tenant to use. Default: a new random one, so tests running at the same time never share state. */
  tenant?: string;
  /** The emulator's origin. Default: this page's (the WTR and vite plugins serve it there). */
  origin?: string;
}

/** One tenant of the emulator, driven from the browser: give its `publishableKey` and `proxyUrl` to Clerk. */
export interface EmulatorConnection {
  readonly tenant: string;
  /** Give it to clerk-js (`new Clerk(key, { proxyUrl })`) or to `<clerk-provider proxy-url>`. */
  readonly proxyUrl: string;
  /** A publishable key clerk-js accepts; with `proxyUrl` it never reaches the key's host. */
  readonly publishableKey: string;
  /** No users, sessions, requests or faults (then the server's seed, if it has one). */
  reset(): Promise<EmulatorState>;
  createUser(init?: EmulatorUserInit): Promise<EmulatorUser>;
  /**
   * Adds a signed-in session for the user (an id or what `createUser` returned) and makes it the client's active one.
   * `activity`: where and how it was last used (default: Chrome on Linux, 127.0.0.1, no location; without a browser
   * named, the browser this page runs in, as its User-Agent says).
   */
  signIn(user: string | EmulatorUser, options?: { activity?: Partial<EmulatorActivity> }): Promise<EmulatorSession>;
  /**
   * Signs the user in on another device: a client of its own (another browser, other cookies) with one session, last
   * active at `lastActiveAt` (default now). A page of that device gives clerk-js `deviceProxyUrl(device)`.
   */
  addDevice(
    user: string | EmulatorUser,
    options?: { activity?: Partial<EmulatorActivity>; lastActiveAt?: number | Date },
  ): Promise<EmulatorDevice>;
  /** The tenant's other clients (devices), in the order they were added. */
  devices(): Promise<EmulatorDevice[]>;
  /** The `proxyUrl` for a page of that device: its requests reach the device's client, not this page's. */
  deviceProxyUrl(device: string | EmulatorDevice): string;
  /** The user's signed-in sessions on every client (what `GET /v1/me/sessions/active` lists), most recently active first. */
  activeSessions(user: string | EmulatorUser): Promise<EmulatorSession[]>;
  /**
   * Revokes a session wherever it is, as another device or Clerk's dashboard would: its client keeps it listed as
   * `revoked`, and that client's next token or touch request answers 401 `signed_out` (a page learns it on focus).
   */
  revokeSession(sessionId: string): Promise<EmulatorSession>;
  /**
   * Expires a session wherever it is, at `at` (default now), as its lifetime running out would: from then on it is
   * listed as `expired` with that `expireAt`, and its client's next token or touch request answers 401 `signed_out`.
   */
  expireSession(sessionId: string, options?: { at?: number | Date }): Promise<EmulatorSession>;
  /**
   * Gives a session tasks to complete, e.g. `['choose-organization']`: it is `pending` (Clerk's session tasks; signed in,
   * with its tokens) until they are `[]` again. Its page learns it on its next request (a focus, a token refresh).
   */
  setSessionTasks(sessionId: string, tasks: EmulatorSessionTask[]): Promise<EmulatorSession>;
  /**
   * How long the tokens issued from now on live, in seconds (default 24 h; Clerk's own is 60 s). clerk-js refreshes a
   * token shortly before it expires, so a short lifetime makes a visible page learn soon of a session that ended.
   */
  setTokenLifetime(seconds: number): Promise<EmulatorState>;
  state(): Promise<EmulatorState>;
  /** The FAPI requests received so far, oldest first; filter by endpoint name if given. */
  requests(endpoint?: FapiEndpoint): Promise<RecordedRequest[]>;
  clearRequests(): Promise<void>;
  /** Makes `endpoint` fail: `{ status: 500 }`, `{ drop: true }`, `{ delayMs: 300 }`; `times` limits it. */
  fault(endpoint: FapiEndpoint, fault: Fault): Promise<void>;
  /** Clears one endpoint's fault, or all. */
  clearFaults(endpoint?: FapiEndpoint): Promise<void>;
  /**
   * Lets the requests waiting out a `delayMs` fault (of one endpoint, or all) go on now; resolves with how many there
   * were. A test can assert the pending state, then release instead of waiting out a 10 s delay.
   */
  releaseDelays(endpoint?: FapiEndpoint): Promise<number>;
  /** When the client cookie expires (epoch ms); within 8 days clerk-js redirects through `/v1/client/touch`. */
  setCookieExpiresAt(at: number | Date): Promise<void>;
}

/**
 * Connects a browser test to the Frontend API emulator that `clerkEmulatorPlugin()` (or the vite plugin, or
 * `startClerkEmulator()`) serves: a tenant of its own, with nobody signed in until the test signs someone in.
 *
 * @example
 * ```ts
 * import { connectEmulator } from 'clerk-sign-out-elements/testing';
 *
 * const emulator = connectEmulator();
 * await emulator.signIn(await emulator.createUser({ firstName: 'Ada' }));
 * const { publishableKey, proxyUrl } = emulator; // for <clerk-provider publishable-key proxy-url>
 * const page = await fixture(html`<clerk-provider publishable-key=${publishableKey} proxy-url=${proxyUrl}>
 *   <clerk-sign-out-button></clerk-sign-out-button></clerk-provider>`);
 * ```
 */
export function connectEmulator(options: ConnectEmulatorOptions = {}): EmulatorConnection {
  const tenant = options.tenant ?? `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  const prefix = (options.prefix ?? '/__clerk').replace(/\/+$/, '');
  const origin = (options.origin ?? location.origin).replace(/\/+$/, '');
  const proxyUrl = `${origin}${prefix}/t/${encodeURIComponent(tenant)}`;

  async function control<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${proxyUrl}/__control${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await response.json().catch(() => null)) as { errors?: Array<{ long_message?: string }> } | null;
    if (!response.ok) {
      const reason = payload?.errors?.[0]?.long_message ?? `HTTP ${response.status}`;
      throw new Error(`Clerk emulator: ${method} ${path} failed: ${reason}`);
    }
    return payload as T;
  }

  return {
    tenant,
    proxyUrl,
    publishableKey: EMULATOR_PUBLISHABLE_KEY,
    reset: () => control('POST', '/reset'),
    createUser: (init = {}) => control('POST', '/users', init),
    signIn: (user, options = {}) => control('POST', '/sign-in', { userId: idOf(user), activity: options.activity }),
    addDevice: (user, options = {}) =>
      control('POST', '/devices', {
        userId: idOf(user),
        activity: options.activity,
        lastActiveAt: options.lastActiveAt instanceof Date ? options.lastActiveAt.getTime() : options.lastActiveAt,
      }),
    devices: () => control('GET', '/devices'),
    deviceProxyUrl: (device) =>
      `${proxyUrl}/device/${encodeURIComponent(typeof device === 'string' ? device : device.clientId)}`,
    async activeSessions(user) {
      const state = await control<EmulatorState>('GET', '/state');
      return [...state.sessions, ...state.devices.flatMap((device) => device.sessions)]
        .filter((session) => session.userId === idOf(user))
        .sort((a, b) => b.lastActiveAt - a.lastActiveAt);
    },
    revokeSession: (sessionId) => control('POST', '/sessions/revoke', { sessionId }),
    expireSession: (sessionId, options = {}) =>
      control('POST', '/sessions/expire', {
        sessionId,
        at: options.at instanceof Date ? options.at.getTime() : options.at,
      }),
    setSessionTasks: (sessionId, tasks) => control('POST', '/sessions/tasks', { sessionId, tasks }),
    setTokenLifetime: (seconds) => control('POST', '/token-lifetime', { seconds }),
    state: () => control('GET', '/state'),
    async requests(endpoint) {
      const all = await control<RecordedRequest[]>('GET', '/requests');
      return endpoint ? all.filter((request) => request.endpoint === endpoint) : all;
    },
    clearRequests: () => control('POST', '/requests/clear'),
    fault: (endpoint, fault) => control('POST', '/faults', { endpoint, fault }),
    clearFaults: (endpoint) => control('POST', '/faults/clear', endpoint ? { endpoint } : {}),
    releaseDelays: async (endpoint) =>
      (await control<{ released: number }>('POST', '/faults/release', endpoint ? { endpoint } : {})).released,
    setCookieExpiresAt: (at) => control('POST', '/cookie-expires-at', { at: at instanceof Date ? at.getTime() : at }),
  };
}

const idOf = (user: string | EmulatorUser) => (typeof user === 'string' ? user : user.id);
