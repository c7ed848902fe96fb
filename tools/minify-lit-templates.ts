// Vite/rolldown plugin for both builds: shrinks the text of Lit's css`` and html`` templates in our own sources.
// Minifiers never touch template text, and indentation is a large share of the CDN module (see bench/README.md).
// Only whitespace and CSS comments go; the rendered result (CSS rules, DOM, attribute values) stays the same.
import MagicString from 'magic-string';
import { parseSync, Visitor, type Plugin } from 'vite';
import { minifyCss, minifyHtml, whitespaceMatters } from './minify-template-text.js';

const TAGS = new Set(['css', 'html']);

export function minifyLitTemplates(): Plugin {
  return {
    name: 'minify-lit-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html)`/.test(code)) return null;
      const edits: Array<{ start: number; end: number; text: string }> = [];
      new Visitor({
        TaggedTemplateExpression(node) {
          if (node.tag.type !== 'Identifier' || !TAGS.has(node.tag.name)) return;
          const minify = node.tag.name === 'css' ? minifyCss : (raw: string) => minifyHtml(raw);
          const quasis = node.quasi.quasis;
          // In CSS, whitespace is never content outside strings (kept), even where a rule sets `white-space`.
          if (node.tag.name === 'html' && whitespaceMatters(quasis.map((quasi) => quasi.value.raw))) return;
          quasis.forEach((quasi, index) => {
            // A quasi's span includes its delimiters: ` or } before it, ` or ${ after it.
            const start = quasi.start + 1;
            const end = quasi.end - (quasi.tail ? 1 : 2);
            const raw = code.slice(start, end);
            if (raw !== quasi.value.raw) throw new Error(`minify-lit-templates: unexpected template span in ${id}`);
            const edge = { first: index === 0, last: index === quasis.length - 1 };
            const text = minify(raw, edge);
            if (text !== raw) edits.push({ start, end, text });
          });
        },
      }).visit(parseSync(id, code).program);
      if (!edits.length) return null;
      const out = new MagicString(code);
      for (const edit of edits) out.overwrite(edit.start, edit.end, edit.text);
      return { code: out.toString(), map: out.generateMap({ hires: true, source: id }) };
    },
  };
}
