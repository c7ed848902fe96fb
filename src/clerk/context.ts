import { createContext } from '@lit/context';
import type { ClerkClient, ClerkLike, ClerkSession, ClerkUser } from './clerk.js';
import type { Localization } from './labels.js';

export type ClerkStatus = 'loading' | 'ready' | 'error';

/**
 * What `<clerk-provider>` shares with every element inside it. A new object on every change (consumers re-render).
 * `user`/`session`: `null` = signed out, `undefined` = not known yet (Clerk is loading).
 */
export interface ClerkState {
  readonly clerk: ClerkLike | undefined;
  readonly status: ClerkStatus;
  readonly user: ClerkUser | null | undefined;
  readonly session: ClerkSession | null | undefined;
  readonly client: ClerkClient | undefined;
  readonly error: Error | undefined;
  readonly localization: Localization | undefined;
  /** Origins, besides the page's own, that URL attributes such as `redirect-url` may point to. */
  readonly allowedRedirectOrigins: readonly string[];
  /** `<clerk-provider after-sign-out-url>` as written; the sign-out flow checks it like `redirect-url`. */
  readonly afterSignOutUrl: string | undefined;
}

export const clerkContext = createContext<ClerkState>(Symbol.for('clerk-sign-out-elements/clerk-state'));

const providerBrand = Symbol.for('clerk-sign-out-elements/provider');

/** Marks a provider class, so elements recognise one under any tag name (see `clerk-sign-out-elements/elements`). */
export function brandProvider(prototype: object): void {
  Object.defineProperty(prototype, providerBrand, { value: true });
}

export function isProvider(element: Element): boolean {
  return providerBrand in element;
}
