// Ends the run with one plain line, "N passed, N failed", that CI reads as the result of the test run.
// With WTR_COUNT_FILE set (tools/test.mjs, one run per engine), it also writes the counts there as JSON.
import { writeFileSync } from 'node:fs';

function count(results, totals) {
  for (const test of results?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const suite of results?.suites ?? []) count(suite, totals);
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load, or errored outside a test, counts as a failure too.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length)
          totals.failed++;
        else if (session.errors?.length) totals.failed += session.errors.length;
      }
      if (process.env.WTR_COUNT_FILE) writeFileSync(process.env.WTR_COUNT_FILE, JSON.stringify(totals));
      const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
      setTimeout(() => process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${skipped}\n`), 0);
    },
  };
}
