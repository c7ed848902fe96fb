// @web/test-runner: every test runs in a real browser engine from a Debian package (never a downloaded browser).
// One engine per run: WTR_ENGINE=chromium (default) | firefox | webkit (tools/engines.mjs). `npm test` runs the three
// in turn (tools/test.mjs).
// One clerk-js major per run: CLERK_JS=6 (default, Core 3: every test) | 5 (Core 2: only the tests that run the real
// clerk-js, CLERK_DEPENDENT_FILES; test/support/clerk-js-versions.mjs). `npm test` runs both in every engine.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import {
  CLERK_DEPENDENT_FILES,
  CLERK_JS_MAJORS,
  DEFAULT_CLERK_JS,
  clerkJsImport,
  clerkJsMajor,
  clerkJsPackage,
} from './test/support/clerk-js-versions.mjs';
import { countReporter } from './test/support/count-reporter.mjs';
import { engineCommandsPlugin } from './test/support/engine-commands.mjs';
import { CONCURRENCY, ENGINES, browserFor, testRunnerHtml } from './tools/engines.mjs';
import { frameworkPlugins } from './test/support/framework-plugins.mjs';

const engine = process.env.WTR_ENGINE || 'chromium';
if (!ENGINES.includes(engine)) throw new Error(`WTR_ENGINE=${engine}: use one of ${ENGINES.join(', ')}`);
const clerkJs = clerkJsPackage(clerkJsMajor());
/** What test/support/clerk-js.ts tells the tests: the run's major, and every installed one. */
const clerkJsForPage = {
  major: clerkJs.major,
  installed: Object.fromEntries(
    Object.keys(CLERK_JS_MAJORS).map((major) => {
      const { version, apiVersion, path } = clerkJsPackage(major);
      return [major, { major, version, apiVersion, packagePath: `/${path}` }];
    }),
  ),
};

// Clerk's Frontend API emulator, from the package's own export (what users get). `npm test` builds it first (tools/test.mjs).
const { clerkEmulatorPlugin } = await import('clerk-sign-out-elements/testing/node').catch((error) => {
  throw new Error(`Build the emulator first: npm run build:node (npm test does it). ${error.message}`);
});

export default {
  files: clerkJs.major === DEFAULT_CLERK_JS ? ['test/**/*.test.ts'] : CLERK_DEPENDENT_FILES,
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: CONCURRENCY[engine],
  testFramework: { config: { timeout: 10000 } },
  browsers: [await browserFor(engine)],
  // Hides navigator.webdriver from clerk-js in every engine (see tools/engines.mjs), and tells the page which clerk-js
  // the run tests (test/support/clerk-js.ts).
  testRunnerHtml: (testFramework) => testRunnerHtml(testFramework, { __CLERK_JS_UNDER_TEST__: clerkJsForPage }),
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    // `import { Clerk } from '@clerk/clerk-js'` gets the run's major (the npm route).
    clerkJsImport(clerkJs.major),
    // React, Vue, Svelte and the CDN bundle for test/adoption/frameworks/ (see the file; Angular needs nothing: its packages are ES
    // modules, and its test compiles components in the page).
    ...frameworkPlugins(),
    // Clerk's Frontend API emulator under /__clerk (test/real-clerk/ runs the real clerk-js against it). It serves
    // `/npm/@clerk/clerk-js@<major>/dist/clerk.browser.js` from the installed package of that major (both are installed).
    clerkEmulatorPlugin(),
    // Modifier keys and prefers-color-scheme in every engine (test/support/engine.ts).
    engineCommandsPlugin(),
  ],
  filterBrowserLogs: ({ args }) => !/Lit is in dev mode|Angular is running in development mode/.test(String(args[0])),
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
