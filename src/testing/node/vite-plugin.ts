// vite adapter (dev server and `vite preview`). Structural types only: no runtime dependency on vite.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createFapiEmulator, type FapiEmulator, type FapiEmulatorOptions } from './fapi-emulator.js';
import { warnAtStart } from './clerk-script.js';
import { demoSeed } from './seeds.js';
import type { TenantSeed } from './tenant.js';

interface ConnectServer {
  middlewares: {
    use(handler: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void): unknown;
  };
  /** Vite's logger, which prints in the dev server's terminal. */
  config?: { logger?: { warn(message: string): void } };
}

/** What `clerkEmulatorVitePlugin()` takes: the emulator's options, with Ada Lovelace signed in by default. */
export interface ClerkEmulatorVitePluginOptions extends Omit<FapiEmulatorOptions, 'seed'> {
  /** `true` (default): every tenant starts with Ada Lovelace signed in (`demoSeed`); `false`: empty; or your own seed. */
  seed?: boolean | TenantSeed;
}

/** The vite plugin that `clerkEmulatorVitePlugin()` returns (dev server and `vite preview`). */
export interface ClerkEmulatorVitePlugin {
  name: 'clerk-fapi-emulator';
  emulator: FapiEmulator;
  configureServer(server: ConnectServer): void;
  configurePreviewServer(server: ConnectServer): void;
}

/**
 * Serves the emulator from vite's dev server (and `vite preview`) under `/__clerk`: `plugins:
 * [clerkEmulatorVitePlugin()]`, then give clerk-js `proxyUrl: location.origin + '/__clerk'`.
 *
 * @example
 * ```ts
 * // vite.config.ts
 * import { defineConfig } from 'vite';
 * import { clerkEmulatorVitePlugin } from 'clerk-sign-out-elements/testing/node';
 *
 * export default defineConfig({ plugins: [clerkEmulatorVitePlugin()] });
 * ```
 */
export function clerkEmulatorVitePlugin(options: ClerkEmulatorVitePluginOptions = {}): ClerkEmulatorVitePlugin {
  const seed =
    options.seed === false ? undefined : options.seed === true || options.seed === undefined ? demoSeed : options.seed;
  const emulator = createFapiEmulator({ ...options, seed });
  // Added directly (not returned as a post hook), so it runs before vite's own middleware and its SPA fallback.
  const mount = (server: ConnectServer) => {
    server.middlewares.use((req, res, next) => {
      emulator.handle(req, res).then((handled) => handled || next(), next);
    });
    const logger = server.config?.logger;
    warnAtStart(emulator, logger ? (message) => logger.warn(message) : undefined);
  };
  return { name: 'clerk-fapi-emulator', emulator, configureServer: mount, configurePreviewServer: mount };
}
