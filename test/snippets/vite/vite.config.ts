// vite.config.ts
import { defineConfig } from 'vite';
import { clerkEmulatorVitePlugin } from 'clerk-sign-out-elements/testing/node';

export default defineConfig({
  // Clerk's Frontend API, emulated by this dev server under /__clerk, with Ada Lovelace signed in.
  plugins: [clerkEmulatorVitePlugin()],
});
