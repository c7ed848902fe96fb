// The Frontend API calls clerk-js 6.40 makes for load, token refresh, sign-out, setActive, the touch redirect, and the
// user's sessions on other devices (list, revoke).
import type { EmulatorSession, FapiEndpoint } from '../emulator-protocol.js';
import { signedOut, type EmulatedClient } from './clients.js';
import {
  activityJson,
  environmentJson,
  randomId,
  sessionJson,
  sessionJwt,
  sessionWithActivitiesJson,
} from './fapi-json.js';
import { EmulatorError, quote } from './errors.js';
import type { Tenant } from './tenant.js';
import type { BrowserActivity } from './user-agent.js';

export interface FapiRequest {
  tenant: Tenant;
  /** The client that sent it: the tenant's own, or a device's (its page's proxyUrl ends in `/device/<clientId>`). */
  client: EmulatedClient;
  /** The method clerk-js meant (`_method` applied). */
  method: string;
  /** Path under the tenant root, e.g. `/v1/client/sessions/sess_1/remove`. */
  path: string;
  query: URLSearchParams;
  /** Where this tenant's FAPI lives (`http://host/__clerk/t/x`): the tokens' issuer. */
  issuer: string;
  /** Whether a redirect target may be used by `/client/touch`. */
  allowRedirect: (url: URL) => boolean;
  /** The asking browser, from its User-Agent (`undefined` for Node, curl, …). */
  browser: BrowserActivity | undefined;
}

/** A session as this request's answers show it (its tokens live as long as the tenant says). */
function sessionOf(r: FapiRequest, session: EmulatorSession, status?: 'removed' | 'revoked') {
  return sessionJson(session, r.tenant.user(session.userId), r.issuer, {
    status,
    tokenSeconds: r.tenant.tokenLifetime,
  });
}

export type FapiAnswer = { status: number; json: unknown } | { status: 302; location: string };

interface Route {
  endpoint: FapiEndpoint;
  method: string | string[];
  path: RegExp;
  answer(request: FapiRequest, params: string[]): FapiAnswer;
}

const ok = (json: unknown): FapiAnswer => ({ status: 200, json });

const ROUTES: Route[] = [
  // Production instances GET it; development ones PATCH it on load ("touch").
  {
    endpoint: 'environment',
    method: ['GET', 'PATCH'],
    path: /^\/v1\/environment$/,
    answer: () => ok(environmentJson()),
  },
  {
    endpoint: 'client',
    method: 'GET',
    path: /^\/v1\/client$/,
    answer: (r) => ok({ response: clientJson(r), client: null }),
  },
  {
    endpoint: 'signOutAll',
    method: 'DELETE',
    path: /^\/v1\/client\/sessions$/,
    answer: (r) => {
      r.client.removeAll();
      const client = clientJson(r);
      return ok({ response: client, client });
    },
  },
  {
    // clerk-js reads the answer as the session itself: it MUST be the session (status 'removed'), not `{}`.
    endpoint: 'removeSession',
    method: 'POST',
    path: /^\/v1\/client\/sessions\/([^/]+)\/remove$/,
    answer: (r, [id]) => {
      const removed = sessionOf(r, r.client.remove(id), 'removed');
      return ok({ response: removed, client: clientJson(r) });
    },
  },
  {
    endpoint: 'touchSession',
    method: 'POST',
    path: /^\/v1\/client\/sessions\/([^/]+)\/touch$/,
    answer: (r, [id]) => {
      return ok({ response: sessionOf(r, r.client.touch(id)), client: clientJson(r) });
    },
  },
  {
    // A bare token (no `response` envelope), as Clerk answers it; with or without a JWT template name.
    endpoint: 'tokens',
    method: 'POST',
    path: /^\/v1\/client\/sessions\/([^/]+)\/tokens(?:\/[^/]+)?$/,
    answer: (r, [id]) =>
      ok({ object: 'token', jwt: sessionJwt(r.client.session(id), r.issuer, r.tenant.tokenLifetime) }),
  },
  {
    endpoint: 'clientTouch',
    method: 'GET',
    path: /^\/v1\/client\/touch$/,
    answer: (r) => {
      const target = r.query.get('redirect_url') ?? '';
      let url: URL;
      try {
        url = new URL(target);
      } catch {
        throw new EmulatorError(400, `redirect_url "${target}" is not an absolute URL.`);
      }
      if (!/^https?:$/.test(url.protocol) || !r.allowRedirect(url)) {
        throw new EmulatorError(400, `redirect_url "${target}" is not an allowed redirect origin.`);
      }
      // Clerk would renew the client cookie here; the emulator's reads change nothing (setCookieExpiresAt does).
      return { status: 302, location: url.href };
    },
  },
  {
    // A BARE array (no `response` envelope): clerk-js 6.40 maps `payload` itself. Every signed-in session of the user, on
    // every client, the requesting one included; `_clerk_session_id` names the requesting session.
    endpoint: 'activeSessions',
    method: 'GET',
    path: /^\/v1\/me\/sessions\/active$/,
    answer: (r) =>
      ok(
        r.tenant
          .activeSessions(requester(r).userId)
          .map((session) => sessionWithActivitiesJson(session, r.client.activityOf(session, r.browser))),
      ),
  },
  {
    // clerk-js reads `response` as the session (it updates its SessionWithActivities) and applies `client`.
    endpoint: 'revokeSession',
    method: 'POST',
    path: /^\/v1\/me\/sessions\/([^/]+)\/revoke$/,
    answer: (r, [id]) => {
      const { userId } = requester(r);
      if (!r.tenant.activeSessions(userId).some((session) => session.id === id)) {
        throw new EmulatorError(404, `No signed-in session ${quote(id)} of this user.`, {
          code: 'resource_not_found',
          message: 'not found',
        });
      }
      const revoked = r.tenant.revokeSession(id);
      const response = {
        ...sessionOf(r, revoked, 'revoked'),
        latest_activity: activityJson(revoked, r.client.activityOf(revoked, r.browser)),
      };
      return ok({ response, client: clientJson(r) });
    },
  },
  // Only development keys (pk_test_ for *.accounts.dev) ask for a dev browser before loading.
  {
    endpoint: 'devBrowser',
    method: 'POST',
    path: /^\/v1\/dev_browser$/,
    answer: () => ok({ object: 'dev_browser', id: randomId('dvb') }),
  },
];

/** The route for a request, with its path parameters; `undefined` when the emulator does not know it. */
export function findRoute(method: string, path: string): { route: Route; params: string[] } | undefined {
  for (const route of ROUTES) {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const match = route.path.exec(path);
    if (!match || !methods.includes(method)) continue;
    try {
      return { route, params: match.slice(1).map(decodeURIComponent) };
    } catch {
      return undefined; // a malformed escape is no id the emulator ever issued
    }
  }
  return undefined;
}

/**
 * The session a `/v1/me/...` call acts for: `_clerk_session_id` (clerk-js sends the current session's id), else the
 * client's last active one. Like Clerk, a client with no such signed-in session is answered 401 `signed_out`.
 */
function requester({ client, query }: FapiRequest): EmulatorSession {
  const sessionId = query.get('_clerk_session_id') || client.lastActiveSessionId;
  if (!sessionId) throw signedOut('(none)', 'is not signed in on this client');
  try {
    return client.session(sessionId);
  } catch (error) {
    if (error instanceof EmulatorError && error.status === 404)
      throw signedOut(sessionId, 'is not signed in on this client');
    throw error;
  }
}

function clientJson(r: FapiRequest) {
  const { client } = r;
  const now = Date.now();
  return {
    object: 'client',
    id: client.id,
    // Ended sessions stay listed, with status `revoked` or `expired` (clerk-js leaves them out of `signedInSessions`).
    sessions: client.listed().map((session) => sessionOf(r, session)),
    sign_in: null,
    sign_up: null,
    last_active_session_id: client.lastActiveSessionId,
    cookie_expires_at: client.cookieExpiresAt,
    captcha_bypass: false,
    created_at: now,
    updated_at: now,
  };
}
