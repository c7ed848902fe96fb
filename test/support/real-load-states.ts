// The load-state elements (<clerk-loading>, <clerk-loaded>, <clerk-failed>, <clerk-degraded>) beside <clerk-signed-in>
// and <clerk-signed-out>, on the REAL clerk-js loading against the emulator with a fault: which of them a user sees,
// from the first render until Clerk has settled.
import { Clerk } from '@clerk/clerk-js';
import { fixture } from '@open-wc/testing';
import { html, nothing } from 'lit';
import type { ClerkLike, ClerkProvider } from '../../src/index.js';
import type { EmulatorConnection } from '../../src/testing/index.js';
import { CLERK_JS } from './clerk-js.js';
import { claimPageForClerk, recordingNavigation } from './real-clerk.js';

export const STATE_TAGS = [
  'clerk-loading',
  'clerk-loaded',
  'clerk-failed',
  'clerk-degraded',
  'clerk-signed-in',
  'clerk-signed-out',
] as const;
export type StateTag = (typeof STATE_TAGS)[number];

/** One of each state element, each with a paragraph. */
export const STATE_CONTENT = html`
  <clerk-loading><p>Loading…</p></clerk-loading>
  <clerk-loaded><p>Loaded.</p></clerk-loaded>
  <clerk-failed><p>Sign-in is unavailable right now.</p></clerk-failed>
  <clerk-degraded><p>Some account features are unavailable right now.</p></clerk-degraded>
  <clerk-signed-in><p>Welcome back.</p></clerk-signed-in>
  <clerk-signed-out><p>You are signed out.</p></clerk-signed-out>
`;

/**
 * With its Frontend API down, clerk-js loads "degraded" from the `__session` cookie, which the other Clerk test pages of
 * this origin set: this page reads no cookies at all, as a browser without a Clerk session cookie (a first visit).
 */
export function withoutCookies(): void {
  Object.defineProperty(document, 'cookie', { configurable: true, get: () => '', set: () => undefined });
}

/**
 * The provider with one of each state element, on the npm route (`new Clerk()` handed over) or the script route
 * (`publishable-key` + `proxy-url`: the provider loads clerk.browser.js; `clerk-js-version` on the Core 2 run).
 */
export async function openStatesPage(emulator: EmulatorConnection, route: 'npm' | 'script'): Promise<ClerkProvider> {
  claimPageForClerk();
  const { options } = recordingNavigation();
  if (route === 'npm') {
    const clerk = new Clerk(emulator.publishableKey, { proxyUrl: emulator.proxyUrl }) as unknown as ClerkLike;
    return fixture<ClerkProvider>(
      html`<clerk-provider .clerk=${clerk} .options=${options}>${STATE_CONTENT}</clerk-provider>`,
    );
  }
  return fixture<ClerkProvider>(
    html`<clerk-provider
      publishable-key=${emulator.publishableKey}
      proxy-url=${emulator.proxyUrl}
      clerk-js-version=${CLERK_JS.major === '6' ? nothing : CLERK_JS.major}
      .options=${options}
      >${STATE_CONTENT}</clerk-provider
    >`,
  );
}

/** The state elements whose children are on screen now: slotted and laid out (hidden ones render no slot). */
export function shownStates(provider: ClerkProvider): StateTag[] {
  return STATE_TAGS.filter((tag) => {
    const element = provider.querySelector(tag)!;
    return !!element.shadowRoot?.querySelector('slot') && element.firstElementChild!.getClientRects().length > 0;
  });
}

/**
 * Samples what shows every 10 ms from now until `done()` holds (and 300 ms more, for anything that would follow), and
 * resolves with each distinct state in order, with when it was first seen (ms after the call).
 */
export async function watchStates(
  provider: ClerkProvider,
  done: () => boolean,
  timeoutMs: number,
): Promise<Array<{ shown: StateTag[]; atMs: number }>> {
  const seen: Array<{ shown: StateTag[]; atMs: number }> = [];
  const start = performance.now();
  let doneAt: number | undefined;
  for (;;) {
    const now = performance.now() - start;
    const shown = shownStates(provider);
    if (seen.at(-1)?.shown.join() !== shown.join()) seen.push({ shown, atMs: Math.round(now) });
    if (doneAt === undefined && done()) doneAt = now;
    if (doneAt !== undefined && now - doneAt > 300) return seen;
    if (now > timeoutMs) throw new Error(`not settled after ${timeoutMs} ms; seen: ${JSON.stringify(seen)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
