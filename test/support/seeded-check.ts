// What every generated-interleavings test does around its property: a seed that can be replayed, one line of counts,
// and fast-check's own report when a run fails.
import { readFile } from '@web/test-runner-commands';
import fc from 'fast-check';

/**
 * The run's seed: `fallback`, unless the untracked file `path` (next to the test file) holds the seed fast-check
 * reported for a failure, to replay it.
 *
 * @example const seed = await seedFrom('./interleavings.seed', 23_2026);
 */
export async function seedFrom(path: string, fallback: number): Promise<number> {
  const override = await readFile({ path }).catch(() => undefined);
  return override?.trim() ? Number(override) : fallback;
}

/**
 * Checks `property` over `runs` seeded runs, with `console.error` silenced meanwhile (the runs provoke refusals the
 * elements report there). Prints `<name>: N runs (S steps), V violations, T s, seed X; <summary>` and throws
 * fast-check's report, with the failing run's message, when a run failed.
 *
 * @example
 * await checkSeeded(property, { name: 'flow', seed, runs: 1000, started, steps: () => steps, summary: () => '…' });
 */
export async function checkSeeded<Ts>(
  property: fc.IAsyncProperty<Ts>,
  options: { name: string; seed: number; runs: number; started: number; steps: () => number; summary: () => string },
): Promise<void> {
  const { name, seed, runs, started } = options;
  const consoleError = console.error;
  console.error = () => undefined;
  const details = await fc.check(property, { seed, numRuns: runs }).finally(() => (console.error = consoleError));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${name}: ${details.numRuns.toLocaleString('en')} runs (${options.steps().toLocaleString('en')} steps), ` +
      `${details.failed ? 1 : 0} violations, ${seconds} s, seed ${seed}; ${options.summary()}`,
  );
  if (details.failed) {
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`${fc.defaultReportMessage(details)}\n${cause}`);
  }
}
