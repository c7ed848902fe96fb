// Sessions ended or made pending from outside the page, as the emulator answers them: a revocation (another device, the
// dashboard), an expiry (now or at a set moment), session tasks (pending), and the token lifetime that decides how soon
// a visible page asks again. Through the JS control API and its HTTP twin, as a browser test drives it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createFapiEmulator, EmulatorError, startClerkEmulator } from 'clerk-sign-out-elements/testing/node';

const JSON_TYPE = { 'content-type': 'application/json' };

async function call(url, { method = 'GET', body } = {}) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : JSON_TYPE,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json().catch(() => undefined) };
}

/** The claims of a JWT (clerk-js decodes them, never verifies). */
const claims = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

/** Ada and Grace signed in on the tenant's own client (Ada active); the tenant's FAPI root. */
function seeded(running, name) {
  const tenant = running.emulator.tenant(name);
  tenant.reset();
  const grace = tenant.signIn(tenant.createUser({ firstName: 'Grace' }).id);
  const ada = tenant.signIn(tenant.createUser({ firstName: 'Ada' }).id);
  return { tenant, ada, grace, base: `${running.url}/__clerk/t/${name}` };
}

/** What the page's clerk-js learns from `GET /v1/client`: each session's id, status, tasks and expire_at. */
async function clientSessions(base) {
  const { json } = await call(`${base}/v1/client`);
  return json.response.sessions.map((session) => ({
    id: session.id,
    status: session.status,
    tasks: session.tasks,
    expireAt: session.expire_at,
    token: session.last_active_token?.jwt ?? null,
  }));
}

/** A touch and a token request for the session, as clerk-js sends them on focus and on refresh. */
async function touchAndToken(base, sessionId) {
  const touch = await call(`${base}/v1/client/sessions/${sessionId}/touch`, { method: 'POST' });
  const token = await call(`${base}/v1/client/sessions/${sessionId}/tokens`, { method: 'POST' });
  return { touch, token };
}

function assertSignedOut({ status, json }, what) {
  assert.equal(status, 401, what);
  assert.equal(json.errors[0].code, 'signed_out', what);
  assert.equal(json.errors[0].message, 'Signed out', what);
}

describe('sessions ended from outside', () => {
  let running;
  before(async () => (running = await startClerkEmulator()));
  after(() => running.close());

  it('revokeSession: the client lists it as revoked and answers 401 signed_out to its touch and token requests', async () => {
    const { tenant, ada, grace, base } = seeded(running, 'revoke');
    tenant.revokeSession(ada.id);
    const { touch, token } = await touchAndToken(base, ada.id);
    assertSignedOut(touch, 'touch');
    assertSignedOut(token, 'tokens');
    assert.match(touch.json.errors[0].long_message, /was revoked/);
    assert.deepEqual(
      (await clientSessions(base)).map(({ id, status, token: jwt }) => [id, status, jwt === null]),
      [
        [grace.id, 'active', false],
        [ada.id, 'revoked', true],
      ],
    );
    assert.equal(tenant.state().lastActiveSessionId, grace.id, 'the remaining session is the active one');
    assert.deepEqual(
      tenant.state().endedSessions.map((session) => [session.id, session.status]),
      [[ada.id, 'revoked']],
    );
    // The other session is untouched.
    const other = await touchAndToken(base, grace.id);
    assert.equal(other.touch.status, 200);
    assert.equal(other.token.status, 200);
  });

  it('expireSession: now, the client lists it as expired with that expire_at and answers 401 signed_out', async () => {
    const { tenant, ada, base } = seeded(running, 'expire-now');
    const before = Date.now();
    const expired = tenant.expireSession(ada.id);
    assert.equal(expired.status, 'expired');
    assert.ok(expired.expireAt >= before && expired.expireAt <= Date.now(), 'expireAt is the moment it expired');
    const { touch, token } = await touchAndToken(base, ada.id);
    assertSignedOut(touch, 'touch');
    assertSignedOut(token, 'tokens');
    assert.match(token.json.errors[0].long_message, /has expired/);
    const listed = (await clientSessions(base)).find((session) => session.id === ada.id);
    assert.deepEqual(listed, { id: ada.id, status: 'expired', tasks: null, expireAt: expired.expireAt, token: null });
    assert.deepEqual(
      tenant.state().endedSessions.map((session) => [session.id, session.status]),
      [[ada.id, 'expired']],
    );
  });

  it('expireSession at a moment to come: signed in until then, every answer reports that expire_at, then expired', async () => {
    const { tenant, ada, base } = seeded(running, 'expire-later');
    const at = Date.now() + 300;
    assert.equal(tenant.expireSession(ada.id, at).status, 'active');
    assert.equal((await clientSessions(base)).find((session) => session.id === ada.id).expireAt, at);
    const { touch } = await touchAndToken(base, ada.id);
    assert.equal(touch.status, 200, 'still signed in');
    assert.equal(touch.json.response.expire_at, at, 'activity no longer moves a set expiry');
    await new Promise((resolve) => setTimeout(resolve, at - Date.now() + 20));
    assertSignedOut((await touchAndToken(base, ada.id)).touch, 'touch after the moment');
    assert.equal(
      tenant.state().sessions.some((session) => session.id === ada.id),
      false,
    );
  });

  it('a session without a set expiry reports one a week after its last activity, and never ends by itself', async () => {
    const { tenant, base } = seeded(running, 'expire-default');
    const device = tenant.addDevice({ userId: tenant.state().users[0].id, lastActiveAt: Date.now() - 30 * 86_400_000 });
    const [session] = device.sessions;
    assert.equal(session.expireAt, session.lastActiveAt + 7 * 86_400_000);
    assert.equal(tenant.devices()[0].sessions[0].status, 'active', 'a device last active a month ago stays signed in');
    const [ada] = await clientSessions(base);
    const touched = await call(`${base}/v1/client/sessions/${ada.id}/touch`, { method: 'POST' });
    assert.equal(touched.json.response.expire_at, touched.json.response.last_active_at + 7 * 86_400_000);
  });

  it('expireSession and revokeSession reach a device too, and 404 for a session no client has signed in', async () => {
    const { tenant, ada } = seeded(running, 'expire-device');
    const phone = tenant.addDevice({ userId: ada.userId });
    tenant.expireSession(phone.sessions[0].id);
    assert.deepEqual(
      tenant.devices()[0].endedSessions.map((session) => session.status),
      ['expired'],
    );
    for (const end of [() => tenant.expireSession('sess_nope'), () => tenant.revokeSession(phone.sessions[0].id)]) {
      assert.throws(end, (error) => error instanceof EmulatorError && error.status === 404);
    }
    assert.throws(
      () => tenant.expireSession(ada.id, 'soon'),
      (error) => error instanceof EmulatorError && error.status === 400 && /epoch milliseconds/.test(error.message),
    );
  });
});

describe('pending sessions (session tasks)', () => {
  let running;
  before(async () => (running = await startClerkEmulator()));
  after(() => running.close());

  it('setSessionTasks: pending with its tasks, still signed in (tokens, touch), its token says sts: pending; [] is active again', async () => {
    const { tenant, ada, base } = seeded(running, 'pending');
    const pending = tenant.setSessionTasks(ada.id, ['choose-organization']);
    assert.deepEqual([pending.status, pending.tasks], ['pending', ['choose-organization']]);
    const listed = (await clientSessions(base)).find((session) => session.id === ada.id);
    assert.equal(listed.status, 'pending');
    assert.deepEqual(listed.tasks, [{ key: 'choose-organization' }]);
    assert.equal(claims(listed.token).sts, 'pending');
    const { touch, token } = await touchAndToken(base, ada.id);
    assert.equal(touch.status, 200);
    assert.equal(token.status, 200);
    assert.equal(claims(token.json.jwt).sts, 'pending');
    const { json: devices } = await call(`${base}/v1/me/sessions/active?_clerk_session_id=${ada.id}`);
    assert.equal(devices.find((session) => session.id === ada.id).status, 'pending', 'its devices list shows it too');

    const active = tenant.setSessionTasks(ada.id, []);
    assert.deepEqual([active.status, active.tasks], ['active', []]);
    const again = (await clientSessions(base)).find((session) => session.id === ada.id);
    assert.deepEqual([again.status, again.tasks, claims(again.token).sts], ['active', null, undefined]);
  });

  it('a pending session can be signed out, revoked and expired like an active one', async () => {
    const { tenant, ada, grace } = seeded(running, 'pending-ends');
    tenant.setSessionTasks(ada.id, ['setup-mfa']);
    tenant.setSessionTasks(grace.id, ['reset-password']);
    assert.equal(tenant.revokeSession(ada.id).status, 'revoked');
    assert.deepEqual(tenant.state().endedSessions[0].tasks, [], 'an ended session has no tasks left');
    assert.equal(tenant.expireSession(grace.id).status, 'expired');
  });

  it('refuses tasks that are not an array of short strings, naming the field', () => {
    const { tenant, ada } = seeded(running, 'pending-bad');
    for (const tasks of ['choose-organization', [''], [5], Array(11).fill('x'), ['x'.repeat(101)], undefined]) {
      assert.throws(
        () => tenant.setSessionTasks(ada.id, tasks),
        (error) => error instanceof EmulatorError && error.status === 400 && /`tasks`/.test(error.message),
        JSON.stringify(tasks),
      );
    }
    assert.equal(tenant.state().sessions.find((session) => session.id === ada.id).status, 'active');
  });
});

describe('the token lifetime', () => {
  let running;
  before(async () => (running = await startClerkEmulator()));
  after(() => running.close());

  it('is 24 h by default; setTokenLifetime changes the tokens issued from then on; reset() restores it', async () => {
    const { tenant, ada, base } = seeded(running, 'lifetime');
    const lifetime = async () => {
      const { json } = await call(`${base}/v1/client/sessions/${ada.id}/tokens`, { method: 'POST' });
      const { iat, exp } = claims(json.jwt);
      return exp - iat;
    };
    assert.equal(tenant.state().tokenLifetimeSeconds, 86_400);
    assert.equal(await lifetime(), 86_400);
    tenant.setTokenLifetime(60);
    assert.equal(await lifetime(), 60);
    const [listed] = (await clientSessions(base)).filter((session) => session.id === ada.id);
    const { iat, exp } = claims(listed.token);
    assert.equal(exp - iat, 60, "the client's last_active_token too");
    assert.equal(tenant.state().tokenLifetimeSeconds, 60);
    tenant.reset();
    assert.equal(tenant.tokenLifetime, 86_400);
  });

  it('the emulator option sets every tenant default; bad values are refused with 400', () => {
    const emulator = createFapiEmulator({ tokenLifetimeSeconds: 30 });
    const tenant = emulator.tenant('t');
    assert.equal(tenant.tokenLifetime, 30);
    tenant.setTokenLifetime(90);
    tenant.reset();
    assert.equal(tenant.tokenLifetime, 30, 'reset() goes back to the emulator default');
    for (const seconds of [0, -1, 1.5, 86_401, '60', null]) {
      assert.throws(
        () => tenant.setTokenLifetime(seconds),
        (error) =>
          error instanceof EmulatorError && error.status === 400 && /whole seconds from 1 to 86400/.test(error.message),
        String(seconds),
      );
    }
    assert.throws(() => createFapiEmulator({ tokenLifetimeSeconds: 0 }).tenant('x'), /whole seconds/);
  });
});

describe('the control routes (connectEmulator() in a browser sends these)', () => {
  let running;
  before(async () => (running = await startClerkEmulator()));
  after(() => running.close());

  it('POST /sessions/expire, /sessions/tasks and /token-lifetime, with 4xx answers naming the problem', async () => {
    const { tenant, ada, grace, base } = seeded(running, 'routes');
    const control = (path, body) => call(`${base}/__control${path}`, { method: 'POST', body });

    const at = Date.now() + 60_000;
    const later = await control('/sessions/expire', { sessionId: grace.id, at });
    assert.deepEqual([later.status, later.json.status, later.json.expireAt], [200, 'active', at]);
    const now = await control('/sessions/expire', { sessionId: grace.id });
    assert.deepEqual([now.status, now.json.status], [200, 'expired']);

    const pending = await control('/sessions/tasks', { sessionId: ada.id, tasks: ['choose-organization'] });
    assert.deepEqual(
      [pending.status, pending.json.status, pending.json.tasks],
      [200, 'pending', ['choose-organization']],
    );

    const lifetime = await control('/token-lifetime', { seconds: 20 });
    assert.deepEqual([lifetime.status, lifetime.json.tokenLifetimeSeconds], [200, 20]);
    assert.equal(tenant.tokenLifetime, 20);

    const refusals = [
      ['/sessions/expire', { sessionId: 'sess_nope' }, 404, /No signed-in session/],
      ['/sessions/expire', { sessionId: ada.id, at: 'soon' }, 400, /epoch milliseconds/],
      ['/sessions/expire', {}, 400, /`sessionId` must be a non-empty string/],
      ['/sessions/tasks', { sessionId: ada.id, tasks: 'x' }, 400, /`tasks` must be an array/],
      ['/sessions/tasks', { sessionId: 'sess_nope', tasks: [] }, 404, /No signed-in session/],
      ['/token-lifetime', { seconds: 0 }, 400, /whole seconds/],
    ];
    for (const [path, body, status, message] of refusals) {
      const answer = await control(path, body);
      assert.equal(answer.status, status, `${path} ${JSON.stringify(body)}`);
      assert.match(answer.json.errors[0].long_message, message);
    }
  });
});
