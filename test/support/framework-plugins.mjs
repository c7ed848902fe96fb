// @web/test-runner plugins for the framework proofs in test/adoption/frameworks/. Each serves a framework the way its users get it,
// without a bundler of its own:
//   cdnBundle()  /__cdn__/clerk-sign-out-elements.js = `vite build --config vite.cdn.config.ts`, built in memory from the
//                current source (a stale or missing dist/ cannot fool the test; a fresh clone needs no build first)
//   react()      React 19 ships CommonJS only; esbuild turns react, react-dom/client and react/jsx-runtime into ES modules
//                (sharing one React through a common chunk)
//   vue()        `vue` becomes its full ES browser build, which includes the template compiler (for `@signed-out` in templates)
//   svelte()     *.svelte files are compiled by the Svelte 5 compiler on request
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

/** Builds once per test run, on first request, and serves the files of the result. */
function servesBuilt(name, prefix, build) {
  let files;
  return {
    name,
    async serve(context) {
      if (!context.path.startsWith(prefix)) return undefined;
      files ??= build();
      const body = (await files).get(context.path.slice(prefix.length));
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}

export function cdnBundle() {
  return servesBuilt('cdn-bundle', '/__cdn__/', async () => {
    const { build } = await import('vite');
    const results = await build({
      root,
      configFile: `${root}/vite.cdn.config.ts`,
      logLevel: 'warn',
      build: { write: false, emptyOutDir: false },
    });
    const outputs = [results].flat().flatMap((result) => result.output);
    return new Map(outputs.filter((chunk) => chunk.type === 'chunk').map((chunk) => [chunk.fileName, chunk.code]));
  });
}

const reactEntries = {
  react: 'react',
  'react-dom-client': 'react-dom/client',
  'react-jsx-runtime': 'react/jsx-runtime',
};

export function react() {
  const plugin = servesBuilt('react-esm', '/__react__/', async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: Object.fromEntries(
        Object.entries(reactEntries).map(([out, entry]) => [out, require.resolve(entry)]),
      ),
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: '/__react__',
      write: false,
      define: { 'process.env.NODE_ENV': '"development"' },
      legalComments: 'none',
      logLevel: 'warning',
    });
    // esbuild's CommonJS wrapper gives a default export only; re-export the named ones the tests import.
    return new Map(
      result.outputFiles.map((file) => [file.path.slice('/__react__/'.length), withNamedExports(file.path, file.text)]),
    );
  });
  return {
    ...plugin,
    resolveImport({ source }) {
      const out = Object.entries(reactEntries).find(([, entry]) => entry === source)?.[0];
      return out ? `/__react__/${out}.js` : undefined;
    },
  };
}

function withNamedExports(path, code) {
  const entry = Object.entries(reactEntries).find(([out]) => path.endsWith(`/${out}.js`))?.[1];
  if (!entry) return code;
  // Read in a child process: loading React here would run its dev build against the test runner's patched console.
  const keys = JSON.parse(
    execFileSync(
      process.execPath,
      ['-e', `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(entry)}))))`],
      { cwd: root },
    ),
  );
  const names = keys.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  const match = code.match(/export default (\w+\(\));?\s*$/);
  if (!match) throw new Error(`unexpected esbuild output for ${entry}`);
  const body = code.slice(0, match.index);
  return `${body}const __module = ${match[1]};\nexport default __module;\nexport const { ${names.join(', ')} } = __module;\n`;
}

export function vue() {
  return {
    name: 'vue-browser-build',
    resolveImport({ source }) {
      return source === 'vue' ? '/node_modules/vue/dist/vue.esm-browser.js' : undefined;
    },
  };
}

export function svelte() {
  return {
    name: 'svelte-compiler',
    resolveMimeType(context) {
      return context.path.endsWith('.svelte') ? 'js' : undefined;
    },
    async transform(context) {
      if (!context.path.endsWith('.svelte')) return undefined;
      const { compile } = await import('svelte/compiler');
      const file = fileURLToPath(new URL(`.${context.path}`, `file://${root}/`));
      const { js, warnings } = compile(await readFile(file, 'utf8'), { filename: file, generate: 'client', dev: true });
      for (const warning of warnings) console.warn(`${context.path}: ${warning.message}`);
      return { body: js.code };
    },
  };
}

export const frameworkPlugins = () => [cdnBundle(), react(), vue(), svelte()];
