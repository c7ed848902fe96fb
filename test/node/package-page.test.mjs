// The registry's page of the package: where the code and its issues are, and a README whose links work there.
// npmjs.com resolves no relative link (a link to `bench/README.md` is a 404 there), so every link is absolute or a
// heading of the README itself. (Its length and its pictures, which ship in the tarball:
// test/node/readme-snippets.test.mjs.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json'));
const readme = read('README.md');

const REPOSITORY = 'https://github.com/clerk-sign-out-elements/clerk-sign-out-elements';

/** The README without its code (fenced blocks and inline code), where links are only text. */
const prose = readme.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '').replace(/`[^`\n]*`/g, '');

/** Every link target of the prose: Markdown links and pictures, HTML href / src / srcset. */
const targets = [
  ...[...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)[^)]*\)/g)].map((match) => match[1]),
  ...[...prose.matchAll(/\b(?:href|src|srcset)="([^"]+)"/g)].map((match) => match[1]),
];

/** GitHub's (and npm's) id of a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading) =>
  heading
    .replace(/`/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
const headings = new Set([...readme.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1].trim())));

describe('the package page', () => {
  it('package.json names the repository, its home page and where to report bugs', () => {
    assert.deepEqual(pkg.repository, { type: 'git', url: `git+${REPOSITORY}.git` });
    assert.equal(pkg.homepage, `${REPOSITORY}#readme`);
    assert.deepEqual(pkg.bugs, { url: `${REPOSITORY}/issues` });
  });

  it('every README link is absolute, or a heading of the README', () => {
    assert.ok(targets.length >= 15, `only ${targets.length} links found`);
    const relative = targets.filter((target) => !/^https:\/\//.test(target) && !target.startsWith('#'));
    assert.deepEqual(relative, [], 'relative links (404 on the registry page): make them absolute');
    const missing = targets.filter((target) => target.startsWith('#') && !headings.has(target.slice(1)));
    assert.deepEqual(missing, [], 'links to headings the README does not have');
  });

  it('links into the repository point at its main branch, at files that exist', () => {
    const inside = targets.filter((target) => target.startsWith(`${REPOSITORY}/`) && target !== pkg.bugs.url);
    assert.ok(inside.length >= 1);
    for (const target of inside) {
      const path = /^\/blob\/main\/([^#]+)/.exec(target.slice(REPOSITORY.length))?.[1];
      assert.ok(path, `${target}: link files as ${REPOSITORY}/blob/main/<path>`);
      assert.doesNotThrow(() => read(path), `${path} does not exist`);
    }
  });
});
