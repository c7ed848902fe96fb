// Row 8: offline and dropped connections, on the REAL clerk-js 6 and 5 against the package's standalone emulator. What
// the package's sign-out does while the browser is offline (CDP offline mode: navigator.onLine false, every request
// fails at once), when the connection goes during its request, and how long clerk-js's own reads retry: offline (11
// attempts) and online with the connection dropped by the server (4 attempts).
import { join } from 'node:path';
import { withEmulator } from './browser.mjs';

export async function measureOffline({ root }, { quick = false, reads = true } = {}) {
  const mounts = { '/cdn/': join(root, 'dist/cdn'), '/bench/': join(root, 'bench/page') };
  return withEmulator(mounts, async ({ emulator, tenant, server, browser }) => {
    const results = {};
    for (const major of ['6', '5']) {
      const page = await browser.newPage();
      page.on('pageerror', (error) => console.error('[offline page]', error.message));
      const open = async () => {
        tenant.reset();
        tenant.signIn(tenant.createUser({ firstName: 'Ada' }).id);
        const query = new URLSearchParams({
          clerk: emulator.url,
          proxy: emulator.proxyUrl,
          key: emulator.publishableKey,
          major,
        });
        await page.goto(`${server.origin}/bench/offline.html?${query}`);
        await page.waitForFunction('window.offlineReady === true', { timeout: 15000 });
        tenant.clearRequests();
      };
      const received = () => tenant.requests().filter((request) => !request.path.endsWith('/tokens')).length;
      const result = (results[major] = {});
      await open();
      result.version = await page.evaluate('window.bench.version');

      console.error(`   clerk-js ${result.version}: sign-out offline`);
      await page.setOfflineMode(true);
      result.signOutOffline = { ...(await page.evaluate('window.bench.signOut()')), received: received() };
      if (reads) {
        console.error(`   clerk-js ${result.version}: client.reload() offline (about 37 s)`);
        result.reloadOffline = await page.evaluate('window.bench.reload()');
      }
      if (reads && !quick) {
        console.error(`   clerk-js ${result.version}: user.getSessions() offline (about 37 s)`);
        result.getSessionsOffline = await page.evaluate('window.bench.getSessions()');
      }
      await page.setOfflineMode(false);

      console.error(`   clerk-js ${result.version}: the connection goes during the sign-out`);
      await open();
      tenant.setFault('signOutAll', { delayMs: 1000, drop: true });
      await page.evaluate('window.bench.startSignOut()');
      while (!tenant.requests().some((request) => request.endpoint === 'signOutAll')) await sleep(10);
      await page.setOfflineMode(true);
      const outcome = await page.evaluate('window.bench.pending');
      result.signOutLost = { ...outcome, sessionBackMs: await page.evaluate('window.bench.sessionBack()') };
      await page.setOfflineMode(false);
      tenant.clearFaults();

      console.error(`   clerk-js ${result.version}: client.reload() with the connection dropped`);
      await open();
      tenant.setFault('client', { drop: true });
      result.reloadDropped = await page.evaluate('window.bench.reload()');
      tenant.clearFaults();
      tenant.setFault('activeSessions', { drop: true });
      result.getSessionsDropped = await page.evaluate('window.bench.getSessions()');
      tenant.clearFaults();
      await page.close();
    }
    return results;
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
