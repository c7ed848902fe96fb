// Small HTML passes of the docs build: heading ids, relative URLs, and the text the search indexes.

export const slugify = (text) =>
  text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z]+;|&#\d+;/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** markdown-it: every heading gets an id from its text (unique within the page), so every section can be linked. */
export function headingIds(md) {
  md.core.ruler.push('heading-ids', (state) => {
    const used = new Set();
    state.tokens.forEach((token, index) => {
      if (token.type !== 'heading_open' || token.attrGet('id')) return;
      const base = slugify(state.tokens[index + 1].content) || 'section';
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      token.attrSet('id', id);
    });
  });
  return md;
}

/** Root-relative `href`, `src` and `action` values, made relative to the page at `url`. */
export function relativeUrls(html, url) {
  const depth = url.split('/').filter(Boolean).length - (url.endsWith('/') ? 0 : 1);
  const up = depth > 0 ? '../'.repeat(depth) : './';
  return html.replace(/\b(href|src|action)="\/(?!\/)([^"]*)"/g, (_, attribute, path) => `${attribute}="${up}${path}"`);
}

const text = (html) =>
  html
    .replace(/<(script|style|textarea|svg)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#10;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** The page's sections (split at h2/h3 with ids) as search documents: `{ id, url, page, title, text }`. */
export function searchSections(html, url) {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1];
  if (!main || /data-pagefind-ignore|data-no-search/.test(html.slice(0, 2000))) return [];
  const page = text(/<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(main)?.[1] ?? '');
  const pieces = main.split(/(?=<h[23]\b[^>]*\bid=")/);
  return pieces
    .map((piece, index) => {
      const heading = /^<h[23]\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/h[23]>/.exec(piece);
      return {
        id: `${url}#${index}`,
        url: heading ? `${url}#${heading[1]}` : url,
        page,
        title: heading ? text(heading[2]) : page,
        text: text(heading ? piece.slice(heading[0].length) : piece).slice(0, 4000),
      };
    })
    .filter((section) => section.text || section.title);
}
