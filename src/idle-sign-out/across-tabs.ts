/**
 * Runs `task` in one tab of this origin at a time (Web Locks): the tabs that reach the idle deadline together queue here,
 * so one signs out and the others find it done; when that tab closes mid-way, the next one takes over. Without Web Locks
 * (an insecure http: page) the task runs at once. Rejects with an `AbortError` when `signal` aborts while waiting.
 */
export async function oneTabAtATime(name: string, signal: AbortSignal, task: () => Promise<void>): Promise<void> {
  const locks = (navigator as Partial<Navigator>).locks;
  if (!locks) return task();
  await locks.request(name, { signal }, task);
}
