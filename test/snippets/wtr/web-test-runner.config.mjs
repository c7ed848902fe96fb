// web-test-runner.config.mjs
import { chromeLauncher } from '@web/test-runner';
import { clerkEmulatorPlugin } from 'clerk-sign-out-elements/testing/node';

export default {
  files: ['test/**/*.test.js'],
  nodeResolve: true,
  // Clerk's Frontend API on the test server, under /__clerk; connectEmulator() gives each test a tenant of its own.
  plugins: [clerkEmulatorPlugin()],
  // clerk-js treats automated browsers as non-standard (network errors then sign out locally): run Chromium as a user would.
  browsers: [chromeLauncher({ launchOptions: { args: ['--disable-blink-features=AutomationControlled'] } })],
};
