// What the request log keeps of a request: a bounded copy of its fields. How many it keeps is retention.ts's business:
// each tenant's newest `maxRecordedRequests`, within the one byte budget of all tenants.

export const DEFAULT_MAX_RECORDED_REQUESTS = 1000;
/** Longer recorded values (and paths) are cut here, with a marker saying how long they were. */
export const MAX_RECORDED_VALUE_CHARS = 2048;
/** A request's query, or its body, keeps fields until their names and values reach this many characters. */
const MAX_RECORDED_FIELDS_CHARS = 8192;
/** The key under which a cut field list says how many fields it left out. */
export const MORE_FIELDS_KEY = '…';

/**
 * `text`, cut to `max` characters with a marker; always a fresh copy, so the log never keeps a huge request body alive
 * through a substring of it (V8 slices share their parent string).
 */
export function clipText(text: string, max = MAX_RECORDED_VALUE_CHARS): string {
  const kept = text.length > max ? text.slice(0, max) : text;
  const copy = Buffer.from(kept, 'utf16le').toString('utf16le');
  return text.length > max ? `${copy}… [truncated: ${text.length} characters in all]` : copy;
}

/** A value as the log shows it: strings as they are, other JSON values as JSON; never throws. */
function printable(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return '[a value too deeply nested to print]';
  }
}

/** Flat string fields, each cut, up to a total size; then one `…` entry counts the fields left out. */
export function recordFields(entries: Iterable<[string, unknown]>): Record<string, string> {
  const kept: Array<[string, string]> = [];
  let budget = MAX_RECORDED_FIELDS_CHARS;
  let left = 0;
  for (const [key, value] of entries) {
    if (budget <= 0) {
      left++;
      continue;
    }
    const entry: [string, string] = [clipText(key), clipText(printable(value))];
    budget -= entry[0].length + entry[1].length;
    kept.push(entry);
  }
  if (left) kept.push([MORE_FIELDS_KEY, `${left} more field${left > 1 ? 's' : ''} not recorded`]);
  return Object.fromEntries(kept);
}

export function checkMaxRecordedRequests(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_RECORDED_REQUESTS;
  if (Number.isSafeInteger(value) && (value as number) >= 0) return value as number;
  throw new RangeError(`maxRecordedRequests must be an integer >= 0 (got ${String(value)}).`);
}
