// @web/test-runner: every test runs in a real browser engine from a Debian package (never a downloaded browser).
// One engine per run: WTR_ENGINE=chromium (default) | firefox | webkit (tools/engines.mjs). `npm test` runs the three
// in turn (tools/test.mjs).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { countReporter } from './test/support/count-reporter.mjs';
import { engineCommandsPlugin } from './test/support/engine-commands.mjs';
import { CONCURRENCY, ENGINES, browserFor, testRunnerHtml } from './tools/engines.mjs';
import { frameworkPlugins } from './test/support/framework-plugins.mjs';

const engine = process.env.WTR_ENGINE || 'chromium';
if (!ENGINES.includes(engine)) throw new Error(`WTR_ENGINE=${engine}: use one of ${ENGINES.join(', ')}`);

// Clerk's Frontend API emulator, from the package's own export (what users get). `npm test` builds it first (tools/test.mjs).
const { clerkEmulatorPlugin } = await import('clerk-sign-out-elements/testing/node').catch((error) => {
  throw new Error(`Build the emulator first: npm run build:node (npm test does it). ${error.message}`);
});

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: CONCURRENCY[engine],
  testFramework: { config: { timeout: 10000 } },
  browsers: [await browserFor(engine)],
  // Hides navigator.webdriver from clerk-js in every engine (see tools/engines.mjs).
  testRunnerHtml,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    // React, Vue, Svelte and the CDN bundle for test/frameworks/ (see the file).
    ...frameworkPlugins(),
    // Clerk's Frontend API emulator under /__clerk (test/integration/ runs the real clerk-js against it).
    clerkEmulatorPlugin(),
    // Modifier keys and prefers-color-scheme in every engine (test/support/engine.ts).
    engineCommandsPlugin(),
  ],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
