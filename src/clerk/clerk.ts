// The small part of Clerk's browser API that the elements use.
//
// Structural on purpose: a real `Clerk` from `@clerk/clerk-js` (or `window.Clerk` from Clerk's script) fits it, and so
// does the in-memory fake in `clerk-sign-out-elements/testing`. `test/adoption/types/typed-usage.ts` proves the first.

/** One of the user's email addresses (clerk-js `EmailAddressResource`, the part the elements read). */
export interface ClerkEmailAddress {
  id: string;
  emailAddress: string;
}

/** The signed-in user (clerk-js `UserResource`, the part the elements read). */
export interface ClerkUser {
  id: string;
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
  username: string | null;
  imageUrl: string;
  hasImage?: boolean;
  primaryEmailAddress: ClerkEmailAddress | null;
  /**
   * The user's sessions on every device: `GET /v1/me/sessions/active`. clerk-js 6.40 caches the list on this User object
   * and resolves `[]` when the request fails; `listDevices()` (`src/flows/devices/list.ts`) reads it fresh and tells
   * the two apart.
   */
  getSessions?(): Promise<ClerkSessionWithActivities[]>;
}

/** Where and how a session was last used, as Clerk derives it from the browser (clerk-js `SessionActivity`). */
export interface ClerkSessionActivity {
  browserName?: string | null;
  browserVersion?: string | null;
  deviceType?: string | null;
  isMobile?: boolean | null;
  ipAddress?: string | null;
  city?: string | null;
  country?: string | null;
}

/** One of the user's sessions, on this device or another (clerk-js `SessionWithActivitiesResource`). */
export interface ClerkSessionWithActivities {
  id: string;
  /** `active` or `pending` while signed in; `revoked` once revoked. */
  status: string;
  lastActiveAt: Date | null;
  latestActivity: ClerkSessionActivity | null;
  /** Signs that session out wherever it is: `POST /v1/me/sessions/{id}/revoke`. Rejects with Clerk's API error. */
  revoke(): Promise<unknown>;
}

/** A session of this client (clerk-js `SessionResource`, the part the elements read). */
export interface ClerkSession {
  id: string;
  /** `active`, or `pending` while it has tasks (both signed in); `revoked`, `expired`, … once it ended. */
  status: string;
  user: ClerkUser | null;
  /** When its lifetime ends. */
  expireAt?: Date | null;
  /** When it ends for inactivity. */
  abandonAt?: Date | null;
}

/** This browser's client: its sessions (clerk-js `ClientResource`, the part the elements read). */
export interface ClerkClient {
  id?: string;
  sessions: ClerkSession[];
  /** Sessions that are signed in: active and pending ones (Clerk also keeps ended ones in `sessions`). */
  signedInSessions: ClerkSession[];
  /** The session Clerk makes active on the next page load. */
  lastActiveSessionId?: string | null;
  /** Fetches the client from the Frontend API again (what the server really has). */
  reload?(): Promise<unknown>;
  /** Clerk routes the post-sign-out redirect through `/v1/client/touch` when the client cookie is about to expire. */
  isEligibleForTouch?(): boolean;
  buildTouchUrl?(options: { redirectUrl: URL }): string;
}

/** What `clerk.addListener` reports. `null` = signed out; `undefined` = loading or in transition. */
export interface ClerkResources {
  client?: ClerkClient;
  session?: ClerkSession | null;
  user?: ClerkUser | null;
}

/** The options of `clerk.signOut()`: one session to end, and where Clerk would go afterwards. */
export interface ClerkSignOutOptions {
  sessionId?: string;
  redirectUrl?: string;
}

/** Options the provider passes to `clerk.load()` (a subset of Clerk's `ClerkOptions`). */
export interface ClerkLoadOptions {
  afterSignOutUrl?: string;
  signInUrl?: string;
  allowedRedirectOrigins?: Array<string | RegExp>;
  [option: string]: unknown;
}

/**
 * A Clerk instance, as the elements use it: a `Clerk` from `@clerk/clerk-js` 5 or 6, `window.Clerk` from Clerk's
 * script, or the testing kit's `FakeClerk`.
 */
export interface ClerkLike {
  readonly loaded: boolean;
  /**
   * clerk-js 5 and 6: `loading`, `ready`, `degraded` (loaded, but its Frontend API is failing) or `error` (`load()`
   * failed).
   */
  readonly status?: string;
  /** Clerk's `status` changes (clerk-js 5 and 6); with `{ notify: true }` the handler first hears the current one. */
  on?(event: 'status', handler: (status: string) => void, options?: { notify?: boolean }): void;
  off?(event: 'status', handler: (status: string) => void): void;
  /** The publishable key the instance was created with (clerk-js 5 and 6). */
  readonly publishableKey?: string;
  client?: ClerkClient;
  session?: ClerkSession | null;
  user?: ClerkUser | null;
  load(options?: ClerkLoadOptions): Promise<void>;
  addListener(listener: (resources: ClerkResources) => void, options?: { skipInitialEmit?: boolean }): () => void;
  /** With a callback Clerk does not navigate after signing out; the elements use that to make the redirect vetoable. */
  signOut(callback: () => void | Promise<unknown>, options?: ClerkSignOutOptions): Promise<void>;
  navigate(to: string): Promise<unknown>;
  buildAfterSignOutUrl(): string;
  buildUrlWithAuth(to: string): string;
  setActive(params: { session: string | null }): Promise<void>;
  /** Opens Clerk's account modal. clerk-js throws "Clerk was not loaded with Ui components" without Clerk's UI bundle. */
  openUserProfile?(): void;
  /** clerk-js's own version, e.g. `6.40.0` or `5.128.0`. */
  readonly version?: string;
  /** The version of Clerk's UI bundle (`@clerk/ui`) once loaded; `undefined` while `openUserProfile()` cannot work. */
  readonly uiVersion?: string;
}
