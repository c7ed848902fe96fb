/** An attribute value the elements refuse to use. The message names the element, the attribute and the fix. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** Clerk's answer did not remove the session: the user is still signed in on the server. */
export class SignOutNotConfirmedError extends Error {
  override name = 'SignOutNotConfirmedError';
  constructor() {
    super('Clerk could not confirm the sign-out (is the network down?). You are still signed in; please try again.');
  }
}

/** Whatever was thrown, as an Error (Clerk and app code may throw strings or plain objects). */
export function toError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
