// Browser side of the emulator: drives one tenant over its HTTP control route, for browser tests and demo pages.
import {
  EMULATOR_PUBLISHABLE_KEY,
  type EmulatorSession,
  type EmulatorState,
  type EmulatorUser,
  type EmulatorUserInit,
  type FapiEndpoint,
  type Fault,
  type RecordedRequest,
} from './emulator-protocol.js';

export interface ConnectEmulatorOptions {
  /** Where the emulator is mounted. Default `/__clerk` (the plugins' default). */
  prefix?: string;
  /** The tenant to use. Default: a new random one, so tests running at the same time never share state. */
  tenant?: string;
  /** The emulator's origin. Default: this page's (the WTR and vite plugins serve it there). */
  origin?: string;
}

export interface EmulatorConnection {
  readonly tenant: string;
  /** Give it to clerk-js (`new Clerk(key, { proxyUrl })`) or to `<clerk-provider proxy-url>`. */
  readonly proxyUrl: string;
  /** A publishable key clerk-js accepts; with `proxyUrl` it never reaches the key's host. */
  readonly publishableKey: string;
  /** No users, sessions, requests or faults (then the server's seed, if it has one). */
  reset(): Promise<EmulatorState>;
  createUser(init?: EmulatorUserInit): Promise<EmulatorUser>;
  /** Adds a signed-in session for the user (an id or what `createUser` returned) and makes it the client's active one. */
  signIn(user: string | EmulatorUser): Promise<EmulatorSession>;
  state(): Promise<EmulatorState>;
  /** The FAPI requests received so far, oldest first; filter by endpoint name if given. */
  requests(endpoint?: FapiEndpoint): Promise<RecordedRequest[]>;
  clearRequests(): Promise<void>;
  /** Makes `endpoint` fail: `{ status: 500 }`, `{ drop: true }`, `{ delayMs: 300 }`; `times` limits it. */
  fault(endpoint: FapiEndpoint, fault: Fault): Promise<void>;
  /** Clears one endpoint's fault, or all. */
  clearFaults(endpoint?: FapiEndpoint): Promise<void>;
  /** When the client cookie expires (epoch ms); within 8 days clerk-js redirects through `/v1/client/touch`. */
  setCookieExpiresAt(at: number | Date): Promise<void>;
}

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
    signIn: (user) => control('POST', '/sign-in', { userId: typeof user === 'string' ? user : user.id }),
    state: () => control('GET', '/state'),
    async requests(endpoint) {
      const all = await control<RecordedRequest[]>('GET', '/requests');
      return endpoint ? all.filter((request) => request.endpoint === endpoint) : all;
    },
    clearRequests: () => control('POST', '/requests/clear'),
    fault: (endpoint, fault) => control('POST', '/faults', { endpoint, fault }),
    clearFaults: (endpoint) => control('POST', '/faults/clear', endpoint ? { endpoint } : {}),
    setCookieExpiresAt: (at) => control('POST', '/cookie-expires-at', { at: at instanceof Date ? at.getTime() : at }),
  };
}
