// tools/check-elements.mjs (part of `npm run check`): the lists that must name every element registered in
// src/define/ are in step, and a list out of step is reported with the file to edit.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeManifest, checkElementLists } from '../../tools/check-elements.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CHECKED_FILES = [
  'src/define',
  'src/index.ts',
  'src/elements.ts',
  'src/no-flash.css',
  'src/types',
  'package.json',
  'README.md',
  'docs/getting-started.md',
  'bench/budgets.mjs',
];

/** A copy of the files the check reads, changed by `edit(dir)`, checked against the tree's own manifest. */
async function problemsAfter(edit) {
  const dir = mkdtempSync(join(tmpdir(), 'element-lists-'));
  try {
    for (const file of CHECKED_FILES) cpSync(join(root, file), join(dir, file), { recursive: true });
    edit(dir);
    return (await checkElementLists(dir, manifest)).problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rewrite = (dir, file, change) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
/** The file each problem says to edit. */
const filesNamed = (problems) => [...new Set(problems.map((problem) => problem.split(/:| "/)[0]))].sort();

let manifest;
before(async () => {
  manifest = await analyzeManifest(root);
});

describe('element lists (tools/check-elements.mjs)', () => {
  it("the tree's lists name exactly the elements of src/define/", async () => {
    const { tags, problems } = await checkElementLists(root, manifest);
    assert.deepEqual(problems, []);
    assert.ok(tags.includes('clerk-sign-out-button') && tags.length >= 6, `registered: ${tags}`);
  });

  it('an element added only in src/define/ is reported in every list that must name it', async () => {
    const problems = await problemsAfter((dir) =>
      writeFileSync(
        join(dir, 'src/define/clerk-session-timer.ts'),
        readFileSync(join(dir, 'src/define/clerk-user-menu.ts'), 'utf8')
          .replaceAll('clerk-user-menu', 'clerk-session-timer')
          .replaceAll('ClerkUserMenu', 'ClerkSessionTimer')
          .replace('../user-menu/user-menu.js', '../session-timer/session-timer.js'),
      ),
    );
    assert.deepEqual(filesNamed(problems), [
      'custom-elements.json',
      'package.json',
      'src/elements.ts',
      'src/index.ts',
      'src/no-flash.css',
      'src/types/react.d.ts',
      'src/types/vue.d.ts',
    ]);
    assert.ok(
      problems.includes(
        'package.json "exports": add "./clerk-session-timer.js": { "types": "./dist/define/clerk-session-timer.d.ts", "import": "./dist/define/clerk-session-timer.js" }',
      ),
      problems.join('\n'),
    );
    assert.ok(
      problems.includes("src/index.ts: add export { ClerkSessionTimer } from './define/clerk-session-timer.js';"),
    );
    assert.ok(
      problems.includes("src/elements.ts: add export { ClerkSessionTimer } from './session-timer/session-timer.js';"),
    );
  });

  it('an element removed from src/define/ is reported wherever it is still named', async () => {
    const problems = await problemsAfter((dir) => rmSync(join(dir, 'src/define/clerk-user-menu.ts')));
    assert.deepEqual(filesNamed(problems), [
      'custom-elements.json',
      'package.json',
      'src/elements.ts',
      'src/index.ts',
      'src/no-flash.css',
      'src/types/react.d.ts',
      'src/types/vue.d.ts',
    ]);
    assert.ok(problems.includes('src/no-flash.css: remove clerk-user-menu (no src/define/clerk-user-menu.ts)'));
  });

  it('names the list to edit for each other way out of step', async () => {
    const cases = [
      [
        (dir) =>
          rewrite(dir, 'package.json', (text) =>
            text.replace('./dist/define/clerk-provider.d.ts', './dist/index.d.ts'),
          ),
        'package.json "exports": set "./clerk-provider.js": { "types": "./dist/define/clerk-provider.d.ts", "import": "./dist/define/clerk-provider.js" }',
      ],
      [
        (dir) =>
          rewrite(dir, 'package.json', (text) =>
            text.replace(
              '"./dist/define/*.js",',
              '"./dist/define/clerk-s*.js", "./dist/define/clerk-provider.js", "./dist/define/clerk-user-menu.js", ' +
                '"./dist/define/clerk-load*.js", "./dist/define/clerk-failed.js", "./dist/define/clerk-degraded.js", ' +
                '"./dist/define/clerk-idle-sign-out.js",',
            ),
          ),
        `package.json "sideEffects": add "./dist/define/clerk-active-devices.js" (or a pattern matching it): bundlers would drop <clerk-active-devices>'s registration`,
      ],
      [
        (dir) =>
          rewrite(dir, 'README.md', (text) =>
            text.replace(':is(clerk-signed-in, clerk-signed-out, ', ':is(clerk-signed-out, '),
          ),
        /^README\.md:\d+: list the tags of src\/no-flash\.css's first rule, :is\(clerk-signed-in, clerk-signed-out, clerk-loaded, clerk-failed, clerk-degraded, clerk-sign-out-button, clerk-user-menu\)/,
      ],
      [
        (dir) =>
          rewrite(dir, 'src/define/clerk-signed-in.ts', (text) =>
            text.replace("define('clerk-signed-in'", "define('clerk-signed-on'"),
          ),
        'src/define/clerk-signed-in.ts: it registers <clerk-signed-on>: name the file after its tag (src/define/clerk-signed-on.ts)',
      ],
      [
        (dir) =>
          rewrite(dir, 'src/define/clerk-signed-in.ts', (text) =>
            text.replace("define('clerk-signed-in', ClerkSignedIn)", 'define(TAG, ClerkSignedIn)'),
          ),
        "src/define/clerk-signed-in.ts: register the element with define('clerk-signed-in', ClassName) (a string literal and a class)",
      ],
      [
        (dir) =>
          rewrite(dir, 'src/define/clerk-signed-in.ts', (text) =>
            text.replace("'clerk-signed-in': ClerkSignedIn;", ''),
          ),
        "src/define/clerk-signed-in.ts: add 'clerk-signed-in': ClerkSignedIn; to HTMLElementTagNameMap (in declare global)",
      ],
      [
        (dir) =>
          rewrite(dir, 'bench/budgets.mjs', (text) => text.replace("'clerk-user-menu.js'", "'clerk-usermenu.js'")),
        'bench/budgets.mjs: NPM_BUDGET_ENTRIES names clerk-usermenu.js, which package.json "exports" lacks',
      ],
    ];
    for (const [edit, expected] of cases) {
      const problems = await problemsAfter(edit);
      assert.equal(problems.length, 1, problems.join('\n'));
      if (expected instanceof RegExp) assert.match(problems[0], expected);
      else assert.equal(problems[0], expected);
    }
  });
});
