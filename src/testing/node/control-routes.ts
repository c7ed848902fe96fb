// The HTTP twin of the tenant's JS control API, so browser tests (and the demo page) can drive the emulator.
import type {
  EmulatorDeviceInit,
  EmulatorSessionTask,
  EmulatorSignInOptions,
  EmulatorUserInit,
  Fault,
} from '../emulator-protocol.js';
import { EmulatorError, quote } from './errors.js';
import { checkEndpoint } from './faults.js';
import type { Tenant } from './tenant.js';

type Body = Record<string, unknown>;

const CONTROL: Record<string, (tenant: Tenant, body: Body) => unknown> = {
  'GET /state': (tenant) => tenant.state(),
  'POST /reset': (tenant) => tenant.reset(),
  'POST /users': (tenant, body) => tenant.createUser(body as EmulatorUserInit),
  'POST /sign-in': (tenant, body) =>
    tenant.signIn(text(body.userId, 'userId'), { activity: body.activity } as EmulatorSignInOptions),
  'GET /devices': (tenant) => tenant.devices(),
  'POST /devices': (tenant, body) => tenant.addDevice(body as unknown as EmulatorDeviceInit),
  'POST /sessions/revoke': (tenant, body) => tenant.revokeSession(text(body.sessionId, 'sessionId')),
  'POST /sessions/expire': (tenant, body) =>
    tenant.expireSession(text(body.sessionId, 'sessionId'), (body.at as number | undefined) ?? Date.now()),
  'POST /sessions/tasks': (tenant, body) =>
    tenant.setSessionTasks(text(body.sessionId, 'sessionId'), body.tasks as EmulatorSessionTask[]),
  'POST /token-lifetime': (tenant, body) => (tenant.setTokenLifetime(body.seconds as number), tenant.state()),
  'GET /requests': (tenant) => tenant.requests(),
  'POST /requests/clear': (tenant) => (tenant.clearRequests(), []),
  'POST /faults': (tenant, body) => (
    tenant.setFault(checkEndpoint(body.endpoint), body.fault as Fault),
    tenant.state()
  ),
  'POST /faults/clear': (tenant, body) => (
    tenant.clearFaults(body.endpoint === undefined ? undefined : checkEndpoint(body.endpoint)),
    tenant.state()
  ),
  'POST /faults/release': (tenant, body) => ({
    released: tenant.releaseDelays(body.endpoint === undefined ? undefined : checkEndpoint(body.endpoint)),
  }),
  'POST /cookie-expires-at': (tenant, body) => (tenant.setCookieExpiresAt(body.at as number), tenant.state()),
};

/** Runs a control call (`path` is what follows `/__control`); throws EmulatorError(404) for unknown ones. */
export function runControl(tenant: Tenant, method: string, path: string, body: Body): unknown {
  const key = `${method} ${path}`;
  if (!Object.hasOwn(CONTROL, key)) {
    throw new EmulatorError(
      404,
      `No control route ${method} ${quote(path)}. Known: ${Object.keys(CONTROL).join(', ')}.`,
    );
  }
  return CONTROL[key](tenant, body);
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || !value) throw new EmulatorError(400, `\`${name}\` must be a non-empty string.`);
  return value;
}
