// Checks what tests ask for, so a typo in an endpoint name or a fault field fails loudly instead of never firing.
import type { ClerkErrorInit, FapiEndpoint, Fault } from '../emulator-protocol.js';
import { EmulatorError, quote } from './errors.js';

/** Every endpoint name a fault can target (and the request log names). */
export const FAPI_ENDPOINTS: readonly FapiEndpoint[] = [
  'environment',
  'client',
  'signOutAll',
  'removeSession',
  'touchSession',
  'tokens',
  'clientTouch',
  'devBrowser',
  'activeSessions',
  'revokeSession',
  'script',
];

/** The longest `delayMs` a fault may ask for: long enough for any "slow" test, short enough to never look like a hang. */
export const MAX_FAULT_DELAY_MS = 60_000;
const FAULT_FIELDS = ['status', 'errors', 'drop', 'delayMs', 'times', 'reverificationRequired'] as const;
/** The fields of a Clerk error entry a fault may set (`errorJson` fills the missing ones and `meta`). */
const ERROR_FIELDS = ['code', 'message', 'long_message'] as const;
const MAX_ERRORS = 20;
const MAX_ERROR_TEXT = 2000;

export function checkEndpoint(value: unknown): FapiEndpoint {
  if (FAPI_ENDPOINTS.includes(value as FapiEndpoint)) return value as FapiEndpoint;
  throw new EmulatorError(400, `Unknown endpoint ${quote(value)}; one of: ${FAPI_ENDPOINTS.join(', ')}.`);
}

/** A copy of `value` holding only the fields `Fault` defines; any other shape is a 400 that names the bad field. */
export function checkFault(value: unknown): Fault {
  if (!isRecord(value))
    throw bad('`fault` must be an object such as { status: 500 }, { drop: true } or { delayMs: 300 }.');
  const unknown = Object.keys(value).filter((key) => !(FAULT_FIELDS as readonly string[]).includes(key));
  if (unknown.length) {
    throw bad(
      `Unknown fault field${unknown.length > 1 ? 's' : ''} ${names(unknown)}; a fault has ${names(FAULT_FIELDS)}.`,
    );
  }
  const { status, errors, drop, delayMs, times, reverificationRequired } = value;
  if (reverificationRequired !== undefined && typeof reverificationRequired !== 'boolean') {
    throw bad('`reverificationRequired` must be true or false.');
  }
  if (reverificationRequired === true && (status !== undefined || errors !== undefined || drop === true)) {
    throw bad(
      '`reverificationRequired` is its own answer (403 session_reverification_required): leave out `status`, `errors` and `drop`.',
    );
  }
  if (status !== undefined && !(Number.isInteger(status) && (status as number) >= 400 && (status as number) <= 599)) {
    throw bad('`status` must be an HTTP error status (an integer from 400 to 599).');
  }
  if (drop !== undefined && typeof drop !== 'boolean') throw bad('`drop` must be true or false.');
  if (delayMs !== undefined && !(typeof delayMs === 'number' && delayMs >= 0 && delayMs <= MAX_FAULT_DELAY_MS)) {
    throw bad(`\`delayMs\` must be a number of milliseconds from 0 to ${MAX_FAULT_DELAY_MS}.`);
  }
  if (times !== undefined && !(Number.isSafeInteger(times) && (times as number) > 0))
    throw bad('`times` must be a positive integer.');
  const checkedErrors = errors === undefined ? undefined : checkErrors(errors);
  if (checkedErrors && status === undefined)
    throw bad('`errors` needs `status`: they are the entries of the error body a status fault answers.');
  if (status === undefined && drop !== true && delayMs === undefined && reverificationRequired !== true) {
    throw bad(
      "A fault needs `status`, `drop: true` or `delayMs`. Or `reverificationRequired: true`, for Clerk's 403 that asks the user to reverify.",
    );
  }
  const fault: Fault = {};
  if (status !== undefined) fault.status = status as number;
  if (checkedErrors) fault.errors = checkedErrors;
  if (drop === true) fault.drop = true;
  if (delayMs !== undefined) fault.delayMs = delayMs as number;
  if (times !== undefined) fault.times = times as number;
  if (reverificationRequired === true) fault.reverificationRequired = true;
  return fault;
}

function checkErrors(errors: unknown): ClerkErrorInit[] {
  const shape = `{ code, message, long_message } objects (strings, each optional), at most ${MAX_ERRORS}`;
  if (!Array.isArray(errors) || errors.length > MAX_ERRORS) throw bad(`\`errors\` must be an array of ${shape}.`);
  return errors.map((entry: unknown, index) => {
    if (!isRecord(entry))
      throw bad(
        `\`errors[${index}]\` must be an object with string \`code\`, \`message\` and \`long_message\` (each optional).`,
      );
    const checked: ClerkErrorInit = {};
    for (const [key, text] of Object.entries(entry)) {
      if (!(ERROR_FIELDS as readonly string[]).includes(key)) {
        throw bad(
          `\`errors[${index}].${clipName(key)}\` is not a field a fault may set; an error has ${names(ERROR_FIELDS)}.`,
        );
      }
      if (text === undefined) continue;
      if (typeof text !== 'string' || text.length > MAX_ERROR_TEXT) {
        throw bad(`\`errors[${index}].${key}\` must be a string of at most ${MAX_ERROR_TEXT} characters.`);
      }
      checked[key as (typeof ERROR_FIELDS)[number]] = text;
    }
    return checked;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const clipName = (name: string) => (name.length > 40 ? `${name.slice(0, 40)}…` : name);

function names(list: readonly string[]): string {
  const shown = list.slice(0, 10).map((name) => `\`${clipName(name)}\``);
  return list.length > 10 ? `${shown.join(', ')} and ${list.length - 10} more` : shown.join(', ');
}

function bad(message: string): EmulatorError {
  return new EmulatorError(400, message);
}
