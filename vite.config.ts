// npm build: ES modules for bundlers. lit, @lit/context and Clerk stay external (the app's bundler dedupes them).
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { minifyLitTemplates } from './tools/minify-lit-templates.js';

/** Minified builds rename classes; the public ones (elements, events, errors) keep their names for the console. */
const keepClassNames = { function: false, class: true };

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
        'define/clerk-provider': 'src/define/clerk-provider.ts',
        'define/clerk-sign-out-button': 'src/define/clerk-sign-out-button.ts',
        'define/clerk-signed-in': 'src/define/clerk-signed-in.ts',
        'define/clerk-signed-out': 'src/define/clerk-signed-out.ts',
        'define/clerk-user-menu': 'src/define/clerk-user-menu.ts',
        'define/clerk-active-devices': 'src/define/clerk-active-devices.ts',
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
