// A clock a test can move forward: while installed, every `setTimeout` still runs on its own (so `until()` and the
// elements keep working), and `tick(ms)` runs at once every timer due within the next `ms`.

export interface JumpingClock {
  /** Runs now every timer due within the next `ms` (in the order they are due); later ones keep their time. */
  tick(ms: number): void;
  /** Puts the browser's `setTimeout` and `clearTimeout` back. */
  uninstall(): void;
}

/** Installs the clock in `target` (this window by default, or a framed page's). */
export function installJumpingClock(target: Window = window): JumpingClock {
  const realSetTimeout = target.setTimeout;
  const realClearTimeout = target.clearTimeout;
  let skipped = 0;
  const pending = new Map<number, { due: number; run: () => void }>();
  const now = () => performance.now() + skipped;

  target.setTimeout = ((handler: TimerHandler, delay = 0, ...args: unknown[]) => {
    const run = () => {
      pending.delete(id);
      if (typeof handler === 'function') (handler as (...values: unknown[]) => void)(...args);
    };
    const id = realSetTimeout.call(target, run, delay);
    pending.set(id, { due: now() + Number(delay), run });
    return id;
  }) as typeof window.setTimeout;
  target.clearTimeout = ((id?: number) => {
    pending.delete(id!);
    realClearTimeout.call(target, id);
  }) as typeof window.clearTimeout;

  return {
    tick(ms) {
      skipped += ms;
      const due = [...pending].filter(([, timer]) => timer.due <= now()).sort(([, a], [, b]) => a.due - b.due);
      for (const [id, timer] of due) {
        realClearTimeout.call(target, id);
        timer.run();
      }
    },
    uninstall() {
      target.setTimeout = realSetTimeout;
      target.clearTimeout = realClearTimeout;
    },
  };
}
