// The emulator's other devices: a user signed in on several clients, `GET /v1/me/sessions/active`,
// `POST /v1/me/sessions/{id}/revoke`, what the revoked device's own client then hears, the faults of both endpoints
// (Clerk's 403 `session_reverification_required` included), and the control routes and JS API that set it all up.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createFapiEmulator,
  DEFAULT_ACTIVITY,
  EmulatorError,
  FAPI_ENDPOINTS,
  startClerkEmulator,
} from 'clerk-sign-out-elements/testing/node';

const JSON_TYPE = { 'content-type': 'application/json' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A fetch resolving with status and parsed JSON (or `undefined`). */
async function call(url, { method = 'GET', headers = {}, body } = {}) {
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

const PHONE = {
  browserName: 'Safari',
  browserVersion: '18.2',
  deviceType: 'iPhone',
  isMobile: true,
  ipAddress: '203.0.113.7',
  city: 'Lyon',
  country: 'FR',
};

/** Ada signed in here (the tenant's own client) and on a phone; Grace signed in here too (a multi-session client). */
function seeded(running, name) {
  const tenant = running.emulator.tenant(name);
  tenant.reset();
  const ada = tenant.createUser({ id: 'user_ada', firstName: 'Ada' });
  const grace = tenant.createUser({ id: 'user_grace', firstName: 'Grace' });
  const graceHere = tenant.signIn(grace.id);
  const here = tenant.signIn(ada.id, { activity: { city: 'Berlin', country: 'DE' } });
  const phone = tenant.addDevice({ userId: ada.id, activity: PHONE, lastActiveAt: Date.now() - 3 * 3600_000 });
  const base = `${running.url}/__clerk/t/${name}`;
  return { tenant, ada, grace, here, graceHere, phone, base, device: `${base}/device/${phone.clientId}` };
}

describe('other devices: the Frontend API', () => {
  let running;
  before(async () => (running = await startClerkEmulator()));
  after(() => running.close());

  it("GET /v1/me/sessions/active answers a BARE array of the user's sessions on every client, as clerk-js 6.40 maps it", async () => {
    const { here, phone, base } = seeded(running, 'list');
    const { status, json } = await call(`${base}/v1/me/sessions/active?_clerk_session_id=${here.id}`);
    assert.equal(status, 200);
    assert.ok(Array.isArray(json), 'no `response` envelope: clerk-js maps `payload` itself');
    assert.deepEqual(
      json.map((session) => session.id),
      [here.id, phone.sessions[0].id],
      'most recently active first; Grace is not listed',
    );
    const [current, other] = json;
    assert.deepEqual(Object.keys(other).sort(), [
      'abandon_at',
      'actor',
      'expire_at',
      'id',
      'last_active_at',
      'latest_activity',
      'object',
      'status',
    ]);
    assert.equal(other.status, 'active');
    assert.equal(other.last_active_at, phone.sessions[0].lastActiveAt);
    assert.deepEqual(other.latest_activity, {
      object: 'session_activity',
      id: other.latest_activity.id,
      browser_name: 'Safari',
      browser_version: '18.2',
      device_type: 'iPhone',
      is_mobile: true,
      ip_address: '203.0.113.7',
      city: 'Lyon',
      country: 'FR',
    });
    assert.match(other.latest_activity.id, /^sess_activity_/);
    assert.equal(
      current.latest_activity.browser_name,
      DEFAULT_ACTIVITY.browserName,
      'defaults fill what a test leaves out',
    );
    assert.equal(current.latest_activity.city, 'Berlin');
  });

  it("acts for the session `_clerk_session_id` names, else the client's active one; a client signed out is answered 401 signed_out", async () => {
    const { tenant, graceHere, base } = seeded(running, 'who');
    const asGrace = await call(`${base}/v1/me/sessions/active?_clerk_session_id=${graceHere.id}`);
    assert.deepEqual(
      asGrace.json.map((session) => session.id),
      [graceHere.id],
    );
    const asActive = await call(`${base}/v1/me/sessions/active`);
    assert.deepEqual(asActive.json.map((session) => session.id).length, 2, 'Ada (the active session) has two devices');
    const stranger = await call(`${base}/v1/me/sessions/active?_clerk_session_id=sess_nope`);
    assert.equal(stranger.status, 401);
    assert.equal(stranger.json.errors[0].code, 'signed_out');
    tenant.removeAllSessions();
    const nobody = await call(`${base}/v1/me/sessions/active`);
    assert.equal(nobody.status, 401);
    assert.deepEqual(
      { code: nobody.json.errors[0].code, message: nobody.json.errors[0].message },
      { code: 'signed_out', message: 'Signed out' },
    );
  });

  it("POST /v1/me/sessions/{id}/revoke answers the revoked session and this client; the phone's session ends, this one stays", async () => {
    const { tenant, here, phone, base } = seeded(running, 'revoke');
    const phoneSession = phone.sessions[0].id;
    const { status, json } = await call(`${base}/v1/me/sessions/${phoneSession}/revoke?_clerk_session_id=${here.id}`, {
      method: 'POST',
      headers: FORM,
      body: '',
    });
    assert.equal(status, 200);
    assert.equal(json.response.id, phoneSession);
    assert.equal(json.response.status, 'revoked');
    assert.equal(json.response.last_active_token, null);
    assert.equal(json.response.latest_activity.device_type, 'iPhone');
    assert.equal(json.client.id, tenant.clientId, 'the client beside it is the requesting one');
    assert.deepEqual(
      json.client.sessions.map((session) => session.status),
      ['active', 'active'],
    );

    assert.deepEqual(
      tenant.activeSessions('user_ada').map((session) => session.id),
      [here.id],
    );
    const [device] = tenant.devices();
    assert.deepEqual(device.sessions, []);
    assert.deepEqual(
      device.endedSessions.map((session) => [session.id, session.status]),
      [[phoneSession, 'revoked']],
    );
    assert.equal(device.lastActiveSessionId, null);
    const listed = await call(`${base}/v1/me/sessions/active?_clerk_session_id=${here.id}`);
    assert.deepEqual(
      listed.json.map((session) => session.id),
      [here.id],
    );
    assert.deepEqual(
      tenant.requests().map((logged) => `${logged.method} ${logged.path} ${logged.status} ${logged.device}`),
      [`POST /v1/me/sessions/${phoneSession}/revoke 200 null`, 'GET /v1/me/sessions/active 200 null'],
    );
  });

  it("refuses to revoke what the user does not have: 404 for another user's or an unknown session, 401 when signed out", async () => {
    const { tenant, graceHere, here, base } = seeded(running, 'refuse');
    const revoke = (id, sid) =>
      call(`${base}/v1/me/sessions/${id}/revoke${sid ? `?_clerk_session_id=${sid}` : ''}`, { method: 'POST' });
    const other = await revoke(graceHere.id, here.id);
    assert.equal(other.status, 404);
    assert.equal(other.json.errors[0].code, 'resource_not_found');
    assert.equal((await revoke('sess_nope', here.id)).status, 404);
    assert.equal(tenant.sessions.length, 2, 'nothing was revoked');
    tenant.removeAllSessions();
    const signedOut = await revoke(here.id);
    assert.equal(signedOut.status, 401);
    assert.equal(signedOut.json.errors[0].code, 'signed_out');
  });

  it("the revoked device's own client finds itself signed out: its client lists the session revoked, its token and touch answer 401 signed_out", async () => {
    const { tenant, here, phone, device, base } = seeded(running, 'revoked-device');
    const phoneSession = phone.sessions[0].id;
    const before = await call(`${device}/v1/client`);
    assert.deepEqual(
      before.json.response.sessions.map((session) => [session.id, session.status]),
      [[phoneSession, 'active']],
    );
    assert.equal(before.json.response.id, phone.clientId);
    assert.equal((await call(`${device}/v1/client/sessions/${phoneSession}/tokens`, { method: 'POST' })).status, 200);

    tenant.revokeSession(phoneSession);

    const client = (await call(`${device}/v1/client`)).json.response;
    assert.deepEqual(
      client.sessions.map((session) => [session.id, session.status, session.last_active_token]),
      [[phoneSession, 'revoked', null]],
    );
    assert.equal(client.last_active_session_id, null, 'clerk-js then has no signed-in session to pick');
    for (const action of ['tokens', 'touch']) {
      const answer = await call(`${device}/v1/client/sessions/${phoneSession}/${action}`, { method: 'POST' });
      assert.equal(answer.status, 401, action);
      assert.equal(answer.json.errors[0].code, 'signed_out', action);
    }
    assert.equal((await call(`${device}/v1/me/sessions/active`)).status, 401);
    assert.equal(
      (await call(`${base}/v1/client/sessions/${here.id}/tokens`, { method: 'POST' })).status,
      200,
      'this page stays signed in',
    );
    assert.deepEqual(
      tenant
        .requests()
        .filter((logged) => logged.device)
        .map((logged) => logged.device),
      Array(6).fill(phone.clientId),
    );

    // Signing out on the device clears its listed sessions, revoked ones included.
    await call(`${device}/v1/client/sessions?_method=DELETE`, { method: 'POST', headers: FORM, body: '' });
    assert.deepEqual(tenant.devices()[0].endedSessions, []);
  });

  it('a device page reaches only its client; an unknown device is a 404, control routes are not served under a device', async () => {
    const { phone, device, base } = seeded(running, 'paths');
    assert.equal((await call(`${base}/device/client_nope/v1/client`)).status, 404);
    assert.equal((await call(`${device}/__control/state`)).status, 404);
    assert.equal(
      (await call(`${device}/npm/@clerk/clerk-js@6/dist/clerk.browser.js`, { method: 'HEAD' })).status,
      200,
      'the CDN route works from a device',
    );
    assert.equal(running.emulator.proxyUrl(running.url, 'paths', phone.clientId), device);
    assert.equal(running.emulator.proxyUrl(running.url, 'paths'), base);
  });
});

describe('other devices: faults', () => {
  let running;
  before(async () => (running = await startClerkEmulator()));
  after(() => running.close());

  it('both endpoints are named fault endpoints', () => {
    assert.ok(FAPI_ENDPOINTS.includes('activeSessions'));
    assert.ok(FAPI_ENDPOINTS.includes('revokeSession'));
  });

  it('status, drop and delay hit them like any endpoint; a status fault revokes nothing', async () => {
    const { tenant, here, phone, base } = seeded(running, 'faults');
    const list = () => call(`${base}/v1/me/sessions/active?_clerk_session_id=${here.id}`);
    const revoke = () => call(`${base}/v1/me/sessions/${phone.sessions[0].id}/revoke`, { method: 'POST' });
    tenant.setFault('activeSessions', { status: 500, times: 1 });
    assert.equal((await list()).status, 500);
    assert.equal((await list()).status, 200);
    tenant.setFault('revokeSession', { status: 401, times: 1 });
    const refused = await revoke();
    assert.equal(refused.status, 401);
    assert.equal(refused.json.errors[0].code, 'authentication_invalid');
    assert.equal(tenant.activeSessions('user_ada').length, 2, 'the phone is still signed in');
    tenant.setFault('revokeSession', { drop: true, times: 1 });
    await assert.rejects(revoke(), /fetch failed/);
    assert.equal(tenant.activeSessions('user_ada').length, 2);
    assert.deepEqual(
      tenant.requests().map((logged) => `${logged.endpoint} ${logged.status}`),
      ['activeSessions 500', 'activeSessions 200', 'revokeSession 401', 'revokeSession 0'],
    );
  });

  it("reverificationRequired answers Clerk's 403 session_reverification_required and revokes nothing", async () => {
    const { tenant, phone, base } = seeded(running, 'reverify');
    tenant.setFault('revokeSession', { reverificationRequired: true, times: 1 });
    const { status, json } = await call(`${base}/v1/me/sessions/${phone.sessions[0].id}/revoke`, { method: 'POST' });
    assert.equal(status, 403);
    assert.equal(json.errors.length, 1);
    assert.deepEqual(
      { code: json.errors[0].code, message: json.errors[0].message, long_message: json.errors[0].long_message },
      {
        code: 'session_reverification_required',
        message: 'Reverification required',
        long_message: 'You need to provide additional verification to perform this operation',
      },
    );
    assert.match(json.clerk_trace_id, /^[0-9a-f]{32}$/);
    assert.equal(tenant.activeSessions('user_ada').length, 2);
    assert.equal(
      (await call(`${base}/v1/me/sessions/${phone.sessions[0].id}/revoke`, { method: 'POST' })).status,
      200,
      'once: then it works',
    );
    assert.deepEqual(tenant.state().faults, {});
  });

  it('checks reverificationRequired like every fault field', () => {
    const tenant = createFapiEmulator().tenant('checks');
    assert.throws(
      () => tenant.setFault('revokeSession', { reverificationRequired: 'yes' }),
      /`reverificationRequired` must be true or false/,
    );
    assert.throws(
      () => tenant.setFault('revokeSession', { reverificationRequired: true, status: 500 }),
      /leave out `status`/,
    );
    assert.throws(() => tenant.setFault('revokeSession', { reverificationRequired: true, drop: true }), /leave out/);
    assert.throws(
      () => tenant.setFault('revokeSession', { reverificationRequired: false }),
      /needs `status`, `drop: true` or `delayMs`/,
    );
    tenant.setFault('revokeSession', { reverificationRequired: true, delayMs: 10, times: 2 });
    assert.deepEqual(tenant.state().faults.revokeSession, {
      reverificationRequired: true,
      delayMs: 10,
      times: 2,
      remaining: 2,
    });
  });

  it('a delayed request waits until releaseDelays() and is then answered as the fault says; reset releases too', async () => {
    const { tenant, phone, base } = seeded(running, 'delay');
    tenant.setFault('revokeSession', { delayMs: 10_000, times: 1 });
    const started = Date.now();
    const pending = call(`${base}/v1/me/sessions/${phone.sessions[0].id}/revoke`, { method: 'POST' });
    while (tenant.delayedRequests === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(tenant.requests()[0].status, 0, 'logged as pending');
    assert.equal(tenant.activeSessions('user_ada').length, 2, 'nothing happened yet');
    assert.equal(tenant.releaseDelays('activeSessions'), 0, "another endpoint's release lets nothing go");
    assert.equal(tenant.releaseDelays('revokeSession'), 1);
    assert.equal((await pending).status, 200);
    assert.ok(Date.now() - started < 5000, 'released, not waited out');
    assert.equal(tenant.activeSessions('user_ada').length, 1);

    tenant.setFault('activeSessions', { delayMs: 10_000, status: 503 });
    const held = call(`${base}/v1/me/sessions/active`);
    while (tenant.delayedRequests === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    tenant.reset();
    assert.equal((await held).status, 503, 'reset released it, as the fault said');
    assert.equal(tenant.delayedRequests, 0);
  });
});

describe('other devices: control routes and JS API', () => {
  let running;
  before(async () => (running = await startClerkEmulator()));
  after(() => running.close());

  it('POST /devices adds a device with its activity; GET /devices and /state list it; POST /sessions/revoke revokes; reset forgets them', async () => {
    const base = `${running.url}/__clerk/t/control`;
    const post = (path, body) =>
      call(`${base}/__control${path}`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(body) });
    await post('/reset', {});
    const ada = (await post('/users', { firstName: 'Ada' })).json;
    const here = (await post('/sign-in', { userId: ada.id, activity: { browserName: 'Firefox', city: 'Oslo' } })).json;
    assert.deepEqual(here.activity, { ...DEFAULT_ACTIVITY, browserName: 'Firefox', city: 'Oslo' });
    assert.equal(here.clientId, running.emulator.tenant('control').clientId);
    const added = await post('/devices', { userId: ada.id, activity: PHONE, lastActiveAt: 1_000_000 });
    assert.equal(added.status, 200);
    const device = added.json;
    assert.match(device.clientId, /^client_/);
    assert.notEqual(device.clientId, here.clientId);
    assert.deepEqual(
      device.sessions.map((session) => [session.userId, session.status, session.lastActiveAt, session.clientId]),
      [[ada.id, 'active', 1_000_000, device.clientId]],
    );
    assert.deepEqual(device.sessions[0].activity, PHONE);
    assert.equal(device.lastActiveSessionId, device.sessions[0].id);
    assert.deepEqual((await call(`${base}/__control/devices`)).json, [device]);
    const state = (await call(`${base}/__control/state`)).json;
    assert.deepEqual(state.devices, [device]);
    assert.deepEqual(state.endedSessions, []);
    assert.equal(state.clientId, here.clientId);

    const revoked = await post('/sessions/revoke', { sessionId: device.sessions[0].id });
    assert.equal(revoked.json.status, 'revoked');
    assert.equal(
      (await post('/sessions/revoke', { sessionId: device.sessions[0].id })).status,
      404,
      'only signed-in sessions',
    );
    assert.equal((await post('/sessions/revoke', {})).status, 400);
    const revokedHere = await post('/sessions/revoke', { sessionId: here.id });
    assert.equal(revokedHere.status, 200);
    const after = (await call(`${base}/__control/state`)).json;
    assert.deepEqual(after.sessions, []);
    assert.deepEqual(
      after.endedSessions.map((session) => session.id),
      [here.id],
    );
    assert.equal(after.lastActiveSessionId, null);
    assert.deepEqual((await post('/reset', {})).json.devices, []);
  });

  it('refuses bad devices and activities with a 400 naming the field, and unknown users with a 404', async () => {
    const base = `${running.url}/__clerk/t/control-checks`;
    const post = (path, body) =>
      call(`${base}/__control${path}`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(body) });
    await post('/reset', {});
    const ada = (await post('/users', {})).json;
    const cases = [
      ['/devices', {}, 404, /No user/],
      ['/devices', { userId: 'user_nope' }, 404, /No user "user_nope"/],
      ['/devices', { userId: ada.id, activity: 'mobile' }, 400, /`activity` must be an object/],
      ['/devices', { userId: ada.id, activity: { isMobile: 'yes' } }, 400, /`activity\.isMobile`/],
      ['/devices', { userId: ada.id, activity: { city: 5 } }, 400, /`activity\.city`/],
      ['/devices', { userId: ada.id, activity: { city: 'x'.repeat(201) } }, 400, /`activity\.city`/],
      ['/devices', { userId: ada.id, activity: { os: 'Linux' } }, 400, /`activity\.os` is not an activity field/],
      ['/devices', { userId: ada.id, lastActiveAt: 'now' }, 400, /`lastActiveAt`/],
      ['/devices', { userId: ada.id, owner: 'eve' }, 400, /Unknown device field "owner"/],
      ['/sign-in', { userId: ada.id, activity: { browserName: ['x'] } }, 400, /`activity\.browserName`/],
    ];
    for (const [path, body, status, message] of cases) {
      const answer = await post(path, body);
      assert.equal(answer.status, status, JSON.stringify(body));
      assert.match(answer.json.errors[0].long_message, message, JSON.stringify(body));
    }
    const state = (await call(`${base}/__control/state`)).json;
    assert.deepEqual([state.devices, state.sessions], [[], []], 'nothing was added');
  });

  it('keeps the security model: control writes need JSON and the own origin; device paths refuse cross-origin writes', async () => {
    const tenant = running.emulator.tenant('control-guard');
    tenant.reset();
    const ada = tenant.createUser();
    const phone = tenant.addDevice({ userId: ada.id });
    const base = `${running.url}/__clerk/t/control-guard`;
    const form = await call(`${base}/__control/devices`, { method: 'POST', headers: FORM, body: `userId=${ada.id}` });
    assert.equal(form.status, 415);
    const evil = await call(`${base}/__control/devices`, {
      method: 'POST',
      headers: { ...JSON_TYPE, origin: 'https://evil.example' },
      body: JSON.stringify({ userId: ada.id }),
    });
    assert.equal(evil.status, 403);
    const evilRevoke = await call(`${base}/device/${phone.clientId}/v1/client/sessions?_method=DELETE`, {
      method: 'POST',
      headers: { ...FORM, origin: 'https://evil.example' },
      body: '',
    });
    assert.equal(evilRevoke.status, 403);
    assert.equal(tenant.devices().length, 1);
    assert.equal(tenant.devices()[0].sessions.length, 1, 'the device is still signed in');
  });

  it('the JS API checks the same way and throws EmulatorError', () => {
    const tenant = createFapiEmulator().tenant('js');
    const ada = tenant.createUser();
    assert.throws(
      () => tenant.addDevice({ userId: 'user_nope' }),
      (error) => error instanceof EmulatorError && error.status === 404,
    );
    assert.throws(() => tenant.addDevice(null), /needs `\{ userId \}`/);
    assert.throws(() => tenant.signIn(ada.id, { activity: { isMobile: 1 } }), /`activity\.isMobile`/);
    assert.throws(
      () => tenant.revokeSession('sess_nope'),
      (error) => error instanceof EmulatorError && error.status === 404,
    );
    assert.throws(
      () => tenant.deviceClient('client_nope'),
      (error) => error instanceof EmulatorError && error.status === 404,
    );
    const phone = tenant.addDevice({ userId: ada.id });
    const here = tenant.signIn(ada.id);
    assert.deepEqual(
      tenant.activeSessions(ada.id).map((session) => session.id),
      [here.id, phone.sessions[0].id],
    );
    assert.deepEqual(tenant.activeSessions('user_nope'), []);
    // What the JS API hands out are copies: changing them changes nothing.
    tenant.devices()[0].sessions[0].activity.city = 'Nowhere';
    here.status = 'revoked';
    assert.equal(tenant.devices()[0].sessions[0].activity.city, null);
    assert.equal(tenant.sessions[0].status, 'active');
  });
});

describe("other devices: the asking browser's User-Agent names this device", () => {
  let running;
  before(async () => (running = await startClerkEmulator()));
  after(() => running.close());

  /** User-Agents as these browsers send them, and what Clerk's Frontend API records of each. */
  const BROWSERS = [
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
      ['Chrome', '156.0.0.0', 'Linux', false],
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0', ['Firefox', '153.0', 'Linux', false]],
    [
      'Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
      ['Safari', '18.0', 'Linux', false],
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
      ['Safari', '17.1', 'iPhone', true],
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15',
      ['Safari', '18.2', 'Macintosh', false],
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.3537.57',
      ['Edge', '141.0.3537.57', 'Windows', false],
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.51 Mobile Safari/537.36',
      ['Chrome', '140.0.7339.51', 'Android', true],
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36 OPR/124.0.0.0',
      ['Opera', '124.0.0.0', 'Macintosh', false],
    ],
    [
      'Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/140.0.7339.101 Mobile/15E148 Safari/604.1',
      ['Chrome', '140.0.7339.101', 'iPad', true],
    ],
  ];

  /** Ada signed in here without naming a browser, and on a phone that names one. */
  function ada(name) {
    const tenant = running.emulator.tenant(name);
    tenant.reset();
    const user = tenant.createUser({ id: 'user_ada' });
    const here = tenant.signIn(user.id, { activity: { city: 'Berlin', country: 'DE' } });
    const phone = tenant.addDevice({ userId: user.id, activity: PHONE });
    return { tenant, here, phone, base: `${running.url}/__clerk/t/${name}` };
  }

  const browserOf = ({ latest_activity: a }) => [a.browser_name, a.browser_version, a.device_type, a.is_mobile];

  it('names the browser, its version, the device type and mobile from the User-Agent of the browser that asks', async () => {
    const { tenant, here, phone, base } = ada('ua');
    const before = tenant.state();
    for (const [userAgent, expected] of BROWSERS) {
      const { status, json } = await call(`${base}/v1/me/sessions/active`, { headers: { 'user-agent': userAgent } });
      assert.equal(status, 200);
      const [current, other] = json;
      assert.equal(current.id, here.id);
      assert.deepEqual(browserOf(current), expected, userAgent);
      assert.deepEqual([current.latest_activity.city, current.latest_activity.ip_address], ['Berlin', '127.0.0.1']);
      assert.deepEqual(browserOf(other), ['Safari', '18.2', 'iPhone', true], 'another device keeps what it was given');
      assert.equal(other.id, phone.sessions[0].id);
    }
    assert.deepEqual(tenant.state(), before, 'reading the list stores nothing');
  });

  it('keeps the defaults for a request that is no browser (Node, curl) or one it does not know, and a browser a test named', async () => {
    const { tenant, here, base } = ada('ua-none');
    for (const userAgent of ['node', 'curl/7.88.1', 'Mozilla/5.0 (compatible; Googlebot/2.1)', '']) {
      const { json } = await call(`${base}/v1/me/sessions/active`, { headers: { 'user-agent': userAgent } });
      // This device's row (the list's order follows last activity, which the two rows may share to the millisecond).
      assert.deepEqual(
        browserOf(json.find((session) => session.id === here.id)),
        [DEFAULT_ACTIVITY.browserName, DEFAULT_ACTIVITY.browserVersion, DEFAULT_ACTIVITY.deviceType, false],
        JSON.stringify(userAgent),
      );
    }
    tenant.reset();
    const user = tenant.createUser();
    tenant.signIn(user.id, { activity: { browserName: 'Firefox' } });
    const { json } = await call(`${base}/v1/me/sessions/active`, { headers: { 'user-agent': BROWSERS[0][0] } });
    assert.deepEqual(browserOf(json[0]), [
      'Firefox',
      DEFAULT_ACTIVITY.browserVersion,
      DEFAULT_ACTIVITY.deviceType,
      false,
    ]);
  });
});
