// `npm run docs:size`: the JavaScript each page of the built docs site loads (its module scripts and every module they
// import, static or dynamic: the package and FakeClerk included), each file gzipped (level 9; 1 KB = 1,000 bytes),
// summed per page. Fails when an element page is over the budget. Run `npm run docs:build` first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { OUTPUT } from './eleventy.config.mjs';

export const BUDGET = 150_000;
const site = resolve(OUTPUT);

/** The JS files a page loads: its module scripts, then what they import (static and dynamic), each once. */
export function pageScripts(htmlPath) {
  const html = readFileSync(htmlPath, 'utf8');
  const queue = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => resolve(dirname(htmlPath), m[1]));
  const seen = new Set();
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/(?:\bimport\s*\(?|\bfrom)\s*["'](\.{1,2}\/[^"']+)["']/g))
      queue.push(resolve(dirname(file), spec));
  }
  return [...seen];
}

export const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

export function measure() {
  const pages = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.html') pages.push(path);
    }
  };
  walk(site);
  return pages.sort().map((path) => {
    const files = pageScripts(path);
    const bytes = files.reduce((sum, file) => sum + gzipSize(file), 0);
    const url = `/${relative(site, dirname(path))}/`.replace(/^\/\.?\/$/, '/').replace('//', '/');
    return { url, element: url.startsWith('/elements/'), files: files.map((file) => relative(site, file)), bytes };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(site)) {
    console.error(`${OUTPUT} does not exist: run npm run docs:build first.`);
    process.exit(1);
  }
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
  let over = 0;
  for (const page of measure()) {
    const flag = page.element && page.bytes > BUDGET ? '  OVER BUDGET' : '';
    if (flag) over++;
    console.log(`${page.url.padEnd(36)} ${kb(page.bytes).padStart(9)} gzip  (${page.files.join(', ')})${flag}`);
  }
  console.log(`element pages: at most ${kb(BUDGET)} gzip of JavaScript each, the package included`);
  process.exit(over ? 1 : 0);
}
