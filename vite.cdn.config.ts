// CDN build: ONE self-contained, minified module that bundles lit and registers every element on import.
// Clerk itself is never bundled: pages load Clerk's own script (or the provider loads it from the key's host).
import { defineConfig } from 'vite';
import { minifyLitTemplates } from './tools/minify-lit-templates.js';
import { terserPass } from './tools/terser-pass.js';

const keepClassNames = { function: false, class: true };

export default defineConfig({
  // Minifiers leave template text alone; this drops the indentation of our css`` and html`` templates.
  plugins: [minifyLitTemplates(), terserPass()],
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
      // The terser pass takes a few seconds by design; no timing warning for it.
      checks: { pluginTimings: false },
      // comments: false also drops the /* @__PURE__ */ annotations the minifier would otherwise keep in the output.
      // keepNames: classes keep their names (`SignedOutEvent`, not `t`, in console logs), for about 0.1 KB gzip.
      output: {
        minify: {
          compress: { keepNames: keepClassNames },
          mangle: { keepNames: keepClassNames },
          codegen: { removeWhitespace: true },
        },
        codeSplitting: false,
        comments: false,
      },
    },
  },
});
