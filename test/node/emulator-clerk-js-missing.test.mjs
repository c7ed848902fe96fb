// An app without @clerk/clerk-js (an optional peer: npm does not install it). Each adapter says so in the terminal when
// it starts, with the command that fixes it; a script request says so too (a Clerk error body the provider shows); and
// installing it while the server runs is enough: the next request finds it.
//
// The package's Node build is copied into a scratch app whose node_modules has no @clerk/clerk-js, and the process
// works from there, as `npx vite` or `node clerk-emulator.mjs` would in that app.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const realClerkJs = dirname(dirname(createRequire(join(root, 'package.json')).resolve('@clerk/clerk-js')));
const FIX = 'npm install -D @clerk/clerk-js@6';
const NOT_INSTALLED = /@clerk\/clerk-js is not installed, so Clerk's browser script cannot be served/;

let app;
let kit;
let cwd;

before(async () => {
  app = mkdtempSync(join(tmpdir(), 'clerk-no-clerk-js-'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'my-app', private: true, type: 'module' }));
  const pkg = join(app, 'node_modules', 'clerk-sign-out-elements');
  mkdirSync(pkg, { recursive: true });
  cpSync(join(root, 'dist', 'testing'), join(pkg, 'dist', 'testing'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'clerk-sign-out-elements', type: 'module' }));
  cwd = process.cwd();
  process.chdir(app);
  kit = await import(pathToFileURL(join(pkg, 'dist', 'testing', 'node', 'index.js')).href);
});

after(() => {
  process.chdir(cwd);
  rmSync(app, { recursive: true, force: true });
});

/** Runs `start` and returns what it printed with console.warn (the adapters' fallback when no logger is given). */
async function warnings(start) {
  const seen = [];
  const { warn } = console;
  console.warn = (...args) => seen.push(args.join(' '));
  try {
    await start();
  } finally {
    console.warn = warn;
  }
  return seen;
}

describe('without @clerk/clerk-js', () => {
  it('startClerkEmulator says so at start, with the command; a script request answers why (404, Clerk error body)', async () => {
    let running;
    const said = await warnings(async () => (running = await kit.startClerkEmulator()));
    try {
      assert.equal(said.length, 1, said.join('\n'));
      assert.match(said[0], /^\[clerk emulator\] /);
      assert.match(said[0], NOT_INSTALLED);
      assert.ok(said[0].endsWith(FIX), said[0]);
      assert.equal(running.emulator.clerkJsProblem(), said[0].replace('[clerk emulator] ', ''));

      const response = await fetch(`${running.proxyUrl}/npm/@clerk/clerk-js@6/dist/clerk.browser.js`);
      assert.equal(response.status, 404);
      const { errors } = await response.json();
      assert.match(errors[0].long_message, NOT_INSTALLED);
      assert.ok(errors[0].long_message.includes(FIX));
    } finally {
      await running.close();
    }
  });

  it("the vite plugin says so in vite's terminal (its logger), the WTR plugin in WTR's", async () => {
    const viteSaid = [];
    kit.clerkEmulatorVitePlugin().configureServer({
      middlewares: { use() {} },
      config: { logger: { warn: (message) => viteSaid.push(message) } },
    });
    assert.equal(viteSaid.length, 1);
    assert.match(viteSaid[0], NOT_INSTALLED);
    assert.ok(viteSaid[0].includes(FIX));

    const wtrSaid = [];
    const server = { listeners: () => [], removeAllListeners() {}, on() {} };
    kit.clerkEmulatorPlugin().serverStart({ server, logger: { warn: (message) => wtrSaid.push(message) } });
    assert.deepEqual(wtrSaid, viteSaid);

    const fallback = await warnings(() =>
      kit.clerkEmulatorVitePlugin().configurePreviewServer({ middlewares: { use() {} } }),
    );
    assert.deepEqual(fallback, viteSaid, 'console.warn without a logger');
  });

  it('names clerkJsDist when the folder it is given has no clerk.browser.js', async () => {
    const said = await warnings(() =>
      kit
        .clerkEmulatorPlugin({ clerkJsDist: app })
        .serverStart({ server: { listeners: () => [], removeAllListeners() {}, on() {} } }),
    );
    assert.equal(said.length, 1);
    assert.match(said[0], /no clerk\.browser\.js in clerkJsDist/);
    assert.ok(said[0].includes(JSON.stringify(app)));
  });

  it('installed while the server runs: the next request gets the script, with no restart', async () => {
    let running;
    await warnings(async () => (running = await kit.startClerkEmulator()));
    const url = `${running.proxyUrl}/npm/@clerk/clerk-js@6/dist/clerk.browser.js`;
    try {
      assert.equal((await fetch(url)).status, 404);
      // `npm install -D @clerk/clerk-js` puts it in the app's node_modules.
      mkdirSync(join(app, 'node_modules', '@clerk'), { recursive: true });
      symlinkSync(realClerkJs, join(app, 'node_modules', '@clerk', 'clerk-js'));
      const response = await fetch(url);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type'), /javascript/);
      assert.equal(running.emulator.clerkJsProblem(), undefined);
      assert.deepEqual(await warnings(() => kit.startClerkEmulator().then((again) => again.close())), []);
    } finally {
      await running.close();
      rmSync(join(app, 'node_modules', '@clerk'), { recursive: true, force: true });
    }
  });
});
