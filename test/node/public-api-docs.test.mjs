// Every export of every entry point (package.json "exports" with a JavaScript module) is documented: a JSDoc comment on
// its declaration, and an `@example` on every function. Read from the TypeScript sources with the compiler's API, so it
// needs no build. An export that should not be public leaves the entry instead.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

/** `./dist/define/clerk-provider.js` → `src/define/clerk-provider.ts` (the Node emulator builds from src/testing). */
function sourceOf(distFile) {
  const file = distFile.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
  return existsSync(`${root}/${file}`) ? file : undefined;
}

const entries = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'object' && target.import)
  .map(([name, target]) => ({ name, file: sourceOf(target.import) }));

function program() {
  const config = ts.readConfigFile(`${root}/tsconfig.json`, ts.sys.readFile).config;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  return ts.createProgram(
    entries.map((entry) => `${root}/${entry.file}`),
    { ...options, noEmit: true },
  );
}

const isFunction = (declaration) =>
  ts.isFunctionDeclaration(declaration) ||
  (ts.isVariableDeclaration(declaration) &&
    !!declaration.initializer &&
    (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer)));

/** What is missing on one export: `''` when it is documented. */
function missing(checker, exported) {
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const declarations = symbol.declarations ?? [];
  if (!declarations.length) return 'no declaration found';
  const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  if (!doc) return 'no JSDoc';
  if (declarations.some(isFunction) && !symbol.getJsDocTags(checker).some((tag) => tag.name === 'example')) {
    return 'a function without @example';
  }
  return '';
}

describe('the public API is documented', () => {
  it('maps every JavaScript entry point of package.json to its source', () => {
    assert.ok(entries.length >= 10, `only ${entries.length} entries found`);
    assert.deepEqual(
      entries.filter((entry) => !entry.file).map((entry) => entry.name),
      [],
      'entries without a source file in src/',
    );
  });

  it('documents every export of every entry point (JSDoc; functions with @example)', () => {
    const built = program();
    const checker = built.getTypeChecker();
    const undocumented = [];
    let count = 0;
    for (const entry of entries) {
      const source = built.getSourceFile(`${root}/${entry.file}`);
      const module = source && checker.getSymbolAtLocation(source);
      if (!module) continue; // a side-effect module: nothing exported
      for (const exported of checker.getExportsOfModule(module)) {
        count++;
        const why = missing(checker, exported);
        if (why) undocumented.push(`${entry.name} (${entry.file}): ${exported.name}: ${why}`);
      }
    }
    console.log(`${count} exports of ${entries.length} entry points checked`);
    assert.deepEqual(undocumented, [], `undocumented exports:\n${undocumented.join('\n')}`);
  });
});
