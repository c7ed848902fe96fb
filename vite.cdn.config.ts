// CDN build: ONE self-contained, minified module that bundles lit and registers every element on import.
// Clerk itself is never bundled: pages load Clerk's own script (or the provider loads it from the key's host).
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      formats: ['es'],
      entry: 'src/index.ts',
      fileName: () => 'clerk-sign-out-elements.js',
    },
    rolldownOptions: {
      external: [/^@clerk\//],
      output: { minify: true, codeSplitting: false },
    },
  },
});
