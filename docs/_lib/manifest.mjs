// The reference, read from custom-elements.json (named by package.json "customElements") and, for the events' `detail`
// types and whether they can be cancelled, from the TypeScript modules the manifest names for each event class.
import { existsSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { ROOT } from './sources.mjs';

const isPublic = (member) => !member.static && !member.privacy && !member.name.startsWith('#');
const themeToken = (property) => /^Shared theme token/.test(property.description ?? '');

function readManifest() {
  const { customElements = 'custom-elements.json' } = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8'));
  const path = `${ROOT}/${customElements}`;
  if (!existsSync(path)) throw new Error(`${customElements} is missing: run \`npm run manifest\` (docs:build does).`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The TypeScript source of a module the manifest names, parsed once. */
const sources = new Map();
function sourceOf(module) {
  if (!sources.has(module)) {
    const text = readFileSync(`${ROOT}/${module}`, 'utf8');
    sources.set(module, ts.createSourceFile(module, text, ts.ScriptTarget.Latest, true));
  }
  return sources.get(module);
}

const jsDoc = (node) =>
  (node.jsDoc ?? [])
    .map((doc) => (typeof doc.comment === 'string' ? doc.comment : (doc.comment ?? []).map((c) => c.text).join('')))
    .join('\n')
    .trim();

/** Literal-union aliases of a module, spelled out (`MenuCloseReason` → `'escape' | 'tab' | …`). */
function spellAliases(text, file) {
  return text.replace(/\b[A-Z]\w+\b/g, (name) => {
    const alias = file.statements.find((s) => ts.isTypeAliasDeclaration(s) && s.name.text === name);
    return alias ? alias.type.getText().replace(/\s+/g, ' ') : name;
  });
}

/** The fields of a detail type: an interface of the event's module, or a type literal written in place. */
function detailFields(detail, file) {
  if (!detail) return [];
  let members;
  const named = file.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === detail);
  if (named) members = named.members;
  else {
    const literal = ts.createSourceFile('detail.ts', `type Detail = ${detail};`, ts.ScriptTarget.Latest, true);
    const type = literal.statements[0].type;
    if (!ts.isTypeLiteralNode(type)) throw new Error(`docs: cannot read the detail type ${detail}`);
    members = type.members;
  }
  return members.filter(ts.isPropertySignature).map((member) => ({
    name: member.name.getText(),
    type: spellAliases(member.type?.getText().replace(/\s+/g, ' ') ?? 'unknown', file),
    description: jsDoc(member),
  }));
}

/** Whether the event class passes `cancelable: true` to its base, and its own description. */
function eventClass(reference) {
  if (!reference) return { cancelable: false, description: '' };
  const file = sourceOf(reference.module);
  const cls = file.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === reference.name);
  if (!cls) throw new Error(`docs: ${reference.module} has no class ${reference.name}`);
  return { cancelable: /\bcancelable:\s*true\b/.test(cls.getText()), description: jsDoc(cls), file };
}

function readEvent(event) {
  const reference = event.type?.references?.[0];
  const { cancelable, description, file } = eventClass(reference);
  return {
    name: event.name,
    description: event.description ?? description,
    className: event.type?.text,
    classDescription: description,
    detail: event.detail,
    fields: file ? detailFields(event.detail, file) : [],
    cancelable,
  };
}

/** Every registered element (a tag name) with what its page's reference shows. */
export function loadReference() {
  const manifest = readManifest();
  const declarations = manifest.modules.flatMap((mod) =>
    (mod.declarations ?? []).map((d) => ({ ...d, module: mod.path })),
  );
  const elements = declarations
    .filter((d) => d.customElement && d.tagName)
    .map((d) => {
      const members = (d.members ?? []).filter(isPublic);
      const attributes = (d.attributes ?? []).map((attribute) => ({
        ...attribute,
        field: attribute.fieldName,
        default: members.find((m) => m.name === attribute.fieldName)?.default,
      }));
      const withAttribute = new Set(attributes.map((attribute) => attribute.field));
      const cssProperties = d.cssProperties ?? [];
      return {
        tag: d.tagName,
        className: d.name,
        module: d.module,
        summary: d.summary ?? '',
        description: d.description ?? '',
        attributes,
        properties: members.filter((m) => m.kind === 'field' && !withAttribute.has(m.name)),
        methods: members.filter((m) => m.kind === 'method'),
        events: (d.events ?? []).map(readEvent),
        slots: d.slots ?? [],
        cssParts: d.cssParts ?? [],
        cssProperties: cssProperties.filter((property) => !themeToken(property)),
        themed: cssProperties.some(themeToken),
      };
    })
    .sort((a, b) => a.tag.localeCompare(b.tag));
  const events = new Map();
  for (const element of elements) {
    for (const event of element.events) {
      const known = events.get(event.name) ?? {
        ...event,
        description: event.classDescription || event.description,
        firedBy: [],
      };
      known.firedBy.push(element.tag);
      events.set(event.name, known);
    }
  }
  const tokens = [];
  for (const d of declarations)
    for (const p of d.cssProperties ?? []) if (themeToken(p) && !tokens.some((t) => t.name === p.name)) tokens.push(p);
  return { elements, events: [...events.values()], tokens };
}
