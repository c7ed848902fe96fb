// @web/test-runner: every test runs in real headless Chromium (Debian's package, never a downloaded browser).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { countReporter } from './test/support/count-reporter.mjs';
import { frameworkPlugins } from './test/support/framework-plugins.mjs';

// Clerk's Frontend API emulator, from the package's own export (what users get). `npm test` builds it first (pretest).
const { clerkEmulatorPlugin } = await import('clerk-sign-out-elements/testing/node').catch((error) => {
  throw new Error(`Build the emulator first: npm run build:node (npm test does it). ${error.message}`);
});

function chromiumPath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser || command -v google-chrome'])
      .toString()
      .trim();
  } catch {
    throw new Error('No Chromium found. Install it (Debian: apt-get install -y chromium) or set CHROME_PATH.');
  }
}

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // clerk-js treats automated browsers (navigator.webdriver) as non-standard; tests need its real-browser behaviour.
  '--disable-blink-features=AutomationControlled',
];

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs } })],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    // React, Vue, Svelte and the CDN bundle for test/frameworks/ (see the file).
    ...frameworkPlugins(),
    // Clerk's Frontend API emulator under /__clerk (test/integration/ runs the real clerk-js against it).
    clerkEmulatorPlugin(),
  ],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
