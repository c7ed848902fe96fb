// `npm run test:snippets`: runs the offline setups of the docs (test/snippets/*, shown by the docs pages as they are; see
// test/node/readme-snippets.test.mjs) the way a package user would, from the package as it is published:
//
//   1. builds the package (`npm run build`) and packs it (`npm pack`);
//   2. makes a scratch project in the system's temp folder and installs, with its own `npm install` (from the npm
//      registry, through npm's cache), the tarball and what the README tells a user to install, nothing linked from
//      this repository: first the package and Vite alone, so @clerk/clerk-js (an optional peer) is missing, as it is
//      for a user who skips that line, and the terminal and the page must say so; then @clerk/clerk-js, installed while
//      the dev server runs, and @web/test-runner, @open-wc/testing and puppeteer-core (the Playwright stand-in's own);
//   3. runs each snippet from a copy in that project, with the project's own tools, and looks at the page in Debian's
//      Chromium: Vite with the plugin (and its production build), the standalone emulator beside another dev server,
//      @web/test-runner (a nested run with the snippet's config) and the Playwright spec (on a puppeteer-core stand-in
//      for @playwright/test, see playwright/shim/index.mjs).
//
// Every server listens on a free port (port 0, the URL read back), so nothing here needs a port of its own.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../../tools/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);
const run = promisify(execFile);
const TIMEOUT = 15_000;
const EMULATOR_KEY = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k';
const INSTALL_CLERK_JS = 'npm install -D @clerk/clerk-js@6';
const NOT_INSTALLED = "@clerk/clerk-js is not installed, so Clerk's browser script cannot be served";

/** The version this repository installs, so npm finds it in its cache. */
const version = (name) =>
  `${name}@${JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'))).version}`;

let project;
let pkgDir;
let browser;
const cleanups = [];

/** `npm …` in the scratch project; its output is the error when it fails. */
async function npm(...args) {
  try {
    await run('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: project,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`npm ${args.join(' ')} failed:\n${error.stdout}\n${error.stderr}`, { cause: error });
  }
}

before(async () => {
  const built = await run('npm', ['run', 'build'], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).catch((error) => error);
  if (built instanceof Error) throw new Error(`npm run build failed:\n${built.stdout}\n${built.stderr}`);
  project = mkdtempSync(join(tmpdir(), 'clerk-snippets-'));
  const packed = await run('npm', ['pack', '--pack-destination', project, '--ignore-scripts', '--json'], { cwd: root });
  const tarball = join(project, JSON.parse(packed.stdout)[0].filename);
  // The app's own package.json, as `npm create vite` writes it: ESM, so vite.config.ts may import ESM-only packages.
  // The overrides are this repository's (the registry here lacks the platform packages of newer rollups).
  const { overrides } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'my-app', private: true, type: 'module', overrides }),
  );
  // README, Install: the package; Run it offline, with Vite: vite. Not yet @clerk/clerk-js.
  await npm('install', tarball);
  await npm('install', '-D', version('vite'));
  pkgDir = join(project, 'node_modules', 'clerk-sign-out-elements');
  for (const folder of ['vite', 'standalone', 'wtr', 'playwright'])
    cpSync(join(here, folder), join(project, folder), { recursive: true });

  const { default: puppeteer } = await import('puppeteer-core');
  browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await browser?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

/** Stops a child process this test started (by its handle), once. */
const stop = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill();
  });

/**
 * Starts `node <script> …args` in `folder` of the project and resolves once its output matches `ready`, with the
 * match and a getter of everything it printed (stdout and stderr).
 */
function start(folder, script, args, ready) {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: join(project, folder),
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => stop(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const check = (chunk) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) resolve({ child, match, output: () => output });
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready:\n${output}`)));
  });
}

/** `npx vite` in `folder` on a free port: the project's own Vite, with that folder's config if it has one. */
async function vite(folder) {
  const server = await start(folder, join(project, 'node_modules/vite/bin/vite.js'), ['--port', '0'], /Local:\s+(\S+)/);
  return { ...server, url: server.match[1] };
}

/** Waits until an element with this text (shadow DOM included) is visible. */
const visibleText = (page, text) =>
  page
    .locator(`::-p-text(${JSON.stringify(text)})`)
    .setTimeout(TIMEOUT)
    .setVisibility('visible')
    .wait();
const signOutButton = (page) => page.locator('::-p-aria([name="Sign out"][role="button"])').setTimeout(TIMEOUT);
const shows = (page, selector) => page.$eval(selector, (element) => element.checkVisibility());

/** A page that records its console errors. */
async function newPage() {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  return { page, errors };
}

async function until(condition, what) {
  const deadline = Date.now() + TIMEOUT;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the packed package', () => {
  it('keeps the names of its public classes (npm build)', async () => {
    // Evaluated in Node: lit's Node build brings customElements and its own HTMLElement; the menu's module reads
    // HTMLElement.prototype (popover support) as it loads, so Node gets a bare one.
    globalThis.HTMLElement ??= class HTMLElement {};
    const api = await import(pathToFileURL(join(pkgDir, 'dist/index.js')).href);
    const classes = Object.entries(api).filter(
      ([, value]) => typeof value === 'function' && /^class\b/.test(String(value)),
    );
    assert.ok(classes.length >= 15, `only ${classes.length} classes exported`);
    for (const [name, value] of classes) assert.equal(value.name, name);
    for (const name of ['SignedOutEvent', 'ClerkSignOutButton', 'SignOutNotConfirmedError', 'ClerkUserMenu'])
      assert.equal(api[name].name, name);
  });

  it('ships no-flash.css at the path its export names', () => {
    const exported = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).exports['./no-flash.css'];
    assert.equal(readFileSync(join(pkgDir, exported), 'utf8'), readFileSync(join(root, 'src/no-flash.css'), 'utf8'));
  });
});

describe('without @clerk/clerk-js (an optional peer: npm does not install it)', () => {
  it('standalone: the terminal says the script cannot be served, and the command that fixes it', async () => {
    const emulator = await start('standalone', 'clerk-emulator.mjs', [], /Clerk emulator ready: .*\n/);
    try {
      assert.match(emulator.output(), new RegExp(`\\[clerk emulator\\] ${NOT_INSTALLED}.*${INSTALL_CLERK_JS}`));
    } finally {
      await stop(emulator.child);
    }
  });

  it("Vite: the terminal says so at start, the page's console gives that cause, and installing it needs no restart", async () => {
    const server = await vite('vite');
    const { page, errors } = await newPage();
    try {
      assert.match(server.output(), new RegExp(`\\[clerk emulator\\] ${NOT_INSTALLED}.*${INSTALL_CLERK_JS}`));
      await page.goto(server.url);
      await until(() => errors.some((text) => text.includes("could not load Clerk's script")), 'the console error');
      const error = errors.find((text) => text.includes("could not load Clerk's script"));
      assert.ok(error.includes(NOT_INSTALLED), error);
      assert.ok(error.includes(INSTALL_CLERK_JS), error);
      assert.equal(await shows(page, 'clerk-signed-out p'), false, 'neither state shows');

      // The one command, as the terminal says; the dev server keeps running.
      await npm('install', '-D', version('@clerk/clerk-js'));
      await page.reload();
      await visibleText(page, 'You are signed in.');
      await visibleText(page, 'Ada Lovelace');
    } finally {
      await page.close();
      await stop(server.child);
    }
  });
});

describe('the docs pages offline snippets, run as written', () => {
  before(async () => {
    // README: @clerk/clerk-js for the emulator (already there after the test above, unless it was skipped), then what
    // the @web/test-runner section uses; puppeteer-core is the Playwright stand-in's own dependency.
    await npm(
      'install',
      '-D',
      version('@clerk/clerk-js'),
      version('@web/test-runner'),
      version('@open-wc/testing'),
      version('puppeteer-core'),
    );
  });

  it('Vite: vite.config.ts + .env.development + index.html show Ada signed in; signing out shows the signed-out content, also after a reload; a reset brings Ada back', async () => {
    const server = await vite('vite');
    const { page } = await newPage();
    try {
      assert.doesNotMatch(server.output(), /\[clerk emulator\]/, 'nothing to say: clerk-js is installed');
      await page.goto(server.url);
      await visibleText(page, 'You are signed in.');
      await visibleText(page, 'Ada Lovelace'); // the menu's trigger, show-name
      assert.equal(await shows(page, 'clerk-signed-out p'), false);
      await Promise.all([page.waitForNavigation(), signOutButton(page).click()]); // Clerk's default: a page load to /
      await visibleText(page, 'You are signed out.');
      await page.reload();
      await visibleText(page, 'You are signed out.');
      assert.equal(await shows(page, 'clerk-signed-in p'), false);
      // The README's `curl -X POST http://localhost:5173/__clerk/__control/reset`, with this server's port.
      const reset = await fetch(new URL('/__clerk/__control/reset', server.url), { method: 'POST' });
      assert.equal(reset.status, 200);
      await page.reload();
      await visibleText(page, 'You are signed in.');
    } finally {
      await page.close();
      await stop(server.child);
    }
  });

  it("Vite: `vite build` takes .env.production's key and no proxy: the emulator's key is not in the production build", async () => {
    await run(process.execPath, [join(project, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: join(project, 'vite'),
    });
    const html = readFileSync(join(project, 'vite/dist/index.html'), 'utf8');
    const production = /VITE_CLERK_PUBLISHABLE_KEY=(\S+)/.exec(
      readFileSync(join(here, 'vite/.env.production'), 'utf8'),
    );
    assert.match(html, new RegExp(`<clerk-provider publishable-key="${production[1]}" proxy-url="">`));
    assert.ok(!html.includes(EMULATOR_KEY) && !html.includes('/__clerk'), html);
  });

  it('standalone: clerk-emulator.mjs takes a free port and prints its URL; two run side by side; a page on another dev server with the printed attributes shows Ada signed in, then signed out', async () => {
    const ready =
      /Clerk emulator ready: (<clerk-provider publishable-key="(\S+)" proxy-url="http:\/\/127\.0\.0\.1:(\d+)\/__clerk">)\n/;
    const [first, second] = await Promise.all([
      start('standalone', 'clerk-emulator.mjs', [], ready),
      start('standalone', 'clerk-emulator.mjs', [], ready),
    ]);
    assert.equal(first.match[2], EMULATOR_KEY);
    assert.notEqual(first.match[3], second.match[3], 'each got a port of its own');
    await stop(second.child);
    // What the README says to do with the printed line: it is the page's <clerk-provider> tag.
    const page = readFileSync(join(here, 'standalone/index.html'), 'utf8');
    const tag = /^( *)<clerk-provider [^>]*>$/m;
    assert.match(page, tag);
    writeFileSync(join(project, 'standalone/index.html'), page.replace(tag, `$1${first.match[1]}`));
    // Any dev server: here Vite without the emulator (the folder has no vite config).
    const server = await vite('standalone');
    const { page: tab } = await newPage();
    try {
      await tab.goto(server.url);
      await visibleText(tab, 'You are signed in.');
      await visibleText(tab, 'Ada Lovelace');
      await Promise.all([tab.waitForNavigation(), signOutButton(tab).click()]);
      await visibleText(tab, 'You are signed out.');
    } finally {
      await tab.close();
      await stop(server.child);
      await stop(first.child);
    }
  });

  it('Playwright: sign-out.spec.ts passes (on the puppeteer-core stand-in) against an app whose /__clerk it routes to its emulator; a failed start leaves afterAll quiet', async () => {
    const ts = require('typescript');
    const source = readFileSync(join(project, 'playwright/sign-out.spec.ts'), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(project, 'playwright/sign-out.spec.mjs'), outputText);
    // Playwright is not installed here: a stand-in with the same import name, and its own dependency.
    const shim = join(project, 'node_modules/@playwright/test');
    mkdirSync(shim, { recursive: true });
    cpSync(join(here, 'playwright/shim/index.mjs'), join(shim, 'index.mjs'));
    writeFileSync(
      join(shim, 'package.json'),
      JSON.stringify({ name: '@playwright/test', type: 'module', exports: './index.mjs' }),
    );
    // The app under test: the Vite snippet's page with .env.development's values, on a server that does not emulate
    // Clerk (no vite config), so /__clerk reaches an emulator only through the spec's route.
    mkdirSync(join(project, 'app'));
    cpSync(join(project, 'vite/index.html'), join(project, 'app/index.html'));
    cpSync(join(project, 'vite/.env.development'), join(project, 'app/.env.development'));
    const app = await vite('app');
    try {
      const playwright = await import(pathToFileURL(join(shim, 'index.mjs')).href);
      await import(pathToFileURL(join(project, 'playwright/sign-out.spec.mjs')).href);
      const launch = { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS };
      // As when another process holds the port, or the emulator cannot start: only that error is reported.
      const failed = await playwright.run({ baseURL: app.url, launch, startFails: new Error('listen EADDRINUSE') });
      assert.deepEqual(
        failed.errors.map(({ where, error }) => `${where}: ${error.message}`),
        ['beforeAll: listen EADDRINUSE'],
      );
      const passed = await playwright.run({ baseURL: app.url, launch });
      assert.deepEqual(passed.errors, []);
      assert.deepEqual(passed.passed, ['a signed-in user signs out, and the server agrees']);
    } finally {
      await stop(app.child);
    }
  });

  it('@web/test-runner: web-test-runner.config.mjs runs test/sign-out.test.js, which passes', async () => {
    // Debian's Chromium needs --no-sandbox as root, which the snippet's config does not (and should not) pass: a
    // wrapper adds it, found by WTR through CHROME_PATH as a user's Chrome would be.
    const chromium = join(project, 'chromium');
    writeFileSync(chromium, `#!/bin/sh\nexec ${JSON.stringify(chromiumPath())} --no-sandbox "$@"\n`);
    chmodSync(chromium, 0o755);
    const wtr = join(project, 'node_modules/@web/test-runner');
    const bin = join(wtr, JSON.parse(readFileSync(join(wtr, 'package.json'), 'utf8')).bin['web-test-runner']);
    const child = spawn(process.execPath, [bin], {
      cwd: join(project, 'wtr'),
      env: { ...process.env, CHROME_PATH: chromium },
    });
    cleanups.push(() => stop(child));
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 0, output);
    assert.match(output, /1 passed, 0 failed/);
    assert.doesNotMatch(output, /\[clerk emulator\]/);
  });
});
