import type { TenantSeed } from './tenant.js';

/**
 * The demo's starting point: Ada Lovelace, signed in (again after every `reset()`).
 *
 * @example
 * ```js
 * import { demoSeed, startClerkEmulator } from 'clerk-sign-out-elements/testing/node';
 *
 * const { publishableKey, proxyUrl } = await startClerkEmulator({ port: 4010, seed: demoSeed });
 * ```
 */
export const demoSeed: TenantSeed = (tenant) => {
  const ada = tenant.createUser({
    id: 'user_demo_ada',
    firstName: 'Ada',
    lastName: 'Lovelace',
    username: 'ada',
    email: 'ada@example.com',
  });
  tenant.signIn(ada.id);
};
