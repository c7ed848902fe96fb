// Row 4: the element's sign-out vs a direct clerk.signOut() on the REAL clerk-js against the Frontend API emulator
// (the package's own standalone server). Each run is a fresh page load with a freshly signed-in session.
import { join } from 'node:path';
import { withEmulator } from './browser.mjs';

/** What the emulator saw during one sign-out, e.g. "DELETE /v1/client/sessions" (ids replaced, so runs compare). */
function requestLog(tenant) {
  return tenant.requests().map((request) => `${request.method} ${request.path.replace(/sess_\w+/g, 'sess_*')}`);
}

export async function measureSignOut({ root }, runs) {
  const mounts = { '/cdn/': join(root, 'dist/cdn'), '/bench/': join(root, 'bench/page') };
  return withEmulator(mounts, async ({ emulator, tenant, server, browser }) => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('[sign-out page]', error.message));
    const user = tenant.createUser({ firstName: 'Ada', lastName: 'Lovelace' });
    const query = new URLSearchParams({ clerk: emulator.url, proxy: emulator.proxyUrl, key: emulator.publishableKey });
    const url = `${server.origin}/bench/sign-out.html?${query}`;
    const samples = { direct: [], element: [] };
    const requests = { direct: new Set(), element: new Set() };
    // Warm-up run of each, then alternate so that drift on this shared machine hits both alike.
    for (let run = -1; run < runs; run++) {
      for (const variant of run % 2 ? ['direct', 'element'] : ['element', 'direct']) {
        tenant.signIn(user.id);
        await page.goto(url);
        await page.waitForFunction('window.signOutReady === true', { timeout: 15000 });
        tenant.clearRequests();
        const result = await page.evaluate(variant === 'direct' ? 'window.signOutDirect()' : 'window.signOutElement()');
        if (!result.signedOut) throw new Error(`${variant} sign-out did not sign out`);
        if (run < 0) continue;
        samples[variant].push(result);
        requests[variant].add(requestLog(tenant).join(', '));
      }
    }
    return { samples, requests: { direct: [...requests.direct], element: [...requests.element] } };
  });
}
