// The clerk-js majors the suite runs on, installed side by side (package.json devDependencies):
//   6  @clerk/clerk-js (Core 3), the default
//   5  clerk-js-5, an npm alias of @clerk/clerk-js 5.x (Core 2)
// CLERK_JS=5 (tools/test.mjs sets it for the Core 2 runs) makes web-test-runner.config.mjs run CLERK_DEPENDENT_FILES on
// that major, through both routes: the npm route's bare `import … from '@clerk/clerk-js'` resolves to the alias
// (clerkJsImport below), and the script route asks the emulator for `/npm/@clerk/clerk-js@5/…` (the provider's
// `clerk-js-version`), which it serves from the installed 5.x. The test page learns the major from
// test/support/clerk-js.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(join(root, 'package.json'));

/**
 * `apiVersion`: the `__clerk_api_version` each sends with every Frontend API call (read in its dist), which the tests
 * check: when an upgrade changes it, check what the emulator answers against what the new version reads.
 */
export const CLERK_JS_MAJORS = {
  6: { package: '@clerk/clerk-js', core: 'Core 3', apiVersion: '2026-08-20' },
  5: { package: 'clerk-js-5', core: 'Core 2', apiVersion: '2025-11-10' },
};

export const DEFAULT_CLERK_JS = '6';

/**
 * The tests that run the real clerk-js (one scenario per file, `test/real-clerk/`): the Core 2 runs take these. Every
 * other test uses the fake Clerk (or no Clerk), so it runs once.
 */
export const CLERK_DEPENDENT_FILES = ['test/real-clerk/**/*.test.ts'];

/**
 * Whether a path given on the command line (relative to the repository) is, or covers, tests of CLERK_DEPENDENT_FILES:
 * a test file under `test/real-clerk/`, or a folder or glob there.
 */
export function isClerkDependent(file) {
  const path = file.replace(/^\.\//, '').split(sep).join('/');
  return /^test\/real-clerk(\/(.+\.test\.ts|[^.]*))?$/.test(path);
}

/** `CLERK_JS` checked: `5` or `6` (default 6). */
export function clerkJsMajor(value = process.env.CLERK_JS) {
  const major = String(value || DEFAULT_CLERK_JS).trim();
  if (!CLERK_JS_MAJORS[major]) {
    throw new Error(`CLERK_JS=${value}: use one of ${Object.keys(CLERK_JS_MAJORS).reverse().join(', ')}`);
  }
  return major;
}

/** The installed package of a major: name, version, API version, folder, `dist`, and `path` (from the repository root). */
export function clerkJsPackage(major) {
  const { package: name, core, apiVersion } = CLERK_JS_MAJORS[clerkJsMajor(major)];
  // The main entry is dist/clerk.js; the package.json beside dist/ is not in @clerk/clerk-js's "exports".
  const dist = dirname(require.resolve(name));
  const dir = dirname(dist);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (!version.startsWith(`${major}.`)) throw new Error(`${name} is ${version}, not a ${major}.x: run npm install`);
  return { major, name, version, core, apiVersion, dir, dist, path: relative(root, dir).split(sep).join('/') };
}

/**
 * WTR plugin: the bare `@clerk/clerk-js` (the npm route: `new Clerk()` from the package) imports the major under test.
 * For 6 it does nothing (node resolution finds @clerk/clerk-js itself).
 */
export function clerkJsImport(major) {
  const { name, path } = clerkJsPackage(major);
  return {
    name: 'clerk-js-major',
    resolveImport({ source }) {
      if (name === '@clerk/clerk-js' || source !== '@clerk/clerk-js') return undefined;
      return `/${path}/dist/clerk.mjs`;
    },
  };
}
