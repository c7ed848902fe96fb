// The idle element's clock under a test's control (src/idle-sign-out/clock.ts): time moves only when the test says so,
// and the element's one timer fires when the test moves time past it, or not at all while the "computer sleeps".
import { clock } from '../../src/idle-sign-out/clock.js';

export interface ControlledClock {
  /** The element's `Date.now()`. */
  now(): number;
  /** Moves time on by `ms` with the tab in front: every timer that falls due fires, in order, each followed by its promises. */
  advance(ms: number): Promise<void>;
  /** Moves time on by `ms` while nothing runs (a sleeping computer, a frozen tab): no timer fires. */
  sleep(ms: number): void;
  /** The timers set and not yet fired or cleared. */
  readonly pending: number;
  /** The longest delay any timer was set for so far (ms). */
  readonly longestDelay: number;
  /** Gives the element the real clock back. */
  restore(): void;
}

/** Takes over the idle element's clock from `start` (default: now). Call `restore()` when the test ends. */
export function controlClock(start = Date.now()): ControlledClock {
  const real = { ...clock };
  let now = start;
  let nextId = 1;
  let longestDelay = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  clock.now = () => now;
  clock.setTimer = (callback, ms) => {
    const id = nextId++;
    longestDelay = Math.max(longestDelay, ms);
    timers.set(id, { at: now + Math.max(0, ms), callback });
    return id;
  };
  clock.clearTimer = (id) => void timers.delete(id as number);
  return {
    now: () => now,
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].callback();
        await settle();
      }
      now = end;
      await settle();
    },
    sleep(ms) {
      now += ms;
    },
    get pending() {
      return timers.size;
    },
    get longestDelay() {
      return longestDelay;
    },
    restore: () => void Object.assign(clock, real),
  };
}

/**
 * Lets promise chains and one round of tasks (channel messages, Lit updates) run. A message, not a timer: Chromium
 * delays timers by a second in a test page running in the background (beside another).
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve(undefined);
    };
    channel.port2.postMessage(null);
  });
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
