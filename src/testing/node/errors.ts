/** A refused control or FAPI call; the HTTP layers answer it with `status` and a Clerk-shaped error body. */
export class EmulatorError extends Error {
  /**
   * `message` becomes the error entry's `long_message` (and `message`); `entry` sets the entry's `code` and short
   * `message` where the emulator answers as Clerk does (e.g. `{ code: 'signed_out', message: 'Signed out' }`).
   */
  constructor(
    readonly status: number,
    message: string,
    readonly entry: { code?: string; message?: string } = {},
  ) {
    super(message);
    this.name = 'EmulatorError';
  }
}

/**
 * What a caller sent, for an error message: a string JSON-quoted, anything else as JSON, cut at `max` characters; never
 * throws (deep nesting, cycles, BigInt).
 */
export function quote(value: unknown, max = 80): string {
  const clip = (text: string) => (text.length > max ? `${text.slice(0, max)}…` : text);
  if (typeof value === 'string') return JSON.stringify(clip(value));
  try {
    return clip(JSON.stringify(value) ?? String(value));
  } catch {
    return Array.isArray(value) ? 'an array' : `a value of type ${typeof value}`;
  }
}
