// The docs site and custom-elements.json agree: every element has its page, with the generated reference of every
// attribute, property, method, event, slot, part and CSS property; every event has its row on the events page; and
// everything the pages' code names on a `clerk-` tag (attributes, properties, events, parts, custom properties) is in
// the manifest. The site is rendered in memory (Eleventy's JSON mode), so no build is needed first.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** custom-elements.json, regenerated when missing or older than a source file. */
function ensureManifest() {
  const manifest = join(root, 'custom-elements.json');
  const newest = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const path = join(dir, entry.name);
      return Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newest(join(root, 'src'))) return;
  const cli = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
  execFileSync(process.execPath, [cli, 'analyze'], { cwd: root, stdio: 'ignore' });
}

const decode = (html) =>
  html
    .replace(/&#10;/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** What the pages show as code: code blocks, inline code and the live examples' textareas, decoded. */
function codeOf(html) {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
  return [...main.matchAll(/<(code|textarea)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((match) => decode(match[2]));
}

const GLOBAL_ATTRIBUTES = new Set([
  'id',
  'class',
  'style',
  'slot',
  'hidden',
  'title',
  'lang',
  'dir',
  'tabindex',
  'part',
]);

/**
 * The names written on each `<clerk-…>` tag of a piece of code: `{ tag, attributes, properties, events }`, reading
 * plain attributes and the framework bindings the pages use (Lit `.x`, Vue `:x`/`@x`, Angular `[x]`/`(x)`, Svelte
 * `{x}`, React props and `onx-y` event props).
 */
function tagsIn(code) {
  const found = [];
  const attribute = /([^\s=/>]+)(?:=(?:"[^"]*"|'[^']*'|\{[^}]*\}|\$\{[^}]*\}|[^\s>]*))?/g;
  for (const [, tag, body] of code.matchAll(
    /<(clerk-[a-z-]+)((?:\s+(?:"[^"]*"|'[^']*'|\{[^}]*\}|[^\s>"'{])+)*)\s*\/?>/g,
  )) {
    const names = { tag, attributes: [], properties: [], events: [] };
    for (const [, name] of body.matchAll(attribute)) {
      if (GLOBAL_ATTRIBUTES.has(name) || /^(aria|data)-/.test(name)) continue;
      if (/^[@(]|^on[a-z]+-/.test(name)) names.events.push(name.replace(/^@|^\(|\)$|^on/g, ''));
      else if (/^[.:[]|^\{/.test(name)) names.properties.push(name.replace(/^[.:[{]|[\]}]$/g, ''));
      else if (/[A-Z]/.test(name)) names.properties.push(name);
      else names.attributes.push(name);
    }
    found.push(names);
  }
  return found;
}

describe('docs and custom-elements.json', () => {
  let reference;
  let pages;
  before(async () => {
    ensureManifest();
    ({ loadReference: reference } = await import('../../docs/_lib/manifest.mjs'));
    reference = reference();
    const { default: Eleventy } = await import('@11ty/eleventy');
    const site = new Eleventy(join(root, 'docs'), null, {
      configPath: join(root, 'docs/eleventy.config.mjs'),
      quietMode: true,
    });
    pages = await site.toJSON();
  });

  const page = (url) => pages.find((candidate) => candidate.url === url);

  it('every element in the manifest has its page, and every element page is an element of the manifest', () => {
    assert.ok(reference.elements.length >= 6, `only ${reference.elements.length} elements`);
    for (const { tag } of reference.elements)
      assert.ok(page(`/elements/${tag}/`), `<${tag}> has no page: add docs/elements/${tag}.md`);
    const elementPages = pages.filter((candidate) => candidate.url.startsWith('/elements/')).map((p) => p.url);
    assert.deepEqual(elementPages.sort(), reference.elements.map(({ tag }) => `/elements/${tag}/`).sort());
  });

  it("each element's page shows its whole reference", () => {
    const slug = (name) =>
      name
        .replace(/[^a-z0-9-]+/gi, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase();
    for (const element of reference.elements) {
      const html = page(`/elements/${element.tag}/`).content;
      const ids = [
        'reference',
        ...element.attributes.map((a) => `attr-${slug(a.name)}`),
        ...element.properties.map((p) => `prop-${slug(p.name)}`),
        ...element.methods.map((m) => `method-${slug(m.name)}`),
        ...element.events.map((e) => `event-${slug(e.name)}`),
        ...element.slots.map((s) => `slot-${slug(s.name || 'default')}`),
        ...element.cssParts.map((p) => `part-${slug(p.name)}`),
        ...element.cssProperties.map((p) => `css-${slug(p.name)}`),
      ];
      for (const id of ids) assert.ok(html.includes(`id="${id}"`), `<${element.tag}>'s page has no #${id}`);
    }
  });

  it('every event has its row on the events page, with its detail fields and whether it can be cancelled', () => {
    const html = page('/events/').content;
    assert.ok(reference.events.length >= 10, `only ${reference.events.length} events`);
    for (const event of reference.events) {
      const row = new RegExp(`<tr id="event-${event.name}">([\\s\\S]*?)</tr>`).exec(html)?.[1];
      assert.ok(row, `the events page has no row for ${event.name}`);
      for (const field of event.fields)
        assert.ok(row.includes(`<code>${field.name}</code>`), `${event.name}: detail.${field.name}`);
      assert.match(row, event.cancelable ? /<td>yes<\/td>/ : /<td>no<\/td>/, `${event.name} cancelable`);
    }
    const cancelable = reference.events.filter((event) => event.cancelable).map((event) => event.name);
    for (const name of ['sign-out', 'signed-out', 'session-switched', 'device-sign-out'])
      assert.ok(cancelable.includes(name), `${name} is read as cancelable from its class`);
  });

  it("the pages' code names only tags, attributes, properties, events, parts and custom properties the manifest has", () => {
    const byTag = new Map(reference.elements.map((element) => [element.tag, element]));
    const allEvents = new Set(reference.events.map((event) => event.name));
    const cssProperties = new Set([
      ...reference.tokens.map((token) => token.name),
      ...reference.elements.flatMap((element) => element.cssProperties.map((p) => p.name)),
    ]);
    const problems = [];
    let checked = 0;
    for (const { url, content } of pages) {
      for (const code of codeOf(content)) {
        for (const { tag, attributes, properties, events } of tagsIn(code)) {
          checked++;
          const element = byTag.get(tag);
          if (!element) {
            problems.push(`${url}: <${tag}> is not in the manifest`);
            continue;
          }
          const names = new Set(element.attributes.map((a) => a.name));
          const props = new Set([...element.attributes.map((a) => a.field), ...element.properties.map((p) => p.name)]);
          for (const name of attributes)
            if (!names.has(name)) problems.push(`${url}: <${tag} ${name}> is not an attribute`);
          for (const name of properties)
            if (!props.has(name)) problems.push(`${url}: <${tag}>.${name} is not a property`);
          for (const name of events)
            if (!element.events.some((e) => e.name === name)) problems.push(`${url}: <${tag}> fires no ${name}`);
        }
        for (const [, name] of code.matchAll(/addEventListener\(\s*'([a-z-]+)'/g))
          if (name.includes('-') && !allEvents.has(name)) problems.push(`${url}: no element fires ${name}`);
        for (const [, tag, part] of code.matchAll(/\b(clerk-[a-z-]+)::part\(([a-z-]+)\)/g))
          if (!byTag.get(tag)?.cssParts.some((p) => p.name === part))
            problems.push(`${url}: <${tag}> has no part ${part}`);
      }
      const main = decode(/<main\b[^>]*>([\s\S]*)<\/main>/.exec(content)?.[1] ?? '');
      for (const [name] of main.matchAll(/--clerk-[a-z-]+[a-z]/g))
        if (!cssProperties.has(name)) problems.push(`${url}: ${name} is no custom property of the manifest`);
    }
    assert.ok(checked >= 40, `only ${checked} clerk- tags found in the pages' code`);
    assert.deepEqual(problems, []);
  });
});
