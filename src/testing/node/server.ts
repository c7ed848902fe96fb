// Standalone emulator for any other tool (Playwright, Cypress, a backend's dev setup): its own http server.
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { EMULATOR_PUBLISHABLE_KEY } from '../emulator-protocol.js';
import { createFapiEmulator, type FapiEmulator, type FapiEmulatorOptions } from './fapi-emulator.js';
import { warnAtStart } from './clerk-script.js';
import { answerServerError } from './http.js';

/** What `startClerkEmulator()` takes: the emulator's options, and where its server listens. */
export interface StartClerkEmulatorOptions extends FapiEmulatorOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1: reachable from this machine only. */
  host?: string;
}

/** A started standalone emulator: what to give the provider, the emulator itself, and `close()`. */
export interface RunningClerkEmulator {
  /** The server's origin, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** clerk-js's `proxyUrl` for the `default` tenant (`emulator.proxyUrl(url, name)` for another one). */
  proxyUrl: string;
  publishableKey: string;
  emulator: FapiEmulator;
  close(): Promise<void>;
}

/**
 * Starts the emulator as a standalone HTTP server (on 127.0.0.1 unless `host` says otherwise), e.g. beside a dev server
 * of your own or for Playwright.
 *
 * @example
 * ```js
 * import { startClerkEmulator } from 'clerk-sign-out-elements/testing/node';
 *
 * const clerk = await startClerkEmulator({ port: 4010 });
 * console.log(`<clerk-provider publishable-key="${clerk.publishableKey}" proxy-url="${clerk.proxyUrl}">`);
 * await clerk.close();
 * ```
 */
export async function startClerkEmulator(options: StartClerkEmulatorOptions = {}): Promise<RunningClerkEmulator> {
  const { port = 0, host = '127.0.0.1', ...emulatorOptions } = options;
  // It answers for the name it listens on (e.g. `host: 'emulator'` in docker compose) besides loopback names and IPs.
  const listening = WILDCARD_HOSTS.has(host) ? [] : [host];
  const emulator = createFapiEmulator({
    ...emulatorOptions,
    allowedHosts: [...(emulatorOptions.allowedHosts ?? []), ...listening],
  });
  const server = createServer((req, res) => {
    emulator.handle(req, res).then(
      (handled) => {
        if (handled) return;
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`Not found. The Clerk emulator answers under ${emulator.prefix || '/'}.`);
      },
      // handle() answers its own errors; this is the last resort, still an answer rather than a cut connection.
      () => answerServerError(res),
    );
  });
  // Without a listener Node cuts CONNECT requests off; an HTTP answer says what happened.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => {});
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  warnAtStart(emulator);
  const { port: actualPort } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  return {
    url,
    proxyUrl: emulator.proxyUrl(url),
    publishableKey: EMULATOR_PUBLISHABLE_KEY,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '::', '[::]']);
