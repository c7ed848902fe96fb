// Row 1, page weight: every JavaScript byte a page downloads until its user menu is open, Clerk's UserButton page vs
// one with our CDN module, both on the REAL clerk-js served by the package's standalone emulator.
import { join } from 'node:path';
import { CDN_FILE } from '../budgets.mjs';
import { launchChromium, serveStatic } from './browser.mjs';
import { sizesOf } from './sizes.mjs';

/**
 * clerk-js 6 has no UI of its own (it comes from @clerk/ui, which cannot be installed here and which the emulator does
 * not serve), so Clerk's UserButton needs Core 2: the `clerk-js-5` alias, whose UI is bundled and loaded in chunks.
 * Our page asks the provider for the same major, so both pages carry the same clerk.browser.js.
 */
const CLERK_JS_MAJOR = '5';
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
    const clerkVersion = await page.evaluate(() => window.Clerk?.version);
    const files = (await Promise.all(bodies)).map(({ url: fileUrl, body }) => ({
      path: new URL(fileUrl).pathname,
      ...sizesOf(body),
    }));
    return { clerkVersion, files, gzip: files.reduce((sum, file) => sum + file.gzip, 0), remote };
  } finally {
    await context.close();
  }
}

export async function measurePageWeight({ root }) {
  const { startClerkEmulator } = await import('clerk-sign-out-elements/testing/node');
  const emulator = await startClerkEmulator();
  const server = await serveStatic({ '/cdn/': join(root, 'dist/cdn'), '/bench/': join(root, 'bench/page') });
  const browser = await launchChromium();
  try {
    const tenant = emulator.emulator.tenant();
    // No imageUrl: an initials avatar (a data: URL, has_image false), so neither page fetches a picture.
    const user = tenant.createUser({ firstName: 'Ada', lastName: 'Lovelace' });
    const query = new URLSearchParams({
      key: emulator.publishableKey,
      proxy: emulator.proxyUrl,
      version: CLERK_JS_MAJOR,
    });
    const load = (file, open) => {
      tenant.signIn(user.id);
      return scriptsUntilOpen(browser, `${server.origin}/bench/${file}?${query}`, open);
    };
    const clerk = await load('user-button.html', openUserButton);
    const ours = await load('user-menu.html', openUserMenu);
    const modulePath = `/${CDN_FILE.replace(/^dist\//, '')}`;
    ours.module = ours.files.find((file) => file.path === modulePath);
    if (!ours.module) throw new Error(`the page did not load ${modulePath}`);
    return { clerk, ours };
  } finally {
    await browser.close();
    await server.close();
    await emulator.close();
  }
}
