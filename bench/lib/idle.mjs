// Row 8, what <clerk-idle-sign-out> costs: timers and window/document listeners while nobody is signed in and while
// someone is, the time an input event takes with it, and how often continuous input writes and messages the other
// tabs. Node half; the page half is bench/page/idle.js.
import { globalListenerCount } from './browser.mjs';
import { summarize } from './stats.mjs';

/** Listeners and timers a provider adds with the idle element, over the same provider without it. */
async function footprint({ page, cdp }, signedIn) {
  const of = async (idle) => {
    await page.evaluate((options) => window.benchIdle.mount(options), { signedIn, idle });
    const result = {
      listeners: await globalListenerCount(cdp),
      timers: await page.evaluate(() => window.benchIdle.timers()),
    };
    await page.evaluate(() => window.benchIdle.unmount());
    return result;
  };
  const without = await of(false);
  const withIdle = await of(true);
  return { listeners: withIdle.listeners - without.listeners, timers: withIdle.timers - without.timers };
}

export async function measureIdle(bench, { events, runs, seconds }) {
  const { page } = bench;
  const signedOut = await footprint(bench, false);
  const signedIn = await footprint(bench, true);
  const cost = async (idle) => {
    await page.evaluate((options) => window.benchIdle.mount(options), { signedIn: true, idle });
    await page.evaluate((events) => window.benchIdle.inputCost(events, 3), events); // warm-up
    const samples = await page.evaluate((events, runs) => window.benchIdle.inputCost(events, runs), events, runs);
    await page.evaluate(() => window.benchIdle.unmount());
    return summarize(samples);
  };
  const without = await cost(false);
  const withIdle = await cost(true);
  await page.evaluate((options) => window.benchIdle.mount(options), { signedIn: true, idle: true });
  const continuous = await page.evaluate((seconds) => window.benchIdle.continuousInput(seconds, 10), seconds);
  await page.evaluate(() => window.benchIdle.unmount());
  return { signedOut, signedIn, input: { without, withIdle }, continuous, seconds, events };
}
