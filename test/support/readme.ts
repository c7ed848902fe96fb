// The README's code blocks, as the README shows them: the fenced block right after `<!-- snippet: <id> -->`.
// (test/node/readme-snippets.test.mjs reads the same markers in Node.)

let readme: Promise<string> | undefined;

export async function readmeSnippet(id: string): Promise<string> {
  readme ??= fetch('/README.md').then((response) => response.text());
  const lines = (await readme).split('\n');
  const marker = lines.indexOf(`<!-- snippet: ${id} -->`);
  if (marker < 0) throw new Error(`README.md has no <!-- snippet: ${id} --> marker`);
  const fence = /^(`{3,})\w*$/.exec(lines[marker + 1] ?? '');
  if (!fence) throw new Error(`<!-- snippet: ${id} --> is not followed by a fenced code block`);
  const end = lines.indexOf(fence[1], marker + 2);
  if (end < 0) throw new Error(`the code block of <!-- snippet: ${id} --> is not closed`);
  return lines.slice(marker + 2, end).join('\n') + '\n';
}
