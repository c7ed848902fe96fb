import type { ClerkLike } from '../clerk/clerk.js';
import { isBusy, onActionEnd } from '../flows/action-lock.js';
import { clock } from './clock.js';

/** Resolves after `ms` (`Infinity`: never by time), when the browser comes back online, or when `signal` aborts. */
export function untilRetry(signal: AbortSignal, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = ms === Infinity ? undefined : clock.setTimer(done, ms);
    addEventListener('online', done);
    signal.addEventListener('abort', done);
    function done() {
      clock.clearTimer(timer);
      removeEventListener('online', done);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Resolves once the action in flight on this Clerk (e.g. an account switch) has ended, or when `signal` aborts. */
export function untilActionEnds(clerk: ClerkLike | undefined, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (!clerk || !isBusy(clerk)) return resolve();
    const unsubscribe = onActionEnd(clerk, done);
    signal.addEventListener('abort', done);
    function done() {
      unsubscribe();
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
