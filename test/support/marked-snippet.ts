// Code blocks as a page shows them: the fenced block right after `<!-- snippet: <id> -->` in README.md or a docs page
// (docs/*.md). test/node/readme-snippets.test.mjs and docs/_lib/sources.mjs read the same markers in Node.

const pages = new Map<string, Promise<string>>();

/** The block marked `<!-- snippet: id -->` in `file` (a path from the repository root), as written there. */
export async function markedSnippet(file: 'README.md' | `docs/${string}.md`, id: string): Promise<string> {
  if (!pages.has(file))
    pages.set(
      file,
      fetch(`/${file}`).then((response) => response.text()),
    );
  const lines = (await pages.get(file)!).split('\n');
  const marker = lines.indexOf(`<!-- snippet: ${id} -->`);
  if (marker < 0) throw new Error(`${file} has no <!-- snippet: ${id} --> marker`);
  const fence = /^(`{3,})\w*$/.exec(lines[marker + 1] ?? '');
  if (!fence) throw new Error(`<!-- snippet: ${id} --> in ${file} is not followed by a fenced code block`);
  const end = lines.indexOf(fence[1], marker + 2);
  if (end < 0) throw new Error(`the code block of <!-- snippet: ${id} --> in ${file} is not closed`);
  return lines.slice(marker + 2, end).join('\n') + '\n';
}
