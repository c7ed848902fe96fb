// `npm test`: the WTR suite in Chromium, Firefox and WebKit, one engine after the other (each run gets the 2 cores to
// itself and its own wall time), on clerk-js 6 (Core 3: every test), then the tests that run the real clerk-js again on
// clerk-js 5 (Core 2) in each engine (test/support/clerk-js-versions.mjs). Before running anything it checks that every
// engine asked for is installed; a missing one is installed with apt-get when this runs as root, otherwise it stops with
// the command that installs it. Then it builds the package (npm run build) and the docs site (npm run docs:build),
// runs the Node tests (test/node/) and, when no test file is named, the snippets as a user runs them (test/snippets/:
// the packed tarball installed in a scratch project), then the browser runs. WebKit gets one more run of the theme tests
// with GTK's dark theme (webkit+os-dark): WebKitGTK takes the OS's colour scheme only at start.
//
//   npm test                                   all three engines, on both Clerk majors
//   npm test -- --engine firefox               one engine (repeat --engine, or give a list: --engine chromium,webkit)
//   npm test -- --clerk 5                      one Clerk major (5 = Core 2: only the real-clerk-js tests; 6 = Core 3)
//   ENGINES=chromium CLERK_JS=6 npm test       the same, from the environment
//   npm test -- --engine webkit test/unit/user-menu/keyboard.test.ts    other arguments go to web-test-runner; the Core 2
//                                              runs take only the given files that run the real clerk-js
//
// The summary names each run (`node`, `snippets`, `chromium`, …, `chromium+clerk5`) and its time; the last line is the
// total of all of them, "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ENGINES, engineVersion, missingEngine } from './engines.mjs';
import {
  CLERK_JS_MAJORS,
  DEFAULT_CLERK_JS,
  clerkJsPackage,
  isClerkDependent,
} from '../test/support/clerk-js-versions.mjs';

/** The Clerk majors in the order they run: Core 3 (the default) first. */
const MAJORS = Object.keys(CLERK_JS_MAJORS).sort((a, b) => Number(b) - Number(a));

function list(values, fallback, known, what) {
  const asked = (values.length ? values : [fallback])
    .flatMap((value) => value.split(','))
    .map((name) =>
      name
        .trim()
        .toLowerCase()
        .replace(/^clerk/, ''),
    )
    .filter(Boolean);
  const unknown = asked.filter((name) => !known.includes(name));
  if (unknown.length || !asked.length) {
    console.error(`Unknown ${what}: ${unknown.join(', ') || '(none)'}. Use one or more of: ${known.join(', ')}.`);
    process.exit(2);
  }
  return known.filter((name) => asked.includes(name));
}

function parseArgs(argv) {
  const engines = [];
  const majors = [];
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--engine' || arg === '--engines') engines.push(argv[++i] ?? '');
    else if (arg.startsWith('--engine=') || arg.startsWith('--engines=')) engines.push(arg.slice(arg.indexOf('=') + 1));
    else if (arg === '--clerk') majors.push(argv[++i] ?? '');
    else if (arg.startsWith('--clerk=')) majors.push(arg.slice('--clerk='.length));
    else rest.push(arg);
  }
  return {
    engines: list(engines, process.env.ENGINES || ENGINES.join(','), ENGINES, 'engine'),
    majors: list(majors, process.env.CLERK_JS || MAJORS.join(','), MAJORS, 'Clerk major'),
    wtrArgs: rest,
  };
}

/** Test files named on the command line (web-test-runner takes them as positional arguments). */
const isFileArg = (arg) => !arg.startsWith('-') && /(\.[cm]?[jt]s$|\*|^\.?\/?test\/)/.test(arg);

/**
 * The runs, engine by engine on the default major, then the other majors in each engine. A run on another major takes
 * only the real-clerk-js tests: the given ones, or all of them (web-test-runner.config.mjs) when no file was given.
 */
function plan(engines, majors, wtrArgs) {
  const files = wtrArgs.filter(isFileArg);
  const runs = [];
  for (const major of majors) {
    const args =
      major === DEFAULT_CLERK_JS || !files.length
        ? wtrArgs
        : wtrArgs.filter((arg) => !isFileArg(arg) || isClerkDependent(arg));
    if (files.length && !args.some(isFileArg)) {
      console.log(`(clerk-js ${major}: none of the given files runs the real clerk-js; not run)`);
      continue;
    }
    for (const engine of engines) {
      runs.push({ name: major === DEFAULT_CLERK_JS ? engine : `${engine}+clerk${major}`, engine, major, args });
    }
  }
  // WebKitGTK takes the OS's colour scheme from GTK at start and cannot be told otherwise while it runs, so the theme
  // pages that need a dark OS get a WebKit run of their own, started dark.
  const themeFiles = files.length ? files.filter((file) => file.includes('test/unit/theme')) : [OS_DARK_FILE];
  if (engines.includes('webkit') && majors.includes(DEFAULT_CLERK_JS) && themeFiles.length) {
    const args = [...wtrArgs.filter((arg) => !isFileArg(arg)), ...themeFiles];
    runs.push({
      name: 'webkit+os-dark',
      engine: 'webkit',
      major: DEFAULT_CLERK_JS,
      args,
      env: { GTK_THEME: 'Adwaita:dark' },
    });
  }
  return runs;
}

/** The test file whose pages need the OS to prefer dark (test/support/page-frame.ts). */
const OS_DARK_FILE = 'test/unit/theme/theme.test.ts';

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
    console.error(
      `Not installed: ${missing.map(([engine]) => engine).join(', ')}. Install with:\n\n  sudo sh -c '${command}'\n`,
    );
    const installed = engines.filter((engine) => !missing.some(([name]) => name === engine));
    if (installed.length)
      console.error(`(or run the installed ones only: npm test -- --engine ${installed.join(',')})`);
    process.exit(1);
  }
  console.log(`== installing ${missing.map(([engine]) => engine).join(', ')} (Debian packages)`);
  apt(['update', '-qq']);
  for (const [engine, install] of missing) {
    apt(
      install
        .replace(/^apt-get /, '')
        .split(' ')
        .concat('-qq'),
    );
    if (missingEngine(engine)) throw new Error(`${engine}: still missing after "${install}"`);
  }
}

function runWtr({ engine, major, args, env }, countFile) {
  // The package's bin (dist/bin.js, beside its main entry; not in its "exports").
  const bin = join(dirname(createRequire(import.meta.url).resolve('@web/test-runner')), 'bin.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      stdio: 'inherit',
      env: { ...process.env, ...env, WTR_ENGINE: engine, CLERK_JS: major, WTR_COUNT_FILE: countFile },
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

/** Runs `node --test` with the spec reporter on screen, and reads its counts from a TAP copy. */
function nodeTests(args, tapFile) {
  const { status, signal } = spawnSync(
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...args,
    ],
    { stdio: 'inherit' },
  );
  let tap = '';
  try {
    tap = readFileSync(tapFile, 'utf8');
  } catch {
    // no report: counted below as a failure
  }
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  const counts = {
    passed: count('pass'),
    failed: count('fail') + count('cancelled'),
    skipped: count('skipped'),
    code: status,
  };
  if (status !== 0 && !counts.failed) return { ...counts, failed: 1, crashed: signal ?? `exit ${status}` };
  return counts;
}

function duration(ms) {
  const seconds = Math.round(ms / 1000);
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s` : `${seconds} s`;
}

const { engines, majors, wtrArgs } = parseArgs(process.argv.slice(2));
ensureEngines(engines);
const runs = plan(engines, majors, wtrArgs);
const clerkJs = Object.fromEntries(majors.map((major) => [major, clerkJsPackage(major)]));

/** Runs an npm script the tests need; when it fails nothing can be tested. */
function prepare(script) {
  if (spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' }).status === 0) return;
  console.log(`\nnpm run ${script} failed: no tests were run`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

prepare('build'); // the package as it ships: the Node tests import it (dist/), the browser tests its emulator
const dir = mkdtempSync(join(tmpdir(), 'wtr-engines-'));
const results = [];
const begun = Date.now();
// The Node tests (the emulator, the docs and lists checks), and with no file named, the snippets as a user runs them
// (the packed tarball in a scratch project; they rebuild dist/): counted in the total like the browser runs.
const nodeRuns = [{ name: 'node', args: ['test/node/'] }];
if (!wtrArgs.some(isFileArg)) {
  nodeRuns.push({ name: 'snippets', args: ['--test-concurrency=1', 'test/snippets/snippets.test.mjs'] });
}
for (const { name, args } of nodeRuns) {
  console.log(`\n== ${name}: node --test ${args.join(' ')}`);
  const started = Date.now();
  results.push({ name, ...nodeTests(args, join(dir, `${name}.tap`)), ms: Date.now() - started });
  const last = results.at(-1);
  console.log(`== ${name}: ${last.passed} passed, ${last.failed} failed in ${duration(last.ms)}`);
}
// The docs site that test/docs/ visits (dist/docs/), after the snippets' build emptied dist/.
prepare('docs:build');

try {
  for (const run of runs) {
    const { name, engine, major } = run;
    const clerk = `clerk-js ${clerkJs[major].version} (${clerkJs[major].core}${major === DEFAULT_CLERK_JS ? '' : ': the real-clerk-js tests'})`;
    console.log(`\n== ${name}: ${engineVersion(engine) ?? engine} · ${clerk}`);
    const countFile = join(dir, `${name}.json`);
    const started = Date.now();
    const { code, signal } = await runWtr(run, countFile);
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
    results.push({ name, ms, code, ...counts });
    console.log(`== ${name}: ${counts.passed} passed, ${counts.failed} failed in ${duration(ms)}`);
    if (signal === 'SIGINT' || signal === 'SIGTERM') break;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const describe = (r) =>
  `${r.name} ${r.passed} passed${r.failed ? `, ${r.failed} failed` : ''}${r.skipped ? `, ${r.skipped} skipped` : ''}` +
  `${r.crashed ? ` (run ended early: ${r.crashed})` : ''} (${duration(r.ms)})`;
const total = results.reduce(
  (sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }),
  {
    passed: 0,
    failed: 0,
    skipped: 0,
  },
);
console.log(`\n${results.map(describe).join(' · ')}`);
// Skips (e.g. the dark-OS theme tests outside the webkit+os-dark run) are told here: the last line stays the plain
// "N passed, N failed" that CI reads.
console.log(`all runs: ${duration(Date.now() - begun)}${total.skipped ? ` · ${total.skipped} skipped` : ''}`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exitCode = total.failed || results.some((r) => r.code !== 0) || results.length < runs.length ? 1 : 0;
