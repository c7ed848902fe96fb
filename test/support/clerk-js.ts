// The clerk-js the real-Clerk tests run on in this run: Core 3 (@clerk/clerk-js 6) by default, Core 2 (clerk-js-5) when
// the run has CLERK_JS=5 (test/support/clerk-js-versions.mjs). web-test-runner.config.mjs writes it into every test page.

export interface InstalledClerkJs {
  /** `'6'` or `'5'`: what the provider's `clerk-js-version` is given on the script route. */
  readonly major: string;
  /** The exact version installed, e.g. `6.40.0`. */
  readonly version: string;
  /** The `__clerk_api_version` it sends with every Frontend API call. */
  readonly apiVersion: string;
  /** Where the installed package is served from, e.g. `/node_modules/clerk-js-5` (its `dist/` holds clerk.browser.js). */
  readonly packagePath: string;
}

declare global {
  interface Window {
    __CLERK_JS_UNDER_TEST__?: { major: string; installed: Record<string, InstalledClerkJs> };
  }
}

const fromConfig = window.__CLERK_JS_UNDER_TEST__;
if (!fromConfig)
  throw new Error('Run the tests with web-test-runner.config.mjs: it tells the page which clerk-js to test.');

/** Every installed clerk-js major, by major (`'6'`, `'5'`). */
export const INSTALLED_CLERK_JS: Readonly<Record<string, InstalledClerkJs>> = fromConfig.installed;

/** The clerk-js this run tests. */
export const CLERK_JS: InstalledClerkJs = INSTALLED_CLERK_JS[fromConfig.major];

/** The path Clerk's Frontend API serves its browser script at, for a major (default: this run's). */
export const clerkScriptPath = (major = CLERK_JS.major) => `/npm/@clerk/clerk-js@${major}/dist/clerk.browser.js`;
