// Node side of the emulator, through the package export users import: standalone server, adapters, JS control API.
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { describe, it, after, before } from 'node:test';
import {
  clerkEmulatorMiddleware,
  clerkEmulatorPlugin,
  clerkEmulatorVitePlugin,
  createFapiEmulator,
  EmulatorError,
  startClerkEmulator,
} from 'clerk-sign-out-elements/testing/node';

/** A raw request (no URL normalisation, no retries), resolving with status, headers and body text. */
function raw(url, { method = 'GET', path, headers = {} } = {}) {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: target.hostname, port: target.port, method, path: path ?? target.pathname + target.search, headers },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('startClerkEmulator', () => {
  let running;
  before(async () => (running = await startClerkEmulator()));
  after(() => running.close());

  it('listens on 127.0.0.1 with a proxy URL and key for clerk-js, driven by the JS control API', async () => {
    assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(running.proxyUrl, `${running.url}/__clerk`);
    assert.equal(running.publishableKey, 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k');
    const tenant = running.emulator.tenant();
    tenant.reset();
    const session = tenant.signIn(tenant.createUser({ firstName: 'Grace' }).id);
    const { response } = await (await fetch(`${running.proxyUrl}/v1/client`)).json();
    assert.deepEqual(
      response.sessions.map((served) => served.id),
      [session.id],
    );
    assert.deepEqual(
      tenant.requests().map((logged) => `${logged.method} ${logged.path} ${logged.status}`),
      ['GET /v1/client 200'],
    );
  });

  it('answers CORS for loopback origins only, with the exact origin and credentials', async () => {
    const url = `${running.proxyUrl}/v1/environment`;
    const local = await raw(url, { headers: { origin: 'http://localhost:3000' } });
    assert.equal(local.headers['access-control-allow-origin'], 'http://localhost:3000');
    assert.equal(local.headers['access-control-allow-credentials'], 'true');
    const foreign = await raw(url, { headers: { origin: 'https://evil.example' } });
    assert.equal(foreign.headers['access-control-allow-origin'], undefined);
    const preflight = await raw(url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-headers'], 'content-type');
  });

  it('never serves files outside @clerk/clerk-js/dist, and 404s paths outside its prefix', async () => {
    const script = await raw(`${running.proxyUrl}/npm/@clerk/clerk-js@6/dist/clerk.browser.js`, { method: 'HEAD' });
    assert.equal(script.status, 200);
    for (const path of [
      '/__clerk/npm/@clerk/clerk-js@6/dist/../../package.json',
      '/__clerk/npm/@clerk/clerk-js@6/dist/..%2f..%2fpackage.json',
    ]) {
      assert.equal((await raw(running.url, { path })).status, 404, path);
    }
    assert.equal((await raw(`${running.url}/elsewhere`)).status, 404);
  });

  it('drops the connection for a drop fault', async () => {
    running.emulator.tenant('drop').setFault('client', { drop: true, times: 1 });
    await assert.rejects(raw(`${running.url}/__clerk/t/drop/v1/client`), /socket hang up|ECONNRESET/);
    assert.equal((await raw(`${running.url}/__clerk/t/drop/v1/client`)).status, 200);
  });
});

describe('JS control API', () => {
  it('refuses unknown endpoints, empty faults and unknown users with EmulatorError', () => {
    const tenant = createFapiEmulator().tenant('checks');
    assert.throws(() => tenant.setFault('signout', { status: 500 }), EmulatorError);
    assert.throws(() => tenant.setFault('client', {}), /needs `status`, `drop: true` or `delayMs`/);
    assert.throws(
      () => tenant.signIn('user_missing'),
      (error) => error instanceof EmulatorError && error.status === 404,
    );
    assert.throws(() => createFapiEmulator().tenant('../x'), EmulatorError);
  });
});

/** A minimal connect server (what vite hands to configureServer) that records what reached `next`. */
function connectServer() {
  const handlers = [];
  return {
    middlewares: { use: (handler) => handlers.push(handler) },
    async dispatch(url) {
      const server = createServer((req, res) => handlers[0](req, res, () => res.end('next')));
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        return await raw(`http://127.0.0.1:${server.address().port}${url}`);
      } finally {
        server.close();
      }
    },
  };
}

describe('clerkEmulatorVitePlugin', () => {
  it('answers under /__clerk before vite, passes other paths on, and seeds a signed-in demo user', async () => {
    const plugin = clerkEmulatorVitePlugin();
    const server = connectServer();
    plugin.configureServer(server);
    const client = JSON.parse((await server.dispatch('/__clerk/v1/client')).body).response;
    assert.equal(client.sessions[0].user.first_name, 'Ada');
    assert.equal((await server.dispatch('/index.html')).body, 'next');
    assert.deepEqual(clerkEmulatorVitePlugin({ seed: false }).emulator.tenant().state().sessions, []);
  });
});

describe('WTR adapters', () => {
  it('the plugin answers emulator paths in front of the dev server and passes everything else to it', async () => {
    const server = createServer((req, res) => res.end('dev server'));
    const plugin = clerkEmulatorPlugin();
    plugin.serverStart({ server, app: {} });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${server.address().port}`;
    try {
      assert.equal((await raw(`${origin}/__clerk/v1/environment`)).status, 200);
      assert.equal((await raw(`${origin}/test/x.test.ts`)).body, 'dev server');
    } finally {
      server.close();
    }
  });

  it('the koa middleware sets respond=false when it answered and calls next otherwise', async () => {
    const middleware = clerkEmulatorMiddleware();
    const server = createServer(async (req, res) => {
      const ctx = { req, res };
      await middleware(ctx, async () => res.end('next'));
      if (ctx.respond === false && !res.writableEnded) res.end('BUG: respond=false but unanswered');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${server.address().port}`;
    try {
      assert.equal(JSON.parse((await raw(`${origin}/__clerk/v1/environment`)).body).object, 'environment');
      assert.equal((await raw(`${origin}/other`)).body, 'next');
    } finally {
      server.close();
    }
  });
});
