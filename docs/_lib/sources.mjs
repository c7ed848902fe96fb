// Reads the files of TEST_FILES as the docs show them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEST_FILES } from './test-files.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => readFileSync(`${ROOT}/${path}`, 'utf8');

/** The fenced block right after `<!-- snippet: id -->` in `file` (as test/support/marked-snippet.ts reads it). */
function markedBlock(file, id) {
  const lines = read(file).split('\n');
  const marker = lines.indexOf(`<!-- snippet: ${id} -->`);
  if (marker < 0) throw new Error(`${file} has no <!-- snippet: ${id} --> block (docs/_lib/test-files.mjs)`);
  const fence = /^(`{3,})\w*$/.exec(lines[marker + 1] ?? '');
  const end = fence ? lines.indexOf(fence[1], marker + 2) : -1;
  if (end < 0) throw new Error(`<!-- snippet: ${id} --> in ${file} is not followed by a closed code block`);
  return lines.slice(marker + 2, end).join('\n');
}

function excerpt(text, { from, to }, path) {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => from.test(line));
  const end = start < 0 ? -1 : lines.findIndex((line, index) => index > start && to.test(line));
  if (end < 0) throw new Error(`${path}: no lines from ${from} to ${to} (docs/_lib/test-files.mjs)`);
  const picked = lines.slice(start, end + 1);
  const indent = Math.min(...picked.filter((line) => line.trim()).map((line) => /^ */.exec(line)[0].length));
  return picked.map((line) => line.slice(indent)).join('\n');
}

/** `{ code, path, language }` of a TEST_FILES entry, as the page shows it. */
export function testFile(id) {
  const entry = TEST_FILES[id];
  if (!entry) throw new Error(`docs: no file "${id}" in docs/_lib/test-files.mjs`);
  if (entry.marked) return { code: markedBlock(entry.in, entry.marked), path: null, language: entry.language };
  let code = read(entry.path);
  if (entry.excerpt) code = excerpt(code, entry.excerpt, entry.path);
  for (const [from, to] of Object.entries(entry.source ?? {})) code = code.replaceAll(from, to);
  return { code: code.replace(/\n+$/, ''), path: entry.path, language: entry.language };
}
