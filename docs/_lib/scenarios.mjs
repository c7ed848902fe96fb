// The states a live example's controls switch between (docs/_client/scenarios.ts seeds a FakeClerk for each).
export const SCENARIOS = {
  'signed-in': 'Signed in',
  'signed-out': 'Signed out',
  'two-accounts': 'Two accounts',
  devices: 'Other devices',
  failing: 'Sign-out fails',
  slow: 'Slow Clerk',
  unavailable: 'Clerk unavailable',
  degraded: 'Clerk degraded',
};
export const ALL_SCENARIOS = Object.keys(SCENARIOS);
