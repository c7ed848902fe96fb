// The README's Angular block is what the tests run:
// - the `angular` block is test/frameworks/angular/sign-out.component.ts (which test/frameworks/angular.test.ts runs in
//   every engine), with the package's name where the file imports the source;
// - Angular's ahead-of-time compiler with strict templates (what an Angular CLI build runs) accepts that component, and
//   types `$event` of `(signed-out)` as SignedOutEvent (it refuses test/frameworks/angular/wrong-event-type.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');
const require = createRequire(join(root, 'package.json'));
const readme = read('README.md');
const COMPONENT = 'test/frameworks/angular/sign-out.component.ts';

/** The fenced block after `<!-- snippet: id -->`, as the README shows it. */
function snippet(id) {
  const lines = readme.split('\n');
  const marker = lines.indexOf(`<!-- snippet: ${id} -->`);
  assert.ok(marker >= 0, `README.md has no <!-- snippet: ${id} -->`);
  const fence = /^(`{3,})\w*$/.exec(lines[marker + 1] ?? '');
  assert.ok(fence, `<!-- snippet: ${id} --> must be followed by a fenced code block`);
  const end = lines.indexOf(fence[1], marker + 2);
  assert.ok(end > marker, `the block of <!-- snippet: ${id} --> is not closed`);
  return lines.slice(marker + 2, end).join('\n') + '\n';
}

describe('README: the Angular snippet', () => {
  it(`is ${COMPONENT}, the component the Angular test runs, with the package name for the source import`, () => {
    const file = read(COMPONENT);
    assert.ok(file.includes("'../../../src/index.js'"), 'the component imports the source as ../../../src/index.js');
    assert.equal(snippet('angular'), file.replaceAll("'../../../src/index.js'", "'clerk-sign-out-elements'"));
  });

  it('compiles ahead of time with strict templates, and $event of (signed-out) is typed as SignedOutEvent', () => {
    const ngc = join(dirname(require.resolve('@angular/compiler-cli/package.json')), 'bundles/src/bin/ngc.js');
    const run = spawnSync(process.execPath, [ngc, '-p', 'test/frameworks/angular/tsconfig.aot.json'], {
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
