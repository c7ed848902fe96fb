// `npm start`: the demo pages, with Clerk's Frontend API emulated on this dev server (no Clerk account needed).
// Set VITE_CLERK_PUBLISHABLE_KEY to talk to your real Clerk instance instead (index.html only).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { clerkEmulatorVitePlugin } from 'clerk-sign-out-elements/testing/node';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  // `/cdn/clerk-sign-out-elements.js` is the built CDN module (`prestart` builds it), as a no-build page would load it.
  publicDir: here('../dist'),
  server: { port: 5173, open: !process.env.CI },
  build: {
    outDir: here('../dist/demo'),
    rolldownOptions: { input: { index: here('index.html'), cdn: here('cdn.html') } },
  },
  plugins: [clerkEmulatorVitePlugin()],
});
