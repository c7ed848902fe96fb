// `npm run check:budgets`: the exact, timing-free budgets of issue 7, checked on the built CDN module (CI runs it after
// the build). Fast and deterministic: file sizes and text markers only. Builds the CDN module first if it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGETS, CDN_FILE, CLERK_JS_MARKERS } from './budgets.mjs';
import { kb, sizesOf } from './lib/sizes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cdnFile = join(root, CDN_FILE);
const failures = [];
// `--contents-only`: what CI enforces while the size budget waits for a product decision (see bench/README.md):
// Clerk is never inside the module and it is self-contained.
const contentsOnly = process.argv.includes('--contents-only');

if (!existsSync(cdnFile)) {
  console.log(`${CDN_FILE} is missing: building it (vite build --config vite.cdn.config.ts)`);
  execFileSync('npx', ['vite', 'build', '--config', 'vite.cdn.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

// 1. Size: the module a page loads with one <script type="module">.
const entry = readFileSync(cdnFile);
const size = sizesOf(entry);
const sizeLine = `CDN module: ${size.min} B min, ${size.gzip} B gzip (budget ${BUDGETS.cdnGzipBytes} B), ${size.brotli} B brotli`;
if (size.gzip > BUDGETS.cdnGzipBytes && !contentsOnly) {
  failures.push(
    `${sizeLine}: ${size.gzip - BUDGETS.cdnGzipBytes} B (${kb(size.gzip - BUDGETS.cdnGzipBytes)}) over budget.`,
  );
}

// 2. Clerk is never bundled into it. The markers must be found in clerk-js itself, or the check proves nothing.
const clerkDist = dirname(createRequire(join(root, 'package.json')).resolve('@clerk/clerk-js'));
for (const clerkFile of ['clerk.browser.js', 'clerk.mjs']) {
  const text = readFileSync(join(clerkDist, clerkFile), 'utf8');
  const absent = CLERK_JS_MARKERS.filter((marker) => !text.includes(marker));
  if (absent.length)
    failures.push(
      `Marker(s) ${absent.join(', ')} not found in @clerk/clerk-js/dist/${clerkFile}: update CLERK_JS_MARKERS.`,
    );
}
const cdnDir = dirname(cdnFile);
for (const name of readdirSync(cdnDir).filter((file) => file.endsWith('.js'))) {
  const text = readFileSync(join(cdnDir, name), 'utf8');
  const found = CLERK_JS_MARKERS.filter((marker) => text.includes(marker));
  if (found.length) failures.push(`dist/cdn/${name} contains @clerk/clerk-js code (markers: ${found.join(', ')}).`);
  // Self-contained: a bare specifier (e.g. "lit", "@clerk/clerk-js") cannot load from a CDN without an import map.
  const bare = [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`]([^"'`./][^"'`]*)["'`]/g)].map((match) => match[1]);
  if (bare.length) failures.push(`dist/cdn/${name} imports bare module(s) ${[...new Set(bare)].join(', ')}.`);
}

if (failures.length) {
  console.error(`check:budgets FAILED\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
const sizeVerdict =
  contentsOnly && size.gzip > BUDGETS.cdnGzipBytes ? ' (OVER the size budget, not enforced with --contents-only)' : '';
console.log(`check:budgets ok. ${sizeLine}${sizeVerdict}; no @clerk/clerk-js code; no bare imports.`);
