// The demo page: the real clerk-js, talking to the emulator on this dev server (or to your Clerk instance).
import { Clerk } from '@clerk/clerk-js';
import '../src/index.js';
import { connectEmulator, type EmulatorConnection, type FapiEndpoint, type Fault } from '../src/testing/index.js';

const realKey = import.meta.env.VITE_CLERK_PUBLISHABLE_KEY as string | undefined;
const emulator = realKey ? undefined : connectEmulator({ tenant: 'default' });
const provider = document.querySelector('clerk-provider')!;
provider.clerk = emulator ? new Clerk(emulator.publishableKey, { proxyUrl: emulator.proxyUrl }) : new Clerk(realKey!);

document.querySelector('#mode')!.textContent = emulator
  ? 'Clerk is emulated on this dev server: no account, no network. Set VITE_CLERK_PUBLISHABLE_KEY to use your own Clerk instance.'
  : 'Using your Clerk instance (VITE_CLERK_PUBLISHABLE_KEY).';

logEvents();
const theme = document.querySelector<HTMLSelectElement>('#theme')!;
theme.addEventListener('change', () => (document.documentElement.style.colorScheme = theme.value));
document.addEventListener('signed-out', (event) => {
  if (document.querySelector<HTMLInputElement>('#stay')?.checked) event.preventDefault();
});
// Idle sign-out: 15 minutes (asked 1 minute before), or 30 s (asked 20 s before) to try it.
const idle = document.querySelector('clerk-idle-sign-out')!;
const shortIdle = document.querySelector<HTMLInputElement>('#short-idle')!;
const applyIdle = () =>
  Object.assign(idle, shortIdle.checked ? { timeout: 30, warning: 20 } : { timeout: 900, warning: 60 });
shortIdle.addEventListener('change', applyIdle);
applyIdle();

if (emulator) {
  const controls = document.querySelector<HTMLElement>('#emulator-controls')!;
  controls.hidden = false;
  const signOutEndpoints: FapiEndpoint[] = ['signOutAll', 'removeSession'];
  const nextSignOut = (fault: Fault) =>
    Promise.all(signOutEndpoints.map((endpoint) => emulator.fault(endpoint, { ...fault, times: 1 })));
  const actions: Record<string, () => Promise<unknown>> = {
    'sign-in': () => signInAs('Ada', 'Lovelace'),
    'add-account': () => signInAs('Grace', 'Hopper'),
    fail: () => nextSignOut({ status: 500 }),
    // A dropped connection is retried by the browser itself on a reused socket, so the outage lasts until the
    // sign-out has failed once (see docs/testing.md), then the connection works again.
    drop: async () => {
      await Promise.all(signOutEndpoints.map((endpoint) => emulator.fault(endpoint, { drop: true })));
      document.addEventListener('sign-out-error', () => void emulator.clearFaults(), { once: true });
    },
    // Past 3 s the element says it is still trying, beside its spinner.
    slow: () => nextSignOut({ delayMs: 6000 }),
    // An invalid attribute is caught when it is set: the console says which and how to fix it, and the button is
    // unavailable (a click says so and sends nothing).
    invalid: async () => document.querySelector('clerk-sign-out-button')!.setAttribute('scope', 'everyone'),
    // Other devices: the signed-in user on another emulated browser, and faults of the next revocation.
    phone: () =>
      addDevice(
        {
          browserName: 'Safari',
          browserVersion: '17.1',
          deviceType: 'iPhone',
          isMobile: true,
          ipAddress: '203.0.113.7',
          city: 'Berlin',
          country: 'DE',
        },
        5,
      ),
    laptop: () =>
      addDevice(
        {
          browserName: 'Firefox',
          browserVersion: '133.0',
          deviceType: 'Macintosh',
          ipAddress: '198.51.100.4',
          city: 'Oslo',
          country: 'NO',
        },
        120,
      ),
    'device-fail': () => emulator.fault('revokeSession', { status: 500, times: 1 }),
    // This session, ended from outside: the page learns it on its next request (focus, or a token refresh).
    revoke: () => endThisSession((id) => emulator.revokeSession(id)),
    expire: () => endThisSession((id) => emulator.expireSession(id)),
    'short-tokens': async () => {
      await emulator.setTokenLifetime(30);
      location.reload();
    },
    'device-reverify': () => emulator.fault('revokeSession', { reverificationRequired: true, times: 1 }),
    reset: async () => {
      await emulator.reset();
      location.reload();
    },
  };
  // Clerk unavailable: its Frontend API fails every load request until unchecked (the faults last across reloads).
  const unavailable = document.querySelector<HTMLInputElement>('#unavailable')!;
  const loadEndpoints: FapiEndpoint[] = ['environment', 'client'];
  void emulator
    .state()
    .then((state) => (unavailable.checked = loadEndpoints.some((endpoint) => state.faults[endpoint])));
  unavailable.addEventListener('change', () => {
    const change = unavailable.checked
      ? loadEndpoints.map((endpoint) => emulator.fault(endpoint, { status: 500 }))
      : loadEndpoints.map((endpoint) => emulator.clearFaults(endpoint));
    void Promise.all(change).then(() => location.reload());
  });
  const deviceControls = document.querySelector<HTMLElement>('#device-controls')!;
  const sessionEndControls = document.querySelector<HTMLElement>('#session-end-controls')!;
  for (const hidden of [deviceControls, sessionEndControls, document.querySelector<HTMLElement>('#session-end-note')!])
    hidden.hidden = false;
  for (const panel of [controls, deviceControls, sessionEndControls]) {
    panel.addEventListener('click', (event) => {
      const action = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
      if (!action) return;
      void actions[action.dataset.action!]().then(() => log(`demo: ${action.textContent}`));
    });
  }
  // The menu's "Add account" goes to sign-in-url="#add-account": this demo "signs in" a second user there.
  window.addEventListener('hashchange', () => {
    if (location.hash === '#add-account') void signInAs('Grace', 'Hopper');
  });

  async function endThisSession(end: (sessionId: string) => Promise<unknown>): Promise<void> {
    const sessionId = provider.clerk?.session?.id;
    if (sessionId) await end(sessionId);
  }

  /** Signs the signed-in user in on another emulated device, last active `minutesAgo`; the list shows it at once. */
  async function addDevice(activity: DeviceActivity, minutesAgo: number): Promise<void> {
    const userId = provider.clerk?.user?.id;
    if (!userId) return;
    await emulator!.addDevice(userId, { activity, lastActiveAt: Date.now() - minutesAgo * 60_000 });
    await document.querySelector('clerk-active-devices')?.refresh();
  }

  /** Signs a demo user in on the emulated server, then reloads so clerk-js picks the new session up, as after a real sign-in. */
  async function signInAs(firstName: string, lastName: string): Promise<void> {
    const state = await emulator!.state();
    const user =
      state.users.find((candidate) => candidate.firstName === firstName) ??
      (await emulator!.createUser({ firstName, lastName, email: `${firstName.toLowerCase()}@example.com` }));
    await emulator!.signIn(user);
    location.replace(location.pathname);
  }
}

type DeviceActivity = NonNullable<Parameters<EmulatorConnection['addDevice']>[1]>['activity'];

function logEvents(): void {
  const types = [
    'clerk-loaded',
    'clerk-error',
    'sign-out',
    'signed-out',
    'sign-out-error',
    'session-switched',
    'menu-open',
    'menu-close',
    'device-sign-out',
    'device-signed-out',
    'idle-warning',
    'session-end',
  ];
  for (const type of types) {
    document.addEventListener(type, (event) => {
      const detail = (event as CustomEvent).detail as Record<string, unknown> | undefined;
      const shown = type.startsWith('clerk-')
        ? ''
        : JSON.stringify(detail, (key, value) => (key === 'error' ? String(value) : value));
      log(`${type} ${shown ?? ''}`);
    });
  }
}

function log(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()}  ${text}`;
  document.querySelector('#log')!.prepend(item);
}
