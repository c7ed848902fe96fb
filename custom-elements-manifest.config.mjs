// custom-elements.json: every tag, attribute, property, event, slot, CSS part and CSS property, read from the JSDoc
// on the element classes. Run by `npm run build` (and `npm run manifest`); scripts/framework-types.mjs reads it.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/testing/**', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  plugins: [projectConventions()],
};

/**
 * Teaches the analyzer the conventions of this package:
 * - tags are registered through `define('clerk-…', Class)` in src/define/, not `customElements.define` in the class file;
 * - events are classes in src/events.ts (`static readonly type = 'signed-out'`, `extends CustomEvent<Detail>`), dispatched as
 *   `new SignedOutEvent(detail)`. The analyzer cannot name those, so each event gets its class and detail type from there,
 *   and the names it guesses from constructor arguments are dropped;
 * - `@state()` fields are the element's own state: readable, never an input, so they are marked `readonly`;
 * - string-literal type aliases (`SignOutScope`) are spelled out (`'all' | 'current'`) so editors can offer the values.
 */
function projectConventions() {
  const tags = new Map(); // class name -> tag
  const events = new Map(); // event name -> { className, detail, module }
  const stateFields = new Map(); // class name -> Set of @state() field names
  const literalAliases = new Map(); // type alias name -> "'a' | 'b'"
  return {
    name: 'clerk-sign-out-elements-conventions',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isCallExpression(node) && node.expression.getText() === 'define') {
        const [tag, element] = node.arguments;
        if (tag && element && ts.isStringLiteral(tag) && ts.isIdentifier(element)) {
          tags.set(element.text, tag.text);
          moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tag.text, declaration: { name: element.text } }];
        }
      }
      if (ts.isTypeAliasDeclaration(node) && ts.isUnionTypeNode(node.type)) {
        const literals = node.type.types.every((type) => ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal));
        if (literals) literalAliases.set(node.name.text, node.type.getText());
      }
      if (ts.isClassDeclaration(node) && node.name) {
        const decorated = (member, name) => ts.getDecorators?.(member)?.some((d) => d.expression.getText().startsWith(`${name}(`));
        const states = node.members.filter((member) => decorated(member, 'state')).map((member) => member.name.getText());
        stateFields.set(node.name.text, new Set(states));
        const base = node.heritageClauses?.[0]?.types[0];
        const typeMember = node.members.find((member) => ts.isPropertyDeclaration(member) && member.name.getText() === 'type');
        if (base?.expression.getText() === 'CustomEvent' && typeMember?.initializer && ts.isStringLiteral(typeMember.initializer)) {
          events.set(typeMember.initializer.text, {
            className: node.name.text,
            detail: base.typeArguments?.[0]?.getText().replace(/\s+/g, ' ') ?? 'unknown',
            module: moduleDoc.path,
          });
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const declarations = customElementsManifest.modules.flatMap((mod) => (mod.declarations ?? []).map((d) => [mod, d]));
      const moduleOf = new Map(declarations.map(([mod, d]) => [d.name, mod.path]));
      for (const mod of customElementsManifest.modules) {
        for (const entry of mod.exports ?? []) {
          if (entry.kind === 'custom-element-definition') entry.declaration.module = moduleOf.get(entry.declaration.name);
        }
        // Drops `customElements.define(tag, element)` inside define() itself: its arguments are variables, not a tag.
        mod.exports = mod.exports?.filter((entry) => entry.kind !== 'custom-element-definition' || entry.declaration.module);
      }
      for (const [, declaration] of declarations) {
        const tag = tags.get(declaration.name);
        if (tag) Object.assign(declaration, { tagName: tag, customElement: true });
        for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
          if (stateFields.get(item.inheritedFrom?.name ?? declaration.name)?.has(item.name)) item.readonly = true;
          const [alias, ...rest] = item.type?.text.split(' | ') ?? [];
          if (literalAliases.has(alias)) item.type.text = [literalAliases.get(alias), ...rest].join(' | ');
        }
        if (!declaration.events) continue;
        const byName = new Map();
        for (const event of declaration.events) {
          const known = events.get(event.name);
          if (!known && !event.description) continue; // a name guessed from `new XEvent(arg)`
          const merged = { ...byName.get(event.name), ...event };
          if (known) {
            merged.type = { text: known.className, references: [{ name: known.className, module: known.module }] };
            merged.detail = known.detail; // read by scripts/framework-types.mjs
          }
          byName.set(event.name, merged);
        }
        declaration.events = [...byName.values()];
      }
    },
  };
}
