// `npm test`: the WTR suite in Chromium, Firefox and WebKit, one engine after the other (each run gets the 2 cores to
// itself and its own wall time). Before running anything it checks that every engine asked for is installed; a missing
// one is installed with apt-get when this runs as root, otherwise it stops with the command that installs it. Then it
// builds the emulator (npm run build:node) and runs the Node tests (npm run test:node), then the engines.
//
//   npm test                                   all three engines
//   npm test -- --engine firefox               one engine (repeat --engine, or give a list: --engine chromium,webkit)
//   ENGINES=chromium npm test                  the same, from the environment
//   npm test -- --engine webkit test/user-menu/keyboard.test.ts    other arguments go to web-test-runner
//
// The summary names each engine and its time; the last line is the total, "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ENGINES, engineVersion, missingEngine } from './engines.mjs';

function parseArgs(argv) {
  const engines = [];
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--engine' || arg === '--engines') engines.push(argv[++i] ?? '');
    else if (arg.startsWith('--engine=') || arg.startsWith('--engines=')) engines.push(arg.slice(arg.indexOf('=') + 1));
    else rest.push(arg);
  }
  const asked = (engines.length ? engines : [process.env.ENGINES || ENGINES.join(',')])
    .flatMap((list) => list.split(','))
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = asked.filter((name) => !ENGINES.includes(name));
  if (unknown.length || !asked.length) {
    console.error(`Unknown engine: ${unknown.join(', ') || '(none)'}. Use one or more of: ${ENGINES.join(', ')}.`);
    process.exit(2);
  }
  return { engines: ENGINES.filter((name) => asked.includes(name)), wtrArgs: rest };
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

function apt(args) {
  console.log(`$ apt-get ${args.join(' ')}`);
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status})`);
}

/** Every engine asked for must be there before anything runs. */
function ensureEngines(engines) {
  const missing = engines.map((engine) => [engine, missingEngine(engine)]).filter(([, install]) => install);
  if (!missing.length) return;
  const command = `apt-get update && ${missing.map(([, install]) => install).join(' && ')}`;
  if (!isRoot() || !hasAptGet()) {
    console.error(`Not installed: ${missing.map(([engine]) => engine).join(', ')}. Install with:\n\n  sudo sh -c '${command}'\n`);
    const installed = engines.filter((engine) => !missing.some(([name]) => name === engine));
    if (installed.length) console.error(`(or run the installed ones only: npm test -- --engine ${installed.join(',')})`);
    process.exit(1);
  }
  console.log(`== installing ${missing.map(([engine]) => engine).join(', ')} (Debian packages)`);
  apt(['update', '-qq']);
  for (const [engine, install] of missing) {
    apt(install.replace(/^apt-get /, '').split(' ').concat('-qq'));
    if (missingEngine(engine)) throw new Error(`${engine}: still missing after "${install}"`);
  }
}

function runEngine(engine, wtrArgs, countFile) {
  // The package's bin (dist/bin.js, beside its main entry; not in its "exports").
  const bin = join(dirname(createRequire(import.meta.url).resolve('@web/test-runner')), 'bin.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...wtrArgs], {
      stdio: 'inherit',
      env: { ...process.env, WTR_ENGINE: engine, WTR_COUNT_FILE: countFile },
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code, signal });
    });
  });
}

function duration(ms) {
  const seconds = Math.round(ms / 1000);
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s` : `${seconds} s`;
}

const { engines, wtrArgs } = parseArgs(process.argv.slice(2));
ensureEngines(engines);

for (const script of ['build:node', 'test:node']) {
  if (spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' }).status === 0) continue;
  console.log(`\nnpm run ${script} failed: no browser tests were run`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'wtr-engines-'));
const results = [];
try {
  for (const engine of engines) {
    console.log(`\n== ${engine}: ${engineVersion(engine) ?? ''}`);
    const countFile = join(dir, `${engine}.json`);
    const started = Date.now();
    const { code, signal } = await runEngine(engine, wtrArgs, countFile);
    const ms = Date.now() - started;
    let counts;
    try {
      counts = JSON.parse(readFileSync(countFile, 'utf8'));
    } catch {
      // The run ended before reporting (it could not start, or was killed): one failure, so the total cannot pass.
      counts = { passed: 0, failed: 1, skipped: 0, crashed: signal ?? `exit ${code}` };
    }
    // web-test-runner failed without a failing test to show for it (e.g. a browser that stopped): count it.
    if (code !== 0 && !counts.failed) counts = { ...counts, failed: 1, crashed: signal ?? `exit ${code}` };
    results.push({ engine, ms, code, ...counts });
    console.log(`== ${engine}: ${counts.passed} passed, ${counts.failed} failed in ${duration(ms)}`);
    if (signal === 'SIGINT' || signal === 'SIGTERM') break;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const describe = (r) =>
  `${r.engine} ${r.passed} passed${r.failed ? `, ${r.failed} failed` : ''}${r.skipped ? `, ${r.skipped} skipped` : ''}` +
  `${r.crashed ? ` (run ended early: ${r.crashed})` : ''} (${duration(r.ms)})`;
const total = results.reduce((sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
console.log(`\n${results.map(describe).join(' · ')}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed || results.some((r) => r.code !== 0) || results.length < engines.length ? 1 : 0;
