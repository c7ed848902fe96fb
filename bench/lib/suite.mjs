// Row 6: the whole test suite (`npm test`: Node tests, then WTR in Chromium, Firefox and WebKit, and the real-clerk-js
// tests on clerk-js 5) timed on this machine.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The run's full output is kept in `cacheDir`/suite.log, to see why a slow or failing run was so. */
export function measureTestSuite({ root, cacheDir }) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('npm', ['test', '--silent'], {
      cwd: root,
      env: { ...process.env, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(join(cacheDir, 'suite.log'), output);
      const counts = [...output.matchAll(/^(\d+) passed, (\d+) failed/gm)].pop();
      resolve({
        seconds: (Date.now() - started) / 1000,
        exitCode: code,
        passed: counts ? Number(counts[1]) : null,
        failed: counts ? Number(counts[2]) : null,
      });
    });
  });
}
