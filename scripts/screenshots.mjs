// `npm run screenshots`: README pictures of the elements, light and dark, in headless Chromium (Debian's, or CHROME_PATH).
// The page is self-contained and offline: the CDN module built in memory from the current source (exactly as
// vite.cdn.config.ts builds it) and the package's in-memory fake Clerk with one fixed user, so every run draws the same.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { build as vite } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../tools/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}docs/images`;

const page = `<!doctype html>
<html lang="en">
<meta charset="utf-8" />
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; background: Canvas; color: CanvasText; }
  .shot { display: inline-flex; gap: 1rem; align-items: center; padding: 1.25rem; }
  #menu-shot { display: flex; justify-content: center; width: 40rem; }
</style>
<script type="module">
  import { FakeClerk, fakeUser } from '/fake-clerk.js';
  // One signed-in user plus a second account, so the menu shows its multi-session items.
  const clerk = new FakeClerk({ users: [fakeUser({ id: 'user_ada', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' })] });
  clerk.addSession(fakeUser({ id: 'user_grace', firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' }));
  window.Clerk = clerk;
  await import('/clerk-sign-out-elements.js');
  document.body.dataset.ready = 'true';
</script>
<body>
  <clerk-provider>
    <div class="shot" id="button-shot">
      <clerk-sign-out-button></clerk-sign-out-button>
      <clerk-sign-out-button scope="current">Sign out of this account</clerk-sign-out-button>
    </div>
    <div class="shot" id="menu-shot"><clerk-user-menu show-name user-profile-url="#profile" sign-in-url="#sign-in"></clerk-user-menu></div>
  </clerk-provider>
</body>
</html>`;

async function assets() {
  const [cdn] = [
    await vite({
      root,
      configFile: `${root}vite.cdn.config.ts`,
      logLevel: 'warn',
      build: { write: false, emptyOutDir: false },
    }),
  ].flat();
  const fake = await esbuild({
    entryPoints: [`${root}src/testing/index.ts`],
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  return {
    '/': ['text/html', page],
    '/clerk-sign-out-elements.js': ['text/javascript', cdn.output[0].code],
    '/fake-clerk.js': ['text/javascript', fake.outputFiles[0].text],
  };
}

const files = await assets();
const server = createServer((request, response) => {
  const [type, body] = files[new URL(request.url, 'http://localhost').pathname] ?? ['text/plain', 'not found'];
  response.writeHead(body === 'not found' ? 404 : 200, { 'content-type': type }).end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: [...CHROMIUM_ARGS, '--hide-scrollbars', '--font-render-hinting=none'],
});
try {
  mkdirSync(out, { recursive: true });
  const written = [];
  for (const scheme of ['light', 'dark']) {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 900, height: 600, deviceScaleFactor: 2 });
    await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await tab.goto(url);
    await tab.waitForSelector('body[data-ready]');
    await tab.waitForFunction(() =>
      document.querySelector('clerk-sign-out-button')?.shadowRoot?.querySelector('button'),
    );
    await shoot(tab, '#button-shot', `sign-out-button-${scheme}.png`, written);
    if (await tab.evaluate(() => !!customElements.get('clerk-user-menu'))) {
      await tab.waitForFunction(() =>
        document.querySelector('clerk-user-menu')?.shadowRoot?.querySelector('[part~="trigger"]'),
      );
      // A real mouse click, as a user opens it (a scripted click() would count as keyboard use for :focus-visible).
      const trigger = await tab.evaluateHandle(() =>
        document.querySelector('clerk-user-menu').shadowRoot.querySelector('[part~="trigger"]'),
      );
      await trigger.click();
      await tab.waitForFunction(() => {
        const menu = document.querySelector('clerk-user-menu').shadowRoot.querySelector('[part~="menu"]');
        return menu && menu.getBoundingClientRect().height > 0;
      });
      await new Promise((resolve) => setTimeout(resolve, 300)); // let an opening transition finish
      // The popup is positioned outside the element's box: picture the trigger and the popup together.
      const clip = await tab.evaluate(() => {
        const menu = document.querySelector('clerk-user-menu');
        const boxes = [
          menu.getBoundingClientRect(),
          menu.shadowRoot.querySelector('[part~="menu"]').getBoundingClientRect(),
        ];
        const [left, top] = [Math.min(...boxes.map((b) => b.left)), Math.min(...boxes.map((b) => b.top))];
        const [right, bottom] = [Math.max(...boxes.map((b) => b.right)), Math.max(...boxes.map((b) => b.bottom))];
        const pad = 32;
        return {
          x: left - pad,
          y: Math.max(0, top - pad),
          width: right - left + 2 * pad,
          height: bottom - Math.max(0, top - pad) + pad,
        };
      });
      await tab.screenshot({ path: `${out}/user-menu-open-${scheme}.png`, clip });
      written.push(`user-menu-open-${scheme}.png`);
    } else {
      console.warn('<clerk-user-menu> is not part of the build yet: no menu screenshots.');
    }
    await tab.close();
  }
  console.log(`wrote ${written.map((file) => `docs/images/${file}`).join(', ')}`);
} finally {
  await browser.close();
  server.close();
}

async function shoot(tab, selector, file, written) {
  const element = await tab.$(selector);
  await element.screenshot({ path: `${out}/${file}`, omitBackground: false });
  written.push(file);
}
