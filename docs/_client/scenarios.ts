// The sample Clerk states of the live examples: a FakeClerk seeded with sample users, sessions and devices.
import { FakeClerk, fakeUser } from 'clerk-sign-out-elements/testing';

export type ScenarioName =
  'signed-in' | 'signed-out' | 'two-accounts' | 'devices' | 'failing' | 'slow' | 'unavailable' | 'degraded';

export interface Scenario {
  clerk: FakeClerk;
  /** Slow Clerk: lets `load()` finish. */
  finishLoading?: () => void;
  /** Called on each `sign-out` / `device-sign-out`, before anything is sent (the failing state arms its failure). */
  beforeAction?: () => void;
}

const ada = () => fakeUser({ id: 'user_ada', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
const grace = () => fakeUser({ id: 'user_grace', firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

function withDevices(clerk: FakeClerk): FakeClerk {
  clerk.addDevice({
    activity: {
      browserName: 'Safari',
      browserVersion: '17.1',
      deviceType: 'iPhone',
      isMobile: true,
      ipAddress: '203.0.113.7',
      city: 'Berlin',
      country: 'DE',
    },
    lastActiveAt: minutesAgo(5),
  });
  clerk.addDevice({
    activity: {
      browserName: 'Firefox',
      browserVersion: '133.0',
      deviceType: 'Macintosh',
      isMobile: false,
      ipAddress: '198.51.100.4',
      city: 'Oslo',
      country: 'NO',
    },
    lastActiveAt: minutesAgo(60 * 26),
  });
  return clerk;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createScenario(name: ScenarioName): Scenario {
  switch (name) {
    case 'signed-in':
      return { clerk: new FakeClerk({ users: [ada()] }) };
    case 'signed-out':
      return { clerk: new FakeClerk({ users: [] }) };
    case 'two-accounts':
      return { clerk: new FakeClerk({ users: [ada(), grace()] }) };
    case 'devices':
      return { clerk: withDevices(new FakeClerk({ users: [ada()] })) };
    case 'failing': {
      const clerk = withDevices(new FakeClerk({ users: [ada()] }));
      return {
        clerk,
        beforeAction: () => {
          clerk.failNextSignOut();
          clerk.failNextRevoke();
        },
      };
    }
    case 'slow': {
      // Loading until released; then every request takes 1.5 s (the spinner shows).
      const clerk = withDevices(new FakeClerk({ users: [ada()], loaded: false, latency: () => wait(1500) }));
      return { clerk, finishLoading: clerk.holdNextLoad() };
    }
    case 'unavailable': {
      const clerk = new FakeClerk({ users: [], loaded: false });
      clerk.failNextLoad();
      return { clerk };
    }
    case 'degraded': {
      // Clerk loaded, its Frontend API failing: Ada is known (from her session cookie).
      const clerk = new FakeClerk({ users: [ada()], loaded: false });
      clerk.degradeNextLoad();
      return { clerk };
    }
  }
}
