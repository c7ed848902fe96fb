// The text rules of tools/minify-lit-templates.ts, without build-tool imports so a browser test can check them.

/** html`` templates where whitespace is content (`<pre>`, `<textarea>`, a `white-space` rule) are left as written. */
export function whitespaceMatters(parts: readonly string[]): boolean {
  return parts.some((part) => /<pre|<textarea|white-space/i.test(part));
}

const CSS_STRING = /('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/;
const CSS_STRING_OR_COMMENT = /('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")|\/\*[\s\S]*?\*\//g;

/**
 * CSS: drops comments and whitespace that CSS ignores (around `{ } ; : , >` and before `}`), collapses the rest to one
 * space. Spaces around `+`, `-`, `~` and `/` stay (calc() and shorthand values need them), as does a space before `:`
 * (`a :hover` is not `a:hover`). Kept as written: quoted strings, and the values of custom properties and of
 * declarations using var(), which the browser keeps as written, whitespace included (only their ends are trimmed).
 * A part with a string cut by an interpolation (an unbalanced quote) is returned as written.
 */
export function minifyCss(raw: string, edge: { first: boolean; last: boolean } = { first: true, last: true }): string {
  const parts = raw.replace(CSS_STRING_OR_COMMENT, (_comment, string?: string) => string ?? ' ').split(CSS_STRING);
  let text = '';
  for (let i = 0; i < parts.length; i += 2) {
    const code = parts[i] ?? '';
    if (/['"]/.test(code)) return raw;
    const kept: string[] = [];
    const keep = (value: string) => `\0${kept.push(value) - 1}\0`;
    text += code
      .replace(/([\w-]+)\s*:\s*([^;{}]*)/g, (declaration, name: string, value: string) =>
        name.startsWith('--') || value.includes('var(') ? `${name}:${keep(value.trim())}` : declaration,
      )
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}')
      .replace(/\0(\d+)\0/g, (_, index: string) => kept[Number(index)]);
    text += parts[i + 1] ?? '';
  }
  if (edge.first) text = text.replace(/^ /, '');
  if (edge.last) text = text.replace(/ $/, '');
  return text;
}

/** HTML: a run of whitespace that contains a line break becomes one space, which renders the same (white-space: normal). */
export function minifyHtml(raw: string): string {
  return raw.replace(/[ \t]*[\r\n]\s*/g, ' ');
}
