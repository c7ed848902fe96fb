// `npm run check:budgets`: the exact, timing-free budgets, checked on the built package (CI runs it
// after the build). Deterministic: file sizes and text markers only. Builds what is missing first.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { BUDGETS, CDN_FILE, CLERK_JS_MARKERS, NPM_BUDGET_ENTRIES } from './budgets.mjs';
import { kb, sizesOf } from './lib/sizes.mjs';
import { consumerBundle } from './lib/weight.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cdnFile = join(root, CDN_FILE);
const failures = [];
const lines = [];

for (const [file, config] of [
  [CDN_FILE, ['--config', 'vite.cdn.config.ts']],
  ['dist/index.js', []],
]) {
  if (existsSync(join(root, file))) continue;
  console.log(`${file} is missing: building it (vite build ${config.join(' ')})`);
  execFileSync('npx', ['vite', 'build', ...config, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

function check(name, gzip, budget, detail = '') {
  const line = `${name}: ${gzip} B gzip (budget ${budget} B)${detail}`;
  lines.push(line);
  if (gzip > budget) failures.push(`${line}: ${gzip - budget} B (${kb(gzip - budget)}) over budget.`);
}

// 1. Size: the module a page loads with one <script type="module">, and what an app's bundler ships of the npm entries.
const size = sizesOf(readFileSync(cdnFile));
check('CDN module', size.gzip, BUDGETS.cdnGzipBytes, `, ${size.min} B min, ${size.brotli} B brotli`);
const scratch = join(tmpdir(), 'clerk-sign-out-elements-budgets');
for (const [key, entries] of Object.entries(NPM_BUDGET_ENTRIES)) {
  const bundle = await consumerBundle(
    root,
    scratch,
    entries.map((entry) => `clerk-sign-out-elements/${entry}`),
  );
  check(`npm: ${entries.join(' + ')}`, bundle.gzip, BUDGETS[key], `, ${bundle.min} B min`);
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
console.log(`check:budgets ok.\n- ${lines.join('\n- ')}\n- no @clerk/clerk-js code; no bare imports.`);
