// npm build: ES modules for bundlers. lit, @lit/context and Clerk stay external (the app's bundler dedupes them).
import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { minifyLitTemplates } from './tools/minify-lit-templates.js';

/** Minified builds rename classes; the public ones (elements, events, errors) keep their names for the console. */
const keepClassNames = { function: false, class: true };

/** Every registration file, src/define/<tag>.ts, is an entry of its own: dist/define/<tag>.js (define.ts is their helper). */
const registrationEntries = Object.fromEntries(
  readdirSync(new URL('./src/define/', import.meta.url))
    .filter((file) => file.endsWith('.ts') && file !== 'define.ts')
    .map((file) => [`define/${file.slice(0, -'.ts'.length)}`, `src/define/${file}`]),
);

export default defineConfig({
  // Bundlers never touch template text: without this, every app would ship our css`` indentation.
  plugins: [minifyLitTemplates()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    lib: {
      formats: ['es'],
      entry: {
        index: 'src/index.ts',
        elements: 'src/elements.ts',
        ...registrationEntries,
        'testing/index': 'src/testing/index.ts',
        'testing/isolate-tabs': 'src/testing/isolate-tabs.ts',
      },
    },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^@clerk\//],
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Vite's library minify for ES output, plus class names kept: `SignedOutEvent`, not `e`, in console logs.
        minify: { compress: { keepNames: keepClassNames }, mangle: { keepNames: keepClassNames }, codegen: false },
      },
      plugins: [
        {
          // clerk-sign-out-elements/no-flash.css: the rule that hides the elements until they are defined (README).
          name: 'no-flash-css',
          generateBundle() {
            this.emitFile({
              type: 'asset',
              fileName: 'no-flash.css',
              source: readFileSync(new URL('./src/no-flash.css', import.meta.url), 'utf8'),
            });
          },
        },
      ],
    },
  },
});
