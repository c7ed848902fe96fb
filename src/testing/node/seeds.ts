import type { TenantSeed } from './tenant.js';

/** The demo's starting point: Ada Lovelace, signed in. */
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
