// What the Frontend API emulator and its clients exchange: shared by the Node side (`clerk-sign-out-elements/testing/node`)
// and the browser side (`connectEmulator` in `clerk-sign-out-elements/testing`). No Node or DOM APIs, so it runs anywhere.

/**
 * A publishable key for the emulator: `pk_live_` + base64("clerk.example.com$"). clerk-js only needs a host with a dot;
 * with `proxyUrl` set it never contacts that host, and a production (`pk_live_`) key skips the dev-browser handshake.
 */
export const EMULATOR_PUBLISHABLE_KEY = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k';

/** The FAPI calls the emulator answers, by name (used in the request log and to inject faults). */
export type FapiEndpoint =
  | 'environment'
  | 'client'
  | 'signOutAll'
  | 'removeSession'
  | 'touchSession'
  | 'tokens'
  | 'clientTouch'
  | 'devBrowser'
  /** `GET /v1/me/sessions/active`: the signed-in user's sessions on every device (`user.getSessions()`). */
  | 'activeSessions'
  /** `POST /v1/me/sessions/{id}/revoke`: signs one of the user's sessions out, on whichever device it is (`revoke()`). */
  | 'revokeSession'
  /** Clerk's browser script (`/npm/@clerk/clerk-js@6/dist/…`); never in the request log, but faults apply. */
  | 'script';

/** A user to create (`createUser`); anything left out gets a default. */
export interface EmulatorUserInit {
  id?: string;
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
  email?: string | null;
  /** Default: an offline SVG with the user's initials (a `data:` URL, so pages never reach the network). */
  imageUrl?: string;
}

/** A user of the emulator's tenant, as `createUser` returns it and `state()` lists it. */
export interface EmulatorUser {
  id: string;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  email: string | null;
  imageUrl: string;
}

/**
 * Where and how a session was last used, as Clerk records it (`latest_activity` in `GET /v1/me/sessions/active`; clerk-js
 * `session.latestActivity`). Clerk derives it from the browser's user agent and IP address; the emulator takes it as given.
 */
export interface EmulatorActivity {
  browserName: string | null;
  browserVersion: string | null;
  /** e.g. `Macintosh`, `iPhone`, `Windows`. */
  deviceType: string | null;
  isMobile: boolean;
  ipAddress: string | null;
  city: string | null;
  /** As Clerk sends it: a two-letter country code, e.g. `DE`. */
  country: string | null;
}

/**
 * What a session's activity says when a test does not: a desktop Chrome on this machine, location unknown. When the
 * test names no browser (name, version, device type, mobile), the Frontend API's answers to a browser name that
 * browser instead, from its User-Agent, as Clerk records the browser a session is used from.
 */
export const DEFAULT_ACTIVITY: Readonly<EmulatorActivity> = Object.freeze({
  browserName: 'Chrome',
  browserVersion: '140.0.0.0',
  deviceType: 'Linux',
  isMobile: false,
  ipAddress: '127.0.0.1',
  city: null,
  country: null,
});

/**
 * A session task Clerk asks the user to complete before the session is fully active (Core 3 and clerk-js 5.x): while a
 * session has one, its status is `pending`.
 */
export type EmulatorSessionTask = 'choose-organization' | 'reset-password' | 'setup-mfa' | (string & {});

/** A session of the tenant, on its own client or on one of its devices. */
export interface EmulatorSession {
  id: string;
  userId: string;
  /**
   * Signed in: `active`, or `pending` while it has `tasks`. Ended by the server: `revoked` (`POST
   * /v1/me/sessions/{id}/revoke`, or `revokeSession()`) or `expired` (its `expireAt` passed, or `expireSession()`): its
   * client still lists it with that status, and answers 401 `signed_out` to its token and touch requests.
   */
  status: 'active' | 'pending' | 'revoked' | 'expired';
  /** The tasks left (`setSessionTasks()`); empty for an active session. */
  tasks: EmulatorSessionTask[];
  /**
   * When it expires (epoch milliseconds; Clerk's `expire_at`): what the Frontend API reports, seven days after its last
   * activity. Only a moment `expireSession()` set is enforced: from then on the session is `expired`.
   */
  expireAt: number;
  /** The client (browser, device) the session lives on: the tenant's own client, or one of its `devices`. */
  clientId: string;
  /** Epoch milliseconds. */
  createdAt: number;
  lastActiveAt: number;
  activity: EmulatorActivity;
}

/** Options of `signIn`. */
export interface EmulatorSignInOptions {
  /**
   * Where and how the session was last used; missing fields take the defaults (Chrome on Linux, 127.0.0.1). Without a
   * browser named, answers to a browser take its name, version and device from its User-Agent.
   */
  activity?: Partial<EmulatorActivity>;
}

/** A device to add: another client (its own browser, its own cookies) where `userId` is signed in. */
export interface EmulatorDeviceInit {
  userId: string;
  /**
   * Missing fields take the defaults (Chrome on Linux, 127.0.0.1, no location). Without a browser named, answers to
   * that device's page take its name, version and device from the page's User-Agent.
   */
  activity?: Partial<EmulatorActivity>;
  /** Epoch milliseconds; default: now. The session's `createdAt` is the same (or earlier) moment. */
  lastActiveAt?: number;
}

/**
 * Another client of the tenant: a second browser or device with its own sessions. Its page gives clerk-js the tenant's
 * `proxyUrl` + `/device/<clientId>` (`connectEmulator().deviceProxyUrl(device)`), so its requests reach this client, as
 * another browser's requests reach its own client through its own cookies.
 */
export interface EmulatorDevice {
  clientId: string;
  /** Its signed-in sessions, oldest first. */
  sessions: EmulatorSession[];
  /** Its sessions the server ended (`revoked`, `expired`): still listed by its client, with that status. */
  endedSessions: EmulatorSession[];
  lastActiveSessionId: string | null;
}

/** One entry of a Clerk-shaped error body (`{ errors: [{ code, message, long_message }] }`), for a `Fault`. */
export interface ClerkErrorInit {
  code?: string;
  message?: string;
  long_message?: string;
}

/**
 * What goes wrong on an endpoint. `delayMs` waits first; then `drop` destroys the connection, or `status` answers a
 * Clerk-shaped error body (`errors` overrides its entries). `times`: how many requests it hits (default: until cleared).
 */
export interface Fault {
  status?: number;
  errors?: ClerkErrorInit[];
  drop?: boolean;
  delayMs?: number;
  times?: number;
  /**
   * Answers as Clerk does when a sensitive action needs the user to prove it is them again: 403 with the error code
   * `session_reverification_required` (clerk-js rejects with a ClerkAPIResponseError carrying it). Not with `status`.
   */
  reverificationRequired?: boolean;
}

/** One Frontend API request the emulator received, as `requests()` lists it. */
export interface RecordedRequest {
  /** The endpoint's name, or `null` for a route the emulator does not know (answered 404). */
  endpoint: FapiEndpoint | null;
  /** The method clerk-js meant: `DELETE` for `POST ?_method=DELETE`. */
  method: string;
  /** The method on the wire. */
  httpMethod: string;
  /** FAPI path without the prefix, tenant or query, e.g. `/v1/client/sessions/sess_1/remove`. */
  path: string;
  query: Record<string, string>;
  /**
   * Form (or JSON) body fields; JSON values that are not strings are recorded as JSON. The log is bounded: values (and
   * the path) over 2 KB are cut with a `… [truncated: N characters in all]` marker, and past 8 KB of fields a `…` entry
   * counts the ones left out (the same for `query`).
   */
  body: Record<string, string>;
  /** The device (its client id) that sent it, or `null` for the tenant's own client. */
  device: string | null;
  /** The answer's status; 0 while it is pending (e.g. a delay fault) or when the connection was dropped. */
  status: number;
  /** Epoch milliseconds when the request arrived. */
  time: number;
}

/** Everything a tenant has: users, its client's sessions, faults and devices (`state()`). */
export interface EmulatorState {
  tenant: string;
  users: EmulatorUser[];
  /** The tenant's own client (the test page's browser): its id survives `reset()`. */
  clientId: string;
  /** The client's signed-in sessions, oldest first. */
  sessions: EmulatorSession[];
  /** The client's sessions the server ended (`revoked`, `expired`): still listed by the client, with that status. */
  endedSessions: EmulatorSession[];
  lastActiveSessionId: string | null;
  /** Epoch milliseconds. Within 8 days, clerk-js routes the post-sign-out redirect through `GET /v1/client/touch`. */
  cookieExpiresAt: number;
  /** How long the session tokens it issues live, in seconds (`setTokenLifetime()`). */
  tokenLifetimeSeconds: number;
  /** Active faults with the hits they have left (`null`: until cleared). */
  faults: Partial<Record<FapiEndpoint, Fault & { remaining: number | null }>>;
  /** The tenant's other clients (the users' other browsers and devices), in the order they were added. */
  devices: EmulatorDevice[];
}
