// The idle element on the real clerk-js (test/real-clerk/idle/): the page every scenario mounts, with a controlled clock.
import { html } from 'lit';
import type { ClerkIdleSignOut, ClerkSignedIn, ClerkSignedOut } from '../../src/index.js';
import { actionInFlight } from '../../src/flows/action-lock.js';
import type { EmulatorConnection } from '../../src/testing/index.js';
import { controlClock, type ControlledClock } from './idle-clock.js';
import { idleStorageKey } from './idle.js';
import { mountNpmClerk, type Mounted } from './real-clerk.js';

export const IDLE_TIMEOUT_S = 60;
export const IDLE_WARNING_S = 20;

export interface IdlePage extends Mounted<ClerkIdleSignOut> {
  time: ControlledClock;
  signedIn: ClerkSignedIn;
  signedOut: ClerkSignedOut;
  /** The action each `clerk.signOut` call ran in (what the Clerk was busy with), in order. */
  signOutKinds: Array<string | undefined>;
  /** What the page shows: the signed-in content, the signed-out content, or neither. */
  shown(): 'signed-in' | 'signed-out' | 'nothing';
}

/**
 * The real clerk-js (npm route) with `<clerk-idle-sign-out timeout="60" warning="20">` first, then signed-in and
 * signed-out content; the idle element's clock is the test's from before it starts.
 */
export async function mountIdlePage(emulator: EmulatorConnection): Promise<IdlePage> {
  localStorage.removeItem(idleStorageKey());
  const time = controlClock();
  const mounted = await mountNpmClerk<ClerkIdleSignOut>(
    emulator,
    html`<clerk-idle-sign-out timeout=${IDLE_TIMEOUT_S} warning=${IDLE_WARNING_S}></clerk-idle-sign-out>
      <clerk-signed-in><p>Private: your balance</p></clerk-signed-in>
      <clerk-signed-out><p>You are signed out</p></clerk-signed-out>`,
  );
  const { provider, clerk } = mounted;
  const signOutKinds: Array<string | undefined> = [];
  const signOut = clerk.signOut.bind(clerk);
  clerk.signOut = ((...args: Parameters<typeof signOut>) => {
    signOutKinds.push(actionInFlight(clerk));
    return signOut(...args);
  }) as typeof clerk.signOut;
  const signedIn = provider.querySelector<ClerkSignedIn>('clerk-signed-in')!;
  const signedOut = provider.querySelector<ClerkSignedOut>('clerk-signed-out')!;
  const shown = () => (signedIn.active ? 'signed-in' : signedOut.active ? 'signed-out' : 'nothing');
  return { ...mounted, time, signedIn, signedOut, signOutKinds, shown };
}
