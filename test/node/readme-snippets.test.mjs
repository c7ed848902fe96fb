// What the README and the docs pages show a package user is what the package ships and what the tests run.
// - The blocks the browser tests run as written are marked `<!-- snippet: <id> -->`: the quick starts in the README,
//   the recipes in docs/events.md (test/support/marked-snippet.ts reads them).
// - The offline setups of test/snippets/ (which `npm run test:snippets` runs against the built package) are shown by
//   the docs pages from the files themselves (docs/_lib/test-files.mjs).
// - Every no-flash <style> line (quick starts, snippet pages, the demo) is the first rule of src/no-flash.css (shipped
//   as clerk-sign-out-elements/no-flash.css).
// - The README is the registry's page: at most 250 lines, and its pictures are in the package tarball
//   (`npm pack --dry-run`), reached through jsDelivr at this package's version, so they show on the registry's page
//   too (npmjs.com does not serve a package's own files to its README).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TEST_FILES } from '../../docs/_lib/test-files.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => readFileSync(`${root}/${path}`, 'utf8');
const readme = read('README.md');
/** The pages that mark blocks a test runs. */
const MARKING_PAGES = ['README.md', 'docs/events.md'];
/** Every docs page, for the code it shows. */
const docsPages = ['docs', 'docs/elements']
  .flatMap((dir) =>
    readdirSync(`${root}/${dir}`)
      .filter((file) => file.endsWith('.md'))
      .map((file) => `${dir}/${file}`),
  )
  .map((path) => ({ path, text: read(path) }));
const pkg = JSON.parse(read('package.json'));

/** Every `<!-- snippet: id -->` block of `text`: its id and its lines, as the page shows them. */
function snippets(text = readme) {
  const lines = text.split('\n');
  const found = [];
  lines.forEach((line, index) => {
    const marker = /^<!-- snippet: (\S+) -->$/.exec(line);
    if (!marker) return;
    const fence = /^(`{3,})\w*$/.exec(lines[index + 1] ?? '');
    assert.ok(fence, `<!-- snippet: ${marker[1]} --> must be followed by a fenced code block`);
    const end = lines.indexOf(fence[1], index + 2);
    assert.ok(end > index, `the block of <!-- snippet: ${marker[1]} --> is not closed`);
    found.push({ id: marker[1], lines: lines.slice(index + 2, end) });
  });
  return found;
}

/** A CSS rule without comments and insignificant whitespace. */
const normaliseCss = (css) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,()])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();

describe('marked snippets and the offline setups', () => {
  it('the blocks the browser tests run are marked, each once: the quick starts in the README, the recipes in docs/events.md', () => {
    const marked = MARKING_PAGES.map((page) => ({ page, ids: snippets(read(page)).map((snippet) => snippet.id) }));
    const [inReadme, inEvents] = marked.map(({ ids }) => ids);
    assert.deepEqual(inReadme, ['quick-start-bundler', 'quick-start-cdn']);
    for (const id of ['session-end-recipe', 'confirm-recipe', 'router-path', 'router-recipe'])
      assert.ok(inEvents.includes(id), `docs/events.md marks ${id}`);
    const all = marked.flatMap(({ ids }) => ids);
    assert.equal(new Set(all).size, all.length, 'each id once');
  });

  it('the offline setup covers Vite, any other dev server, @web/test-runner and Playwright: each file shown by a docs page', () => {
    const shown = docsPages.flatMap(({ text }) =>
      [...text.matchAll(/\{% testFile "([^"]+)"/g)].map((match) => match[1]),
    );
    const shownPaths = new Set(shown.map((id) => TEST_FILES[id]?.path));
    for (const file of [
      'test/snippets/vite/vite.config.ts',
      'test/snippets/vite/.env.development',
      'test/snippets/vite/.env.production',
      'test/snippets/vite/index.html',
      'test/snippets/standalone/clerk-emulator.mjs',
      'test/snippets/standalone/index.html',
      'test/snippets/wtr/web-test-runner.config.mjs',
      'test/snippets/wtr/test/sign-out.test.js',
      'test/snippets/playwright/sign-out.spec.ts',
    ]) {
      assert.ok(existsSync(`${root}/${file}`), `${file} does not exist`);
      assert.ok(shownPaths.has(file), `a docs page shows ${file} ({% testFile "…" %}, docs/_lib/test-files.mjs)`);
    }
    const offline = read('docs/getting-started.md');
    assert.ok(offline.includes('pk_live_Y2xlcmsuZXhhbXBsZS5jb20k'), 'the emulator key is in the getting-started page');
    assert.ok(offline.includes('EMULATOR_PUBLISHABLE_KEY'), 'and its export');
    assert.ok(offline.includes('seed: demoSeed'), 'and the seed of the standalone emulator');
    assert.ok(readme.includes('pk_live_Y2xlcmsuZXhhbXBsZS5jb20k'), "the README's offline paragraph gives the key");
  });

  it("the Vite snippet keeps the emulator's key out of a production build: from env, and not in .env.production", () => {
    const page = read('test/snippets/vite/index.html');
    assert.ok(!page.includes('pk_live_Y2xlcmsuZXhhbXBsZS5jb20k'), 'index.html takes the key from env');
    assert.match(page, /publishable-key="%VITE_CLERK_PUBLISHABLE_KEY%" proxy-url="%VITE_CLERK_PROXY_URL%"/);
    const production = read('test/snippets/vite/.env.production');
    assert.ok(!production.includes('pk_live_Y2xlcmsuZXhhbXBsZS5jb20k'));
    assert.match(production, /^VITE_CLERK_PROXY_URL=$/m);
    assert.match(read('test/snippets/vite/vite.config.ts'), /mode === 'production' \? \[\]/);
  });

  it('no snippet asks for a fixed port: the emulators take a free one and give their URL', () => {
    for (const file of ['test/snippets/standalone/clerk-emulator.mjs', 'test/snippets/playwright/sign-out.spec.ts']) {
      assert.doesNotMatch(read(file), /port: 4010|startClerkEmulator\(\{ port: \d/, file);
    }
    assert.match(
      read('test/snippets/playwright/sign-out.spec.ts'),
      /await clerk\?\.close\(\)/,
      'afterAll never throws',
    );
  });
});

describe('no-flash rule', () => {
  const css = normaliseCss(read('src/no-flash.css'));
  const rule = css.slice(0, css.indexOf('}') + 1);

  it('src/no-flash.css hides the content elements until they are defined, but neither <clerk-loading> nor the provider', () => {
    assert.equal(
      rule,
      ':is(clerk-signed-in,clerk-signed-out,clerk-loaded,clerk-failed,clerk-degraded,clerk-sign-out-button,' +
        'clerk-user-menu):not(:defined){display:none}',
    );
    assert.match(
      css,
      /clerk-loading:not\(:defined\)\{display:contents\}/,
      '<clerk-loading> shows from the first paint',
    );
    assert.doesNotMatch(css, /clerk-provider/);
  });

  it('every <style> line with the rule (README, getting started, snippet pages, demo pages) is exactly the shipped rule; the quick starts link the file', () => {
    const sources = { 'README.md': readme, 'docs/getting-started.md': read('docs/getting-started.md') };
    for (const page of [
      'test/snippets/vite/index.html',
      'test/snippets/standalone/index.html',
      'demo/index.html',
      'demo/cdn.html',
    ]) {
      sources[page] = read(page);
    }
    let count = 0;
    for (const [name, text] of Object.entries(sources)) {
      for (const [, css] of text.matchAll(/<style>([^<]*:not\(:defined\)[^<]*)<\/style>/g)) {
        assert.equal(normaliseCss(css), rule, `${name}: ${css}`);
        count++;
      }
    }
    assert.ok(count >= 6, `only ${count} <style> lines found`);
    for (const id of ['quick-start-bundler', 'quick-start-cdn']) {
      const block = snippets()
        .find((snippet) => snippet.id === id)
        .lines.join('\n');
      assert.match(
        block,
        /^<link rel="stylesheet" href="[^"]*clerk-sign-out-elements\/dist\/no-flash\.css" \/>\n/,
        `${id} starts with a <link> to no-flash.css`,
      );
    }
  });

  it('is exported as clerk-sign-out-elements/no-flash.css, and a side effect (bundlers keep the import)', () => {
    assert.equal(pkg.exports['./no-flash.css'], './dist/no-flash.css');
    assert.ok(pkg.sideEffects.includes('./dist/no-flash.css'));
  });
});

/** Every tag the package registers (src/define/*.ts). */
const TAGS = readdirSync(`${root}/src/define`)
  .flatMap((file) => [...read(`src/define/${file}`).matchAll(/\bdefine\('([a-z-]+)'/g)].map((match) => match[1]))
  .sort();

describe('package page', () => {
  it('package.json describes every element', () => {
    assert.ok(TAGS.length >= 5, TAGS.join());
    for (const tag of TAGS) assert.ok(pkg.description.includes(`<${tag}>`), tag);
  });

  it('the README starts with the two contributor commands, labelled, then install, the quick starts and the docs', () => {
    const head = readme.split('\n').slice(0, 8).join('\n');
    assert.match(head, /Working on this repository\?/);
    assert.match(head, /^npm install && npm start\s+#/m);
    assert.match(head, /^npm test\s+#/m);
    const order = [
      '## Install',
      '## Quick start: with a bundler',
      '## Quick start: CDN',
      '## Run it offline',
      '## Documentation',
      '## Support',
      '## Contributing',
    ];
    const at = order.map((heading) => readme.indexOf(`\n${heading}`));
    assert.ok(
      at.every((index, i) => index > 0 && (i === 0 || index > at[i - 1])),
      `headings in order: ${order.join(', ')}`,
    );
    const table = readme.slice(0, readme.indexOf('\n## Install'));
    for (const tag of TAGS) assert.ok(table.includes(`\`<${tag}>\``), `the element table names <${tag}>`);
  });

  it('the README is the registry page: at most 250 lines', () => {
    const lines = readme.replace(/\n$/, '').split('\n').length;
    assert.ok(lines <= 250, `README.md has ${lines} lines: move the detail to a docs page (docs/)`);
  });

  it("the README's pictures are in the tarball, reached through jsDelivr at this version", () => {
    const [{ files }] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    );
    const packed = new Set(files.map((file) => file.path));
    const images = [
      ...readme.matchAll(/<(?:img|source)\b[^>]*?\b(?:src|srcset)="([^"]+)"|!\[[^\]]*\]\(([^)]+)\)/g),
    ].map((match) => match[1] ?? match[2]);
    assert.ok(images.length >= 1, 'the README shows a picture');
    const prefix = `https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/`;
    for (const url of images) {
      assert.ok(
        url.startsWith(prefix),
        `${url} must start with ${prefix} (the registry page cannot show relative paths)`,
      );
      const path = url.slice(prefix.length);
      assert.ok(packed.has(path), `${path} is not in the tarball (package.json "files")`);
      assert.ok(existsSync(`${root}/${path}`), `${path} does not exist`);
    }
  });
});
