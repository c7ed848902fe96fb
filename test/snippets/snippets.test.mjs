// `npm run test:snippets`: runs the README's offline setups (test/snippets/*, shown in the README as they are; see
// test/node/readme-snippets.test.mjs) the way a package user would, against the package as it would be published:
//
//   1. builds the package (vite.config.ts + tsconfig.node.json) into node_modules/clerk-sign-out-elements of a scratch
//      project in the system's temp folder (its other node_modules are links to this repository's), so `import
//      'clerk-sign-out-elements'` means the built package, never src/;
//   2. checks that build: class names kept, no-flash.css shipped;
//   3. runs each snippet from a copy in that project, unchanged, and looks at the page in Debian's Chromium:
//      Vite with the plugin, the standalone emulator beside another dev server, @web/test-runner (a nested run with the
//      snippet's own config) and the Playwright spec (on a puppeteer-core stand-in for @playwright/test, see
//      playwright/shim/index.mjs).
//
// The standalone emulator and the Playwright spec listen on port 4010, as the README says: it must be free.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../../tools/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);
const TIMEOUT = 15_000;

let project;
let pkgDir;
let browser;
const cleanups = [];

before(async () => {
  project = mkdtempSync(join(tmpdir(), 'clerk-snippets-'));
  pkgDir = join(project, 'node_modules', 'clerk-sign-out-elements');
  mkdirSync(pkgDir, { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (
      ['clerk-sign-out-elements', '@playwright', '.bin', '.vite', '.cache'].includes(entry) ||
      entry.startsWith('.fm')
    )
      continue;
    symlinkSync(join(root, 'node_modules', entry), join(project, 'node_modules', entry));
  }
  // The app's own package.json, as `npm create vite` writes it: ESM, so vite.config.ts may import ESM-only packages.
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-app', private: true, type: 'module' }));
  // The package as `npm pack` would ship it (the parts these snippets use).
  writeFileSync(join(pkgDir, 'package.json'), readFileSync(join(root, 'package.json')));
  const { build } = await import('vite');
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: join(pkgDir, 'dist'), emptyOutDir: true, sourcemap: false },
  });
  execFileSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc'),
      '-p',
      join(root, 'tsconfig.node.json'),
      '--outDir',
      join(pkgDir, 'dist/testing'),
    ],
    { cwd: root, stdio: 'inherit' },
  );
  // Playwright is not installed: a stand-in with the same import name.
  const shim = join(project, 'node_modules', '@playwright', 'test');
  mkdirSync(shim, { recursive: true });
  cpSync(join(here, 'playwright/shim/index.mjs'), join(shim, 'index.mjs'));
  writeFileSync(
    join(shim, 'package.json'),
    JSON.stringify({ name: '@playwright/test', type: 'module', exports: './index.mjs' }),
  );
  // The snippets, each in a folder of the project.
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

/** A Vite dev server for `folder` of the project; `configFile: false` = a plain dev server, not the snippet's config. */
let servers = 0;
async function viteServer(folder, configFile) {
  const { createServer } = await import('vite');
  const server = await createServer({
    root: join(project, folder),
    configFile,
    logLevel: 'warn',
    cacheDir: join(project, `.vite-${++servers}`),
    server: { port: 0, host: 'localhost' },
  });
  await server.listen();
  cleanups.push(() => server.close());
  return server.resolvedUrls.local[0];
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

/** Stops a child process this test started (by its handle), once. */
const stop = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill();
  });

/** Starts `node <file>` in `folder`; resolves with its first stdout line once it printed one. */
function startNode(folder, file) {
  const child = spawn(process.execPath, [file], { cwd: join(project, folder), stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => stop(child));
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('\n')) resolve({ child, line: output.split('\n')[0] });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`node ${file} exited (${code}) before it was ready:\n${output}`)));
  });
}

describe('the built package', () => {
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

describe('README offline snippets, run as written', () => {
  it('Vite: vite.config.ts + index.html show Ada signed in; signing out shows the signed-out content, also after a reload; a reset brings Ada back', async () => {
    const url = await viteServer('vite', join(project, 'vite/vite.config.ts'));
    const page = await browser.newPage();
    try {
      await page.goto(url);
      await visibleText(page, 'You are signed in.');
      await visibleText(page, 'Ada Lovelace'); // the menu's trigger, show-name
      assert.equal(await shows(page, 'clerk-signed-out p'), false);
      await Promise.all([page.waitForNavigation(), signOutButton(page).click()]); // Clerk's default: a page load to /
      await visibleText(page, 'You are signed out.');
      await page.reload();
      await visibleText(page, 'You are signed out.');
      assert.equal(await shows(page, 'clerk-signed-in p'), false);
      // The README's `curl -X POST http://localhost:5173/__clerk/__control/reset`, with this server's port.
      const reset = await fetch(new URL('/__clerk/__control/reset', url), { method: 'POST' });
      assert.equal(reset.status, 200);
      await page.reload();
      await visibleText(page, 'You are signed in.');
    } finally {
      await page.close();
    }
  });

  it('standalone: clerk-emulator.mjs (port 4010, demoSeed) and a page on another dev server show Ada signed in, then signed out', async () => {
    const { child, line } = await startNode('standalone', 'clerk-emulator.mjs');
    try {
      assert.equal(
        line,
        'Clerk emulator ready: <clerk-provider publishable-key="pk_live_Y2xlcmsuZXhhbXBsZS5jb20k" proxy-url="http://127.0.0.1:4010/__clerk">',
      );
      const url = await viteServer('standalone', false); // any dev server: Vite without the emulator plugin
      const page = await browser.newPage();
      try {
        await page.goto(url);
        await visibleText(page, 'You are signed in.');
        await visibleText(page, 'Ada Lovelace');
        await Promise.all([page.waitForNavigation(), signOutButton(page).click()]);
        await visibleText(page, 'You are signed out.');
      } finally {
        await page.close();
      }
    } finally {
      await stop(child);
    }
  });

  it('Playwright: sign-out.spec.ts passes (on the puppeteer-core stand-in), against the standalone page', async () => {
    const ts = require('typescript');
    const source = readFileSync(join(project, 'playwright/sign-out.spec.ts'), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(project, 'playwright/sign-out.spec.mjs'), outputText);
    const baseURL = await viteServer('standalone', false);
    const playwright = await import(pathToFileURL(join(project, 'node_modules/@playwright/test/index.mjs')).href);
    await import(pathToFileURL(join(project, 'playwright/sign-out.spec.mjs')).href);
    const passed = await playwright.run({
      baseURL,
      launch: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS },
    });
    assert.deepEqual(passed, ['a signed-in user signs out, and the server agrees']);
  });

  it('@web/test-runner: web-test-runner.config.mjs runs test/sign-out.test.js, which passes', async () => {
    // Debian's Chromium needs --no-sandbox as root, which the snippet's config does not (and should not) pass: a
    // wrapper adds it, found by WTR through CHROME_PATH as a user's Chrome would be.
    const chromium = join(project, 'chromium');
    writeFileSync(chromium, `#!/bin/sh\nexec ${JSON.stringify(chromiumPath())} --no-sandbox "$@"\n`);
    chmodSync(chromium, 0o755);
    const wtr = join(root, 'node_modules/@web/test-runner');
    const bin = join(wtr, JSON.parse(readFileSync(join(wtr, 'package.json'), 'utf8')).bin['web-test-runner']);
    const run = spawn(process.execPath, [bin], {
      cwd: join(project, 'wtr'),
      env: { ...process.env, CHROME_PATH: chromium },
    });
    let output = '';
    run.stdout.on('data', (chunk) => (output += chunk));
    run.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => run.once('exit', resolve));
    assert.equal(code, 0, output);
    assert.match(output, /1 passed, 0 failed/);
  });
});
