// Server-safe imports: a server render (Next.js, Nuxt, Astro, SvelteKit) evaluates the app's imports in Node. Every
// browser entry of the BUILT package imports there without throwing and defines nothing, as Lit's own Node build does;
// the elements are defined in the browser, when the same import runs there. Each import runs in a fresh, plain Node
// process (no DOM shimmed; Lit's Node build brings its own small `customElements` registry, which must stay empty).
// Needs `npm run build` (CI builds before testing).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SERVER_HTML } from '../support/next-sign-out.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const TAGS = readdirSync(join(root, 'src/define'))
  .filter((file) => file.endsWith('.ts') && file !== 'define.ts')
  .map((file) => file.slice(0, -'.ts'.length));

/** The browser bundle for pages without a build step: Lit's browser build inside, like Lit's own CDN bundles. */
const BROWSER_ONLY = { './cdn': 'the CDN module is for <script type="module"> in a page; servers import the package' };

const specifiers = Object.entries(pkg.exports)
  .filter(
    ([name, target]) => (typeof target === 'object' ? !!target.import : target.endsWith('.js')) && !BROWSER_ONLY[name],
  )
  .map(([name]) => (name === '.' ? pkg.name : `${pkg.name}${name.slice(1)}`));

/**
 * Runs `code` (an ES module) in a fresh Node process from `cwd`, and returns what it printed as JSON on its last line:
 * here, the tags found defined in whatever `customElements` registry exists, and whether a `window` appeared.
 */
function runInNode(code, cwd = root) {
  const probe = `${code}
const registry = globalThis.customElements;
console.log(JSON.stringify({
  defined: ${JSON.stringify(TAGS)}.filter((tag) => registry?.get?.(tag)),
  window: typeof window,
}));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', probe], { cwd, encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1));
}

describe('server-safe imports: the built package in plain Node', () => {
  before(() => {
    assert.ok(existsSync(join(root, 'dist/index.js')), 'dist/ is missing: npm run build first');
  });

  it('every JavaScript export but the CDN module is checked, the package entry and every define file among them', () => {
    assert.ok(specifiers.includes(pkg.name));
    assert.ok(specifiers.includes(`${pkg.name}/elements`));
    for (const tag of TAGS) assert.ok(specifiers.includes(`${pkg.name}/${tag}.js`), `${tag}.js`);
    assert.ok(specifiers.includes(`${pkg.name}/testing`));
    assert.ok(specifiers.includes(`${pkg.name}/testing/isolate-tabs.js`));
  });

  for (const specifier of specifiers) {
    it(`import '${specifier}' throws nothing and defines nothing`, () => {
      const seen = runInNode(`await import(${JSON.stringify(specifier)});`);
      assert.deepEqual(seen, { defined: [], window: 'undefined' });
    });
  }

  it('all of them in one process, then again: still nothing defined (and the classes are there to use)', () => {
    const imports = specifiers.map((specifier) => `await import(${JSON.stringify(specifier)});`).join('\n');
    const seen = runInNode(`${imports}
const { ClerkProvider, ClerkFailed } = await import('${pkg.name}/elements');
if (typeof ClerkProvider !== 'function' || typeof ClerkFailed !== 'function') throw new Error('no classes');
${imports}`);
    assert.deepEqual(seen, { defined: [], window: 'undefined' });
  });

  it("React's server render of the README's Next.js client component (a plain import): the tags and their children", () => {
    // What Next.js does with a 'use client' component on the server: its import of the package runs, defines nothing,
    // and the HTML has the tags with their light-DOM children (no shadow root: the browser renders those once the same
    // import has defined the elements there; no-flash.css keeps both states hidden until then).
    const html = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import 'clerk-sign-out-elements';
import * as React from 'react';
import { renderToString } from 'react-dom/server';
import { nextSignOut } from './test/support/next-sign-out.mjs';
const SignOut = nextSignOut(React, { push: () => {} });
process.stdout.write(renderToString(React.createElement(SignOut)));`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(html, SERVER_HTML);
  });

  describe("a bundler's server build (vite build --ssr, everything bundled), run in Node", () => {
    let scratch;
    before(() => {
      scratch = mkdtempSync(join(tmpdir(), 'clerk-sign-out-elements-ssr-'));
      mkdirSync(join(scratch, 'node_modules'));
      symlinkSync(root, join(scratch, 'node_modules', pkg.name), 'dir');
      writeFileSync(join(scratch, 'package.json'), JSON.stringify({ type: 'module', private: true }));
      writeFileSync(
        join(scratch, 'entry.js'),
        specifiers
          .filter((specifier) => !specifier.endsWith('/testing/node'))
          .map((specifier) => `import '${specifier}';`)
          .join('\n') + `\nexport { ClerkProvider } from '${pkg.name}/elements';\n`,
      );
    });
    after(() => rmSync(scratch, { recursive: true, force: true }));

    it('builds with Lit and the package inside, and the output imports in Node, defining nothing', async () => {
      const { build } = await import('vite');
      await build({
        root: scratch,
        configFile: false,
        logLevel: 'silent',
        ssr: { noExternal: true },
        build: { ssr: 'entry.js', outDir: 'out', emptyOutDir: true },
      });
      const out = readFileSync(join(scratch, 'out/entry.js'), 'utf8');
      assert.match(out, /ClerkProvider = class|ClerkProvider=class/, 'the package is bundled');
      assert.ok(!/from ["']lit/.test(out), 'Lit is bundled too (its Node build)');
      assert.deepEqual(runInNode(`await import('./out/entry.js');`, scratch), { defined: [], window: 'undefined' });
    });
  });
});
