/** An attribute value the elements refuse to use. The message names the element, the attribute and the fix. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/**
 * The browser is offline (`navigator.onLine` is false), so the action was not sent, or its answer was lost when the
 * connection went: nothing changed as far as this page can tell, and the user is still signed in. clerk-js would report
 * such a sign-out, switch or revocation as done while doing it only on this page, so the elements refuse it instead.
 */
export class OfflineError extends Error {
  override name = 'OfflineError';
  constructor() {
    super('You are offline, so nothing was sent and you are still signed in. Reconnect, then try again.');
  }
}

/** Clerk's answer did not remove the session: the user is still signed in on the server. */
export class SignOutNotConfirmedError extends Error {
  override name = 'SignOutNotConfirmedError';
  constructor() {
    super('Clerk could not confirm the sign-out (is the network down?). You are still signed in; please try again.');
  }
}

/**
 * Clerk answered a device sign-out with 403 `session_reverification_required`: the user has to prove it is them again
 * (password, code or passkey) before other devices can be signed out. Nothing was signed out by that request. `cause` is
 * Clerk's own error. Reverify (e.g. `reverifyWithClerkUi`, or your own flow on `clerk.session.startVerification`), then
 * ask again.
 */
export class ReverificationRequiredError extends Error {
  override name = 'ReverificationRequiredError';
  readonly code = 'session_reverification_required';
  constructor(options?: { cause?: unknown }) {
    super(
      'Clerk needs you to confirm it is you before signing out other devices. Verify your identity, then try again.',
      options,
    );
  }
}

/** Clerk did not answer with the user's devices (`user.getSessions()` resolved nothing): no list to show or act on. */
export class DevicesUnavailableError extends Error {
  override name = 'DevicesUnavailableError';
  constructor(options?: { cause?: unknown }) {
    super('Clerk could not list your devices (is the network down?). Please try again.', options);
  }
}

/** Clerk's answers did not show the other devices signed out: as far as the server says, they still are. */
export class DeviceSignOutNotConfirmedError extends Error {
  override name = 'DeviceSignOutNotConfirmedError';
  constructor() {
    super(
      'Clerk could not confirm that the other devices were signed out (is the network down?). They may still be signed in; please try again.',
    );
  }
}

/** Whatever was thrown, as an Error (Clerk and app code may throw strings or plain objects). */
export function toError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
