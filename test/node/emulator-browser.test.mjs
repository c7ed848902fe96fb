// The emulator's security model, attacked from a real browser: a page on another origin, a sandboxed frame and a
// DNS-rebinding name try to sign out the emulator's sessions and drive its control routes. Chromium resolves `evil.test` to
// 127.0.0.1 (--host-resolver-rules), so nothing leaves this machine. Skipped when no Chromium is installed.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startClerkEmulator } from 'clerk-sign-out-elements/testing/node';

let chromium;
try {
  const { CHROMIUM_ARGS, chromiumPath } = await import('../../tools/chromium.mjs');
  chromium = { path: chromiumPath(), args: CHROMIUM_ARGS };
} catch {
  chromium = undefined;
}

/** The attacker's page: a form post into a hidden frame, no-cors fetches, and a form posted from a sandboxed frame. */
function attackPage(emulatorOrigin, sid, attacks) {
  const base = `${emulatorOrigin}/__clerk/t/victim`;
  const signOutAll = `${base}/v1/client/sessions?_method=DELETE`;
  const scripts = {
    form: `document.getElementById('form').submit();`,
    fetches: `
      fetch('${base}/__control/users', { method: 'POST', mode: 'no-cors', body: JSON.stringify({ id: 'user_eve' }) });
      fetch('${base}/__control/reset', { method: 'POST', mode: 'no-cors' });
      fetch('${base}/v1/client/sessions/${sid}/remove', { method: 'POST', mode: 'no-cors', body: new Blob(['x']) });`,
    // Reads: an <img>, a no-cors fetch, a frame navigated there, and tenant names the emulator has never seen.
    reads: `
      for (const path of ['/v1/client', '/v1/me/sessions/active', '/__control/state'])
        document.body.append(Object.assign(new Image(), { src: '${base}' + path }));
      fetch('${base}/v1/client/touch?redirect_url=' + encodeURIComponent('${emulatorOrigin}/'), { mode: 'no-cors' });
      document.body.append(Object.assign(document.createElement('iframe'), { src: '${base}/v1/client' }));
      for (let index = 0; index < 5; index++)
        document.body.append(Object.assign(new Image(), { src: '${emulatorOrigin}/__clerk/t/evil-' + index + '/v1/environment' }));`,
    // What clerk-js does after a sign-out when the cookie is about to expire: a navigation through /v1/client/touch.
    touch: `location.href = '${base}/v1/client/touch?redirect_url=' + encodeURIComponent(location.origin + '/landed');`,
    sandboxed: `
      const frame = document.createElement('iframe');
      frame.sandbox = 'allow-forms allow-scripts';
      frame.srcdoc = '<form method="post" action="${signOutAll}"></form><script>document.forms[0].submit()<\\/script>';
      document.body.append(frame);`,
  };
  return `<!doctype html><meta charset="utf-8"><body>
    <iframe name="sink"></iframe>
    <form id="form" method="post" action="${signOutAll}" target="sink"><input name="x" value="1"></form>
    <script>${attacks.map((attack) => scripts[attack]).join('\n')}</script>`;
}

describe('emulator security in a real browser (Chromium)', { skip: chromium ? false : 'no Chromium installed' }, () => {
  let emulator;
  let pages;
  let browser;
  let page;
  let answers;
  const victim = () => emulator.emulator.tenant('victim');

  before(async () => {
    emulator = await startClerkEmulator();
    pages = createServer((req, res) => {
      const query = new URL(req.url, 'http://x').searchParams;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(attackPage(emulator.url, query.get('sid') ?? '', (query.get('attacks') ?? '').split(',')));
    });
    await new Promise((resolve) => pages.listen(0, '127.0.0.1', resolve));
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath: chromium.path,
      headless: true,
      args: [...chromium.args, '--host-resolver-rules=MAP evil.test 127.0.0.1'],
    });
    page = await browser.newPage();
    answers = [];
    page.on('response', (response) => {
      if (response.url().includes('/__clerk/')) answers.push({ url: response.url(), status: response.status() });
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (pages ? pages.close(resolve) : resolve()));
    await emulator?.close();
  });

  /** Seeds the victim tenant (two signed-in users), opens the page and waits for the emulator's `count` answers. */
  async function attack(pageOrigin, attacks, count) {
    const tenant = victim();
    tenant.reset();
    tenant.signIn(tenant.createUser({ id: 'user_ada' }).id);
    const sid = tenant.signIn(tenant.createUser({ id: 'user_grace' }).id).id;
    answers = [];
    await page.goto(`${pageOrigin}/?attacks=${attacks.join(',')}&sid=${sid}`);
    const deadline = Date.now() + 10_000;
    while (answers.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(answers.length, count, `answers: ${JSON.stringify(answers)}`);
    return answers.map(({ url, status }) => `${status} ${new URL(url).pathname.replace(/sess_\w+/, 'sess_*')}`).sort();
  }

  it('a page on another origin can neither sign sessions out nor drive the control routes', async () => {
    const port = new URL(`http://${pages.address().address}:${pages.address().port}`).port;
    const seen = await attack(`http://evil.test:${port}`, ['form', 'fetches', 'sandboxed'], 5);
    assert.deepEqual(seen, [
      '403 /__clerk/t/victim/__control/reset',
      '403 /__clerk/t/victim/__control/users',
      '403 /__clerk/t/victim/v1/client/sessions', // the form post
      '403 /__clerk/t/victim/v1/client/sessions', // the sandboxed frame's (Origin: null)
      '403 /__clerk/t/victim/v1/client/sessions/sess_*/remove',
    ]);
    assert.deepEqual(
      victim()
        .state()
        .sessions.map((session) => session.userId),
      ['user_ada', 'user_grace'],
    );
    assert.deepEqual(
      victim()
        .state()
        .users.map((user) => user.id),
      ['user_ada', 'user_grace'],
    );
  });

  it('reads from a page on another origin (<img>, no-cors fetch, a frame) neither use a fault, renew the cookie, log, nor create tenants', async () => {
    const port = pages.address().port;
    const tenant = victim();
    tenant.reset();
    tenant.signIn(tenant.createUser({ id: 'user_ada' }).id);
    tenant.setFault('client', { status: 500, times: 1 });
    tenant.setCookieExpiresAt(Date.now() + 3600_000);
    const before = tenant.state();
    const names = emulator.emulator.tenantNames();
    // Counted where they arrive: the browser hides some answers from the page (an <img> of JSON is blocked).
    const arrived = [];
    const { handle } = emulator.emulator;
    emulator.emulator.handle = (req, res) => {
      res.on('finish', () => arrived.push(`${res.statusCode} ${req.url.split('?')[0]}`));
      return handle(req, res);
    };
    try {
      await page.goto(`http://evil.test:${port}/?attacks=reads`);
      const deadline = Date.now() + 10_000;
      while (arrived.length < 10 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      emulator.emulator.handle = handle;
    }
    assert.deepEqual(arrived.sort(), [
      '403 /__clerk/t/evil-0/v1/environment',
      '403 /__clerk/t/evil-1/v1/environment',
      '403 /__clerk/t/evil-2/v1/environment',
      '403 /__clerk/t/evil-3/v1/environment',
      '403 /__clerk/t/evil-4/v1/environment',
      '403 /__clerk/t/victim/__control/state',
      '403 /__clerk/t/victim/v1/client',
      '403 /__clerk/t/victim/v1/client', // the frame
      '403 /__clerk/t/victim/v1/client/touch',
      '403 /__clerk/t/victim/v1/me/sessions/active',
    ]);
    assert.deepEqual(tenant.state(), before, "the fault, the cookie's expiry and the sessions as the test set them");
    assert.deepEqual(tenant.requests(), []);
    assert.deepEqual(emulator.emulator.tenantNames(), names, 'no tenant created or evicted');
  });

  it("a loopback app on another origin still follows clerk-js's redirect through /v1/client/touch (no Origin: its Referer)", async () => {
    const port = pages.address().port;
    const tenant = victim();
    tenant.reset();
    answers = [];
    await page.goto(`http://localhost:${port}/?attacks=touch`); // cross-site: localhost is not 127.0.0.1
    const deadline = Date.now() + 10_000;
    while (new URL(page.url()).pathname !== '/landed' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(new URL(page.url()).pathname, '/landed');
    assert.deepEqual(
      answers.map(({ url, status }) => `${status} ${new URL(url).pathname}`),
      ['302 /__clerk/t/victim/v1/client/touch'],
    );
    assert.deepEqual(
      tenant.requests().map((logged) => `${logged.path} ${logged.status}`),
      ['/v1/client/touch 302'],
    );
  });

  it('the same form post from a loopback page goes through (the attack above really reached the emulator)', async () => {
    const seen = await attack(`http://127.0.0.1:${pages.address().port}`, ['form'], 1);
    assert.deepEqual(seen, ['200 /__clerk/t/victim/v1/client/sessions']);
    assert.deepEqual(victim().state().sessions, []);
  });

  it('a DNS-rebinding name for the emulator itself gets 403, its real name 200', async () => {
    const port = new URL(emulator.url).port;
    const rebound = await page.goto(`http://evil.test:${port}/__clerk/t/victim/__control/state`);
    assert.equal(rebound.status(), 403);
    assert.match(await rebound.text(), /allowedHosts/);
    const real = await page.goto(`http://localhost:${port}/__clerk/t/victim/__control/state`);
    assert.equal(real.status(), 200);
  });
});
