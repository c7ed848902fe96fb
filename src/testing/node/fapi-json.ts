// The JSON shapes Clerk's Frontend API answers, as far as clerk-js 6.40 reads them (read in its dist, checked by
// running it).
import { randomBytes } from 'node:crypto';
import type { ClerkErrorInit, EmulatorActivity, EmulatorSession, EmulatorUser } from '../emulator-protocol.js';

/**
 * The default token lifetime: long enough that clerk-js never refreshes during a test (Clerk's own is 60 s). clerk-js arms
 * timers with it, and browser timers overflow beyond 24.8 days, so it stays well below that.
 */
export const DEFAULT_TOKEN_SECONDS = 24 * 60 * 60;

export function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(15).toString('base64url').replace(/[-_]/g, 'x')}`;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A JWT clerk-js accepts: it decodes the claims and never verifies the signature, which only has to be non-empty. A
 * pending session's token says so (`sts`), as Clerk's do for the server SDKs.
 */
export function sessionJwt(session: EmulatorSession, issuer: string, seconds = DEFAULT_TOKEN_SECONDS): string {
  const iat = Math.floor(Date.now() / 1000);
  const header = base64url({ alg: 'RS256', typ: 'JWT', kid: 'ins_emulator' });
  const claims = base64url({
    sid: session.id,
    sub: session.userId,
    iss: issuer,
    iat,
    nbf: iat - 10,
    exp: iat + seconds,
    ...(session.status === 'pending' && { sts: 'pending' }),
  });
  return `${header}.${claims}.${randomBytes(32).toString('base64url')}`;
}

export function userJson(user: EmulatorUser, signedInAt: number) {
  const emailId = `idn_${user.id}`;
  return {
    object: 'user',
    id: user.id,
    external_id: null,
    first_name: user.firstName,
    last_name: user.lastName,
    username: user.username,
    image_url: user.imageUrl,
    has_image: !user.imageUrl.startsWith('data:'),
    primary_email_address_id: user.email ? emailId : null,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    email_addresses: user.email
      ? [
          {
            object: 'email_address',
            id: emailId,
            email_address: user.email,
            verification: {
              object: 'verification_email_code',
              status: 'verified',
              strategy: 'email_code',
              attempts: 1,
              expire_at: null,
            },
            linked_to: [],
          },
        ]
      : [],
    phone_numbers: [],
    web3_wallets: [],
    external_accounts: [],
    passkeys: [],
    enterprise_accounts: [],
    organization_memberships: [],
    public_metadata: {},
    unsafe_metadata: {},
    password_enabled: true,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    delete_self_enabled: true,
    create_organization_enabled: false,
    last_sign_in_at: signedInAt,
    created_at: signedInAt,
    updated_at: signedInAt,
  };
}

export function sessionJson(
  session: EmulatorSession,
  user: EmulatorUser,
  issuer: string,
  {
    status = session.status,
    tokenSeconds,
  }: { status?: EmulatorSession['status'] | 'removed'; tokenSeconds?: number } = {},
) {
  const signedIn = status === 'active' || status === 'pending';
  return {
    object: 'session',
    id: session.id,
    status,
    expire_at: session.expireAt,
    abandon_at: session.createdAt + 30 * 24 * 3600_000,
    last_active_at: session.lastActiveAt,
    last_active_organization_id: null,
    actor: null,
    tasks: session.tasks.length ? session.tasks.map((key) => ({ key })) : null,
    factor_verification_age: [0, -1],
    user: userJson(user, session.createdAt),
    public_user_data: {
      first_name: user.firstName,
      last_name: user.lastName,
      image_url: user.imageUrl,
      has_image: !user.imageUrl.startsWith('data:'),
      identifier: user.email ?? user.username ?? user.id,
      user_id: user.id,
    },
    last_active_token: signedIn ? { object: 'token', jwt: sessionJwt(session, issuer, tokenSeconds) } : null,
    created_at: session.createdAt,
    updated_at: session.lastActiveAt,
  };
}

/** A session's `latest_activity`, as `GET /v1/me/sessions/active` lists it (clerk-js maps it to `latestActivity`). */
export function activityJson(session: EmulatorSession, activity: EmulatorActivity = session.activity) {
  return {
    object: 'session_activity',
    id: `sess_activity_${session.id.replace(/^sess_/, '')}`,
    browser_name: activity.browserName,
    browser_version: activity.browserVersion,
    device_type: activity.deviceType,
    is_mobile: activity.isMobile,
    ip_address: activity.ipAddress,
    city: activity.city,
    country: activity.country,
  };
}

/**
 * One entry of `GET /v1/me/sessions/active`, whose answer is a BARE array of these (no `response` envelope): clerk-js
 * 6.40's `SessionWithActivities.retrieve()` maps `payload` itself.
 */
export function sessionWithActivitiesJson(session: EmulatorSession, activity?: EmulatorActivity) {
  return {
    object: 'session',
    id: session.id,
    status: session.status,
    expire_at: session.expireAt,
    abandon_at: session.createdAt + 30 * 24 * 3600_000,
    last_active_at: session.lastActiveAt,
    latest_activity: activityJson(session, activity),
    actor: null,
  };
}

/** The error entry Clerk answers (403) when a sensitive action needs the user to verify again (reverification). */
export const REVERIFICATION_ERROR: Required<ClerkErrorInit> = {
  code: 'session_reverification_required',
  message: 'Reverification required',
  long_message: 'You need to provide additional verification to perform this operation',
};

export function environmentJson() {
  return {
    object: 'environment',
    id: 'env_emulator',
    auth_config: {
      object: 'auth_config',
      id: 'aac_emulator',
      single_session_mode: false,
      claimed_at: null,
      reverification: false,
    },
    display_config: {
      object: 'display_config',
      id: 'display_config_emulator',
      instance_environment_type: 'production',
      application_name: 'Clerk emulator',
      branded: false,
      show_devmode_warning: false,
    },
    organization_settings: { enabled: false },
    maintenance_mode: false,
  };
}

const DEFAULT_ERRORS: Record<number, Required<ClerkErrorInit>> = {
  400: { code: 'form_param_invalid', message: 'is invalid', long_message: 'The request was invalid.' },
  401: { code: 'authentication_invalid', message: 'Unauthorized request', long_message: 'You are not signed in.' },
  403: {
    code: 'authorization_invalid',
    message: 'Unauthorized request',
    long_message: 'You are not authorized to perform this request.',
  },
  404: { code: 'resource_not_found', message: 'not found', long_message: 'The requested resource was not found.' },
  429: {
    code: 'too_many_requests',
    message: 'Too many requests',
    long_message: 'Too many requests. Please try again later.',
  },
  500: {
    code: 'internal_clerk_error',
    message: 'Oops, an unexpected error occurred',
    long_message: "There was an internal error on our servers. We've been notified and are working on fixing it.",
  },
};

/** Clerk's error body: `{ errors: [{ code, message, long_message, meta }], clerk_trace_id }`. */
export function errorJson(status: number, errors?: ClerkErrorInit[]) {
  const fallback = DEFAULT_ERRORS[status] ?? {
    ...DEFAULT_ERRORS[500],
    code: 'request_failed',
    message: `Request failed (${status})`,
  };
  const entries = errors?.length ? errors : [{}];
  return {
    errors: entries.map((error) => ({
      code: error.code ?? fallback.code,
      message: error.message ?? fallback.message,
      long_message: error.long_message ?? error.message ?? fallback.long_message,
      meta: {},
    })),
    clerk_trace_id: randomBytes(16).toString('hex'),
  };
}

/** An offline avatar: the user's initials on a colour derived from the id. */
export function initialsAvatar(id: string, first: string | null, last: string | null, fallback: string): string {
  const initials = ((first?.[0] ?? '') + (last?.[0] ?? '') || fallback[0] || '?').toUpperCase();
  const hue = [...id].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 360;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="hsl(${hue} 55% 45%)"/>` +
    `<text x="32" y="41" font-family="sans-serif" font-size="26" fill="#fff" text-anchor="middle">${escapeXml(initials)}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
