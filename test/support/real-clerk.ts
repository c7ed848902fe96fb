import '../../src/testing/isolate-tabs.js';
import { Clerk } from '@clerk/clerk-js';
import { expect, fixture } from '@open-wc/testing';
import { html, nothing, type TemplateResult } from 'lit';
import '../../src/index.js';
import type { ClerkLike, ClerkProvider, SignedOutEvent } from '../../src/index.js';
import { CLERK_JS } from './clerk-js.js';
import { shadowButton, until } from './fixtures.js';
import {
  connectEmulator,
  type EmulatorConnection,
  type EmulatorSession,
  type RecordedRequest,
} from '../../src/testing/index.js';

/** Clerk options that record navigations instead of leaving the test page (clerk-js calls routerPush for same-origin URLs). */
export function recordingNavigation(): { navigations: string[]; options: Record<string, unknown> } {
  const navigations: string[] = [];
  const record = (to: string) => void navigations.push(to);
  return { navigations, options: { telemetry: false, routerPush: record, routerReplace: record } };
}

export interface Mounted<T extends Element> {
  provider: ClerkProvider;
  clerk: ClerkLike;
  el: T;
  navigations: string[];
}

let clerkCreated = false;

/**
 * clerk-js keeps module-wide singletons (its client, environment, token cache, event bus, the FAPI client of the last
 * Clerk constructed), so a second Clerk in the same page shares and corrupts the first one's state. WTR runs each test
 * file in its own page: hence one real-Clerk scenario per file.
 */
export function claimPageForClerk(): void {
  if (clerkCreated) throw new Error('One real Clerk per page: put this scenario in its own test file.');
  clerkCreated = true;
}

/** The npm route: our own `new Clerk(key, { proxyUrl })` handed to `<clerk-provider .clerk>`; resolves once ready. */
export async function mountNpmClerk<T extends Element>(
  emulator: EmulatorConnection,
  content: TemplateResult,
): Promise<Mounted<T>> {
  claimPageForClerk();
  const { navigations, options } = recordingNavigation();
  const clerk = new Clerk(emulator.publishableKey, { proxyUrl: emulator.proxyUrl }) as unknown as ClerkLike;
  const provider = await fixture<ClerkProvider>(
    html`<clerk-provider .clerk=${clerk} .options=${options}>${content}</clerk-provider>`,
  );
  return settle(provider, navigations, emulator);
}

/**
 * The CDN route: `<clerk-provider publishable-key proxy-url>` loads Clerk's `clerk.browser.js` (from the emulator, like
 * Clerk's Frontend API serves it, or from `clerkJsUrl`) and uses the `window.Clerk` it sets. On the Core 2 run the
 * provider is given `clerk-js-version="5"` (Core 3 is its default), and the emulator serves clerk-js 5 for it.
 */
export async function mountCdnClerk<T extends Element>(
  emulator: EmulatorConnection,
  content: TemplateResult,
  clerkJsUrl?: string,
): Promise<Mounted<T>> {
  claimPageForClerk();
  const { navigations, options } = recordingNavigation();
  const provider = await fixture<ClerkProvider>(
    html`<clerk-provider
      publishable-key=${emulator.publishableKey}
      proxy-url=${emulator.proxyUrl}
      clerk-js-url=${clerkJsUrl ?? nothing}
      clerk-js-version=${CLERK_JS.major === DEFAULT_MAJOR ? nothing : CLERK_JS.major}
      .options=${options}
      >${content}</clerk-provider
    >`,
  );
  return settle(provider, navigations, emulator);
}

/** The provider's default `clerk-js-version`. */
const DEFAULT_MAJOR = '6';

/**
 * Fails unless `clerk` is the clerk-js this run tests (`CLERK_JS=5` runs Core 2: test/support/clerk-js.ts) and, given
 * the emulator, every Frontend API call so far carried that version's `__clerk_api_version` and `_clerk_js_version`.
 */
export async function expectClerkUnderTest(
  clerk: unknown,
  emulator?: EmulatorConnection,
  expected = CLERK_JS,
): Promise<void> {
  const version = String((clerk as { version?: unknown } | undefined)?.version);
  if (version !== expected.version) {
    throw new Error(`This run tests clerk-js ${expected.version}, but the page runs clerk-js ${version}`);
  }
  for (const { method, path, query } of emulator ? await emulator.requests() : []) {
    const sent = `${query.__clerk_api_version} ${query._clerk_js_version}`;
    if (sent !== `${expected.apiVersion} ${expected.version}`) {
      throw new Error(
        `${method} ${path} came with __clerk_api_version and _clerk_js_version ${sent}, not ${expected.apiVersion} ${expected.version}`,
      );
    }
  }
}

/** Waits until the provider is ready and its first child rendered (and checks it runs the clerk-js under test). */
export async function settle<T extends Element>(
  provider: ClerkProvider,
  navigations: string[],
  emulator?: EmulatorConnection,
): Promise<Mounted<T>> {
  await until(() => provider.state.status !== 'loading', 'Clerk to load', 8000);
  if (provider.state.status !== 'ready')
    throw provider.state.error ?? new Error(`provider status ${provider.state.status}`);
  await expectClerkUnderTest(provider.state.clerk, emulator);
  const el = provider.firstElementChild as T;
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return { provider, clerk: provider.state.clerk!, el, navigations };
}

/** A fresh tenant with `count` users signed in on one client; the LAST one signed in is the active session. */
export async function signedInTenant(
  count = 1,
): Promise<{ emulator: EmulatorConnection; sessions: EmulatorSession[] }> {
  const emulator = connectEmulator();
  await emulator.reset();
  const sessions: EmulatorSession[] = [];
  for (let i = 0; i < count; i++) sessions.push(await emulator.signIn(await emulator.createUser()));
  return { emulator, sessions };
}

/**
 * The requests of signing out the current session while `remaining` stays signed in: `/remove`, then the flow activates
 * the remaining account (clerk-js alone waits for a page load), whose `/touch` clerk-js sends only while the page has focus.
 */
export function currentSessionSignOutLines(current: string, remaining: string): [string[], string[]] {
  const remove = `POST /v1/client/sessions/${current}/remove`;
  return [[remove], [remove, `POST /v1/client/sessions/${remaining}/touch`]];
}

/** `METHOD /path` of each request, for exact comparisons. */
export const lines = (requests: RecordedRequest[]) => requests.map((request) => `${request.method} ${request.path}`);

/**
 * `lines` without session-token requests: clerk-js's own token poller may refresh a token at any moment (seen under
 * load in WebKit, on both majors), which is no part of what a sign-out sends.
 */
export const signOutLines = (requests: RecordedRequest[]) =>
  lines(requests).filter((line) => !line.endsWith('/tokens'));

/** Resolves with the next event of this type that reaches the document. */
export function nextEvent<T extends Event>(type: string): Promise<T> {
  return new Promise((resolve) => document.addEventListener(type, (event) => resolve(event as T), { once: true }));
}

/** Clears the request log, clicks the element's button and resolves with the `signed-out` event it leads to. */
export async function clickAndSignOut(emulator: EmulatorConnection, el: Element): Promise<SignedOutEvent> {
  await emulator.clearRequests();
  const signedOut = nextEvent<SignedOutEvent>('signed-out');
  shadowButton(el).click();
  return signedOut;
}

/** What a page load would find: the client from `GET /v1/client` (call it after the request-log assertions). */
export async function clientOnReload(
  emulator: EmulatorConnection,
): Promise<{ sessionIds: string[]; lastActiveSessionId: string | null }> {
  const { response } = (await (await fetch(`${emulator.proxyUrl}/v1/client`)).json()) as {
    response: { sessions: Array<{ id: string; status: string }>; last_active_session_id: string | null };
  };
  return {
    sessionIds: response.sessions.map((session) => session.id),
    lastActiveSessionId: response.last_active_session_id,
  };
}

/**
 * After `scope="current"` signed out `current` while `remaining` is signed in on the same client: the requests, the
 * remaining session active, the `signed-out` detail, the redirect, and what a page load would find. Every route.
 */
export async function expectCurrentSessionSignedOut(
  { emulator, clerk, navigations }: { emulator: EmulatorConnection; clerk: ClerkLike; navigations: string[] },
  { current, remaining }: { current: EmulatorSession; remaining: EmulatorSession },
  detail: SignedOutEvent['detail'],
): Promise<void> {
  expect(currentSessionSignOutLines(current.id, remaining.id)).to.deep.include(signOutLines(await emulator.requests()));
  await until(() => clerk.session?.id === remaining.id, 'the remaining session to be active', 8000);
  expect(detail).to.deep.equal({
    sessionIds: [current.id],
    userId: current.userId,
    redirectUrl: new URL('/', location.href).href,
  });
  expect(clerk.client?.signedInSessions.map((session) => session.id)).to.deep.equal([remaining.id]);
  await until(() => navigations.length > 0, 'the redirect', 8000);
  expect(navigations).to.deep.equal(['/']);
  // The redirect reloads the page; Clerk then activates the client's last active session.
  expect(await clientOnReload(emulator)).to.deep.equal({
    sessionIds: [remaining.id],
    lastActiveSessionId: remaining.id,
  });
}
