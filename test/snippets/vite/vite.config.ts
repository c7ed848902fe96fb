// vite.config.ts
import { defineConfig } from 'vite';
import { clerkEmulatorVitePlugin } from 'clerk-sign-out-elements/testing/node';

export default defineConfig(({ mode }) => ({
  // Clerk's Frontend API, emulated by the dev server under /__clerk, with Ada Lovelace signed in: in development and
  // tests only. `vite build` (mode production) gets neither the emulator nor its key (see .env.production).
  plugins: mode === 'production' ? [] : [clerkEmulatorVitePlugin()],
}));
