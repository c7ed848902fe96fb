// Row 7: the cumulative layout shift (Layout Instability API) of a page with the menu and the button, from first paint
// to Clerk ready: no-flash.css in the head, the shipped CDN module, the REAL clerk-js loaded by the provider from the
// package's standalone emulator with a signed-in user. One fresh page load per run.
import { join } from 'node:path';
import { withEmulator } from './browser.mjs';

export async function measureLayoutShift({ root }, runs) {
  const mounts = { '/cdn/': join(root, 'dist/cdn'), '/bench/': join(root, 'bench/page'), '/css/': join(root, 'src') };
  return withEmulator(mounts, async ({ emulator, tenant, server, browser }) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1024, height: 768 });
    page.on('pageerror', (error) => console.error('[layout-shift page]', error.message));
    const user = tenant.createUser({ firstName: 'Augusta Ada', lastName: 'King' });
    const query = new URLSearchParams({ proxy: emulator.proxyUrl, key: emulator.publishableKey });
    const results = [];
    for (let run = 0; run < runs; run++) {
      tenant.signIn(user.id);
      await page.goto(`${server.origin}/bench/layout-shift.html?${query}`);
      await page.waitForFunction('window.layoutShiftResult', { timeout: 15000 });
      results.push(await page.evaluate('window.layoutShiftResult'));
    }
    return results;
  });
}
