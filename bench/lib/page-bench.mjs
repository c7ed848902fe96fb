// Rows 2 (first render), 3 (fan-out, and a menu's first open) and 5 (leaks): Node half. The page half is bench/page/harness.js.
import { join } from 'node:path';
import { build } from 'vite';
import { globalListenerCount, heapAfterGc, launchChromium, serveStatic } from './browser.mjs';

export const FAN_OUT_COUNTS = [1, 100, 1000];

/** Bundles the fake Clerk (src/testing/fake-clerk.ts, no dependencies) into one browser module. */
async function buildFakeClerk(root, outDir) {
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      lib: { formats: ['es'], entry: join(root, 'src/testing/fake-clerk.ts'), fileName: () => 'fake-clerk.js' },
    },
  });
}

export async function openBenchPage({ root, cacheDir }) {
  const fakeDir = join(cacheDir, 'fake');
  await buildFakeClerk(root, fakeDir);
  const server = await serveStatic({
    '/cdn/': join(root, 'dist/cdn'),
    '/bench/': join(root, 'bench/page'),
    '/fake/': fakeDir,
  });
  const browser = await launchChromium();
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('[page]', error.message));
  await page.goto(`${server.origin}/bench/index.html`);
  await page.waitForFunction('window.benchReady === true');
  const cdp = await page.createCDPSession();
  return {
    page,
    cdp,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export async function measureFirstRender({ page }, runs) {
  const tags = await page.evaluate(() => window.bench.triggerTags());
  const results = [];
  for (const tag of tags) {
    await page.evaluate((tag) => window.bench.firstRender(tag, 20), tag); // warm-up: templates parsed, code compiled
    results.push({ tag, times: await page.evaluate((tag, runs) => window.bench.firstRender(tag, runs), tag, runs) });
  }
  return results;
}

/** Every trigger element together at 1, 100 and 1000 of each; then each kind alone at 1000, to see which one costs. */
export async function measureFanOut({ page }, runs) {
  const tags = await page.evaluate(() => window.bench.triggerTags());
  const cases = FAN_OUT_COUNTS.map((count) => ({ count, tags }));
  if (tags.length > 1) cases.push(...tags.map((tag) => ({ count: 1000, tags: [tag] })));
  const results = [];
  for (const { count, tags } of cases) {
    await page.evaluate((count, tags) => window.bench.fanOut(count, 3, tags), count, tags);
    results.push({
      count,
      tags,
      ...(await page.evaluate((count, runs, tags) => window.bench.fanOut(count, runs, tags), count, runs, tags)),
    });
  }
  return results;
}

/** Row 3's floor for 1000 menus: the same DOM change by hand (bench/page/harness.js), after 3 warm-up runs. */
export async function measureFanOutByHand({ page }, runs) {
  await page.evaluate(() => window.bench.fanOutByHand(1000, 3));
  return page.evaluate((runs) => window.bench.fanOutByHand(1000, runs), runs);
}

/** The menu's first open (its popup content is rendered then): 20 warm-up runs, then `runs`. */
export async function measureFirstOpen({ page }, runs) {
  await page.evaluate(() => window.bench.firstOpen(20));
  return page.evaluate((runs) => window.bench.firstOpen(runs), runs);
}

export async function measureLeaks({ page, cdp }, cycles) {
  const tags = await page.evaluate(() => window.bench.allTags());
  const results = [];
  for (const tag of tags) {
    await page.evaluate((tag) => window.bench.leakSetup(tag), tag);
    await page.evaluate(() => window.bench.leakCycles(200)); // warm-up: caches and compiled code are not leaks
    const listenersBefore = await globalListenerCount(cdp);
    const heapBefore = await heapAfterGc(cdp);
    const started = Date.now();
    await page.evaluate((cycles) => window.bench.leakCycles(cycles), cycles);
    const ms = Date.now() - started;
    const heapAfter = await heapAfterGc(cdp);
    const globalListenersLeft = (await globalListenerCount(cdp)) - listenersBefore;
    results.push({
      tag,
      cycles,
      ms,
      heapGrowth: heapAfter - heapBefore,
      globalListenersLeft,
      ...(await page.evaluate(() => window.bench.leakResult())),
    });
  }
  return results;
}

/** The devices list's first render, and a device sign-out through the element vs the same calls made directly. */
export async function measureDevices({ page }, runs) {
  await page.evaluate(() => window.bench.devicesFirstRender(5)); // warm-up
  const firstRender = await page.evaluate((runs) => window.bench.devicesFirstRender(runs), runs);
  const revoke = await page.evaluate((runs) => window.bench.revokeOverhead(runs), Math.max(5, Math.round(runs / 4)));
  return { firstRender, revoke };
}
