/**
 * What the Frontend API emulator and its clients exchange: shared by the Node side (`clerk-sign-out-elements/testing/node`)
 * and the browser side (`connectEmulator` in `clerk-sign-out-elements/testing`). No Node or DOM APIs, so it runs anywhere.
 */

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
  /** Clerk's browser script (`/npm/@clerk/clerk-js@6/dist/…`); never in the request log, but faults apply. */
  | 'script';

export interface EmulatorUserInit {
  id?: string;
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
  email?: string | null;
  /** Default: an offline SVG with the user's initials (a `data:` URL, so pages never reach the network). */
  imageUrl?: string;
}

export interface EmulatorUser {
  id: string;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  email: string | null;
  imageUrl: string;
}

export interface EmulatorSession {
  id: string;
  userId: string;
  status: 'active';
  /** Epoch milliseconds. */
  createdAt: number;
  lastActiveAt: number;
}

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
}

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
  /** The answer's status; 0 while it is pending (e.g. a delay fault) or when the connection was dropped. */
  status: number;
  /** Epoch milliseconds when the request arrived. */
  time: number;
}

export interface EmulatorState {
  tenant: string;
  users: EmulatorUser[];
  /** The client's signed-in sessions, oldest first. */
  sessions: EmulatorSession[];
  lastActiveSessionId: string | null;
  /** Epoch milliseconds. Within 8 days, clerk-js routes the post-sign-out redirect through `GET /v1/client/touch`. */
  cookieExpiresAt: number;
  /** Active faults with the hits they have left (`null`: until cleared). */
  faults: Partial<Record<FapiEndpoint, Fault & { remaining: number | null }>>;
}
