// @web/test-runner (and @web/dev-server) adapter. Structural types only: no runtime dependency on @web/* packages.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createFapiEmulator, type FapiEmulator, type FapiEmulatorOptions } from './fapi-emulator.js';
import { warnAtStart } from './clerk-script.js';
import { answerServerError } from './http.js';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** The part of Node's `http.Server` the plugin needs. */
interface RequestEmitter {
  listeners(event: 'request'): Array<(...args: never[]) => unknown>;
  removeAllListeners(event: 'request'): unknown;
  on(event: 'request', listener: RequestListener): unknown;
}

/** The @web/test-runner plugin that `clerkEmulatorPlugin()` returns. */
export interface ClerkEmulatorPlugin {
  name: 'clerk-fapi-emulator';
  /** The emulator behind the plugin, for Node-side control (e.g. from a custom WTR command). */
  emulator: FapiEmulator;
  serverStart(args: { server?: unknown; logger?: { warn(...messages: unknown[]): void } }): void;
}

/**
 * Serves the emulator from the test server: `plugins: [clerkEmulatorPlugin()]`, then `proxyUrl: location.origin + '/__clerk'`
 * (or `connectEmulator()` in the tests).
 *
 * WTR composes its koa middleware before `serverStart` runs, so a middleware added there would never be called; the
 * plugin answers emulator paths in front of the server's request listener instead (everything else passes through).
 *
 * @example
 * ```js
 * // web-test-runner.config.mjs
 * import { clerkEmulatorPlugin } from 'clerk-sign-out-elements/testing/node';
 *
 * export default { files: ['test/*.test.js'], nodeResolve: true, plugins: [clerkEmulatorPlugin()] };
 * ```
 */
export function clerkEmulatorPlugin(
  options: FapiEmulatorOptions & { emulator?: FapiEmulator } = {},
): ClerkEmulatorPlugin {
  const emulator = options.emulator ?? createFapiEmulator(options);
  return {
    name: 'clerk-fapi-emulator',
    emulator,
    serverStart({ server, logger }) {
      if (!isRequestEmitter(server)) {
        throw new Error(
          "clerkEmulatorPlugin needs the dev server's http server; in middleware mode use clerkEmulatorMiddleware().",
        );
      }
      const others = server.listeners('request') as RequestListener[];
      server.removeAllListeners('request');
      server.on('request', (req, res) => {
        emulator.handle(req, res).then(
          (handled) => handled || others.forEach((listener) => listener.call(server, req, res)),
          () => answerServerError(res), // handle() answers its own errors: a last resort
        );
      });
      warnAtStart(emulator, logger ? (message) => logger.warn(message) : undefined);
    },
  };
}

/**
 * The same as a koa middleware, for a config's `middleware: [clerkEmulatorMiddleware()]`.
 *
 * @example
 * ```js
 * // web-test-runner.config.mjs (or @web/dev-server's config)
 * import { clerkEmulatorMiddleware } from 'clerk-sign-out-elements/testing/node';
 *
 * export default { middleware: [clerkEmulatorMiddleware()] };
 * ```
 */
export function clerkEmulatorMiddleware(options: FapiEmulatorOptions & { emulator?: FapiEmulator } = {}) {
  const emulator = options.emulator ?? createFapiEmulator(options);
  return async (
    ctx: { req: IncomingMessage; res: ServerResponse; respond?: boolean },
    next: () => Promise<unknown>,
  ) => {
    if (await emulator.handle(ctx.req, ctx.res)) ctx.respond = false;
    else await next();
  };
}

function isRequestEmitter(server: unknown): server is RequestEmitter {
  return (
    !!server &&
    typeof (server as RequestEmitter).listeners === 'function' &&
    typeof (server as RequestEmitter).on === 'function'
  );
}
