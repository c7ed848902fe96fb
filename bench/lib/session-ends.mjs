// The session-end rows: how long each way a session ends takes to be noticed by <clerk-provider> (its `session-end`
// event), on the REAL clerk-js 6 and 5 served by the package's standalone emulator, in headless Chromium. Each sample
// is a fresh sign-in and page load. Visibility is real: a second tab brought to the front hides the first.
import { withEmulator } from './browser.mjs';
import { summarize } from './stats.mjs';

const TIMEOUT = 30_000;

/** Loads the bench page for `version` (5 or 6) with a freshly signed-in user; `tab: 'other'` for "another tab". */
async function openPage(browser, { server, emulator, version, tab }) {
  const query = new URLSearchParams({ proxy: emulator.proxyUrl, key: emulator.publishableKey, version });
  if (tab) query.set('tab', tab);
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('[session-ends page]', error.message));
  // clerk-js's own 401s (a session ended on the server) and 404s are what the rows measure: not errors of the page.
  page.on(
    'console',
    (message) =>
      message.type() === 'error' &&
      !message.text().startsWith('Failed to load resource') &&
      console.error('[session-ends page]', message.text()),
  );
  await page.goto(`${server.origin}/bench/session-ends.html?${query}`);
  await page.waitForFunction('window.benchReady === true', { timeout: TIMEOUT });
  return page;
}

const endedAt = (page, what) =>
  page
    .waitForFunction('window.bench.ends[0]', { polling: 50, timeout: what === 'visible tab' ? 120_000 : 15_000 })
    .then((handle) => handle.jsonValue())
    .catch(async (error) => {
      const state = await page.evaluate(
        'JSON.stringify({ v: window.bench.version, user: !!window.Clerk.user, vis: document.visibilityState, emits: window.bench.emits, state: window.bench.state?.() })',
      );
      throw new Error(`${what}: no session-end (${state}): ${error.message}`);
    });

/** Milliseconds from `start` (in the page, epoch ms) to the first session-end, with its reason. */
async function untilEnd(page, start, what) {
  const end = await endedAt(page, what);
  return { ms: end.at - start, reason: end.reason };
}

export async function measureSessionEnds({ root }, { runs, tokenSeconds }) {
  const mounts = { '/cdn/': `${root}/dist/cdn`, '/bench/': `${root}/bench/page` };
  return withEmulator(mounts, async ({ emulator, tenant, server, browser }) => {
    const user = tenant.createUser({ firstName: 'Ada', lastName: 'Lovelace' });
    const results = {};
    for (const version of ['6', '5']) {
      const context = { server, emulator, version };
      const fresh = async (tab) => {
        tenant.reset();
        tenant.createUser({ id: user.id, firstName: 'Ada' });
        const session = tenant.signIn(user.id);
        return { session, page: await openPage(browser, { ...context, tab }) };
      };
      const samples = { signOut: [], otherTab: [], revoked: [], expired: [], requests: [] };
      const reasons = {};
      const note = (path, { ms, reason }) => {
        samples[path].push(ms);
        (reasons[path] ??= new Set()).add(reason);
      };
      for (let run = 0; run < runs; run++) {
        // Signed out by the element: click → session-end.
        {
          const { page } = await fresh();
          const start = await page.evaluate('window.bench.clickSignOut()');
          note('signOut', await untilEnd(page, start, 'sign-out'));
          await page.close();
        }
        // Another tab (a real second tab of the same origin) signs out: its signOut resolved → session-end here.
        {
          const { page } = await fresh();
          const other = await openPage(browser, { ...context, tab: 'other' });
          const start = await other.evaluate('window.bench.signOut()');
          note('otherTab', await untilEnd(page, start, 'other tab'));
          await Promise.all([page.close(), other.close()]);
        }
        // Revoked / expired on the server while another tab is in front; this tab comes back: focus → session-end.
        // The requests it sent meanwhile count too: none while hidden, one (the touch) for the focus change.
        for (const path of ['revoked', 'expired']) {
          const { page, session } = await fresh();
          const front = await browser.newPage();
          await front.bringToFront();
          const hidden = await page.evaluate('document.visibilityState');
          tenant.clearRequests();
          if (path === 'revoked') tenant.revokeSession(session.id);
          else tenant.expireSession(session.id);
          await new Promise((resolve) => setTimeout(resolve, 1500));
          const whileHidden = tenant.requests().length;
          // Coming back to the front makes the page visible and focused, as a user switching tabs does; where the
          // browser fires no focus event for it, the page is given one.
          const start = await page.evaluate('window.bench.now()');
          await page.bringToFront();
          const focused = await page.evaluate(
            'new Promise((resolve) => setTimeout(() => resolve(window.bench.ends.length > 0), 300))',
          );
          const visible = await page.evaluate('document.visibilityState');
          const measured = await untilEnd(page, focused ? start : await page.evaluate('window.bench.focus()'), path);
          note(path, measured);
          samples.focusEvent = [...(samples.focusEvent ?? []), focused ? 'browser' : `given (${visible})`];
          const lines = tenant
            .requests()
            .map((request) => `${request.method} ${request.path.replace(/sess_\w+/, 'sess_*')}`);
          samples.requests.push({ hidden, whileHidden, afterFocus: lines });
          await Promise.all([page.close(), front.close()]);
        }
      }
      // Visible, no focus change: the next token refresh learns it. One sample: it takes most of a token lifetime.
      let visible;
      {
        tenant.reset();
        tenant.createUser({ id: user.id, firstName: 'Ada' });
        tenant.setTokenLifetime(tokenSeconds);
        const session = tenant.signIn(user.id);
        const page = await openPage(browser, context);
        await page.bringToFront();
        const start = await page.evaluate('window.bench.now()');
        tenant.revokeSession(session.id);
        visible = await untilEnd(page, start, 'visible tab');
        await page.close();
      }
      results[version] = {
        clerkVersion: version === '6' ? '6' : '5',
        samples,
        reasons: Object.fromEntries(Object.entries(reasons).map(([path, set]) => [path, [...set]])),
        visible,
      };
    }
    return results;
  });
}

const MAJORS = ['6', '5'];
const PATHS = [
  ['signOut', 'sign-out: <clerk-sign-out-button> clicked → session-end', 'sign-out'],
  ['otherTab', "other-tab: another tab's clerk.signOut() resolved → session-end here", 'other-tab'],
  ['revoked', 'revoked on the server while the tab was in the background: back in front → session-end', 'revoked'],
  ['expired', 'expired on the server while the tab was in the background: back in front → session-end', 'expired'],
];
/** Noticed within this long of the tab's return (focus), the goal for a session ended on the server. */
const ON_RETURN_MS = 2000;
const ms = (value) => `${value.toFixed(1)} ms`;

/** The table rows of `measureSessionEnds`' results: each path per major, the requests, the visible tab. */
export function sessionEndRows(results, tokenSeconds) {
  const rows = [];
  for (const [path, measure, reason] of PATHS) {
    const onReturn = path === 'revoked' || path === 'expired';
    const cells = MAJORS.map((major) => {
      const times = results[major].samples[path];
      const { median, runs } = summarize(times);
      return `clerk-js ${major}: ${ms(median)} median (max ${ms(Math.max(...times))}, ${runs} runs)`;
    });
    rows.push({
      measure,
      result: cells.join(' · '),
      goal: onReturn ? `reason ${reason}; ≤ ${ON_RETURN_MS / 1000} s` : `reason ${reason}`,
      ok: MAJORS.every((major) => {
        const { samples, reasons } = results[major];
        return reasons[path].join() === reason && (!onReturn || Math.max(...samples[path]) <= ON_RETURN_MS);
      }),
    });
  }
  const requests = MAJORS.map((major) => {
    const { requests: samples, focusEvent } = results[major].samples;
    const whileHidden = samples.reduce((sum, sample) => sum + sample.whileHidden, 0);
    const touches = [
      ...new Set(samples.map((sample) => sample.afterFocus.filter((line) => line.endsWith('/touch')).length)),
    ];
    const background = samples.every((sample) => sample.hidden === 'hidden');
    return {
      text: `clerk-js ${major}: ${whileHidden} while hidden, ${touches.join('/')} touch per return (focus: ${[...new Set(focusEvent)].join(', ')})`,
      ok: background && whileHidden === 0 && touches.every((count) => count <= 1),
    };
  });
  rows.push({
    measure: 'requests of the background tab (1.5 s, its session ended meanwhile), and on its return to the front',
    result: requests.map((entry) => entry.text).join(' · '),
    goal: '0 while hidden; ≤ 1 per focus change',
    ok: requests.every((entry) => entry.ok),
  });
  // clerk-js 6 refreshes a token 15 s + 2 s before it expires; clerk-js 5 drops one with less than 15 s left and its
  // poller (every 5 s) asks again: 10 to 15 s before.
  const interval = (major) => tokenSeconds - (major === '6' ? 17 : 10);
  rows.push({
    measure: `revoked in a visible tab, no focus change, ${tokenSeconds} s tokens (Clerk's default: 60 s): revocation → session-end`,
    result: MAJORS.map((major) => {
      const { visible } = results[major];
      return `clerk-js ${major}: ${(visible.ms / 1000).toFixed(1)} s (${visible.reason}; refresh every ${interval(major)} s)`;
    }).join(' · '),
    goal: "within Clerk's token refresh interval",
    ok: MAJORS.every(
      (major) =>
        results[major].visible.reason === 'revoked' && results[major].visible.ms <= (interval(major) + 3) * 1000,
    ),
  });
  return rows;
}
