// The frameworks page's Angular block and the README's "Support" table say what the tests run:
// - docs/frameworks.md shows test/adoption/frameworks/angular/sign-out.component.ts (which
//   test/adoption/frameworks/angular.test.ts runs in every engine) from the file, with the package's name where the
//   file imports the source;
// - Angular's ahead-of-time compiler with strict templates (what an Angular CLI build runs) accepts that component, and
//   types `$event` of `(signed-out)` as SignedOutEvent (it refuses test/adoption/frameworks/angular/wrong-event-type.ts);
// - the Support table names the Clerk and framework versions package.json installs, and the peer range.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { testFile } from '../../docs/_lib/sources.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');
const require = createRequire(join(root, 'package.json'));
const readme = read('README.md');
const pkg = JSON.parse(read('package.json'));
const COMPONENT = 'test/adoption/frameworks/angular/sign-out.component.ts';

/** The README's section under `## title`, up to the next `## `. */
function section(title) {
  const start = readme.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `README.md has no "## ${title}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

const installedVersion = (name) =>
  JSON.parse(readFileSync(join(dirname(dirname(require.resolve(name))), 'package.json'), 'utf8')).version;

describe('docs/frameworks.md: the Angular snippet', () => {
  it(`is ${COMPONENT}, the component the Angular test runs, with the package name for the source import`, () => {
    const file = read(COMPONENT);
    assert.ok(
      file.includes("'../../../../src/index.js'"),
      'the component imports the source as ../../../../src/index.js',
    );
    assert.match(read('docs/frameworks.md'), /\{% testFile "angular-component"/);
    const shown = testFile('angular-component');
    assert.equal(shown.path, COMPONENT);
    assert.equal(`${shown.code}\n`, file.replaceAll("'../../../../src/index.js'", "'clerk-sign-out-elements'"));
  });

  it('compiles ahead of time with strict templates, and $event of (signed-out) is typed as SignedOutEvent', () => {
    const ngc = join(dirname(require.resolve('@angular/compiler-cli/package.json')), 'bundles/src/bin/ngc.js');
    const run = spawnSync(process.execPath, [ngc, '-p', 'test/adoption/frameworks/angular/tsconfig.aot.json'], {
      cwd: root,
      encoding: 'utf8',
    });
    // eslint-disable-next-line no-control-regex
    const output = `${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
    const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
    assert.deepEqual(
      errors.map((line) => line.replace(/:\d+:\d+ - /, ' ').trim()),
      [
        "wrong-event-type.ts error TS2345: Argument of type 'SignedOutEvent' is not assignable to parameter of type 'number'.",
      ],
      output,
    );
  });
});

describe('README: Support', () => {
  const support = section('Support');

  it('names the clerk-js versions the tests run, both majors, and the peer range that covers them', () => {
    const core3 = installedVersion('@clerk/clerk-js');
    const core2 = installedVersion('clerk-js-5');
    assert.equal(pkg.devDependencies['@clerk/clerk-js'], core3);
    assert.match(support, new RegExp(`${core3.replaceAll('.', '\\.')} \\(Core 3\\) in every test`));
    assert.match(support, new RegExp(`${core2.replaceAll('.', '\\.')} \\(Core 2\\) in the tests on the real clerk-js`));
    const range = pkg.peerDependencies['@clerk/clerk-js'];
    assert.equal(range, `^${core2} || ^${core3}`);
    assert.ok(support.includes(range.replaceAll('|', '\\|')), `the peer range ${range}`);
  });

  it('names the framework versions the framework tests run', () => {
    for (const [name, label] of [
      ['react', 'React'],
      ['vue', 'Vue'],
      ['svelte', 'Svelte'],
      ['@angular/core', 'Angular'],
    ]) {
      assert.ok(support.includes(`${label} ${pkg.devDependencies[name]}`), `${label} ${pkg.devDependencies[name]}`);
    }
  });

  it('names the three engines npm test runs', () => {
    for (const engine of ['Chromium', 'Firefox', 'WebKit']) assert.ok(support.includes(engine), engine);
  });
});
