/**
 * The time and the one timer of `<clerk-idle-sign-out>`. The time is the wall clock (`Date.now()`): the same in every tab
 * and still running while the computer sleeps. The timer only says when to look at the clock again: background tabs
 * and sleep make it late, never the deadline. Tests swap these members for a clock they move (test/support/fake-clock.ts).
 */
export const clock = {
  now: (): number => Date.now(),
  setTimer: (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
  clearTimer: (timer: unknown): void => clearTimeout(timer as ReturnType<typeof setTimeout>),
};
