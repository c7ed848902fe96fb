// The emulator's control API and Frontend API answers, driven from the browser as tests and demo pages drive it.
import { expect } from '@open-wc/testing';
import { connectEmulator, EMULATOR_PUBLISHABLE_KEY, type EmulatorConnection } from '../../src/testing/index.js';

async function fapi(emulator: EmulatorConnection, path: string, init?: RequestInit) {
  const response = await fetch(`${emulator.proxyUrl}${path}`, init);
  return { status: response.status, body: await response.json() };
}

function claims(jwt: string): Record<string, unknown> {
  const parts = jwt.split('.');
  expect(parts.map((part) => part.length > 0)).to.deep.equal([true, true, true]);
  return JSON.parse(atob(parts[1].replace(/-/g, '+').replace(/_/g, '/')));
}

describe('FAPI emulator: control API', () => {
  let emulator: EmulatorConnection;
  beforeEach(async () => {
    emulator = connectEmulator();
    await emulator.reset();
  });

  it('connects to a fresh tenant with a proxy URL and a publishable key clerk-js accepts', async () => {
    expect(emulator.proxyUrl).to.equal(`${location.origin}/__clerk/t/${emulator.tenant}`);
    expect(emulator.publishableKey).to.equal(EMULATOR_PUBLISHABLE_KEY);
    expect(atob(emulator.publishableKey.replace('pk_live_', ''))).to.equal('clerk.example.com$');
    const state = await emulator.state();
    expect(state).to.include({ tenant: emulator.tenant, lastActiveSessionId: null });
    expect(state.users).to.deep.equal([]);
    expect(state.sessions).to.deep.equal([]);
    expect(state.cookieExpiresAt).to.be.greaterThan(Date.now() + 300 * 24 * 3600_000);
  });

  it('creates users with offline defaults and signs several in on one client, the latest active', async () => {
    const ada = await emulator.createUser();
    expect(ada).to.include({
      firstName: 'Ada',
      lastName: 'Lovelace',
      username: null,
      email: 'ada.lovelace.1@example.com',
    });
    expect(ada.imageUrl).to.match(/^data:image\/svg\+xml;base64,/);
    const grace = await emulator.createUser({ id: 'user_grace', firstName: 'Grace', lastName: null, email: null });
    expect(grace).to.include({ id: 'user_grace', firstName: 'Grace', lastName: null, email: null });

    const first = await emulator.signIn(ada);
    const second = await emulator.signIn('user_grace');
    let state = await emulator.state();
    expect(state.sessions.map((session) => session.id)).to.deep.equal([first.id, second.id]);
    expect(state.lastActiveSessionId).to.equal(second.id);

    const again = await emulator.signIn(ada.id);
    state = await emulator.state();
    expect(again.id, 'one session per user per client').to.equal(first.id);
    expect(state.sessions).to.have.length(2);
    expect(state.lastActiveSessionId).to.equal(first.id);
  });

  it('keeps tenants apart and reset() empties one', async () => {
    const other = connectEmulator();
    await emulator.signIn(await emulator.createUser());
    await fapi(emulator, '/v1/client');
    await emulator.fault('client', { status: 503 });
    expect((await other.state()).users).to.deep.equal([]);
    expect(await other.requests()).to.deep.equal([]);

    const state = await emulator.reset();
    expect(state.users).to.deep.equal([]);
    expect(state.sessions).to.deep.equal([]);
    expect(state.faults).to.deep.equal({});
    expect(await emulator.requests()).to.deep.equal([]);
  });

  it('logs each FAPI request with the method clerk-js meant, the path without query, the query and the body', async () => {
    const session = await emulator.signIn(await emulator.createUser());
    await fetch(`${emulator.proxyUrl}/v1/client/sessions?_method=DELETE&_clerk_js_version=6.40.0`, { method: 'POST' });
    await fetch(`${emulator.proxyUrl}/v1/client/sessions/${session.id}/tokens`, {
      method: 'POST',
      body: new URLSearchParams({ organization_id: '' }),
    });
    const [signOut, tokens] = await emulator.requests();
    expect(signOut).to.deep.include({
      endpoint: 'signOutAll',
      method: 'DELETE',
      httpMethod: 'POST',
      path: '/v1/client/sessions',
      query: { _method: 'DELETE', _clerk_js_version: '6.40.0' },
      body: {},
      status: 200,
    });
    expect(tokens).to.deep.include({ endpoint: 'tokens', method: 'POST', status: 404, body: { organization_id: '' } });
    expect(await emulator.requests('signOutAll')).to.have.length(1);
    await emulator.clearRequests();
    expect(await emulator.requests()).to.deep.equal([]);
  });

  it('injects faults: a Clerk-shaped error for `times` requests, a delay, and refuses unknown endpoints', async () => {
    await emulator.fault('environment', { status: 422, errors: [{ code: 'custom', long_message: 'Nope.' }], times: 2 });
    expect((await emulator.state()).faults.environment).to.include({ status: 422, remaining: 2 });
    const failed = await fapi(emulator, '/v1/environment');
    expect(failed.status).to.equal(422);
    expect(failed.body.errors).to.deep.equal([
      { code: 'custom', message: 'Request failed (422)', long_message: 'Nope.', meta: {} },
    ]);
    expect(failed.body.clerk_trace_id).to.be.a('string');
    expect((await fapi(emulator, '/v1/environment')).status).to.equal(422);
    expect((await fapi(emulator, '/v1/environment')).status, 'used up').to.equal(200);

    await emulator.fault('client', { delayMs: 150 });
    const started = performance.now();
    expect((await fapi(emulator, '/v1/client')).status).to.equal(200);
    expect(performance.now() - started).to.be.greaterThan(140);
    await emulator.clearFaults();
    expect((await emulator.state()).faults).to.deep.equal({});

    let refused: Error | undefined;
    await emulator.fault('signout' as never, { status: 500 }).catch((error: Error) => (refused = error));
    expect(refused?.message).to.contain('Unknown endpoint "signout"; one of: environment, client, signOutAll');
    await emulator.fault('client', {}).catch((error: Error) => (refused = error));
    expect(refused?.message).to.contain('A fault needs `status`, `drop: true` or `delayMs`.');
  });
});

describe('FAPI emulator: Frontend API answers', () => {
  let emulator: EmulatorConnection;
  beforeEach(async () => {
    emulator = connectEmulator();
    await emulator.reset();
  });

  it('serves the client with sessions whose tokens are JWTs clerk-js decodes (sid, sub, iat, exp)', async () => {
    const session = await emulator.signIn(await emulator.createUser());
    const { body } = await fapi(emulator, '/v1/client');
    expect(body.client).to.equal(null);
    expect(body.response).to.include({ object: 'client', last_active_session_id: session.id });
    const [served] = body.response.sessions;
    expect(served).to.include({ object: 'session', id: session.id, status: 'active' });
    expect(served.user).to.include({ object: 'user', id: session.userId, first_name: 'Ada' });
    const claimSet = claims(served.last_active_token.jwt);
    expect(claimSet).to.include({ sid: session.id, sub: session.userId });
    expect(claimSet.exp as number).to.be.greaterThan(Date.now() / 1000 + 3600);
    expect(claimSet.exp as number, 'under setTimeout’s 24.8-day limit').to.be.lessThan(
      Date.now() / 1000 + 24 * 24 * 3600,
    );

    const token = await fapi(emulator, `/v1/client/sessions/${session.id}/tokens`, { method: 'POST' });
    expect(Object.keys(token.body).sort()).to.deep.equal(['jwt', 'object']);
    expect(claims(token.body.jwt).sid).to.equal(session.id);
  });

  it('removes one session (answering it as removed), touches another, and signs every session out', async () => {
    const first = await emulator.signIn(await emulator.createUser());
    const second = await emulator.signIn(await emulator.createUser());

    const touched = await fapi(emulator, `/v1/client/sessions/${first.id}/touch`, { method: 'POST' });
    expect(touched.body.response).to.include({ object: 'session', id: first.id, status: 'active' });
    expect(touched.body.client.last_active_session_id).to.equal(first.id);

    const removed = await fapi(emulator, `/v1/client/sessions/${first.id}/remove`, { method: 'POST' });
    expect(removed.body.response).to.include({ object: 'session', id: first.id, status: 'removed' });
    expect(removed.body.client.sessions.map((session: { id: string }) => session.id)).to.deep.equal([second.id]);
    expect(removed.body.client.last_active_session_id, 'the remaining session takes over').to.equal(second.id);

    const again = await fapi(emulator, `/v1/client/sessions/${first.id}/remove`, { method: 'POST' });
    expect(again.status).to.equal(404);
    expect(again.body.errors[0].code).to.equal('resource_not_found');

    const all = await fapi(emulator, '/v1/client/sessions?_method=DELETE', { method: 'POST' });
    expect(all.body.response.sessions).to.deep.equal([]);
    expect(all.body.client).to.deep.equal(all.body.response);
    expect((await emulator.state()).sessions).to.deep.equal([]);
  });

  it('answers unknown routes with a Clerk-shaped 404 and logs them without an endpoint name', async () => {
    const { status, body } = await fapi(emulator, '/v1/me/organizations');
    expect(status).to.equal(404);
    expect(body.errors[0]).to.include({ code: 'resource_not_found' });
    expect(await emulator.requests()).to.have.length(1);
    expect((await emulator.requests())[0]).to.include({ endpoint: null, path: '/v1/me/organizations', status: 404 });
  });

  it('redirects /v1/client/touch to a redirect_url on this origin and refuses other origins', async () => {
    const target = new URL('/after?x=1', location.href).href;
    const landed = await fetch(`${emulator.proxyUrl}/v1/client/touch?redirect_url=${encodeURIComponent(target)}`);
    expect(landed.redirected).to.equal(true);
    expect(landed.url).to.equal(target);
    const refused = await fetch(
      `${emulator.proxyUrl}/v1/client/touch?redirect_url=${encodeURIComponent('https://evil.example/')}`,
    );
    expect(refused.status).to.equal(400);
  });

  it("serves Clerk's browser script and its chunks from @clerk/clerk-js, and nothing outside its dist folder", async () => {
    const script = await fetch(`${emulator.proxyUrl}/npm/@clerk/clerk-js@6/dist/clerk.browser.js`);
    expect(script.status).to.equal(200);
    expect(script.headers.get('content-type')).to.contain('javascript');
    expect(await script.text()).to.contain('6.40.0');
    const escape = await fetch(`${emulator.proxyUrl}/npm/@clerk/clerk-js@6/dist/%2e%2e%2fpackage.json`);
    expect(escape.status).to.equal(404);
  });

  it('answers another origin (127.0.0.1 vs localhost) with CORS for credentialed requests', async () => {
    const crossOrigin =
      location.hostname === 'localhost' ? `http://127.0.0.1:${location.port}` : `http://localhost:${location.port}`;
    const remote = connectEmulator({ origin: crossOrigin });
    const user = await remote.createUser();
    await remote.signIn(user);
    // fetch rejects unless the answer names this exact origin and allows credentials (and the JSON control calls
    // above passed a preflight).
    const response = await fetch(`${remote.proxyUrl}/v1/client/sessions?_method=DELETE`, {
      method: 'POST',
      credentials: 'include',
    });
    expect(response.status).to.equal(200);
    expect((await remote.state()).sessions).to.deep.equal([]);
  });
});
