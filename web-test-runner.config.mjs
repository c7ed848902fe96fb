// @web/test-runner: every test runs in real headless Chromium (Debian's package, never a downloaded browser).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { countReporter } from './test/support/count-reporter.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './tools/chromium.mjs';
import { frameworkPlugins } from './test/support/framework-plugins.mjs';

// Clerk's Frontend API emulator, from the package's own export (what users get). `npm test` builds it first (pretest).
const { clerkEmulatorPlugin } = await import('clerk-sign-out-elements/testing/node').catch((error) => {
  throw new Error(`Build the emulator first: npm run build:node (npm test does it). ${error.message}`);
});

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS } })],
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
