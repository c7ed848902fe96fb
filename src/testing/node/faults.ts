// Checks what tests ask for, so a typo in an endpoint name fails loudly instead of never firing.
import type { FapiEndpoint, Fault } from '../emulator-protocol.js';
import { EmulatorError } from './errors.js';

export const FAPI_ENDPOINTS: readonly FapiEndpoint[] = [
  'environment',
  'client',
  'signOutAll',
  'removeSession',
  'touchSession',
  'tokens',
  'clientTouch',
  'devBrowser',
  'script',
];

export function checkEndpoint(value: unknown): FapiEndpoint {
  if (FAPI_ENDPOINTS.includes(value as FapiEndpoint)) return value as FapiEndpoint;
  throw new EmulatorError(400, `Unknown endpoint ${JSON.stringify(value)}; one of: ${FAPI_ENDPOINTS.join(', ')}.`);
}

export function checkFault(value: unknown): Fault {
  if (!value || typeof value !== 'object') throw new EmulatorError(400, 'A fault must be an object.');
  const { status, errors, drop, delayMs, times } = value as Fault;
  if (status !== undefined && !(Number.isInteger(status) && status >= 400 && status <= 599)) {
    throw new EmulatorError(400, '`status` must be an HTTP error status (400-599).');
  }
  if (status === undefined && !drop && delayMs === undefined) {
    throw new EmulatorError(400, 'A fault needs `status`, `drop: true` or `delayMs`.');
  }
  if (delayMs !== undefined && !(Number.isFinite(delayMs) && delayMs >= 0)) throw new EmulatorError(400, '`delayMs` must be >= 0.');
  if (times !== undefined && !(Number.isInteger(times) && times > 0)) throw new EmulatorError(400, '`times` must be a positive integer.');
  const fault: Fault = {};
  if (status !== undefined) fault.status = status;
  if (Array.isArray(errors)) fault.errors = errors;
  if (drop === true) fault.drop = true;
  if (delayMs !== undefined) fault.delayMs = delayMs;
  if (times !== undefined) fault.times = times;
  return fault;
}
