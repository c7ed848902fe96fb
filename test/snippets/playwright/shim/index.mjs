// A stand-in for the few parts of @playwright/test that the README's Playwright snippet uses (Playwright itself is not
// installed here), built on puppeteer-core and Debian's Chromium. test/snippets/snippets.test.mjs installs it as
// node_modules/@playwright/test of a scratch project, imports the snippet, then calls run(): hooks and tests run in
// Playwright's order, each test with a fresh page; a failed expectation throws.
//
// Matching follows Playwright where the snippet depends on it: getByText finds an element containing the text
// (shadow DOM included), getByRole an element with that role and accessible name; expectations and clicks wait for
// the element to be visible (up to 10 s, through navigations); page.route matches a URL glob (`**` any characters, `*` any but `/`) and
// route.continue({ url }) sends the request elsewhere, unseen by the page. As in Playwright, a failed beforeAll skips
// the tests and the afterAll hooks still run.
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';

const hooks = { beforeAll: [], afterAll: [], beforeEach: [] };
const tests = [];
const TIMEOUT = 10_000;

export function test(title, body) {
  tests.push({ title, body });
}
test.beforeAll = (body) => hooks.beforeAll.push(body);
test.afterAll = (body) => hooks.afterAll.push(body);
test.beforeEach = (body) => hooks.beforeEach.push(body);

/**
 * Runs `action` until it works, for up to TIMEOUT: as Playwright's do, a click or an expectation waits through a
 * navigation (e.g. the redirect after a sign-out), which destroys the page context a puppeteer locator was reading.
 */
async function acrossNavigations(action) {
  const giveUp = Date.now() + TIMEOUT;
  for (;;) {
    try {
      return await action(Math.max(1, giveUp - Date.now()));
    } catch (error) {
      const navigated = /context was destroyed|navigation|detached/i.test(String(error?.message));
      if (!navigated || Date.now() >= giveUp) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

class Locator {
  constructor(page, selector) {
    this.page = page;
    this.selector = selector;
  }
  async click() {
    await acrossNavigations((timeout) => this.page.locator(this.selector).setTimeout(timeout).click());
  }
  async waitVisible() {
    await acrossNavigations((timeout) =>
      this.page.locator(this.selector).setTimeout(timeout).setVisibility('visible').wait(),
    );
  }
}

/** A Playwright URL glob as a regular expression over the whole URL. */
function globToRegExp(glob) {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '.*')}$`);
}

function wrapPage(page, baseURL) {
  const quote = (text) => JSON.stringify(text);
  const routes = [];
  return {
    async route(glob, handler) {
      if (!routes.length) {
        await page.setRequestInterception(true);
        page.on('request', (request) => {
          const route = routes.find(({ pattern }) => pattern.test(request.url()));
          if (!route) return void request.continue();
          route.handler({
            request: () => ({ url: () => request.url() }),
            continue: (overrides = {}) => request.continue(overrides.url ? { url: overrides.url } : {}),
          });
        });
      }
      routes.push({ pattern: globToRegExp(glob), handler });
    },
    goto: (url) => page.goto(new URL(url, baseURL).href),
    getByText: (text) => new Locator(page, `::-p-text(${quote(text)})`),
    getByRole: (role, { name } = {}) =>
      new Locator(page, `::-p-aria([role=${quote(role)}]${name === undefined ? '' : `[name=${quote(name)}]`})`),
  };
}

export function expect(value) {
  if (value instanceof Locator) return { toBeVisible: () => value.waitVisible() };
  return { toHaveLength: (length) => assert.equal(value.length, length) };
}

/**
 * Runs what the imported spec files registered, in Playwright's order: beforeAll, then each test (beforeEach hooks first)
 * with a fresh page, then afterAll, which runs even when beforeAll failed. `launch`: puppeteer-core's launch options.
 * `startFails`: an error the beforeAll hooks throw instead of running, as a start that failed would.
 * Resolves with the titles of the tests that passed and every error thrown (`{ where, error }`).
 */
export async function run({ baseURL, launch, startFails }) {
  const browser = await puppeteer.launch(launch);
  const passed = [];
  const errors = [];
  try {
    let started = true;
    try {
      if (startFails) throw startFails;
      for (const hook of hooks.beforeAll) await hook({});
    } catch (error) {
      started = false;
      errors.push({ where: 'beforeAll', error });
    }
    for (const { title, body } of started ? tests : []) {
      const context = await browser.createBrowserContext();
      try {
        const page = wrapPage(await context.newPage(), baseURL);
        for (const hook of hooks.beforeEach) await hook({ page });
        await body({ page });
        passed.push(title);
      } catch (error) {
        errors.push({ where: title, error });
      } finally {
        await context.close();
      }
    }
    for (const hook of hooks.afterAll) {
      try {
        await hook({});
      } catch (error) {
        errors.push({ where: 'afterAll', error });
      }
    }
  } finally {
    await browser.close();
  }
  return { passed, errors };
}
