// A stand-in for the few parts of @playwright/test that the README's Playwright snippet uses (Playwright itself is not
// installed here), built on puppeteer-core and Debian's Chromium. test/snippets/snippets.test.mjs installs it as
// node_modules/@playwright/test of a scratch project, imports the snippet, then calls run(): hooks and tests run in
// Playwright's order, each test with a fresh page; a failed expectation throws.
//
// Matching follows Playwright where the snippet depends on it: getByText finds an element containing the text
// (shadow DOM included), getByRole an element with that role and accessible name; expectations and clicks wait for
// the element to be visible (up to 10 s).
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';

const hooks = { beforeAll: [], afterAll: [] };
const tests = [];
const TIMEOUT = 10_000;

export function test(title, body) {
  tests.push({ title, body });
}
test.beforeAll = (body) => hooks.beforeAll.push(body);
test.afterAll = (body) => hooks.afterAll.push(body);

class Locator {
  constructor(page, selector) {
    this.page = page;
    this.selector = selector;
  }
  async click() {
    await this.page.locator(this.selector).setTimeout(TIMEOUT).click();
  }
  async waitVisible() {
    await this.page.locator(this.selector).setTimeout(TIMEOUT).setVisibility('visible').wait();
  }
}

function wrapPage(page, baseURL) {
  const quote = (text) => JSON.stringify(text);
  return {
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

/** Runs what the imported spec files registered. `launch`: puppeteer-core's launch options. */
export async function run({ baseURL, launch }) {
  const browser = await puppeteer.launch(launch);
  const results = [];
  try {
    for (const hook of hooks.beforeAll) await hook({});
    for (const { title, body } of tests) {
      const context = await browser.createBrowserContext();
      try {
        await body({ page: wrapPage(await context.newPage(), baseURL) });
        results.push(title);
      } finally {
        await context.close();
      }
    }
  } finally {
    for (const hook of hooks.afterAll) await hook({});
    await browser.close();
  }
  return results;
}
