// A clock a test can move forward: while installed, every `setTimeout` still runs on its own (so `until()` and the
// elements keep working), and `tick(ms)` runs at once every timer due within the next `ms`.

export interface JumpingClock {
  /** Runs now every timer that would run within the next `ms` (in the order they are due); later ones keep their time. */
  tick(ms: number): void;
  /** Puts the browser's `setTimeout` and `clearTimeout` back. */
  uninstall(): void;
}

export function installJumpingClock(): JumpingClock {
  const realSetTimeout = window.setTimeout;
  const realClearTimeout = window.clearTimeout;
  let skipped = 0;
  const pending = new Map<number, { due: number; run: () => void }>();
  const now = () => performance.now() + skipped;

  window.setTimeout = ((handler: TimerHandler, delay = 0, ...args: unknown[]) => {
    const run = () => {
      pending.delete(id);
      if (typeof handler === 'function') (handler as (...values: unknown[]) => void)(...args);
    };
    const id = realSetTimeout(run, delay);
    pending.set(id, { due: now() + Number(delay), run });
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    pending.delete(id!);
    realClearTimeout(id);
  }) as typeof window.clearTimeout;

  return {
    tick(ms) {
      skipped += ms;
      const due = [...pending].filter(([, timer]) => timer.due <= now()).sort(([, a], [, b]) => a.due - b.due);
      for (const [id, timer] of due) {
        realClearTimeout(id);
        timer.run();
      }
    },
    uninstall() {
      window.setTimeout = realSetTimeout;
      window.clearTimeout = realClearTimeout;
    },
  };
}
