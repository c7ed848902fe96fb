// Row 1, page weight: every JavaScript byte a page downloads until its user menu is open, Clerk's UserButton page vs
// one with our CDN module, both on the REAL clerk-js served by the package's standalone emulator. Two pairs: clerk-js 6
// (the provider's default), whose UserButton comes from @clerk/ui served by the bench, and clerk-js 5 (the `clerk-js-5`
// alias), whose UI is bundled in clerk-js and loaded in chunks.
import { join } from 'node:path';
import { CDN_FILE } from '../budgets.mjs';
import { withEmulator } from './browser.mjs';
import { CLERK_UI_VERSION, clerkUiDist } from './clerk-ui.mjs';
import { sizesOf } from './sizes.mjs';

/** Where Clerk's Frontend API serves @clerk/ui; the bench's static server serves the tarball's dist there. */
const CLERK_UI_PATH = `/npm/@clerk/ui@${CLERK_UI_VERSION}/dist/`;
const TIMEOUT = 30_000;

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const isLocal = (url) => {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || LOCAL_HOSTS.has(hostname);
};

/** Opens Clerk's UserButton menu: a click on its trigger, then its popover with "Sign out" visible. */
async function openUserButton(page) {
  await page.locator('.cl-userButtonTrigger').setTimeout(TIMEOUT).click();
  await page.waitForSelector('.cl-userButtonPopoverActionButton__signOut', { visible: true, timeout: TIMEOUT });
}

/** Opens <clerk-user-menu>: a click on its trigger, then its first item visible and focused (what a click does). */
async function openUserMenu(page) {
  await page.locator('clerk-user-menu >>> #trigger').setTimeout(TIMEOUT).click();
  await page.waitForFunction(
    () => {
      const root = document.querySelector('clerk-user-menu')?.shadowRoot;
      const item = root?.querySelector('#menu [role="menuitem"]');
      return !!item && root.activeElement === item && item.checkVisibility();
    },
    { timeout: TIMEOUT },
  );
}

/** Loads `url` in a fresh browser context (no cache), opens the menu, and returns every script it received. */
async function scriptsUntilOpen(browser, url, open) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setCacheEnabled(false);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const remote = [];
    page.on('request', (request) => isLocal(request.url()) || remote.push(request.url()));
    const bodies = [];
    page.on('response', (response) => {
      // Downloads only: clerk-js also starts workers from blob: URLs it builds in the page.
      if (response.request().resourceType() === 'script' && /^https?:/.test(response.url()))
        bodies.push(response.buffer().then((body) => ({ url: response.url(), body })));
    });
    await page.goto(url);
    try {
      await open(page);
    } catch (error) {
      const pageErrors = errors.join(' | ') || 'none';
      throw new Error(`${url}: the menu did not open (page errors: ${pageErrors})`, { cause: error });
    }
    const { clerkVersion, uiVersion } = await page.evaluate(() => ({
      clerkVersion: window.Clerk?.version,
      uiVersion: window.Clerk?.uiVersion,
    }));
    const files = (await Promise.all(bodies)).map(({ url: fileUrl, body }) => ({
      path: new URL(fileUrl).pathname,
      ...sizesOf(body),
    }));
    return { clerkVersion, uiVersion, files, gzip: files.reduce((sum, file) => sum + file.gzip, 0), remote };
  } finally {
    await context.close();
  }
}

/**
 * Both pairs of pages. `clerk6` is `{ unavailable }` when @clerk/ui's tarball cannot be fetched or its page fails; the
 * clerk-js 5 pair is always measured.
 */
export async function measurePageWeight({ root, cacheDir }) {
  let uiDist;
  let uiError;
  try {
    uiDist = clerkUiDist(cacheDir);
  } catch (error) {
    uiError = `npm pack @clerk/ui@${CLERK_UI_VERSION} failed (${String(error.message).split('\n')[0]})`;
  }
  const mounts = {
    '/cdn/': join(root, 'dist/cdn'),
    '/bench/': join(root, 'bench/page'),
    ...(uiDist && { [CLERK_UI_PATH]: uiDist }),
  };
  return withEmulator(mounts, async ({ emulator, tenant, server, browser }) => {
    // No imageUrl: an initials avatar (a data: URL, has_image false), so neither page fetches a picture.
    const user = tenant.createUser({ firstName: 'Ada', lastName: 'Lovelace' });
    const load = (file, open, params) => {
      tenant.signIn(user.id);
      const query = new URLSearchParams({ key: emulator.publishableKey, proxy: emulator.proxyUrl, ...params });
      return scriptsUntilOpen(browser, `${server.origin}/bench/${file}?${query}`, open);
    };
    const modulePath = `/${CDN_FILE.replace(/^dist\//, '')}`;
    const pair = async (clerkParams, oursParams) => {
      const clerk = await load('user-button.html', openUserButton, clerkParams);
      const ours = await load('user-menu.html', openUserMenu, oursParams);
      ours.module = ours.files.find((file) => file.path === modulePath);
      if (!ours.module) throw new Error(`the page did not load ${modulePath}`);
      return { clerk, ours };
    };
    let clerk6 = { unavailable: uiError };
    if (uiDist) {
      try {
        // Ours without a version: the provider's default clerk-js, which needs no @clerk/ui.
        clerk6 = await pair({ version: '6', ui: `${server.origin}${CLERK_UI_PATH}ui.browser.js` }, {});
      } catch (error) {
        clerk6 = { unavailable: String(error.message) };
      }
    }
    const clerk5 = await pair({ version: '5' }, { version: '5' });
    return { clerk6, clerk5 };
  });
}
