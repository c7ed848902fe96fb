// Row 1, weight: our CDN module and npm entry (as a consumer's bundler includes it) beside Clerk's own scripts.
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'vite';
import { CDN_FILE, NPM_BUDGET_ENTRIES } from '../budgets.mjs';
import { CLERK_UI, clerkUiDist } from './clerk-ui.mjs';
import { fileSizes } from './sizes.mjs';

export async function measureWeight({ root, cacheDir }) {
  const rows = [];
  const cdnDir = join(root, dirname(CDN_FILE));
  const entryName = CDN_FILE.split('/').pop();
  rows.push({ name: 'CDN module (dist/cdn entry)', budget: 'cdnGzipBytes', ...fileSizes(join(root, CDN_FILE)) });
  const chunks = readdirSync(cdnDir).filter((file) => file.endsWith('.js') && file !== entryName);
  if (chunks.length) {
    // Each file is fetched (and compressed) on its own: the total is the sum of their sizes.
    const each = [entryName, ...chunks].map((file) => fileSizes(join(cdnDir, file)));
    const sum = (key) => each.reduce((total, sizes) => total + sizes[key], 0);
    rows.push({
      name: `CDN module + its ${chunks.length} lazy chunk(s)`,
      min: sum('min'),
      gzip: sum('gzip'),
      brotli: sum('brotli'),
    });
  }

  const withoutMenu = await cdnWithoutMenu(root, cacheDir);
  if (withoutMenu)
    rows.push({ name: 'CDN module without <clerk-user-menu> (same build, for comparison)', ...withoutMenu });

  rows.push({
    name: "npm: import 'clerk-sign-out-elements' (all)",
    ...(await consumerBundle(root, cacheDir, ['clerk-sign-out-elements'])),
  });
  for (const [budget, entries] of Object.entries(NPM_BUDGET_ENTRIES)) {
    rows.push({
      name: `npm: ${entries.map((entry) => `<${entry.replace('.js', '')}>`).join(' + ')} only`,
      budget,
      ...(await consumerBundle(
        root,
        cacheDir,
        entries.map((entry) => `clerk-sign-out-elements/${entry}`),
      )),
    });
  }

  const clerkDist = dirname(createRequire(join(root, 'package.json')).resolve('@clerk/clerk-js'));
  const clerkVersion = JSON.parse(readFileSync(join(clerkDist, '..', 'package.json'), 'utf8')).version;
  rows.push({
    name: `Clerk: clerk.browser.js ${clerkVersion} (entry; loads more chunks)`,
    ...fileSizes(join(clerkDist, 'clerk.browser.js')),
  });
  rows.push(clerkUiRow(cacheDir));
  return rows;
}

/** The CDN build (vite.cdn.config.ts) of src/index.ts minus the user menu's line: what the menu costs the module. */
async function cdnWithoutMenu(root, cacheDir) {
  const index = readFileSync(join(root, 'src/index.ts'), 'utf8');
  if (!index.includes('clerk-user-menu')) return undefined;
  const dir = join(cacheDir, 'cdn-without-menu');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'entry.ts');
  const lines = index.split('\n').filter((line) => !line.includes('clerk-user-menu'));
  writeFileSync(entry, lines.join('\n').replaceAll("from './", `from '${join(root, 'src')}/`));
  await build({
    configFile: join(root, 'vite.cdn.config.ts'),
    root,
    logLevel: 'silent',
    build: { outDir: join(dir, 'out'), lib: { formats: ['es'], entry, fileName: () => 'module.js' } },
  });
  return fileSizes(join(dir, 'out', 'module.js'));
}

/**
 * What an app's bundler adds for our package: a Vite (rolldown) production build of a one-line entry, lit included.
 * The package is linked into a scratch node_modules so it resolves through its own `exports`, as in an app.
 */
export async function consumerBundle(root, cacheDir, specifiers) {
  const dir = join(cacheDir, 'consumer');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules', 'clerk-sign-out-elements'), 'dir');
  writeFileSync(join(dir, 'entry.js'), specifiers.map((specifier) => `import '${specifier}';\n`).join(''));
  await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    build: {
      outDir: join(dir, 'out'),
      target: 'es2022',
      lib: { formats: ['es'], entry: join(dir, 'entry.js'), fileName: () => 'bundle.js' },
      rolldownOptions: { external: [/^@clerk\//], output: { minify: true, codeSplitting: false } },
    },
  });
  return fileSizes(join(dir, 'out', 'bundle.js'));
}

/** `@clerk/ui`'s browser entry, from its npm tarball. */
function clerkUiRow(cacheDir) {
  const name = `Clerk: ${CLERK_UI} ui.browser.js (entry; loads more chunks)`;
  try {
    return {
      name,
      ...fileSizes(join(clerkUiDist(cacheDir), 'ui.browser.js')),
      note: "not installable here (needs @clerk/localizations ^4.20.0); measured from npm pack's tarball",
    };
  } catch (error) {
    return {
      name,
      unavailable: `npm pack ${CLERK_UI} failed (${String(error.message).split('\n')[0]}); it cannot be installed here either`,
    };
  }
}
