// The framework-free core: one `handle(req, res)` that every adapter (WTR, vite, standalone server) mounts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FapiEndpoint, RecordedRequest } from '../emulator-protocol.js';
import { clerkJsProblem, isScriptPath, sendScript } from './clerk-script.js';
import { runControl } from './control-routes.js';
import { EmulatorError, quote } from './errors.js';
import type { EmulatedClient } from './clients.js';
import { errorJson, REVERIFICATION_ERROR } from './fapi-json.js';
import { findRoute } from './fapi-routes.js';
import { checkHost, checkJsonBody, originRefusal } from './guard.js';
import { applyCors, isLoopbackOrigin, readBody, sendJson } from './http.js';
import { checkMaxRecordedRequests, clipText, recordFields } from './request-log.js';
import { Retention } from './retention.js';
import { Tenant, type TenantSeed } from './tenant.js';
import { browserFromUserAgent } from './user-agent.js';

/** What `createFapiEmulator()` (and every adapter) takes: where it answers, who may call it, what it starts with. */
export interface FapiEmulatorOptions {
  /** The path it answers under; clerk-js's `proxyUrl` is `origin + prefix` (tenant `default`) or `+ /t/<tenant>`. */
  prefix?: string;
  /** Fills every tenant when it is created and on each reset (e.g. `demoSeed`: a signed-in demo user). */
  seed?: TenantSeed;
  /**
   * Other origins that may call it from a browser: read its answers (CORS), change its state (any method but GET, HEAD
   * and OPTIONS; others get 403) and be the target of `/client/touch`. Its own origin always may. Default: loopback
   * origins (`http://localhost:*`, `http://127.0.0.1:*`, `http://[::1]:*`). `Origin: null` may never write.
   */
  allowOrigin?: (origin: string) => boolean;
  /**
   * Host names (the `Host` header, any port) it answers for besides `localhost`, `*.localhost` and IP addresses, which it
   * always answers; any other host gets 403, so a DNS-rebinding page cannot reach it. `'.example.test'` allows that
   * domain and its subdomains. E.g. `['emulator']` when tests reach it as `http://emulator:4010` in docker compose.
   */
  allowedHosts?: readonly string[];
  /** How many FAPI requests each tenant's log keeps, the newest (default 1000; 0 keeps none). Values are cut at 2 KB. */
  maxRecordedRequests?: number;
  /**
   * The most memory it keeps, in bytes, across ALL its tenants: their users, sessions, devices, faults and request logs,
   * as estimated (default 16 MB, at least 256 KB). Past it the oldest log entries go first (of any tenant), then the
   * least recently used tenants; a tenant that alone would not fit is refused with 409.
   */
  maxRetainedBytes?: number;
  /**
   * Where `clerk.browser.js` and its chunks are served from: one `dist` folder, or several (the version in the script
   * path, `/npm/@clerk/clerk-js@5/…`, picks the one whose package.json matches; the first answers any other). Default:
   * the installed `@clerk/clerk-js/dist` and those of the app's npm aliases of it (`"clerk-js-5":
   * "npm:@clerk/clerk-js@5"`), so `<clerk-provider clerk-js-version="5">` gets clerk-js 5.
   */
  clerkJsDist?: string | readonly string[];
  /**
   * How long the session tokens of every tenant live, in seconds, until a test sets its own (`setTokenLifetime()`).
   * Default 24 h, so clerk-js never refreshes during a test; Clerk's own is 60 s.
   */
  tokenLifetimeSeconds?: number;
}

/** The Frontend API emulator: a request handler for any Node server, and the tenants it keeps. */
export interface FapiEmulator {
  /** Normalised prefix: leading slash, no trailing slash (`''` answers every path). */
  readonly prefix: string;
  /** Answers requests under the prefix and resolves `true`; resolves `false` (untouched) for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** A tenant's state and control API, created on first use. Concurrent test files each use their own tenant. */
  tenant(name?: string): Tenant;
  /** The tenants it holds now, by name, least recently used first. */
  tenantNames(): string[];
  /** The bytes it holds now across all tenants (an estimate; never more than `maxRetainedBytes`). */
  readonly retainedBytes: number;
  /**
   * Why it cannot serve Clerk's browser script right now, with the command that fixes it; `undefined` when it can.
   * Looked up afresh each time (so is every script request): installing @clerk/clerk-js needs no restart.
   */
  clerkJsProblem(): string | undefined;
  /**
   * The `proxyUrl` to give clerk-js for a tenant, e.g. `proxyUrl('http://127.0.0.1:8000', 'abc')`; with `device` (a
   * client id from `tenant.addDevice()`), the one for that device's page: `…/device/<clientId>`.
   */
  proxyUrl(origin: string, tenant?: string, device?: string): string;
}

const DEFAULT_TENANT = 'default';
const TENANT_NAME = /^[\w.-]{1,100}$/;
/** Every test creates a tenant; a long-running dev server forgets the least recently used ones. */
const MAX_TENANTS = 1000;

/**
 * An emulator of Clerk's Frontend API for the real `@clerk/clerk-js`, as a request handler: mount it in any Node
 * server. The plugins and `startClerkEmulator()` are built on it.
 *
 * @example
 * ```js
 * import { createServer } from 'node:http';
 * import { createFapiEmulator } from 'clerk-sign-out-elements/testing/node';
 *
 * const emulator = createFapiEmulator({ prefix: '/__clerk' });
 * createServer(async (req, res) => {
 *   if (!(await emulator.handle(req, res))) res.writeHead(404).end();
 * }).listen(4010);
 * ```
 */
export function createFapiEmulator(options: FapiEmulatorOptions = {}): FapiEmulator {
  const prefix = normalisePrefix(options.prefix ?? '/__clerk');
  const allowOrigin = options.allowOrigin ?? isLoopbackOrigin;
  const allowedHosts = [...(options.allowedHosts ?? [])];
  /** Least recently used first: each use moves a tenant to the end. */
  const tenants = new Map<string, Tenant>();
  const retention = new Retention({
    maxBytes: options.maxRetainedBytes,
    maxRecordedRequests: checkMaxRecordedRequests(options.maxRecordedRequests),
    evictTenant: (keep) => evictOne((candidate) => candidate !== keep),
  });

  /** Forgets the least recently used tenant `may` accepts (never `default`); `false` when there is none. */
  function evictOne(may: (tenant: Tenant) => boolean): boolean {
    for (const [name, candidate] of tenants) {
      if (name === DEFAULT_TENANT || !may(candidate)) continue;
      tenants.delete(name);
      candidate.releaseDelays();
      retention.forget(candidate);
      return true;
    }
    return false;
  }

  function tenant(name = DEFAULT_TENANT): Tenant {
    if (!TENANT_NAME.test(name)) throw new EmulatorError(400, `Tenant ${quote(name)} must match ${TENANT_NAME}.`);
    const found = tenants.get(name);
    if (found) {
      tenants.delete(name);
      tenants.set(name, found);
      return found;
    }
    while (tenants.size >= MAX_TENANTS && evictOne(() => true));
    const created = new Tenant(name, options.seed, { retention, tokenLifetimeSeconds: options.tokenLifetimeSeconds });
    tenants.set(name, created);
    return created;
  }

  const tenantRoot = (name: string) => (name === DEFAULT_TENANT ? prefix : `${prefix}/t/${encodeURIComponent(name)}`);

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    checkHost(req, allowedHosts);
    if (applyCors(req, res, allowOrigin)) return;
    const scoped = /^\/t\/([^/]+)(\/.*)?$/.exec(url.pathname.slice(prefix.length));
    const tenantPath = scoped ? (scoped[2] ?? '/') : url.pathname.slice(prefix.length) || '/';
    const onDevice = /^\/device\/([^/]+)(\/.*)?$/.exec(tenantPath);
    const path = onDevice ? (onDevice[2] ?? '/') : tenantPath;
    // Nothing of a tenant (created, faulted, logged, read) is reached before the request's page is known to be allowed.
    // Only Clerk's script is public, as on Clerk's CDN: any page may load it, but only allowed ones meet its fault.
    const refused = originRefusal(req, allowOrigin);
    const name = () => (scoped ? safeDecode(scoped[1]) : DEFAULT_TENANT);
    if (isScriptPath(path) && (req.method === 'GET' || req.method === 'HEAD')) {
      const current = refused ? undefined : tenant(name());
      if (current && (await runFault(current, 'script', req, res)) !== undefined) return;
      return sendScript(res, options.clerkJsDist, path, req.method);
    }
    if (refused) throw refused;
    const control = path.startsWith('/__control/');
    if (control) checkJsonBody(req);
    const current = tenant(name());
    // Another device's page: `…/device/<clientId>/v1/…` reaches that client, as another browser's cookie would.
    const client = onDevice ? current.deviceClient(safeDecode(onDevice[1], 'device')) : current.ownClient();
    if (control) {
      if (onDevice) throw new EmulatorError(404, "Control routes live at the tenant's root, not under a device.");
      const body = req.method === 'GET' ? {} : await readBody(req);
      return sendJson(
        res,
        200,
        runControl(current, req.method ?? 'GET', path.slice('/__control'.length), body) ?? null,
      );
    }
    if (path.startsWith('/v1/')) return fapi(req, res, url, path, current, client);
    throw new EmulatorError(404, `${quote(path)} is not a Frontend API path (they start with /v1/).`);
  }

  async function fapi(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    path: string,
    current: Tenant,
    client: EmulatedClient,
  ) {
    const httpMethod = req.method ?? 'GET';
    // clerk-js sends every non-GET call as POST with `?_method=DELETE|PATCH|…` and a form body.
    const override = url.searchParams.get('_method');
    const method = (httpMethod === 'POST' && override ? override : httpMethod).toUpperCase();
    const body = httpMethod === 'GET' || httpMethod === 'HEAD' ? {} : await readBody(req);
    const found = findRoute(method, path);
    const record: RecordedRequest = {
      endpoint: found?.route.endpoint ?? null,
      method: clipText(method, 100),
      httpMethod,
      path: clipText(path),
      query: recordFields(url.searchParams),
      body: recordFields(Object.entries(body)),
      device: client === current.ownClient() ? null : client.id,
      status: 0,
      time: Date.now(),
    };
    current.record(record);
    if (!found) {
      record.status = 404;
      throw new EmulatorError(404, `The emulator does not answer ${quote(method, 20)} ${quote(path)}.`);
    }

    const faulted = await runFault(current, found.route.endpoint, req, res);
    if (faulted !== undefined) return void (record.status = faulted);
    const origin = `${isHttps(req) ? 'https' : 'http'}://${req.headers.host}`;
    try {
      const answer = found.route.answer(
        {
          tenant: current,
          client,
          method,
          path,
          query: url.searchParams,
          issuer: origin + tenantRoot(current.name),
          allowRedirect: (target) => target.origin === origin || allowOrigin(target.origin),
          browser: browserFromUserAgent(req.headers['user-agent']),
        },
        found.params,
      );
      record.status = answer.status;
      if ('location' in answer) {
        res.writeHead(302, { location: answer.location, 'cache-control': 'no-store' });
        return void res.end();
      }
      sendJson(res, answer.status, answer.json);
    } catch (error) {
      if (error instanceof EmulatorError) record.status = error.status;
      throw error;
    }
  }

  return {
    prefix,
    tenant,
    tenantNames: () => [...tenants.keys()],
    clerkJsProblem: () => clerkJsProblem(options.clerkJsDist),
    get retainedBytes() {
      return retention.retainedBytes;
    },
    proxyUrl: (origin, name = DEFAULT_TENANT, device) =>
      origin.replace(/\/$/, '') +
      tenantRoot(name) +
      (device === undefined ? '' : `/device/${encodeURIComponent(device)}`),
    // Never rejects: whatever throws becomes an answer (400 for a target it cannot parse, 500 for a bug).
    async handle(req, res) {
      try {
        const url = requestUrl(req.url ?? '/');
        if (!url) {
          if (prefix) return false; // not a path under the prefix: the host server answers it
          throw new EmulatorError(400, `Malformed request target ${quote(req.url)}.`);
        }
        if (prefix && url.pathname !== prefix && !url.pathname.startsWith(prefix + '/')) return false;
        await route(req, res, url);
      } catch (error) {
        answerError(res, error);
      }
      return true;
    },
  };
}

/**
 * Applies the endpoint's fault, if any: waits (until `delayMs` passed or `releaseDelays()`), then drops the connection
 * (0) or answers an error (its status): Clerk's 403 `session_reverification_required` for `reverificationRequired`.
 */
async function runFault(
  tenant: Tenant,
  endpoint: FapiEndpoint,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<number | undefined> {
  const fault = tenant.takeFault(endpoint);
  if (!fault) return undefined;
  if (fault.delayMs) await tenant.wait(endpoint, fault.delayMs);
  if (fault.drop) {
    req.socket.destroy();
    return 0;
  }
  if (fault.reverificationRequired) {
    sendJson(res, 403, errorJson(403, [REVERIFICATION_ERROR]));
    return 403;
  }
  if (fault.status === undefined) return undefined;
  sendJson(res, fault.status, errorJson(fault.status, fault.errors));
  return fault.status;
}

function answerError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) return void res.destroy();
  try {
    if (error instanceof EmulatorError) {
      const entry = { message: error.message, ...error.entry, long_message: error.message };
      return sendJson(res, error.status, errorJson(error.status, [entry]));
    }
    console.error('[clerk emulator]', error);
    sendJson(res, 500, errorJson(500));
  } catch {
    res.destroy();
  }
}

/**
 * The request target as a URL. An origin-form target (`/path?query`) is read as a path even when it starts with `//`
 * (`new URL('//x', base)` would take `x` for a host, or throw for `//`); absolute-form (`http://host/path`) as it is;
 * `undefined` for anything else (`*`, garbage).
 */
function requestUrl(target: string): URL | undefined {
  try {
    return target.startsWith('/') ? new URL(`http://emulator.invalid${target}`) : new URL(target);
  } catch {
    return undefined;
  }
}

function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  return trimmed && !trimmed.startsWith('/') ? `/${trimmed}` : trimmed;
}

function safeDecode(text: string, what = 'tenant'): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new EmulatorError(400, `Malformed ${what} ${quote(text)}.`);
  }
}

function isHttps(req: IncomingMessage): boolean {
  return 'encrypted' in req.socket && !!req.socket.encrypted;
}
