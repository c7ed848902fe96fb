// Headless Debian Chromium driven by puppeteer-core (installed with @web/test-runner), and a tiny static server for the
// benchmark pages: /cdn/ = dist/cdn (the shipped module), /bench/ = bench/page, /fake/ = the fake Clerk bundle.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../tools/chromium.mjs';

export { CHROMIUM_ARGS, chromiumPath };

export function chromiumVersion() {
  return execFileSync(chromiumPath(), ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
    .toString()
    .trim();
}

export function launchChromium() {
  return puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };

/** Serves `mounts` ({ '/cdn/': '/abs/dir' }) on 127.0.0.1; resolves with its origin and close(). */
export async function serveStatic(mounts) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = Object.keys(mounts).find((mount) => path.startsWith(mount));
    const base = prefix && mounts[prefix];
    const file = base && normalize(join(base, path.slice(prefix.length)));
    if (!file || !file.startsWith(normalize(base) + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}

/** Used JS heap after a full garbage collection (CDP), in bytes. */
/**
 * The package's standalone Frontend API emulator, a static server of `mounts` and headless Chromium, for `use`; what
 * was started is closed afterwards, whatever happens.
 */
export async function withEmulator(mounts, use) {
  const { startClerkEmulator } = await import('clerk-sign-out-elements/testing/node');
  const started = [];
  const keep = (part) => (started.push(part), part);
  try {
    const emulator = keep(await startClerkEmulator());
    const server = keep(await serveStatic(mounts));
    const browser = keep(await launchChromium());
    return await use({ emulator, tenant: emulator.emulator.tenant(), server, browser });
  } finally {
    for (const part of started.reverse()) await part.close();
  }
}

export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Event listeners on `window` and `document` (CDP DOMDebugger), to catch ones an element forgot to remove. */
export async function globalListenerCount(cdp) {
  let count = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    count += listeners.length;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  return count;
}
