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
