// Compiled by `npm run typecheck` only: proves src/types/vue.d.ts types the elements as Vue 3 global components,
// as `vue-tsc` sees them in templates (`@signed-out` = the `onSignedOut` prop) and as render functions use them.
import { h, type GlobalComponents } from 'vue';
import type {} from '../../../src/types/vue.js';
import { FakeClerk } from '../../../src/testing/index.js';

/** The props a template or `h()` may pass, as vue-tsc reads them from a component type. */
type PropsOf<C> = C extends abstract new (...args: never) => { $props: infer P } ? P : never;
type ButtonProps = PropsOf<GlobalComponents['clerk-sign-out-button']>;
type ProviderProps = PropsOf<GlobalComponents['clerk-provider']>;

export const button: ButtonProps = {
  'redirect-url': '/',
  scope: 'current',
  onSignedOut: (event) => {
    event.preventDefault();
    return event.detail.redirectUrl ?? '/';
  },
  onSignOutError: (event) => event.detail.error.message,
};
export const provider: ProviderProps = { clerk: FakeClerk.signedIn(), localization: { userButton: {} } };

// Render functions take the same props when given the component type.
declare const SignOutButton: GlobalComponents['clerk-sign-out-button'];
export const vnode = h(SignOutButton, { redirectUrl: '/', onSignOut: (event) => event.detail.sessionId });

// @ts-expect-error scope only takes 'all' | 'current'
export const badScope: ButtonProps = { scope: 'everyone' };
// @ts-expect-error the signed-out event's detail has no `error`
export const badDetail: ButtonProps = { onSignedOut: (event) => event.detail.error };
// @ts-expect-error .clerk takes a Clerk instance, not a key
export const badClerk: ProviderProps = { clerk: 'pk_test_123' };
// @ts-expect-error no such element
export type Missing = GlobalComponents['clerk-sign-out-buton'];
