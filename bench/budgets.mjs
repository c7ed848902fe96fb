// Budgets and goals. Sizes and counts are exact (CI checks them); timings are goals for the report only.
// 1 KB = 1,000 bytes here, as in Vite's build output.

export const CDN_FILE = 'dist/cdn/clerk-sign-out-elements.js';

/**
 * CI fails above these: gzip (level 9) bytes, each at most 150 B above what ships. See bench/README.md (Budgets) for
 * why they are where they are, feature by feature.
 * - cdn: the CDN module, every element included (one file, Lit included, Clerk never);
 * - npm*: an app's production bundle (Vite/rolldown, tree-shaken, Lit included) of the elements' entry points.
 */
export const BUDGETS = {
  cdnGzipBytes: 30_350,
  npmProviderButtonGzipBytes: 17_150,
  npmProviderButtonMenuGzipBytes: 24_350,
};

/** What each npm budget bundles: the registration entries an app imports. */
export const NPM_BUDGET_ENTRIES = {
  npmProviderButtonGzipBytes: ['clerk-provider.js', 'clerk-sign-out-button.js'],
  npmProviderButtonMenuGzipBytes: ['clerk-provider.js', 'clerk-sign-out-button.js', 'clerk-user-menu.js'],
};

export const GOALS = {
  /** The size targets of the three budgets (gzip bytes): printed beside the sizes; why CI enforces BUDGETS instead is in bench/README.md. */
  cdnGzipBytes: 19_000,
  npmProviderButtonGzipBytes: 11_500,
  npmProviderButtonMenuGzipBytes: 16_000,
  firstRenderMs: 16,
  fanOutMs: 16,
  /** 1000 `<clerk-user-menu>` alone under one provider, one user switch. */
  fanOut1000MenusMs: 30,
  firstOpenMs: 16,
  signOutOverheadMs: 2,
  /** Our page's JS (CDN module + clerk.browser.js) over Clerk's UserButton page's, both with the menu open. */
  pageWeightRatio: 0.25,
  /** Cumulative layout shift of a page with the menu and the button, first paint to Clerk ready. */
  layoutShift: 0,
  /** Offline, a sign-out fails this soon (nothing sent); also after the connection goes during its request. */
  offlineRefusalMs: 1000,
};

/** Text only @clerk/clerk-js contains; any of these in our CDN output means Clerk was bundled into it. */
export const CLERK_JS_MARKERS = [
  'ClerkAPIResponseError',
  '__clerk_api_version',
  '_clerk_js_version',
  'clerk_telemetry_throttler',
];
