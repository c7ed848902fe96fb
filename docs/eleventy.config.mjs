// The docs site (11ty): Markdown pages in docs/, each element's reference generated from custom-elements.json, live
// examples bundled by esbuild from this repository's src/ (the package as it is now) with the in-browser FakeClerk.
// `npm run docs` serves it with live reload; `npm run docs:build` writes dist/docs/ (DOCS_OUT to write elsewhere), a
// static site with relative links only, so it works under any path of any static host.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { benchRows, pageWeight, pageWeightChart } from './_lib/bench.mjs';
import { loadReference } from './_lib/manifest.mjs';
import {
  codeBlock,
  elementReference,
  elementsTable,
  escape,
  eventsReference,
  example,
  partsTable,
  tokenPlayground,
  tokensTable,
} from './_lib/render.mjs';
import { headingIds, relativeUrls, searchSections } from './_lib/html.mjs';
import { ROOT, testFile } from './_lib/sources.mjs';

export const OUTPUT = process.env.DOCS_OUT ?? 'dist/docs';

/** The browser code: one module per kind of page, sharing chunks (the package, FakeClerk). */
export async function bundleClient(outdir, { watch = false } = {}) {
  rmSync(`${outdir}/assets/chunks`, { recursive: true, force: true }); // chunks of earlier builds
  return build({
    entryPoints: { docs: `${ROOT}/docs/_client/docs.ts`, search: `${ROOT}/docs/_client/search.ts` },
    outdir: `${outdir}/assets`,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: watch ? 'inline' : false,
    metafile: true,
    legalComments: 'none',
    keepNames: true, // the examples' event log names classes (FakeClerk)
    logLevel: 'warning',
    tsconfig: `${ROOT}/tsconfig.json`,
    // The package as a user imports it, resolved to this repository's source.
    alias: {
      'clerk-sign-out-elements/testing': `${ROOT}/src/testing/index.ts`,
      'clerk-sign-out-elements': `${ROOT}/src/index.ts`,
    },
    chunkNames: 'chunks/[name]-[hash]',
  });
}

export default function (config) {
  let cached;
  const reference = () => (cached ??= loadReference());
  let exampleCount = new Map();
  const sections = new Map();

  config.setInputDirectory('docs');
  config.setIncludesDirectory('_includes');
  config.setDataDirectory('_data');
  config.setOutputDirectory(OUTPUT);
  config.addPassthroughCopy({ 'docs/images': 'images' });
  config.addPassthroughCopy({ 'docs/_client/site.css': 'assets/site.css' });
  config.setTemplateFormats(['md', 'njk', '11ty.js']);
  config.addWatchTarget('src/');
  config.addWatchTarget('docs/_client/');
  config.addWatchTarget('docs/_lib/');
  config.addWatchTarget('custom-elements.json');
  config.setServerOptions({ watch: [`${OUTPUT}/assets/**`] });

  config.amendLibrary('md', (md) => headingIds(md));
  // A fenced block looks like every other code block; one marked `<!-- snippet: id -->` is run by a test as written.
  config.amendLibrary('md', (md) => {
    md.renderer.rules.fence = (tokens, index) => {
      const { content, info } = tokens[index];
      const before = tokens[index - 1];
      const marked = before?.type === 'html_block' && /^<!-- snippet: \S+ -->/.test(before.content);
      return codeBlock(content.replace(/\n$/, ''), info.trim() || 'text', marked ? 'run as written by a test' : '');
    };
  });

  config.on('eleventy.before', async ({ outputMode }) => {
    cached = undefined;
    exampleCount = new Map();
    sections.clear();
    if (outputMode === 'fs') await bundleClient(OUTPUT, { watch: process.argv.includes('--serve') });
  });
  config.on('eleventy.after', ({ outputMode }) => {
    if (outputMode !== 'fs') return;
    mkdirSync(`${OUTPUT}/assets`, { recursive: true });
    writeFileSync(`${OUTPUT}/assets/search-index.json`, JSON.stringify([...sections.values()].flat()));
  });

  config.addGlobalData('reference', reference);
  config.addGlobalData('pkg', () => JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')));

  // Descriptions from the manifest are Markdown (backticks); rendered with the site's own Markdown.
  let markdown;
  config.amendLibrary('md', (md) => (markdown = md));
  // Raw HTML in them is text (a description may name `<clerk-user-menu>` without backticks).
  const renderer = {
    renderInline(text) {
      const html = markdown.options.html;
      markdown.options.html = false;
      try {
        return markdown.renderInline(text);
      } finally {
        markdown.options.html = html;
      }
    },
  };

  // A repository file (docs/_lib/test-files.mjs) as a code block, named by its path.
  config.addShortcode('testFile', (id, note = '') => {
    const { code, path, language } = testFile(id);
    const caption = path ? `<code>${escape(path)}</code>${note ? ` \u2014 ${note}` : ''}` : note;
    return codeBlock(code, language, caption);
  });
  config.addPairedShortcode('code', (content, language = 'html', caption = '') =>
    codeBlock(content.replace(/^\n+|\s+$/g, ''), language, caption),
  );
  function liveExample(page, content, scenarios, title) {
    const count = (exampleCount.get(page.inputPath) ?? 0) + 1;
    exampleCount.set(page.inputPath, count);
    const events = reference().events.map((event) => event.name);
    const code = content.replace(/^\n+|\s+$/g, '');
    return example(code, { id: `example-${count}`, scenarios: scenarios || undefined, title, events });
  }
  config.addPairedShortcode('example', function (content, scenarios, title) {
    return liveExample(this.page, content, scenarios, title);
  });
  config.addPairedShortcode('tokenPlayground', function (content, scenarios) {
    return tokenPlayground(reference().tokens, liveExample(this.page, content, scenarios, 'Token playground'));
  });
  config.addShortcode('elementReference', (tag) => {
    const element = reference().elements.find((e) => e.tag === tag);
    if (!element) throw new Error(`docs: <${tag}> is not in custom-elements.json`);
    return elementReference(element, renderer);
  });
  config.addShortcode('eventsReference', () => eventsReference(reference().events, renderer));
  config.addShortcode('tokensTable', () => tokensTable(reference().tokens, renderer));
  config.addShortcode('partsTable', () => partsTable(reference().elements));
  config.addShortcode('pageWeightChart', () => pageWeightChart(pageWeight()));
  config.addShortcode('benchRows', (...sections) => benchRows(sections, renderer));
  config.addShortcode('elementsTable', () => elementsTable(reference().elements, renderer));

  // Every link and asset root-relative in the source becomes relative to the page: the site works under any path.
  config.addTransform('relative-urls', function (content) {
    if (!this.page.outputPath?.endsWith('.html')) return content;
    if (this.page.url !== '/search/') sections.set(this.page.url, searchSections(content, this.page.url));
    return relativeUrls(content, this.page.url);
  });

  return { markdownTemplateEngine: 'njk', htmlTemplateEngine: 'njk' };
}
