import { createContext } from '@lit/context';
import type { SessionEndDetail } from '../contract/events.js';
import type { ClerkClient, ClerkLike, ClerkSession, ClerkUser } from './clerk.js';
import type { Localization } from './labels.js';

/**
 * Where the provider's Clerk is: `loading`, `ready` (loaded), or `error` (it could not load, or it loaded without its
 * Frontend API and so knows nobody: clerk-js's `degraded` with no user).
 */
export type ClerkStatus = 'loading' | 'ready' | 'error';

/**
 * What `<clerk-provider>` shares with every element inside it. A new object on every change (consumers re-render).
 * `user`/`session`: `null` = signed out (nobody signed in on this browser); `undefined` = not known yet: Clerk is
 * loading, or this browser is still signed in to an account that Clerk has not made active yet (after the current
 * account of several ended), which the provider is activating. Show neither signed-in nor signed-out content then.
 */
export interface ClerkState {
  readonly clerk: ClerkLike | undefined;
  readonly status: ClerkStatus;
  /**
   * Clerk's own status is `degraded`: Clerk loaded, but its Frontend API is failing (it did not answer while loading,
   * or a session token could not be refreshed). A user may still be known (from the session cookie); when none is,
   * `status` is `error` too.
   */
  readonly degraded: boolean;
  readonly user: ClerkUser | null | undefined;
  readonly session: ClerkSession | null | undefined;
  readonly client: ClerkClient | undefined;
  readonly error: Error | undefined;
  readonly localization: Localization | undefined;
  /** Origins, besides the page's own, that URL attributes such as `redirect-url` may point to. */
  readonly allowedRedirectOrigins: readonly string[];
  /** `<clerk-provider after-sign-out-url>` as written; the sign-out flow checks it like `redirect-url`. */
  readonly afterSignOutUrl: string | undefined;
  /**
   * True while the elements show neither signed-in nor signed-out content (`<clerk-provider>`'s `conceal()`): a sign-out
   * that must not be undone is under way (the user was idle), so the private content is gone at once and nothing says
   * "signed out" before Clerk confirms it.
   */
  readonly concealed?: boolean;
  /** The last session end on this page (the last `session-end`'s detail); `undefined` before any. */
  readonly sessionEnd: SessionEndDetail | undefined;
  /**
   * `<clerk-provider treat-pending-as-signed-in>`: a pending session (one with tasks left) counts as signed in for
   * `<clerk-signed-in>` and `<clerk-signed-out>`; by default it counts as signed out, as Clerk's `<Show>` does.
   */
  readonly treatPendingAsSignedIn: boolean;
}

/**
 * The @lit/context key under which `<clerk-provider>` shares its `ClerkState`: a Lit element of your own reads Clerk
 * from the nearest provider with it, as the package's elements do.
 *
 * @example
 * ```ts
 * import { ContextConsumer } from '@lit/context';
 * import { LitElement, html } from 'lit';
 * import { clerkContext } from 'clerk-sign-out-elements';
 *
 * class MyGreeting extends LitElement {
 *   #clerk = new ContextConsumer(this, { context: clerkContext, subscribe: true });
 *   render() {
 *     return html`Hello, ${this.#clerk.value?.user?.firstName ?? 'guest'}`;
 *   }
 * }
 * ```
 */
export const clerkContext = createContext<ClerkState>(Symbol.for('clerk-sign-out-elements/clerk-state'));

const providerBrand = Symbol.for('clerk-sign-out-elements/provider');

/** Marks a provider class, so elements recognise one under any tag name (see `clerk-sign-out-elements/elements`). */
export function brandProvider(prototype: object): void {
  Object.defineProperty(prototype, providerBrand, { value: true });
}

/** Whether an element is a `<clerk-provider>` (a branded provider class), under whatever tag it was registered. */
export function isProvider(element: Element): boolean {
  return providerBrand in element;
}
