// The repository files the docs show as they are (never a copy): each code sample below IS the file a test runs.
// One map, so that a file that moves is a one-line fix here. `excerpt` picks the lines from the first one matching
// `from` to the first one after it matching `to` (both included); without it the whole file is shown.
// `source` names a source path to show as the package's name, as a user's project imports it.
export const TEST_FILES = {
  // The README's quick starts (marked `<!-- snippet: id -->`), which test/adoption/first-five-minutes/ runs as written.
  // (Blocks a docs page marks itself, as events.md does its recipes, are shown where they are written.)
  'quick-start-bundler': { marked: 'quick-start-bundler', in: 'README.md', language: 'html' },
  'quick-start-cdn': { marked: 'quick-start-cdn', in: 'README.md', language: 'html' },
  // Frameworks (test/adoption/frameworks/: each runs in Chromium, Firefox and WebKit).
  'react-app': {
    path: 'test/adoption/frameworks/react.test.ts',
    excerpt: { from: /^function App\b/, to: /^}/ },
    language: 'ts',
  },
  'vue-template': {
    path: 'test/adoption/frameworks/vue.test.ts',
    excerpt: { from: /^const template = /, to: /`;$/ },
    language: 'ts',
  },
  'vue-app': {
    path: 'test/adoption/frameworks/vue.test.ts',
    excerpt: { from: /^ {4}app = createApp\(/, to: /isCustomElement/ },
    language: 'ts',
  },
  'svelte-component': { path: 'test/adoption/frameworks/SignOutHeader.svelte', language: 'svelte' },
  'angular-component': {
    path: 'test/adoption/frameworks/angular/sign-out.component.ts',
    language: 'ts',
    source: { "'../../../../src/index.js'": "'clerk-sign-out-elements'" },
  },
  'plain-html': {
    path: 'test/adoption/frameworks/plain-html.test.ts',
    excerpt: { from: /^ {4}host\.innerHTML = /, to: /<\/clerk-provider>`;$/ },
    language: 'ts',
  },
  // Offline setups and tests (test/snippets/: `npm run test:snippets` runs each against the built package).
  'vite-config': { path: 'test/snippets/vite/vite.config.ts', language: 'ts' },
  'vite-env-development': { path: 'test/snippets/vite/.env.development', language: 'sh' },
  'vite-env-production': { path: 'test/snippets/vite/.env.production', language: 'sh' },
  'vite-page': { path: 'test/snippets/vite/index.html', language: 'html' },
  'standalone-server': { path: 'test/snippets/standalone/clerk-emulator.mjs', language: 'js' },
  'standalone-page': { path: 'test/snippets/standalone/index.html', language: 'html' },
  'wtr-config': { path: 'test/snippets/wtr/web-test-runner.config.mjs', language: 'js' },
  'wtr-test': { path: 'test/snippets/wtr/test/sign-out.test.js', language: 'js' },
  'playwright-test': { path: 'test/snippets/playwright/sign-out.spec.ts', language: 'ts' },
};

/** Which test runs each framework's file, for the sentence under it. */
export const RUN_BY = {
  'react-app': 'test/adoption/frameworks/react.test.ts',
  'vue-template': 'test/adoption/frameworks/vue.test.ts',
  'vue-app': 'test/adoption/frameworks/vue.test.ts',
  'svelte-component': 'test/adoption/frameworks/svelte.test.ts',
  'angular-component': 'test/adoption/frameworks/angular.test.ts',
  'plain-html': 'test/adoption/frameworks/plain-html.test.ts',
};
