// The three browser engines the tests run in, each from a Debian package (nothing is downloaded at run time):
//   chromium  Debian's `chromium`, driven by puppeteer-core over CDP (tools/chromium.mjs)
//   firefox   Debian's `firefox-esr`, driven by puppeteer-core over WebDriver BiDi (WTR's chromeLauncher)
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver (`webkit2gtk-driver`), under Xvfb, with
//             @web/test-runner-webdriver; one page at a time (its launcher runs files in iframes above concurrency 1)
// Used by web-test-runner.config.mjs (WTR_ENGINE picks the engine) and tools/test.mjs (`npm test`, every engine in turn).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromeLauncher } from '@web/test-runner';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

function which(...names) {
  for (const name of names) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim();
    } catch {
      // next
    }
  }
  return undefined;
}

function firefoxPath() {
  if (process.env.FIREFOX_PATH) return existsSync(process.env.FIREFOX_PATH) ? process.env.FIREFOX_PATH : undefined;
  return which('firefox-esr', 'firefox');
}

/** WebKitGTK's MiniBrowser ships inside libwebkit2gtk (not on PATH): /usr/lib/<multiarch>/webkit2gtk-4.x/MiniBrowser. */
function miniBrowserPath() {
  if (process.env.MINIBROWSER_PATH)
    return existsSync(process.env.MINIBROWSER_PATH) ? process.env.MINIBROWSER_PATH : undefined;
  for (const lib of ['/usr/lib', '/usr/libexec']) {
    for (const dir of existsSync(lib) ? readdirSync(lib) : []) {
      for (const version of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
        const candidates = [`${lib}/${dir}/${version}/MiniBrowser`, `${lib}/${version}/MiniBrowser`];
        const found = candidates.find((path) => existsSync(path));
        if (found) return found;
      }
    }
  }
  return undefined;
}

/** The Debian packages each engine needs, and what to look for to know they are installed. */
const REQUIREMENTS = {
  chromium: { install: 'apt-get install -y chromium', present: () => Boolean(safe(chromiumPath)) },
  firefox: { install: 'apt-get install -y firefox-esr', present: () => Boolean(firefoxPath()) },
  webkit: {
    install: 'apt-get install -y --no-install-recommends webkit2gtk-driver xvfb xauth',
    present: () => Boolean(which('WebKitWebDriver') && which('Xvfb') && miniBrowserPath()),
  },
};

function safe(fn) {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** `undefined` when the engine can run here; otherwise the apt-get command that installs what it lacks. */
export function missingEngine(engine) {
  const requirement = REQUIREMENTS[engine];
  if (!requirement) throw new Error(`Unknown engine "${engine}" (one of: ${ENGINES.join(', ')})`);
  return requirement.present() ? undefined : requirement.install;
}

/**
 * The test page of every engine. Its first script hides `navigator.webdriver`: clerk-js treats an automated browser as
 * non-standard (network errors then resolve and sign out locally), and only Chromium can switch it off by a flag
 * (--disable-blink-features=AutomationControlled). Firefox and WebKit report it from Navigator.prototype; redefining the
 * getter there, before any module runs, gives clerk-js the same view as in a browser a person uses. `globals` are set on
 * `window` by the same script (e.g. which clerk-js the run tests: test/support/clerk-js.ts).
 */
export function testRunnerHtml(testFramework, globals = {}) {
  const assignments = Object.entries(globals)
    .map(([name, value]) => `\n      window.${name} = ${JSON.stringify(value)};`)
    .join('');
  return `<!DOCTYPE html>
<html>
  <head>
    <script>
      Object.defineProperty(Navigator.prototype, 'webdriver', { configurable: true, enumerable: true, get: () => false });${assignments}
    </script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;
}

/**
 * How many test files run at the same time in each engine (2 cores). Firefox: one, because only the page opened last
 * has focus (tab or window alike), and an element focused in any other page stops matching :focus, so parallel
 * keyboard tests fail by chance. WebKit: one, because @web/test-runner-webdriver runs files in iframes of one page above 1.
 */
export const CONCURRENCY = { chromium: 2, firefox: 1, webkit: 1 };

/** The WTR browser launcher of an engine. */
export async function browserFor(engine) {
  switch (engine) {
    case 'chromium':
      return chromeLauncher({ launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS } });
    case 'firefox': {
      const executablePath = firefoxPath();
      if (!executablePath)
        throw new Error(`No Firefox found. Install it: ${REQUIREMENTS.firefox.install} (or set FIREFOX_PATH)`);
      return chromeLauncher({ puppeteer, launchOptions: { browser: 'firefox', executablePath, headless: true } });
    }
    case 'webkit': {
      // Loaded only for WebKit (webdriverio is large).
      const { WebdriverLauncher } = await import('@web/test-runner-webdriver');
      const WebKitLauncher = webKitLauncherClass(WebdriverLauncher);
      return new WebKitLauncher();
    }
    default:
      throw new Error(`Unknown engine "${engine}" (one of: ${ENGINES.join(', ')})`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a free display; resolves with `:N` once it is ready (-displayfd writes N when it accepts clients). */
function startXvfb(children) {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    children.push(xvfb);
    let stderr = '';
    let out = '';
    xvfb.stderr.on('data', (chunk) => (stderr += chunk));
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.on('error', reject);
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr.trim()}`)));
  });
}

async function startWebKitDriver(display, children) {
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], {
    env: { ...process.env, DISPLAY: display },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(driver);
  let stderr = '';
  driver.stderr.on('data', (chunk) => (stderr += chunk));
  let exited;
  driver.on('exit', (code) => (exited = code));
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    if (exited !== undefined) throw new Error(`WebKitWebDriver exited (${exited}): ${stderr.trim()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return port;
    } catch {
      // not listening yet
    }
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within 15 s: ${stderr.trim()}`);
}

/**
 * @web/test-runner-webdriver's launcher, plus the two processes it needs here: Xvfb (MiniBrowser has no headless mode)
 * and WebKitWebDriver on a free port. Both start with the launcher and are stopped by PID with it (or when the process
 * exits), so `web-test-runner` alone runs WebKit, as `npm test` does.
 */
const webKitLauncherClass = (WebdriverLauncher) =>
  class WebKitLauncher extends WebdriverLauncher {
    constructor() {
      super({ capabilities: { browserName: 'MiniBrowser' } });
      this.children = [];
      this.stopChildren = () => {
        for (const child of this.children.splice(0))
          if (child.exitCode === null && child.signalCode === null) child.kill();
      };
    }

    async initialize(config, testFiles) {
      const binary = miniBrowserPath();
      if (!binary || !which('WebKitWebDriver') || !which('Xvfb')) {
        throw new Error(`WebKit is not installed. Install it: ${REQUIREMENTS.webkit.install}`);
      }
      process.once('exit', this.stopChildren);
      const display = await startXvfb(this.children);
      const port = await startWebKitDriver(display, this.children);
      this.options = {
        hostname: '127.0.0.1',
        port,
        logLevel: 'error',
        capabilities: {
          browserName: 'MiniBrowser',
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': { binary, args: ['--automation'] },
        },
      };
      await super.initialize(config, testFiles);
      this.name = 'WebKit';
    }

    async stop() {
      try {
        await super.stop();
      } finally {
        this.stopChildren();
      }
    }
  };

/** The browser version, for the run's header (best effort). */
export function engineVersion(engine) {
  const run = (cmd, args) =>
    safe(() =>
      execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim(),
    );
  if (engine === 'chromium') return run(safe(chromiumPath), ['--version']);
  if (engine === 'firefox') return run(firefoxPath(), ['--version']);
  if (engine === 'webkit') {
    const version = run('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0']);
    return version ? `WebKitGTK ${version}` : 'WebKitGTK';
  }
  return undefined;
}
