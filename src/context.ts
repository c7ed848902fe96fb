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
}

export const clerkContext = createContext<ClerkState>(Symbol.for('clerk-sign-out-elements/clerk-state'));
