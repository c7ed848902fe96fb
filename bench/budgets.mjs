// Budgets and goals from issue 7. Sizes and counts are exact (CI checks them); timings are goals for the report only.
// 1 KB = 1,000 bytes here, as in Vite's build output.

export const CDN_FILE = 'dist/cdn/clerk-sign-out-elements.js';

export const BUDGETS = {
  /** CI fails above this: gzip (level 9) bytes of the CDN module. */
  cdnGzipBytes: 12_000,
};

export const GOALS = {
  cdnGzipBytes: 10_000,
  firstRenderMs: 16,
  fanOutMs: 16,
  firstOpenMs: 16,
  signOutOverheadMs: 2,
};

/** Text only @clerk/clerk-js contains; any of these in our CDN output means Clerk was bundled into it. */
export const CLERK_JS_MARKERS = [
  'ClerkAPIResponseError',
  '__clerk_api_version',
  '_clerk_js_version',
  'clerk_telemetry_throttler',
];
