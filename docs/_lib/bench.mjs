// The bench's page-weight rows (`npm run bench`): from bench/results/latest.json when it has them, else from the latest
// table of bench/README.md (the same rows, as Markdown). The newer of the two wins when both have them.
import { existsSync, readFileSync } from 'node:fs';
import { ROOT } from './sources.mjs';
import { escape } from './render.mjs';

const PAGE = /^page with the open user menu(?: \(([^)]*)\))?: (.*)$/;

function fromJson() {
  const path = `${ROOT}/bench/results/latest.json`;
  if (!existsSync(path)) return undefined;
  const { machine, rows } = JSON.parse(readFileSync(path, 'utf8'));
  return { rows, date: machine?.date, commit: machine?.commit, source: 'bench/results/latest.json' };
}

function fromReadme() {
  const text = readFileSync(`${ROOT}/bench/README.md`, 'utf8');
  const latest = text.slice(text.indexOf('## Latest table'));
  const rows = latest
    .split('\n')
    .filter((line) => /^\| \d+ \w/.test(line))
    .map((line) => {
      const [section, measure, result, goal, status] = line.slice(2, -2).split(' | ');
      return { section, measure, result, goal, status };
    });
  const machine = /^Machine: .*?(\d{4}-\d\d-\d\dT[\d:.]+Z); commit (\w+)/m.exec(latest);
  return { rows, date: machine?.[1], commit: machine?.[2], source: 'bench/README.md' };
}

const kb = (text, pattern) => {
  const match = pattern.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : undefined;
};

/** `{ pairs: [{ name, clerk: { label, files, kb }, ours: { label, files, kb, moduleKb } }], date, commit, source }`. */
export function pageWeight() {
  const candidates = [fromJson(), fromReadme()]
    .filter(Boolean)
    .map((data) => ({ ...data, rows: data.rows.filter((row) => PAGE.test(row.measure)) }))
    .filter((data) => data.rows.length)
    .sort((a, b) => String(b.date).localeCompare(String(a.date)));
  const data = candidates[0];
  if (!data) throw new Error('docs: neither bench/results/latest.json nor bench/README.md has the page-weight rows');
  const pairs = new Map();
  for (const row of data.rows) {
    const [, pair = 'clerk-js 6', label] = PAGE.exec(row.measure);
    const entry = {
      label,
      files: kb(row.result, /(\d+) files/),
      kb: kb(row.result, /\*\*([\d.,]+) KB gzip\*\*/),
      moduleKb: kb(row.result, /module ([\d.,]+) KB/),
    };
    const name = pair.replace(/ pair$/, '');
    pairs.set(name, { name, ...pairs.get(name), [/^Clerk's/.test(label) ? 'clerk' : 'ours']: entry });
  }
  const complete = [...pairs.values()].filter((pair) => pair.clerk?.kb && pair.ours?.kb);
  if (!complete.length) throw new Error(`docs: the page-weight rows of ${data.source} have no sizes`);
  return { pairs: complete, date: data.date, commit: data.commit, source: data.source };
}

/** A horizontal bar chart (SVG) of the page-weight pairs, with the same figures as a table. */
export function pageWeightChart({ pairs, date, commit, source }) {
  const max = Math.max(...pairs.flatMap((pair) => [pair.clerk.kb, pair.ours.kb]));
  const width = 640;
  const left = 170;
  const bar = 26;
  const scale = (value) => ((width - left - 90) * value) / max;
  let y = 0;
  const shapes = [];
  for (const pair of pairs) {
    shapes.push(`<text class="chart-group" x="0" y="${y + 16}">${escape(pair.name)}</text>`);
    y += 26;
    for (const [who, entry] of [
      ['Clerk\u2019s UserButton', pair.clerk],
      ['this package', pair.ours],
    ]) {
      shapes.push(`<text class="chart-label" x="0" y="${y + 18}">${who}</text>`);
      if (entry.moduleKb) {
        shapes.push(
          `<rect class="chart-bar chart-module" x="${left}" y="${y}" width="${scale(entry.moduleKb).toFixed(1)}" height="${bar}"/>`,
        );
        shapes.push(
          `<rect class="chart-bar chart-ours" x="${(left + scale(entry.moduleKb)).toFixed(1)}" y="${y}" width="${scale(entry.kb - entry.moduleKb).toFixed(1)}" height="${bar}"/>`,
        );
      } else {
        shapes.push(
          `<rect class="chart-bar ${entry === pair.ours ? 'chart-ours' : 'chart-clerk'}" x="${left}" y="${y}" width="${scale(entry.kb).toFixed(1)}" height="${bar}"/>`,
        );
      }
      shapes.push(
        `<text class="chart-value" x="${(left + scale(entry.kb) + 6).toFixed(1)}" y="${y + 18}">${entry.kb.toFixed(1)} KB</text>`,
      );
      y += bar + 8;
    }
    y += 10;
  }
  const rows = pairs
    .map(
      (pair) =>
        `<tr><th scope="row">${escape(pair.name)}</th><td>${pair.clerk.kb.toFixed(1)} KB (${pair.clerk.files} files)</td><td>${pair.ours.kb.toFixed(1)} KB (${pair.ours.files} files${pair.ours.moduleKb ? `; the module ${pair.ours.moduleKb.toFixed(1)} KB` : ''})</td><td>${(pair.ours.kb / pair.clerk.kb).toFixed(2)}</td></tr>`,
    )
    .join('');
  const when = [date && `run of ${date.slice(0, 10)}`, commit && `commit ${commit}`].filter(Boolean).join(', ');
  return (
    `<figure class="chart" aria-labelledby="weight-chart-caption">` +
    `<svg viewBox="0 0 ${width} ${y}" role="img" aria-labelledby="weight-chart-caption" focusable="false">${shapes.join('')}</svg>` +
    `<figcaption id="weight-chart-caption">JavaScript (gzip) a page downloads until the user menu is open: Clerk\u2019s UserButton against this package\u2019s CDN module (darker part) with <code>clerk.browser.js</code>. From ${escape(source)} (${escape(when)}).</figcaption>` +
    `</figure>` +
    `<div class="table-wrap"><table><thead><tr><th scope="col">Clerk</th><th scope="col">Clerk\u2019s UserButton page</th><th scope="col">this package\u2019s page</th><th scope="col">ours / Clerk\u2019s</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

/** The bench's rows of the sections named (e.g. "1 weight"), as a table, from the same source as the chart. */
export function benchRows(sections, renderer) {
  const sources = [fromJson(), fromReadme()]
    .filter(Boolean)
    .sort((a, b) => String(b.date).localeCompare(String(a.date)));
  const data = sources.find((source) => source.rows.some((row) => sections.includes(row.section))) ?? sources[0];
  const rows = data.rows.filter((row) => sections.includes(row.section));
  const cell = (text) => renderer.renderInline(text ?? '');
  const body = rows
    .map(
      (row) =>
        `<tr><th scope="row">${cell(row.measure)}</th><td>${cell(row.result)}</td><td>${cell(row.goal)}</td><td>${cell(row.status)}</td></tr>`,
    )
    .join('');
  return `<div class="table-wrap"><table><caption class="small">From ${escape(data.source)}${data.commit ? ` (commit ${escape(data.commit)})` : ''}</caption><thead><tr><th scope="col">measure</th><th scope="col">result</th><th scope="col">goal</th><th scope="col">status</th></tr></thead><tbody>${body}</tbody></table></div>`;
}
