// `npm run check`: the static checks, as many at once as the machine has cores, longest first. Each is its package.json
// script; a line per check when it ends (✓ or ✗, and its time), a failing check's output under it, and a last line
// with the total. Fails when any check fails. `npm run check -- lint typecheck` runs only those.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** The scripts, slowest first (seconds on a quiet 2-core machine), so the slowest does not start last. */
const CHECKS = [
  ['lint', 'ESLint, type-aware'],
  ['typecheck', 'TypeScript'],
  ['format:check', 'Prettier'],
  ['lint:lit', 'lit-analyzer, strict'],
  ['check:elements', 'the lists that name every element'],
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !CHECKS.some(([script]) => script === name));
if (unknown.length) {
  console.error(`unknown check ${unknown.join(', ')}: choose from ${CHECKS.map(([script]) => script).join(', ')}`);
  process.exit(2);
}
const checks = CHECKS.filter(([script]) => !wanted.length || wanted.includes(script));
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function run([script, what]) {
  const started = performance.now();
  return new Promise((resolve) => {
    const [command, ...args] = [...npm, 'run', '--silent', script];
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const ok = code === 0;
      console.log(`${ok ? '✓' : '✗'} ${script} (${what}) ${seconds(started)}`);
      if (!ok) console.log(output.trimEnd().replace(/^/gm, '    '));
      resolve(ok);
    });
  });
}

const started = performance.now();
const queue = [...checks];
const results = [];
const lanes = Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
  while (queue.length) results.push(await run(queue.shift()));
});
await Promise.all(lanes);
const failed = results.filter((ok) => !ok).length;
console.log(
  `${failed ? `${failed} of ${checks.length} checks failed` : `${checks.length} checks passed`} in ${seconds(started)}`,
);
process.exitCode = failed ? 1 : 0;
