import { ReverificationRequiredError } from '../../contract/errors.js';

/** Clerk's 403 asking for reverification (a ClerkAPIResponseError whose errors carry `session_reverification_required`). */
export function isReverificationRequired(error: unknown): boolean {
  if (error instanceof ReverificationRequiredError) return true;
  const errors = (error as { errors?: unknown } | null)?.errors;
  return (
    Array.isArray(errors) &&
    errors.some((entry) => (entry as { code?: unknown } | null)?.code === 'session_reverification_required')
  );
}

/**
 * A refusal of this one device (its own 4xx, a 5xx), which does not stop the others; a refusal that would hit every
 * other device too (reverification, no connection, rate limit) is not: asking again for each would only repeat it.
 */
export function isPerDeviceFailure(error: Error): boolean {
  const status = (error as { status?: unknown }).status;
  return (
    typeof status === 'number' && status >= 400 && status !== 429 && !(error instanceof ReverificationRequiredError)
  );
}
