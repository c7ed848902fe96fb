// HTML the pages are made of: code blocks, live examples and the generated reference. Every function returns HTML
// with no blank line, so that Markdown keeps it as one block.
import { ALL_SCENARIOS, SCENARIOS } from './scenarios.mjs';

export const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
/** Newlines as character references: the text stays one line of HTML (a textarea or a `<pre>` decodes them). */
const oneLine = (text) => escape(text).replace(/\n/g, '&#10;');
const slug = (text) =>
  text
    .replace(/[^a-z0-9-]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

export function codeBlock(code, language, caption) {
  const figure = caption ? `<figcaption>${caption}</figcaption>` : '';
  return `<figure class="code">${figure}<pre class="language-${language}" tabindex="0"><code>${oneLine(code)}</code></pre></figure>`;
}

/**
 * A live example: the code in an editable textarea, rendered beside it against a FakeClerk in the state the controls
 * say. `scenarios`: the controls offered (space-separated names of SCENARIOS; default all).
 */
export function example(code, { id, scenarios = ALL_SCENARIOS.join(' '), title = 'Example', events = [] }) {
  const names = scenarios.split(/\s+/).filter(Boolean);
  for (const name of names) if (!SCENARIOS[name]) throw new Error(`docs: unknown example state "${name}"`);
  const radios = names
    .map(
      (name, index) =>
        `<label><input type="radio" name="${id}-state" value="${name}"${index === 0 ? ' checked' : ''}> ${SCENARIOS[name]}</label>`,
    )
    .join('');
  const slow = names.includes('slow')
    ? `<button type="button" class="button" data-finish-loading hidden>Let Clerk finish loading</button>`
    : '';
  return (
    // A custom tag starts a Markdown HTML block only when alone on its line.
    `<docs-example id="${id}" class="example" events="${events.join(' ')}">\n` +
    `<section class="example-stage" aria-label="${escape(title)}: live example"><div class="example-preview" data-preview></div></section>` +
    `<div class="example-side">` +
    `<fieldset class="example-controls"><legend>Clerk state</legend>${radios}${slow}<button type="button" class="button" data-reset>Start again</button></fieldset>` +
    `<div class="example-code"><label for="${id}-code">Code <span class="hint">(edit it: the example follows)</span></label>` +
    `<textarea id="${id}-code" class="code-input" spellcheck="false" autocapitalize="off" autocomplete="off" rows="${Math.min(18, code.split('\n').length + 1)}">${oneLine(code)}</textarea></div>` +
    `<div class="example-log-wrap"><h4 class="example-log-title" id="${id}-log-title">Events</h4><div role="log" aria-labelledby="${id}-log-title"><ol class="example-log" data-log></ol></div></div>` +
    `</div></docs-example>`
  );
}

const md = (renderer, text) => (text ? renderer.renderInline(text.replace(/\n/g, ' ')) : '');
const code = (text) => `<code>${escape(text)}</code>`;

function table(caption, headers, rows, id) {
  if (!rows.length) return '';
  const head = headers.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows
    .map(
      (cells) => `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<h3 id="${id}">${caption}</h3><div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

export function detailCell(event, renderer) {
  if (!event.detail) return '<em>none</em>';
  if (!event.fields.length) return code(event.detail);
  return `<ul class="fields">${event.fields.map((f) => `<li>${code(f.name)}: ${code(f.type)}${f.description ? `<br><span class="small">${md(renderer, f.description)}</span>` : ''}</li>`).join('')}</ul>`;
}

/** The reference part of an element's page, from the manifest. Ids: `attr-…`, `prop-…`, `event-…`, `slot-…`, `part-…`, `css-…`, `method-…`. */
export function elementReference(element, renderer) {
  const t = element.tag;
  const parts = [`<h2 id="reference">Reference</h2>`];
  parts.push(
    `<p>Generated from <code>custom-elements.json</code>: class ${code(element.className)}. ${md(renderer, element.summary)}</p>`,
  );
  parts.push(
    table(
      'Attributes',
      ['attribute', 'property', 'type', 'default', 'meaning'],
      element.attributes.map((a) => [
        `<span id="attr-${slug(a.name)}">${code(a.name)}</span>`,
        code(a.field ?? ''),
        code(a.type?.text ?? ''),
        a.default ? code(a.default) : '',
        md(renderer, a.description),
      ]),
      `${t}-attributes`,
    ),
  );
  parts.push(
    table(
      'Properties',
      ['property', 'type', 'default', 'meaning'],
      element.properties.map((p) => [
        `<span id="prop-${slug(p.name)}">${code('.' + p.name)}</span>${p.readonly ? ' <span class="badge">read-only</span>' : ''}`,
        code(p.type?.text ?? ''),
        p.default ? code(p.default) : '',
        md(renderer, p.description),
      ]),
      `${t}-properties`,
    ),
  );
  parts.push(
    table(
      'Methods',
      ['method', 'returns', 'meaning'],
      element.methods.map((m) => [
        `<span id="method-${slug(m.name)}">${code(`${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.type ? `: ${p.type.text}` : ''}`).join(', ')})`)}</span>`,
        code(m.return?.type?.text ?? 'void'),
        md(renderer, m.description),
      ]),
      `${t}-methods`,
    ),
  );
  parts.push(
    table(
      'Events',
      ['event', 'cancelable', '<code>detail</code>', 'when'],
      element.events.map((e) => [
        `<span id="event-${slug(e.name)}">${code(e.name)}</span> <a class="small" href="/events/#event-${slug(e.name)}">(all events)</a>`,
        e.cancelable ? 'yes' : 'no',
        detailCell(e, renderer),
        md(renderer, e.description),
      ]),
      `${t}-events`,
    ),
  );
  parts.push(
    table(
      'Slots',
      ['slot', 'meaning'],
      element.slots.map((s) => [
        `<span id="slot-${slug(s.name || 'default')}">${s.name ? code(s.name) : '(default)'}</span>`,
        md(renderer, s.description),
      ]),
      `${t}-slots`,
    ),
  );
  parts.push(
    table(
      'CSS parts',
      ['part', 'meaning'],
      element.cssParts.map((p) => [
        `<span id="part-${slug(p.name)}">${code(p.name)}</span>`,
        md(renderer, p.description),
      ]),
      `${t}-parts`,
    ),
  );
  parts.push(
    table(
      'CSS custom properties',
      ['property', 'meaning'],
      element.cssProperties.map((p) => [
        `<span id="css-${slug(p.name)}">${code(p.name)}</span>`,
        md(renderer, p.description),
      ]),
      `${t}-css-properties`,
    ) + (element.themed ? `<p>Also the shared <a href="/theming/#tokens">theme tokens</a>.</p>` : ''),
  );
  return parts.join('');
}

/** Every event, with the elements that fire it and its detail's fields. */
export function eventsReference(events, renderer) {
  const rows = events
    .map(
      (e) =>
        `<tr id="event-${slug(e.name)}"><th scope="row">${code(e.name)}<br><span class="small">${code(e.className)}</span></th><td>${e.cancelable ? 'yes' : 'no'}</td><td>${detailCell(e, renderer)}</td><td>${md(renderer, e.description)}<br><span class="small">From ${e.firedBy.map((tag) => `<a href="/elements/${tag}/">${code(`<${tag}>`)}</a>`).join(', ')}.</span></td></tr>`,
    )
    .join('');
  return `<div class="table-wrap"><table class="events"><thead><tr><th scope="col">event (class)</th><th scope="col">cancelable</th><th scope="col"><code>detail</code></th><th scope="col">when</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

export function tokensTable(tokens, renderer) {
  const rows = tokens
    .map(
      (t) =>
        `<tr id="token-${slug(t.name)}"><th scope="row">${code(t.name)}</th><td>${code(t.default ?? '')}</td><td>${md(renderer, t.description)}</td></tr>`,
    )
    .join('');
  return `<div class="table-wrap"><table><thead><tr><th scope="col">token</th><th scope="col">default</th><th scope="col">meaning</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

export function partsTable(elements) {
  const rows = elements
    .filter((e) => e.cssParts.length)
    .map(
      (e) =>
        `<tr><th scope="row"><a href="/elements/${e.tag}/#${e.tag}-parts">${code(`<${e.tag}>`)}</a></th><td>${e.cssParts.map((p) => code(p.name)).join(', ')}</td></tr>`,
    )
    .join('');
  return `<div class="table-wrap"><table><thead><tr><th scope="col">element</th><th scope="col">parts</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The theme tokens as inputs, applied to the live example below them; the CSS they make is shown to copy. */
export function tokenPlayground(tokens, exampleHtml) {
  const inputs = tokens
    .map((t) => {
      const id = `token-input-${slug(t.name)}`;
      const color = /^#[0-9a-f]{6}$/i.test(t.default ?? '');
      const input = color
        ? `<input id="${id}" type="color" data-token="${t.name}" value="${t.default}">`
        : `<input id="${id}" type="text" data-token="${t.name}" placeholder="${escape(t.default ?? '')}">`;
      return `<label for="${id}"><code>${escape(t.name)}</code>${input}</label>`;
    })
    .join('');
  return (
    `<docs-token-playground class="playground">\n` +
    `<fieldset class="playground-tokens"><legend>Theme tokens</legend>${inputs}</fieldset>` +
    `<p><button type="button" class="button" data-reset-tokens>Reset the tokens</button></p>` +
    exampleHtml +
    `<figure class="code"><figcaption>Your theme, to copy</figcaption><pre tabindex="0"><code data-css></code></pre></figure>` +
    `</docs-token-playground>`
  );
}

/** Every element with its summary, linking to its page. */
export function elementsTable(elements, renderer) {
  const rows = elements
    .map(
      (e) =>
        `<tr><th scope="row"><a href="/elements/${e.tag}/">${code(`<${e.tag}>`)}</a></th><td>${md(renderer, e.summary)}</td></tr>`,
    )
    .join('');
  return `<div class="table-wrap"><table><thead><tr><th scope="col">element</th><th scope="col">what it does</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
