// Row 6: the whole test suite (`npm test`: WTR in headless Chromium) timed on this machine.
import { spawn } from 'node:child_process';

export function measureTestSuite({ root }) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('npm', ['test', '--silent'], { cwd: root, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
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
