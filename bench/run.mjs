// `npm run bench`: the rows in ONE table (printed as Markdown) and bench/results/latest.json.
// Options: --only=weight,page,render,fanout,devices,signout,sessions,leaks,idle,cls,offline,suite  --quick (fewer runs, for trying things)  --no-build
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGETS, CDN_FILE, CLERK_JS_MARKERS, GOALS } from './budgets.mjs';
import { chromiumVersion } from './lib/browser.mjs';
import {
  measureDevices,
  measureFanOut,
  measureFanOutByHand,
  measureFirstOpen,
  measureFirstRender,
  measureLeaks,
  openBenchPage,
} from './lib/page-bench.mjs';
import { measurePageWeight } from './lib/page-weight.mjs';
import { measureIdle } from './lib/idle.mjs';
import { measureLayoutShift } from './lib/layout-shift.mjs';
import { measureOffline } from './lib/offline.mjs';
import { measureSessionEnds, sessionEndRows } from './lib/session-ends.mjs';
import { measureSignOut } from './lib/sign-out.mjs';
import { kb } from './lib/sizes.mjs';
import { round, summarize } from './lib/stats.mjs';
import { measureTestSuite } from './lib/suite.mjs';
import { measureWeight } from './lib/weight.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = join(root, 'node_modules/.cache/clerk-sign-out-elements-bench');
const args = process.argv.slice(2);
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice(7)
  .split(',');
const wants = (part) => !only || only.includes(part);
const quick = args.includes('--quick');
const RUNS = quick
  ? {
      render: 30,
      fanOut: 5,
      signOut: 5,
      cycles: 1000,
      layoutShift: 2,
      idleRuns: 5,
      idleSeconds: 2,
      sessionEnds: 2,
      tokenSeconds: 20,
    }
  : {
      render: 200,
      fanOut: 30,
      signOut: 25,
      cycles: 10_000,
      layoutShift: 10,
      idleRuns: 30,
      idleSeconds: 5,
      sessionEnds: 7,
      tokenSeconds: 60,
    };

const rows = [];
const raw = {};
const row = (section, measure, result, goal, status) => rows.push({ section, measure, result, goal, status });
const ms = (value) => `${value.toFixed(2)} ms`;
const verdict = (ok) => (ok ? 'ok' : 'MISSED');
/** A row of a timing against its goal: the median (what is compared), the p90 and the run count. */
const medianRow = (section, measure, stats, goalMs) =>
  row(
    section,
    measure,
    `${ms(stats.median)} median (p90 ${ms(stats.p90)}, ${stats.runs} runs)`,
    `≤ ${goalMs} ms`,
    verdict(stats.median <= goalMs),
  );

const machine = {
  date: new Date().toISOString(),
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free`,
  loadAverageAtStart: loadavg().map((load) => round(load)),
  node: process.version,
  chromium: chromiumVersion(),
  // The tree measured: HEAD, and whether uncommitted changes were in it (others work in the same tree).
  commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim(),
  uncommittedChanges:
    execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root }).toString().trim().length > 0,
};

if (!args.includes('--no-build')) {
  console.error('== npm run build');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

if (wants('weight')) {
  console.error('== 1. weight');
  const weight = await measureWeight({ root, cacheDir });
  raw.weight = weight;
  for (const item of weight) {
    const result = item.unavailable ?? `${kb(item.min)} min · **${kb(item.gzip)} gzip** · ${kb(item.brotli)} brotli`;
    const budget = BUDGETS[item.budget];
    const goal = budget ? `≤ ${kb(budget)} gzip (CI); goal ${kb(GOALS[item.budget])}` : (item.note ?? '');
    const status = budget
      ? item.gzip > budget
        ? 'OVER BUDGET'
        : item.gzip > GOALS[item.budget]
          ? 'goal missed'
          : 'ok'
      : '';
    row('1 weight', item.name, result, goal, status);
  }
  const cdnText = readFileSync(join(root, CDN_FILE), 'utf8');
  const found = CLERK_JS_MARKERS.filter((marker) => cdnText.includes(marker));
  row(
    '1 weight',
    '@clerk/clerk-js inside the CDN module',
    found.length ? `yes (${found.join(', ')})` : 'no',
    'never (CI)',
    verdict(!found.length),
  );
}

if (wants('page')) {
  console.error('== 1. page weight (real clerk-js + emulator)');
  const { clerk6, clerk5 } = await measurePageWeight({ root, cacheDir });
  const offline = (page) => (page.remote.length ? `requests beyond localhost: ${page.remote.join(', ')}` : 'ok');
  const files = (page) => `${page.files.length} files · **${kb(page.gzip)} gzip**`;
  const pageRows = ({ clerk, ours }, pair) => {
    const ui = clerk.uiVersion ? ` + @clerk/ui ${clerk.uiVersion}` : ', UI in clerk-js';
    row(
      '1 weight',
      `page with the open user menu${pair}: Clerk's UserButton (clerk-js ${clerk.clerkVersion}${ui})`,
      files(clerk),
      'only localhost requests',
      offline(clerk),
    );
    row(
      '1 weight',
      `page with the open user menu${pair}: this package's CDN module + clerk.browser.js (clerk-js ${ours.clerkVersion})`,
      `${files(ours)} (module ${kb(ours.module.gzip)})`,
      'only localhost requests',
      offline(ours),
    );
    const ratio = ours.gzip / clerk.gzip;
    const ok = ratio <= GOALS.pageWeightRatio && !clerk.remote.length && !ours.remote.length;
    row(
      '1 weight',
      `page weight${pair}: ours / Clerk's (JS gzip)`,
      ratio.toFixed(2),
      `≤ ${GOALS.pageWeightRatio}`,
      verdict(ok),
    );
    return ratio;
  };
  // The main rows are on clerk-js 6 (the provider's default); without @clerk/ui the clerk-js 5 pair stands in.
  if (clerk6.unavailable)
    row(
      '1 weight',
      "page with the open user menu: Clerk's UserButton on clerk-js 6 + @clerk/ui",
      `unavailable: ${clerk6.unavailable}`,
      'the ratio is the clerk-js 5 pair below',
      '',
    );
  else clerk6.ratio = pageRows(clerk6, '');
  clerk5.ratio = pageRows(clerk5, ' (clerk-js 5 pair)');
  raw.page = { clerk6, clerk5 };
}

if (wants('render') || wants('fanout') || wants('leaks') || wants('devices') || wants('idle')) {
  const page = await openBenchPage({ root, cacheDir });
  try {
    if (wants('render')) {
      console.error('== 2. first render');
      raw.firstRender = [];
      for (const { tag, times } of await measureFirstRender(page, RUNS.render)) {
        const stats = summarize(times);
        raw.firstRender.push({ tag, ...stats });
        medianRow('2 first render', `<${tag}> trigger, from Clerk ready (fake Clerk)`, stats, GOALS.firstRenderMs);
      }
    }
    if (wants('fanout')) {
      console.error('== 3. fan-out');
      raw.fanOut = [];
      for (const { count, tags, elements, rendered, subscriptions, times } of await measureFanOut(page, RUNS.fanOut)) {
        const stats = summarize(times);
        raw.fanOut.push({ count, tags, elements, rendered, subscriptions, ...stats });
        const goalApplies = count === 1000;
        const goal = tags.join() === 'clerk-user-menu' ? GOALS.fanOut1000MenusMs : GOALS.fanOutMs;
        const what = tags.map((tag) => `<${tag}>`).join(' + ');
        row(
          '3 fan-out',
          `${count} × ${what} (${elements} elements), one user switch`,
          `${subscriptions} clerk.addListener subscription · all re-rendered in ${ms(stats.median)} median (p90 ${ms(stats.p90)})`,
          `1 subscription (CI)${goalApplies ? `; ≤ ${goal} ms` : ''}`,
          verdict(subscriptions === 1 && rendered === elements && (!goalApplies || stats.median <= goal)),
        );
      }
      // The browser's own part of the 1000-menu switch: the goal cannot be lower than this on the same machine.
      const byHand = summarize(await measureFanOutByHand(page, RUNS.fanOut));
      raw.fanOutByHand = byHand;
      row(
        '3 fan-out',
        "1000 × a closed menu's DOM by hand (its stylesheets; no Lit, no Clerk), the same switch's writes and layout",
        `${ms(byHand.median)} median (p90 ${ms(byHand.p90)}, ${byHand.runs} runs)`,
        'reference: the floor of the row 1000 × <clerk-user-menu>',
        '',
      );
      // A closed menu renders no popup content (that keeps the fan-out cheap): its first open pays for it.
      const open = summarize(await measureFirstOpen(page, RUNS.render));
      raw.firstOpen = open;
      medianRow(
        '3 fan-out',
        'first open of a <clerk-user-menu> (two accounts): click → first item focused',
        open,
        GOALS.firstOpenMs,
      );
    }
    if (wants('devices')) {
      console.error('== 2b. other devices');
      const { firstRender, revoke } = await measureDevices(page, RUNS.render);
      const list = summarize(firstRender);
      const viaElement = summarize(revoke.element);
      const direct = summarize(revoke.direct);
      raw.devices = { firstRender: list, revokeElement: viaElement, revokeDirect: direct };
      medianRow(
        '2 first render',
        '<clerk-active-devices> list (this device + 3 others), from Clerk ready (fake Clerk)',
        list,
        GOALS.firstRenderMs,
      );
      const overhead = viaElement.median - direct.median;
      row(
        '4 sign-out',
        'one other device: <clerk-active-devices> vs session.revoke() + getSessions() (same fake calls)',
        `${ms(viaElement.median)} vs ${ms(direct.median)} median: overhead ${ms(overhead)} (${viaElement.runs} runs)`,
        `≤ ${GOALS.signOutOverheadMs} ms overhead`,
        verdict(overhead <= GOALS.signOutOverheadMs),
      );
    }
    if (wants('idle')) {
      console.error('== 9. idle sign-out');
      const idle = await measureIdle(page, { events: 10_000, runs: RUNS.idleRuns, seconds: RUNS.idleSeconds });
      raw.idle = idle;
      const plural = (count, noun) => `${count} ${noun}${count === 1 ? '' : 's'}`;
      const footprint = ({ timers, listeners }) =>
        `${plural(timers, 'timer')} · ${plural(listeners, 'window/document listener')}`;
      const ns = (us) => `${Math.round(us * 1000)} ns`;
      row(
        '9 idle',
        '<clerk-idle-sign-out> while nobody is signed in (over the same provider without it)',
        footprint(idle.signedOut),
        '0 timers, 0 listeners (CI: test/unit/idle-sign-out)',
        verdict(idle.signedOut.timers === 0 && idle.signedOut.listeners === 0),
      );
      row(
        '9 idle',
        '<clerk-idle-sign-out> while someone is signed in (input, wake and channel listeners)',
        footprint(idle.signedIn),
        '1 timer',
        verdict(idle.signedIn.timers === 1),
      );
      const { without, withIdle } = idle.input;
      row(
        '9 idle',
        `one pointermove dispatched to the document, signed in (${idle.events.toLocaleString('en')} in a row, ${withIdle.runs} runs)`,
        `${ns(withIdle.median)} with the element vs ${ns(without.median)} without (medians): ${withIdle.median >= without.median ? '+' : '−'}${ns(Math.abs(withIdle.median - without.median))}`,
        'report only',
        '',
      );
      const { events, writes, messages } = idle.continuous;
      row(
        '9 idle',
        `continuous input for ${idle.seconds} s (${events} events, one every 10 ms)`,
        `${writes} writes of the shared time · ${messages} messages to the other tabs`,
        `≤ 1 a second (≤ ${idle.seconds + 1})`,
        verdict(writes <= idle.seconds + 1 && messages <= idle.seconds + 1),
      );
    }
    if (wants('leaks')) {
      console.error('== 5. leaks');
      raw.leaks = await measureLeaks(page, RUNS.cycles);
      for (const leak of raw.leaks) {
        const left = leak.clerkListenersLeft + leak.contextSubscriptionsLeft + leak.globalListenersLeft;
        row(
          '5 leaks',
          `<${leak.tag}> × ${leak.cycles.toLocaleString('en')} connect/disconnect`,
          `${left} listeners left · heap ${leak.heapGrowth >= 0 ? '+' : ''}${kb(leak.heapGrowth)} after GC (${(leak.ms / 1000).toFixed(1)} s)`,
          '0 listeners (CI)',
          verdict(left === 0),
        );
      }
    }
  } finally {
    await page.close();
  }
}

if (wants('signout')) {
  console.error('== 4. sign-out overhead (real clerk-js + emulator)');
  const { samples, requests } = await measureSignOut({ root }, RUNS.signOut);
  const direct = summarize(samples.direct.map((sample) => sample.ms));
  const element = summarize(samples.element.map((sample) => sample.ms));
  const inFlow = summarize(samples.element.map((sample) => sample.ms - sample.innerMs));
  raw.signOut = { direct, element, inFlow, requests };
  const same =
    requests.direct.length === 1 && requests.element.length === 1 && requests.direct[0] === requests.element[0];
  row(
    '4 sign-out',
    'FAPI requests: element vs clerk.signOut()',
    same
      ? `same: ${requests.element[0]}`
      : `direct: ${requests.direct.join(' | ')}; element: ${requests.element.join(' | ')}`,
    'same (CI)',
    verdict(same),
  );
  row(
    '4 sign-out',
    'overhead of the element over clerk.signOut()',
    `${ms(inFlow.median)} median in the element's own code · medians ${ms(element.median)} vs ${ms(direct.median)} direct (${direct.runs} runs each)`,
    `≤ ${GOALS.signOutOverheadMs} ms`,
    verdict(inFlow.median <= GOALS.signOutOverheadMs),
  );
}

if (wants('sessions')) {
  console.error('== 10. session ends (real clerk-js 6 and 5 + emulator)');
  const results = await measureSessionEnds({ root }, { runs: RUNS.sessionEnds, tokenSeconds: RUNS.tokenSeconds });
  raw.sessionEnds = results;
  for (const { measure, result, goal, ok } of sessionEndRows(results, RUNS.tokenSeconds)) {
    row('10 session ends', measure, result, goal, verdict(ok));
  }
}

if (wants('cls')) {
  console.error('== 7. layout shift (real clerk-js + emulator)');
  const loads = await measureLayoutShift({ root }, RUNS.layoutShift);
  const worst = Math.max(...loads.map((load) => load.cls));
  const ready = summarize(loads.map((load) => load.readyMs));
  raw.layoutShift = { loads, worst, readyMs: ready };
  row(
    '7 layout shift',
    'CLS of a header with <clerk-user-menu show-name> + <clerk-sign-out-button> (+ a menu in a line of text), no-flash.css, first paint → Clerk ready',
    `${worst.toFixed(4)} worst of ${loads.length} page loads (${loads.reduce((sum, load) => sum + load.shifts, 0)} shifts; all shown ${ms(ready.median)} after navigation, median)`,
    `${GOALS.layoutShift}`,
    verdict(worst <= GOALS.layoutShift),
  );
}

if (wants('offline')) {
  console.error('== 8. offline (real clerk-js 6 and 5 + emulator; about 6 minutes)');
  const results = await measureOffline({ root }, { quick });
  raw.offline = results;
  const s = (value) => `${(value / 1000).toFixed(1)} s`;
  const attempts = (r) => `${r.fetches.length} attempt${r.fetches.length === 1 ? '' : 's'}`;
  for (const { version, ...r } of ['6', '5'].map((major) => results[major])) {
    const out = r.signOutOffline;
    const refusedOk = out.ms <= GOALS.offlineRefusalMs && !out.fetches.length && !out.received && out.detail.userShown;
    row(
      '8 offline',
      `offline: <clerk-sign-out-button> (clerk-js ${version})`,
      `${out.detail.outcome} (${out.detail.error}) in ${ms(out.ms)} · ${out.fetches.length} fetches, ${out.received} requests received · user ${out.detail.userShown ? 'still shown' : 'NOT shown'}`,
      `≤ ${GOALS.offlineRefusalMs} ms, nothing sent`,
      verdict(refusedOk),
    );
    const lost = r.signOutLost;
    row(
      '8 offline',
      `connection lost during the sign-out request (clerk-js ${version})`,
      `${lost.detail.outcome} (${lost.detail.error}) ${ms(lost.detail.msAfterLoss)} after the loss · user ${lost.detail.userShown ? 'still shown' : 'NOT shown'} · clerk.session back ${s(lost.sessionBackMs)} later`,
      `≤ ${GOALS.offlineRefusalMs} ms after the loss`,
      verdict(
        lost.detail.msAfterLoss <= GOALS.offlineRefusalMs && lost.detail.userShown && lost.detail.outcome === 'failed',
      ),
    );
    for (const [name, read] of [
      ['client.reload() offline', r.reloadOffline],
      ['user.getSessions() offline', r.getSessionsOffline],
      ['client.reload(), connection dropped', r.reloadDropped],
      ['user.getSessions(), connection dropped', r.getSessionsDropped],
    ]) {
      if (!read) continue;
      row(
        '8 offline',
        `clerk-js ${version}: ${name}`,
        `${read.settled} after ${s(read.ms)} (${attempts(read)}${read.detail ? `: ${read.detail.split(' at ')[0]}` : ''})`,
        "clerk-js's own retries (reference)",
        '',
      );
    }
  }
}

if (wants('suite')) {
  console.error('== 6. test suite (npm test)');
  raw.suite = await measureTestSuite({ root, cacheDir });
  const { seconds, passed, failed, exitCode } = raw.suite;
  row(
    '6 test suite',
    '`npm test` (Node tests, WTR in Chromium, Firefox and WebKit, clerk-js 5 runs) wall time',
    `${seconds.toFixed(1)} s · ${passed} passed, ${failed} failed`,
    'fast enough for every change',
    exitCode === 0 ? 'ok' : `exit ${exitCode}: failing tests`,
  );
}

machine.loadAverageAtEnd = loadavg().map((load) => round(load));
const table = [
  `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memory}; ${machine.chromium}; Node ${machine.node}; ${machine.date}; ` +
    `commit ${machine.commit}${machine.uncommittedChanges ? ' + uncommitted changes' : ''}; ` +
    `load average ${machine.loadAverageAtStart.join(' ')} at start, ${machine.loadAverageAtEnd.join(' ')} at end.`,
  '',
  '| row | measure | result | goal / budget | status |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.section} | ${r.measure.replace(/\|/g, '\\|')} | ${r.result.replace(/\|/g, '\\|')} | ${r.goal} | ${r.status} |`,
  ),
].join('\n');
console.log(table);

if (!only && !quick) {
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify({ machine, rows, raw }, null, 2) + '\n');
  console.error('wrote bench/results/latest.json (not committed: the table above goes into bench/README.md)');
}
