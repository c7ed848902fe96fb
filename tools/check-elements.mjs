// `npm run check:elements`: every element is registered by one file, src/define/<tag>.ts. The npm build's entries
// follow from that folder (vite.config.ts); the lists below cannot, so this fails when one of them does not name the
// same tags, and says which file to edit and how.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

/** Tags that src/no-flash.css leaves visible until they are defined, and why. */
export const SHOWN_UNTIL_DEFINED = {
  'clerk-provider': 'it wraps the page: hiding it would hide the page',
  'clerk-active-devices': 'it has no slot: nothing inside it can show before it is defined',
  'clerk-loading': 'its children are what shows while Clerk loads, and until it is defined Clerk is still loading',
  'clerk-idle-sign-out':
    'its only content is the sentence saying how long inactivity may last, true whether anyone is signed in or not',
};

/**
 * The registration files: `src/define/<tag>.ts` (all of src/define/ but define.ts, their helper), each read for
 * `import { Class } from '…'`, `define('<tag>', Class)`, `export { Class }` and its `HTMLElementTagNameMap` entry.
 */
export function readRegistrations(root) {
  const problems = [];
  const registrations = [];
  const files = readdirSync(join(root, 'src/define')).filter((file) => file.endsWith('.ts') && file !== 'define.ts');
  for (const name of files.sort()) {
    const file = `src/define/${name}`;
    const tag = name.slice(0, -'.ts'.length);
    const source = parse(root, file);
    const call = source.statements
      .filter(ts.isExpressionStatement)
      .map((statement) => statement.expression)
      .find((call) => ts.isCallExpression(call) && call.expression.getText(source) === 'define');
    const [tagArgument, classArgument] = call?.arguments ?? [];
    // The file's name is the tag, whatever is wrong inside it, so the other lists are checked against it all the same.
    const registration = { tag, file };
    registrations.push(registration);
    if (!tagArgument || !ts.isStringLiteral(tagArgument) || !classArgument || !ts.isIdentifier(classArgument)) {
      problems.push(`${file}: register the element with define('${tag}', ClassName) (a string literal and a class)`);
      continue;
    }
    if (tagArgument.text !== tag)
      problems.push(
        `${file}: it registers <${tagArgument.text}>: name the file after its tag (src/define/${tagArgument.text}.ts)`,
      );
    const className = classArgument.text;
    registration.className = className;
    const module = importsOf(source).get(className);
    // The class's module as src/elements.ts names it.
    if (module) registration.classModule = `./${posix.join('define', module)}`;
    else problems.push(`${file}: import ${className} from its own module (import { ${className} } from '../…/….js')`);
    if (!exportsOf(source).has(className)) problems.push(`${file}: add export { ${className} };`);
    if (!interfaceKeys(source, 'HTMLElementTagNameMap').includes(tag))
      problems.push(`${file}: add '${tag}': ${className}; to HTMLElementTagNameMap (in declare global)`);
  }
  return { registrations, problems };
}

/** custom-elements.json as `npm run manifest` makes it (custom-elements-manifest.config.mjs), without writing it. */
export async function analyzeManifest(root) {
  const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
  return cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true });
}

/** Every list that must name each registered element, checked against src/define/. Returns the problems found. */
export async function checkElementLists(root, manifest) {
  const { registrations, problems } = readRegistrations(root);
  const tags = new Set(registrations.map((registration) => registration.tag));
  const context = {
    root,
    manifest,
    registrations,
    tags,
    unregistered: (tag) => !tags.has(tag),
    packageJson: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')),
  };
  for (const check of [packageJsonLists, entryModules, manifestAndTypings, noFlashRules, budgetEntries])
    problems.push(...(await check(context)));
  return { tags: [...tags], problems };
}

/** package.json "exports" (`./<tag>.js`, and nothing else into dist/define/) and "sideEffects". */
function packageJsonLists({ registrations, unregistered, packageJson: { exports, sideEffects } }) {
  const problems = [];
  for (const { tag } of registrations) {
    const expected = { types: `./dist/define/${tag}.d.ts`, import: `./dist/define/${tag}.js` };
    if (JSON.stringify(exports[`./${tag}.js`]) !== JSON.stringify(expected))
      problems.push(
        `package.json "exports": ${`./${tag}.js` in exports ? 'set' : 'add'} "./${tag}.js": { "types": "${expected.types}", "import": "${expected.import}" }`,
      );
  }
  for (const [key, target] of Object.entries(exports)) {
    const tag = JSON.stringify(target).match(/\.\/dist\/define\/([^"/]+)\.js"/)?.[1];
    if (tag && unregistered(tag)) problems.push(`package.json "exports": remove "${key}" (no src/define/${tag}.ts)`);
  }
  // Bundlers keep a registration only when a pattern matches it.
  for (const { tag } of registrations) {
    for (const path of [`./dist/define/${tag}.js`, `./src/define/${tag}.ts`]) {
      if (!sideEffects.some((pattern) => globMatches(pattern, path)))
        problems.push(
          `package.json "sideEffects": add "${path}" (or a pattern matching it): bundlers would drop <${tag}>'s registration`,
        );
    }
  }
  return problems;
}

/** src/index.ts (the package's entry and the CDN module's: it registers every element) and src/elements.ts (the same
 * classes, from their own modules, registering nothing). */
function entryModules({ root, registrations, unregistered }) {
  const problems = [];
  const index = exportedNamesByModule(parse(root, 'src/index.ts'));
  for (const { tag, className } of registrations) {
    const names = index.get(`./define/${tag}.js`);
    if (!names || (className && !names.has(className)))
      problems.push(`src/index.ts: add export { ${className ?? 'ClassName'} } from './define/${tag}.js';`);
  }
  for (const module of index.keys()) {
    const tag = module.match(/^\.\/define\/(.+)\.js$/)?.[1];
    if (tag && unregistered(tag))
      problems.push(`src/index.ts: remove the export from '${module}' (no src/define/${tag}.ts)`);
  }
  const elements = exportedNamesByModule(parse(root, 'src/elements.ts'));
  for (const { className, classModule } of registrations) {
    if (className && classModule && !elements.get(classModule)?.has(className))
      problems.push(`src/elements.ts: add export { ${className} } from '${classModule}';`);
  }
  const classNames = new Set(registrations.map((registration) => registration.className));
  // (Not while a registration file names no class: it is reported already, and is likely one of these.)
  for (const [module, names] of classNames.has(undefined) ? [] : elements) {
    for (const name of names) {
      if (!classNames.has(name))
        problems.push(
          `src/elements.ts: remove export { ${name} } from '${module}' (no src/define/ file registers ${name})`,
        );
    }
  }
  return problems;
}

/** custom-elements.json (made from the define() calls by custom-elements-manifest.config.mjs), and the React and Vue
 * typings made from it. */
function manifestAndTypings({ root, manifest, registrations, tags, unregistered }) {
  const problems = [];
  const manifestTags = manifest.modules.flatMap((mod) => mod.declarations ?? []).flatMap((d) => d.tagName ?? []);
  for (const { tag, className, file } of registrations) {
    if (!manifestTags.includes(tag))
      problems.push(
        `custom-elements.json: <${tag}> is missing: the analyzer (custom-elements-manifest.config.mjs) found no class ${className ?? ''} in src/ for ${file}`,
      );
  }
  for (const tag of manifestTags.filter(unregistered))
    problems.push(
      `custom-elements.json: <${tag}> has no src/define/${tag}.ts: register it there, or remove its define() call`,
    );
  for (const [file, name] of [
    ['src/types/react.d.ts', 'IntrinsicElements'],
    ['src/types/vue.d.ts', 'GlobalComponents'],
  ]) {
    const typed = interfaceKeys(parse(root, file), name);
    const missing = [...tags].filter((tag) => !typed.includes(tag)).map((tag) => `<${tag}> missing`);
    const extra = typed.filter(unregistered).map((tag) => `<${tag}> unregistered`);
    if (missing.length || extra.length)
      problems.push(`${file}: run npm run types and commit src/types/ (${[...missing, ...extra].join(', ')})`);
  }
  return problems;
}

/** src/no-flash.css: its first rule hides each element until it is defined, and every tag it names must exist; the
 * one-line <style> of the README and of the getting-started page copies that first rule. */
function noFlashRules({ root, tags, unregistered }) {
  const problems = [];
  const css = readFileSync(join(root, 'src/no-flash.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const rules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].map(([, selector, body]) => ({ selector, body }));
  const hiding = rules.find((rule) => /display:\s*none/.test(rule.body));
  const hidden = hiding ? selectorTags(hiding.selector) : [];
  for (const tag of tags) {
    if (!hidden.includes(tag) && !(tag in SHOWN_UNTIL_DEFINED))
      problems.push(
        `src/no-flash.css: add ${tag} to the first rule's :is(…), which hides each element until it is defined (or, if nothing inside <${tag}> can show before then, add it to SHOWN_UNTIL_DEFINED in tools/check-elements.mjs with the reason)`,
      );
  }
  for (const tag of new Set(rules.flatMap((rule) => selectorTags(rule.selector)).filter(unregistered)))
    problems.push(`src/no-flash.css: remove ${tag} (no src/define/${tag}.ts)`);
  for (const page of ['README.md', 'docs/getting-started.md']) {
    const text = readFileSync(join(root, page), 'utf8');
    for (const match of text.matchAll(/:is\(([^)]*)\):not\(:defined\)/g)) {
      const listed = match[1].split(',').map((tag) => tag.trim());
      if (!listed.some((tag) => tags.has(tag)) || sameSet(listed, hidden)) continue;
      const line = text.slice(0, match.index).split('\n').length;
      problems.push(
        `${page}:${line}: list the tags of src/no-flash.css's first rule, :is(${hidden.join(', ')}), not :is(${listed.join(', ')})`,
      );
    }
  }
  return problems;
}

/** bench/budgets.mjs: the entries an app's bundle is measured with must be ones the package exports. */
async function budgetEntries({ root, packageJson }) {
  const { NPM_BUDGET_ENTRIES } = await import(pathToFileURL(join(root, 'bench/budgets.mjs')).href);
  return [...new Set(Object.values(NPM_BUDGET_ENTRIES).flat())]
    .filter((entry) => !(`./${entry}` in packageJson.exports))
    .map((entry) => `bench/budgets.mjs: NPM_BUDGET_ENTRIES names ${entry}, which package.json "exports" lacks`);
}

function parse(root, file) {
  return ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

/** `import { A, B } from 'm'` → A → 'm', B → 'm'. */
function importsOf(source) {
  const modules = new Map();
  for (const statement of source.statements.filter(ts.isImportDeclaration)) {
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings))
      for (const element of bindings.elements) modules.set(element.name.text, statement.moduleSpecifier.text);
  }
  return modules;
}

/** The names of `export { … }` without a module. */
function exportsOf(source) {
  return exportedNamesByModule(source).get(undefined) ?? new Set();
}

/** `export { A, type B } from 'm'` → 'm' → {A} (types left out). */
function exportedNamesByModule(source) {
  const byModule = new Map();
  for (const statement of source.statements.filter(ts.isExportDeclaration)) {
    if (statement.isTypeOnly || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    const module = statement.moduleSpecifier?.text;
    const names = byModule.get(module) ?? new Set();
    for (const element of statement.exportClause.elements) if (!element.isTypeOnly) names.add(element.name.text);
    byModule.set(module, names);
  }
  return byModule;
}

/** The quoted property names of every `interface <name>` in the file, at any depth (declare global, modules). */
function interfaceKeys(source, name) {
  const keys = [];
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === name) {
      for (const member of node.members)
        if (member.name && ts.isStringLiteral(member.name)) keys.push(member.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return keys;
}

/** The element names in a CSS selector (attribute selectors and pseudo-classes left out). */
function selectorTags(selector) {
  const bare = selector.replace(/\[[^\]]*\]/g, ' ').replace(/::?[\w-]+/g, ' ');
  return [...new Set(bare.match(/\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b/g) ?? [])];
}

/** package.json "sideEffects" patterns: `*` is any name within one folder, `**` any path. */
function globMatches(pattern, path) {
  const source = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

function sameSet(a, b) {
  return a.length === b.length && a.every((item) => b.includes(item));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { tags, problems } = await checkElementLists(root, await analyzeManifest(root));
  if (problems.length) {
    console.error(`Out of step with src/define/ (${tags.length} elements): edit these lists.`);
    for (const problem of problems) console.error(`- ${problem}`);
    process.exit(1);
  }
  console.log(`${tags.length} elements (src/define/): every list that names them is in step.`);
}
