// The script route serves the clerk-js the path's version names, from the builds installed side by side: @clerk/clerk-js
// (6.x) and this repository's npm alias clerk-js-5 (5.x), as `<clerk-provider clerk-js-version="5">` asks for it.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startClerkEmulator } from 'clerk-sign-out-elements/testing/node';

const require = createRequire(join(process.cwd(), 'package.json'));
const installed = (name) => {
  const dist = dirname(require.resolve(name));
  return { dist, version: JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')).version };
};
const core3 = installed('@clerk/clerk-js');
const core2 = installed('clerk-js-5');
/** Every clerk-js build names its version in its chunks' file names (`…_5.128.0.js`). */
const chunkOf = ({ dist, version }) =>
  readdirSync(dist).find((file) => file.endsWith(`_${version}.js`) && file.includes('clerk.browser'));

async function script(running, version, file = 'clerk.browser.js') {
  const path = version === undefined ? '/npm/@clerk/clerk-js/dist/' : `/npm/@clerk/clerk-js@${version}/dist/`;
  const response = await fetch(`${running.proxyUrl}${path}${file}`);
  return { status: response.status, body: await response.text() };
}

describe('script route: the version in the path picks the installed clerk-js', () => {
  let running;
  before(async () => (running = await startClerkEmulator()));
  after(() => running.close());

  it('serves 6.x for @6 (the provider default), 5.x for @5 and an exact 5 version, and their chunks', async () => {
    assert.match(core3.version, /^6\./);
    assert.match(core2.version, /^5\./);
    for (const [asked, build] of [
      ['6', core3],
      ['5', core2],
      [core2.version, core2],
      [core3.version, core3],
      ['^5.1.0', core2],
      ['5.x', core2],
    ]) {
      const served = await script(running, asked);
      assert.equal(served.status, 200, `@${asked}`);
      assert.ok(served.body.includes(build.version), `@${asked} serves ${build.version}`);
    }
    assert.equal((await script(running, '5', chunkOf(core2))).status, 200, 'a 5.x chunk under @5');
    assert.equal((await script(running, '6', chunkOf(core3))).status, 200, 'a 6.x chunk under @6');
    assert.equal((await script(running, '6', chunkOf(core2))).status, 404, 'a 5.x chunk is not in 6.x');
  });

  it('serves @clerk/clerk-js itself without a version or for a tag', async () => {
    for (const asked of [undefined, 'latest']) {
      const served = await script(running, asked);
      assert.equal(served.status, 200);
      assert.ok(served.body.includes(core3.version), `${asked ?? 'no version'} serves ${core3.version}`);
    }
  });

  it('answers 404 naming what is installed for a version it does not have', async () => {
    const served = await script(running, '4');
    assert.equal(served.status, 404);
    const { errors } = JSON.parse(served.body);
    assert.match(
      errors[0].long_message,
      new RegExp(
        `"@4".*installed: ${core3.version}, ${core2.version}.*npm install -D clerk-js-4@npm:@clerk/clerk-js@4`,
      ),
    );
    assert.equal((await script(running, `${core2.version.split('.')[0]}.0.0-nope`)).status, 404);
  });
});

describe('script route with clerkJsDist', () => {
  let folder;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'clerk-dist-'));
    writeFileSync(join(folder, 'clerk.browser.js'), 'window.Clerk = "self-built";');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('one folder: served for every version (a build without its package.json has no version to check)', async () => {
    const running = await startClerkEmulator({ clerkJsDist: folder });
    try {
      for (const asked of ['6', '5', undefined])
        assert.equal((await script(running, asked)).body, 'window.Clerk = "self-built";');
    } finally {
      await running.close();
    }
  });

  it('several folders: the version picks among them, the first answers paths without one', async () => {
    const running = await startClerkEmulator({ clerkJsDist: [core2.dist, core3.dist] });
    try {
      assert.ok((await script(running, undefined)).body.includes(core2.version));
      assert.ok((await script(running, '6')).body.includes(core3.version));
      assert.ok((await script(running, '5')).body.includes(core2.version));
    } finally {
      await running.close();
    }
  });
});
