// The emulator's security model: who may change its state, which hosts it answers for, how much it
// remembers, which fault specs it takes, and that a malformed request gets an answer, never a dropped connection.
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { after, before, describe, it } from 'node:test';
import { clerkEmulatorPlugin, createFapiEmulator, startClerkEmulator } from 'clerk-sign-out-elements/testing/node';
import { rawRequest, requestBytes } from './support/raw-http.mjs';

/** A request through node:http (any Host header), resolving with status, headers and the parsed JSON body (or text). */
function send(origin, path, { method = 'GET', headers = {}, body } = {}) {
  const target = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, method, path, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({
          status: res.statusCode,
          headers: res.headers,
          text,
          json,
          message: json?.errors?.[0]?.long_message ?? '',
        });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };

/** A tenant with two signed-in users. */
function seeded(running, name) {
  const tenant = running.emulator.tenant(name);
  tenant.reset();
  tenant.signIn(tenant.createUser().id);
  tenant.signIn(tenant.createUser().id);
  return tenant;
}

describe('emulator security: who may change state', () => {
  let running;
  before(async () => (running = await startClerkEmulator()));
  after(() => running.close());

  it('refuses a cross-origin form post that would sign every session out: 403 naming the origin and allowOrigin', async () => {
    const tenant = seeded(running, 'csrf-fapi');
    const path = '/__clerk/t/csrf-fapi/v1/client/sessions?_method=DELETE';
    const refused = await send(running.url, path, {
      method: 'POST',
      headers: { ...FORM, origin: 'https://evil.example' },
      body: '',
    });
    assert.equal(refused.status, 403);
    assert.match(refused.message, /https:\/\/evil\.example/);
    assert.match(refused.message, /allowOrigin/);
    assert.equal(tenant.sessions.length, 2, 'no session ended');
    assert.deepEqual(tenant.requests(), [], 'a refused write is not logged');
  });

  it('refuses writes from an opaque origin (Origin: null) and cross-site writes without Origin', async () => {
    const tenant = seeded(running, 'csrf-null');
    const path = '/__clerk/t/csrf-null/v1/client/sessions?_method=DELETE';
    const opaque = await send(running.url, path, { method: 'POST', headers: { ...FORM, origin: 'null' }, body: '' });
    assert.equal(opaque.status, 403);
    assert.match(opaque.message, /"null"/);
    const crossSite = await send(running.url, path, {
      method: 'POST',
      headers: { ...FORM, 'sec-fetch-site': 'cross-site' },
      body: '',
    });
    assert.equal(crossSite.status, 403);
    assert.match(crossSite.message, /cross-site/);
    assert.equal(tenant.sessions.length, 2);
  });

  it('still takes writes without Origin (node, curl), from its own origin and from loopback pages', async () => {
    const port = new URL(running.url).port;
    const path = (name) => `/__clerk/t/${name}/v1/client/sessions?_method=DELETE`;
    seeded(running, 'w-none');
    assert.equal((await send(running.url, path('w-none'), { method: 'POST', headers: FORM, body: '' })).status, 200);
    seeded(running, 'w-same');
    const same = await send(running.url, path('w-same'), {
      method: 'POST',
      headers: { ...FORM, origin: running.url },
      body: '',
    });
    assert.equal(same.status, 200);
    seeded(running, 'w-loop');
    const loop = await send(running.url, path('w-loop'), {
      method: 'POST',
      headers: { ...FORM, origin: 'http://localhost:3000' },
      body: '',
    });
    assert.equal(loop.status, 200);
    assert.equal(loop.headers['access-control-allow-origin'], 'http://localhost:3000');
    seeded(running, 'w-site');
    const sameSite = { ...FORM, origin: `http://localhost:${port}`, 'sec-fetch-site': 'cross-site' };
    assert.equal(
      (await send(running.url, path('w-site'), { method: 'POST', headers: sameSite, body: '' })).status,
      200,
      'Origin decides when present',
    );
    assert.equal(running.emulator.tenant('w-site').sessions.length, 0);
    // Clerk's script is public: a page on another origin may load it.
    const script = await send(running.url, '/__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js', {
      method: 'HEAD',
      headers: { origin: 'https://app.example', 'sec-fetch-site': 'cross-site' },
    });
    assert.equal(script.status, 200);
  });

  it('asks allowOrigin about other origins for writes', async () => {
    const custom = await startClerkEmulator({ allowOrigin: (origin) => origin === 'https://app.example' });
    try {
      custom.emulator.tenant().signIn(custom.emulator.tenant().createUser().id);
      const path = '/__clerk/v1/client/sessions?_method=DELETE';
      const loopback = await send(custom.url, path, {
        method: 'POST',
        headers: { ...FORM, origin: 'http://localhost:3000' },
        body: '',
      });
      assert.equal(loopback.status, 403, 'the option replaces the loopback default');
      assert.equal(custom.emulator.tenant().sessions.length, 1);
      const allowed = await send(custom.url, path, {
        method: 'POST',
        headers: { ...FORM, origin: 'https://app.example' },
        body: '',
      });
      assert.equal(allowed.status, 200);
      assert.equal(custom.emulator.tenant().sessions.length, 0);
    } finally {
      await custom.close();
    }
  });

  it('refuses control writes from a foreign origin (creating users, resetting)', async () => {
    const tenant = seeded(running, 'csrf-control');
    const headers = { ...JSON_TYPE, origin: 'https://evil.example' };
    const created = await send(running.url, '/__clerk/t/csrf-control/__control/users', {
      method: 'POST',
      headers,
      body: '{}',
    });
    assert.equal(created.status, 403);
    assert.match(created.message, /https:\/\/evil\.example.*allowOrigin|allowOrigin.*https:\/\/evil\.example/);
    const reset = await send(running.url, '/__clerk/t/csrf-control/__control/reset', {
      method: 'POST',
      headers: { origin: 'null' },
    });
    assert.equal(reset.status, 403);
    assert.equal(tenant.state().users.length, 2);
    assert.equal(tenant.sessions.length, 2);
  });

  it('takes control bodies as application/json only: a form or text/plain post gets 415 naming what to send', async () => {
    const tenant = seeded(running, 'json-only');
    const url = '/__clerk/t/json-only/__control/users';
    for (const type of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
      undefined,
    ]) {
      const body = type === 'application/x-www-form-urlencoded' ? 'firstName=Eve' : '{"firstName":"Eve"}';
      const refused = await send(running.url, url, {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        body,
      });
      assert.equal(refused.status, 415, String(type));
      assert.match(refused.message, /application\/json/);
    }
    const form = await send(running.url, '/__clerk/t/json-only/__control/reset', {
      method: 'POST',
      headers: FORM,
      body: '',
    });
    assert.equal(form.status, 415, 'an empty form post cannot reset either');
    assert.equal(tenant.state().users.length, 2);
    const json = await send(running.url, url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"firstName":"Eve"}',
    });
    assert.equal(json.status, 200);
    assert.equal(json.json.firstName, 'Eve');
    // connectEmulator() posts reset() and clearRequests() with no body at all.
    assert.equal((await send(running.url, '/__clerk/t/json-only/__control/reset', { method: 'POST' })).status, 200);
  });
});

describe('emulator security: a read from another page changes nothing', () => {
  let running;
  before(async () => (running = await startClerkEmulator()));
  after(() => running.close());

  /** What a page on evil.example sends: an <img> or a navigation (no Origin, its Referer), or a fetch (Origin). */
  const FROM_EVIL = [
    { 'sec-fetch-site': 'cross-site', referer: 'https://evil.example/page' },
    { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'cross-site' }, // Referrer-Policy: no-referrer
    { 'sec-fetch-site': 'same-site' }, // another port of this host, naming no page
    { origin: 'null' },
    { referer: 'http://evil.example:8000/' }, // an older browser: no Sec-Fetch-Site
  ];

  /** A tenant in use by a test: Ada signed in, a one-shot fault armed, a cookie expiring within the hour. */
  function inUse(name) {
    const tenant = running.emulator.tenant(name);
    tenant.reset();
    tenant.signIn(tenant.createUser({ id: 'user_ada' }).id);
    tenant.setFault('client', { status: 500, times: 1 });
    tenant.setFault('activeSessions', { status: 500, times: 1 });
    tenant.setCookieExpiresAt(Date.now() + 3600_000);
    return tenant;
  }

  it("neither uses up a test's fault, renews its cookie, logs, nor shows its state: 403 naming the page", async () => {
    const tenant = inUse('victim-reads');
    const before = tenant.state();
    const base = '/__clerk/t/victim-reads';
    const target = encodeURIComponent('http://localhost:3000/after');
    for (const headers of FROM_EVIL) {
      for (const path of [
        '/v1/client',
        '/v1/environment',
        '/v1/me/sessions/active',
        `/v1/client/touch?redirect_url=${target}`,
        '/__control/state',
        '/__control/requests',
        '/v1/nope',
      ]) {
        const answer = await send(running.url, base + path, { headers });
        assert.equal(answer.status, 403, `${path} ${JSON.stringify(headers)}`);
        assert.match(answer.message, /allowOrigin/);
        assert.equal(answer.text.includes('user_ada'), false, 'no state in the answer');
      }
    }
    const page = await send(running.url, `${base}/v1/client`, { headers: FROM_EVIL[0] });
    assert.match(page.message, /Refused GET from a page on "https:\/\/evil\.example"/);
    const blind = await send(running.url, `${base}/v1/client`, { headers: FROM_EVIL[2] });
    assert.match(blind.message, /Sec-Fetch-Site: cross-site/);
    assert.deepEqual(tenant.state(), before, 'faults, cookie, users and sessions as the test left them');
    assert.deepEqual(tenant.requests(), [], 'nothing logged');
    // The test's own page still meets its faults, once each.
    assert.equal((await send(running.url, `${base}/v1/client`)).status, 500);
    assert.equal((await send(running.url, `${base}/v1/client`)).status, 200);
  });

  it('creates no tenant and evicts none for new tenant names, whatever the count', async () => {
    const tenant = inUse('victim-tenants');
    const { clientId } = tenant;
    const names = running.emulator.tenantNames();
    for (let index = 0; index < 1100; index++) {
      const headers = FROM_EVIL[index % FROM_EVIL.length];
      const answer = await send(running.url, `/__clerk/t/evil-${index}/v1/environment`, { headers });
      assert.equal(answer.status, 403);
    }
    assert.deepEqual(running.emulator.tenantNames(), names, 'the same tenants');
    assert.equal(running.emulator.tenant('victim-tenants').clientId, clientId, 'the same client');
    assert.deepEqual(
      tenant.state().users.map((user) => user.id),
      ['user_ada'],
    );
  });

  it('takes reads from its own page, allowed pages (by Origin or Referer), the address bar and local processes', async () => {
    const port = new URL(running.url).port;
    const allowed = [
      {},
      { 'user-agent': 'curl/7.88.1' },
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      { origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' },
      { origin: 'http://localhost:3000', 'sec-fetch-site': 'cross-site' },
      // clerk-js's post-sign-out navigation through /v1/client/touch from an app on another loopback origin.
      { 'sec-fetch-site': 'cross-site', referer: 'http://localhost:3000/account' },
      { 'sec-fetch-site': 'same-site', referer: `http://127.0.0.1:5173/` },
      { referer: 'http://[::1]:8080/' },
    ];
    const target = 'http://localhost:3000/after';
    for (const headers of allowed) {
      const tenant = inUse('reads-ok');
      const expiry = tenant.cookieExpiresAt;
      const base = '/__clerk/t/reads-ok';
      assert.equal((await send(running.url, `${base}/v1/client`, { headers })).status, 500, JSON.stringify(headers));
      assert.equal((await send(running.url, `${base}/__control/state`, { headers })).status, 200);
      const touch = await send(running.url, `${base}/v1/client/touch?redirect_url=${encodeURIComponent(target)}`, {
        headers,
      });
      assert.equal(touch.status, 302, JSON.stringify(headers));
      assert.equal(touch.headers.location, target);
      assert.equal(tenant.cookieExpiresAt, expiry, 'a read never renews the cookie: setCookieExpiresAt does');
      assert.deepEqual(
        tenant.requests().map((logged) => `${logged.path} ${logged.status}`),
        ['/v1/client 500', '/v1/client/touch 302'],
      );
    }
  });

  it("serves Clerk's script to any page (it is public), but only allowed pages meet its fault", async () => {
    const tenant = running.emulator.tenant('script-fault');
    tenant.reset();
    tenant.setFault('script', { status: 503, times: 1 });
    const path = '/__clerk/t/script-fault/npm/@clerk/clerk-js@6/dist/clerk.browser.js';
    for (const headers of FROM_EVIL) {
      assert.equal((await send(running.url, path, { method: 'HEAD', headers })).status, 200, JSON.stringify(headers));
    }
    assert.equal(tenant.state().faults.script.remaining, 1);
    assert.equal((await send(running.url, path, { method: 'HEAD' })).status, 503);
    assert.equal(
      (
        await send(running.url, '/__clerk/t/no-such-tenant/npm/@clerk/clerk-js@6/dist/clerk.browser.js', {
          method: 'HEAD',
          headers: FROM_EVIL[0],
        })
      ).status,
      200,
    );
    assert.ok(!running.emulator.tenantNames().includes('no-such-tenant'));
  });
});

describe('emulator security: tenants', () => {
  it('forgets the least recently used tenant past 1000, never one in use nor `default`', async () => {
    const emulator = createFapiEmulator();
    emulator.tenant('default');
    const busy = emulator.tenant('busy');
    busy.signIn(busy.createUser({ id: 'user_busy' }).id);
    for (let index = 0; index < 1500; index++) {
      emulator.tenant(`t${index}`);
      if (index % 100 === 0) emulator.tenant('busy'); // a test using its tenant meanwhile
    }
    const names = emulator.tenantNames();
    assert.equal(names.length, 1000);
    assert.ok(names.includes('default'));
    assert.ok(names.includes('busy'));
    assert.equal(emulator.tenant('busy'), busy, 'the same tenant, its state kept');
    assert.equal(busy.sessions.length, 1);
    assert.ok(!names.includes('t0') && names.includes('t1499'));
  });
});

describe('emulator security: Host (DNS rebinding)', () => {
  let running;
  before(async () => (running = await startClerkEmulator({ allowedHosts: ['emulator.test', '.apps.test'] })));
  after(() => running.close());

  it('refuses a Host it does not answer for with 403 naming the host and allowedHosts, for reads and writes', async () => {
    const tenant = seeded(running, 'rebind');
    for (const host of ['evil.example', 'evil.example:4010', 'localhost.evil.example', 'emulator.test.evil']) {
      const read = await send(running.url, '/__clerk/t/rebind/__control/state', { headers: { host } });
      assert.equal(read.status, 403, host);
      assert.match(read.message, new RegExp(host.replace(/\./g, '\\.')));
      assert.match(read.message, /allowedHosts/);
      assert.equal(read.json.users, undefined, 'no state leaks');
    }
    const origin = 'http://evil.example:4010';
    const write = await send(running.url, '/__clerk/t/rebind/v1/client/sessions?_method=DELETE', {
      method: 'POST',
      headers: { ...FORM, host: 'evil.example:4010', origin },
      body: '',
    });
    assert.equal(write.status, 403, 'a rebound page is "same origin" with itself');
    assert.equal(tenant.sessions.length, 2);
  });

  it('answers loopback names, *.localhost, IP addresses and the configured hosts, with any port', async () => {
    for (const host of [
      'localhost',
      'LOCALHOST:5173',
      '127.0.0.1',
      '127.0.0.1:1',
      '[::1]:8000',
      'app.localhost:3000',
      'emulator.test',
      'emulator.test:4010',
      'a.apps.test',
      'apps.test:1',
      '192.168.1.20:5173',
    ]) {
      assert.equal((await send(running.url, '/__clerk/v1/environment', { headers: { host } })).status, 200, host);
    }
  });

  it('checks Host in the WTR plugin too, and passes paths outside its prefix through untouched', async () => {
    const server = createServer((req, res) => res.end('dev server'));
    clerkEmulatorPlugin().serverStart({ server });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${server.address().port}`;
    try {
      assert.equal((await send(origin, '/__clerk/v1/environment', { headers: { host: 'evil.example' } })).status, 403);
      assert.equal(
        (await send(origin, '/__clerk/v1/environment', { headers: { host: 'localhost:8000' } })).status,
        200,
      );
      assert.equal((await send(origin, '/index.html', { headers: { host: 'evil.example' } })).text, 'dev server');
    } finally {
      server.close();
    }
  });
});

describe('emulator security: a bounded request log', () => {
  it('keeps the newest maxRecordedRequests per tenant, oldest first', async () => {
    const running = await startClerkEmulator({ maxRecordedRequests: 5 });
    try {
      for (let index = 0; index < 8; index++) await send(running.url, `/__clerk/t/ring/v1/environment?n=${index}`);
      assert.deepEqual(
        running.emulator
          .tenant('ring')
          .requests()
          .map((logged) => logged.query.n),
        ['3', '4', '5', '6', '7'],
      );
      assert.throws(() => createFapiEmulator({ maxRecordedRequests: -1 }), /maxRecordedRequests/);
    } finally {
      await running.close();
    }
  });

  it('keeps 1000 by default', () => {
    const tenant = createFapiEmulator().tenant('default-ring');
    const entry = (n) => ({
      endpoint: null,
      method: 'GET',
      httpMethod: 'GET',
      path: '/v1/x',
      query: { n: String(n) },
      body: {},
      status: 404,
      time: n,
    });
    for (let n = 0; n < 1010; n++) tenant.record(entry(n));
    const numbers = tenant.requests().map((logged) => Number(logged.query.n));
    assert.equal(numbers.length, 1000);
    assert.deepEqual([numbers[0], numbers.at(-1)], [10, 1009], 'the oldest ten went; oldest first');
    tenant.clearRequests();
    tenant.record(entry(1));
    assert.deepEqual(
      tenant.requests().map((logged) => logged.query.n),
      ['1'],
    );
  });

  it('truncates long recorded values: 150 posts of 1 MB keep the heap and the log small', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc');
    const running = await startClerkEmulator();
    try {
      const value = 'x'.repeat(1024 * 1024 - 10);
      const body = `token=${value}`;
      const path = '/__clerk/t/heap/v1/client/sessions/sess_1/tokens';
      // Warm up (JIT, sockets, buffers) before measuring.
      for (let index = 0; index < 5; index++) await send(running.url, path, { method: 'POST', headers: FORM, body });
      running.emulator.tenant('heap').clearRequests();
      gc();
      const before = process.memoryUsage().heapUsed;
      for (let index = 0; index < 150; index++) {
        const answer = await send(running.url, path, { method: 'POST', headers: FORM, body });
        assert.equal(answer.status, 404);
      }
      gc();
      const grown = process.memoryUsage().heapUsed - before;
      const logged = running.emulator.tenant('heap').requests();
      assert.equal(logged.length, 150);
      const recorded = logged[0].body.token;
      assert.ok(recorded.length <= 2200, `recorded ${recorded.length} chars`);
      assert.ok(recorded.startsWith('xxxx'));
      assert.match(recorded, /truncated/);
      assert.ok(JSON.stringify(logged).length < 1024 * 1024, 'the whole log under 1 MB');
      assert.ok(grown < 24 * 1024 * 1024, `heap grew by ${(grown / 1024 / 1024).toFixed(1)} MB`);
    } finally {
      await running.close();
    }
  });

  it('bounds how many fields one request records, and survives values String() cannot print', async () => {
    const running = await startClerkEmulator();
    try {
      const many = Array.from({ length: 20000 }, (_, index) => `f${index}=${index}`).join('&');
      await send(running.url, `/__clerk/t/fields/v1/dev_browser`, { method: 'POST', headers: FORM, body: many });
      const nested = `{"deep":${'['.repeat(100000)}${']'.repeat(100000)}}`;
      const deep = await send(running.url, `/__clerk/t/fields/v1/dev_browser`, {
        method: 'POST',
        headers: JSON_TYPE,
        body: nested,
      });
      assert.equal(deep.status, 200);
      const [form, json] = running.emulator.tenant('fields').requests();
      assert.ok(JSON.stringify(form.body).length < 16 * 1024, `form fields: ${JSON.stringify(form.body).length} chars`);
      assert.equal(typeof json.body.deep, 'string');
    } finally {
      await running.close();
    }
  });
});

describe('emulator security: fault specs', () => {
  let running;
  before(async () => (running = await startClerkEmulator()));
  after(() => running.close());

  const post = (fault) =>
    send(running.url, '/__clerk/t/faults/__control/faults', {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ endpoint: 'client', fault }),
    });

  it('refuses each bad field with a 400 that names it', async () => {
    const cases = [
      [{ status: 500, errors: [null] }, /`errors\[0\]`/],
      [{ status: 500, errors: 'nope' }, /`errors`/],
      [{ status: 500, errors: [{ code: 5 }] }, /`errors\[0\]\.code`/],
      [{ status: 500, errors: [{ message: 'ok' }, { long_message: [] }] }, /`errors\[1\]\.long_message`/],
      [{ status: 500, errors: [{ code: 'x', meta: {} }] }, /`errors\[0\]\.meta`/],
      [{ delayMs: 3e9 }, /`delayMs`.*60000/],
      [{ delayMs: -1 }, /`delayMs`/],
      [{ delayMs: '100' }, /`delayMs`/],
      [{ status: 200 }, /`status`/],
      [{ status: 500.5 }, /`status`/],
      [{ drop: 'yes' }, /`drop`/],
      [{ drop: true, times: 0 }, /`times`/],
      [{ drop: true, times: 1.5 }, /`times`/],
      [{ status: 500, statsu: 1, later: true }, /`statsu`.*`later`|unknown.*statsu/i],
      [{ errors: [{ code: 'x' }] }, /needs `status`/],
      [null, /`fault`/],
      [[{ status: 500 }], /`fault`/],
    ];
    for (const [fault, message] of cases) {
      const answer = await post(fault);
      assert.equal(answer.status, 400, JSON.stringify(fault));
      assert.match(answer.message, message, JSON.stringify(fault));
    }
    assert.deepEqual(running.emulator.tenant('faults').state().faults, {}, 'nothing was set');
  });

  it('takes well-formed faults, and the JS API checks the same way', async () => {
    const good = {
      status: 422,
      errors: [{ code: 'custom', message: 'm', long_message: 'Nope.' }, {}],
      times: 2,
      delayMs: 60000,
      drop: false,
    };
    const answer = await post(good);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json.faults.client, {
      status: 422,
      errors: good.errors,
      times: 2,
      delayMs: 60000,
      remaining: 2,
    });
    const tenant = createFapiEmulator().tenant();
    assert.throws(() => tenant.setFault('client', { status: 500, errors: [null] }), /`errors\[0\]`/);
    assert.throws(() => tenant.setFault('client', { delayMs: 3e9 }), /`delayMs`/);
  });

  it('names a huge or unprintable endpoint without echoing it whole', async () => {
    const nested = JSON.parse(`${'['.repeat(200000)}${']'.repeat(200000)}`);
    const deep = await send(running.url, '/__clerk/t/faults/__control/faults', {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ endpoint: 'x'.repeat(100000), fault: { status: 500 } }),
    });
    assert.equal(deep.status, 400);
    assert.ok(deep.text.length < 4000, `answer of ${deep.text.length} chars`);
    assert.throws(() => createFapiEmulator().tenant().setFault(nested, { status: 500 }), /Unknown endpoint/);
  });
});

describe('emulator security: malformed requests get an answer', () => {
  let running;
  let port;
  before(async () => {
    running = await startClerkEmulator();
    port = Number(new URL(running.url).port);
  });
  after(() => running.close());

  const host = () => `127.0.0.1:${port}`;

  it('answers malformed request lines with 400 or 404, never a dropped connection', async () => {
    const targets = [
      '//',
      '//__clerk/v1/client',
      '/%',
      '/__clerk/%',
      '/__clerk/t/%zz/v1/client',
      '/__clerk/v1/client/sessions/%E0%A4%A/remove',
      '/__clerk/\\..\\x',
      `/__clerk/${'a/'.repeat(4000)}`,
      '*',
      'http://evil.example/__clerk/v1/environment',
      '/__clerk/v1/%00',
    ];
    for (const target of targets) {
      const answer = await rawRequest(
        port,
        requestBytes({ method: target === '*' ? 'OPTIONS' : 'GET', target, host: host() }),
      );
      assert.ok(!answer.dropped, `${target}: dropped (${answer.error})`);
      assert.ok([200, 400, 403, 404].includes(answer.status), `${target}: ${answer.status}`);
      assert.ok(answer.status !== 200 || target.startsWith('http://'), `${target}: 200`);
    }
    for (const line of [
      'GET / HTTP/1.1 extra',
      'GET',
      '\x00\x01\x02',
      'GET /__clerk/v1/client HTTP/9.9',
      'G\tET /__clerk HTTP/1.1',
    ]) {
      const answer = await rawRequest(
        port,
        Buffer.from(`${line}\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`, 'latin1'),
      );
      assert.ok(!answer.dropped, `${JSON.stringify(line)}: dropped`);
      assert.ok(answer.status >= 400 && answer.status < 500, `${JSON.stringify(line)}: ${answer.status}`);
    }
    const huge = await rawRequest(
      port,
      requestBytes({ target: '/__clerk/v1/client', host: host(), headers: [['x-huge', 'a'.repeat(20000)]] }),
    );
    assert.equal(huge.status, 431);
    assert.equal((await send(running.url, '/__clerk/v1/environment')).status, 200, 'still answering');
  });

  it('the WTR plugin passes `GET //` through to the dev server instead of dropping it', async () => {
    const server = createServer((req, res) => res.end('dev server'));
    clerkEmulatorPlugin().serverStart({ server });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await rawRequest(server.address().port, requestBytes({ target: '//', host: 'localhost' }));
      assert.equal(answer.status, 200);
      assert.equal(answer.body, 'dev server');
    } finally {
      server.close();
    }
  });

  it('an emulator mounted at the root (prefix "") answers `GET //` with a 404', async () => {
    const root = await startClerkEmulator({ prefix: '' });
    try {
      const answer = await rawRequest(
        Number(new URL(root.url).port),
        requestBytes({ target: '//', host: 'localhost' }),
      );
      assert.equal(answer.status, 404);
      assert.match(answer.body, /not a Frontend API path/);
    } finally {
      await root.close();
    }
  });

  it('answers a body over 1 MB with 413 (not a reset), and a body cut short with no crash', async () => {
    // An 8 MB upload: the emulator reads it to the end (discarding it) so the client hears the 413 rather than a reset.
    const big = await fetch(`${running.url}/__clerk/v1/dev_browser`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'a'.repeat(8 * 1024 * 1024),
    });
    assert.equal(big.status, 413);
    assert.match((await big.json()).errors[0].long_message, /1 MB/);
    const cut = await rawRequest(
      port,
      Buffer.from(`POST /__clerk/v1/dev_browser HTTP/1.1\r\nHost: ${host()}\r\nContent-Length: 100\r\n\r\nabc`),
      { end: true },
    );
    assert.ok(cut.dropped || cut.status === 400, `cut body: ${cut.status}`);
    assert.equal((await send(running.url, '/__clerk/v1/environment')).status, 200, 'still answering');
  });

  it('handle() never rejects: an unexpected throw (even before routing) answers 500 JSON', async () => {
    const emulator = createFapiEmulator();
    const server = createServer((req, res) => {
      // Anything may throw in a host server's request; here reading the URL does, and it does not throw an Error.
      Object.defineProperty(req, 'url', {
        get: () => {
          throw 'not an Error';
        },
      });
      emulator.handle(req, res).then(
        (handled) => handled || res.end('next'),
        () => res.end('REJECTED'),
      );
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const logged = [];
    const { error } = console;
    console.error = (...args) => logged.push(args);
    try {
      const answer = await send(`http://127.0.0.1:${server.address().port}`, '/__clerk/v1/client');
      assert.notEqual(answer.text, 'REJECTED');
      assert.equal(answer.status, 500);
      assert.equal(answer.json.errors[0].code, 'internal_clerk_error');
      assert.equal(logged.length, 1, 'and says why on the console');
    } finally {
      console.error = error;
      server.close();
    }
  });
});
