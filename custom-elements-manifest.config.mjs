// custom-elements.json: every tag, attribute, property, event, slot, CSS part and CSS property, read from the JSDoc
// on the element classes. Run by `npm run build` (and `npm run manifest`); scripts/framework-types.mjs reads it.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/testing/**', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself ("customElements"); the analyzer would rewrite the package.json of the
  // folder it runs from (tools/check-elements.mjs runs it in-process, from anywhere).
  packagejson: false,
  plugins: [projectConventions()],
};

/**
 * Teaches the analyzer the conventions of this package:
 * - tags are registered through `define('clerk-…', Class)` in src/define/, not `customElements.define` in the class file;
 * - events are classes in src/contract/events.ts (`static get type() { return 'signed-out' as const; }`, `extends CustomEvent<Detail>` or `Event`), dispatched as
 *   `new SignedOutEvent(detail)`. The analyzer cannot name those, so each event gets its class and detail type from there,
 *   and the names it guesses from constructor arguments are dropped;
 * - `state: true` entries of `static properties` are the element's own state: readable, never an input, so they are
 *   marked `readonly` and have no attribute;
 * - string-literal type aliases (`SignOutScope`) are spelled out (`'all' | 'current'`) so editors can offer the values;
 * - the shared theme tokens of src/styles/theme.ts are listed as CSS properties of every element styled with `theme`.
 */
function projectConventions() {
  const tags = new Map(); // class name -> tag
  const events = new Map(); // event name -> { className, detail, module }
  const stateFields = new Map(); // class name -> Set of state field names
  const literalAliases = new Map(); // type alias name -> "'a' | 'b'"
  const themed = new Set(); // class names whose styles include `theme`
  let themeTokens = []; // [{ name, default }] in the order of theme.ts (light defaults)
  return {
    name: 'clerk-sign-out-elements-conventions',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isSourceFile(node) && moduleDoc.path === 'src/styles/theme.ts') {
        const seen = new Map();
        for (const [, name, value] of node.text.matchAll(/var\((--clerk-[\w-]+),\s*([^;]+?)\);/g))
          if (!seen.has(name)) seen.set(name, value);
        themeTokens = [...seen].map(([name, value]) => ({
          name,
          default: value,
          description: 'Shared theme token (light default; dark follows prefers-color-scheme).',
        }));
      }
      if (ts.isCallExpression(node) && node.expression.getText() === 'define') {
        const [tag, element] = node.arguments;
        if (tag && element && ts.isStringLiteral(tag) && ts.isIdentifier(element)) {
          tags.set(element.text, tag.text);
          moduleDoc.exports = [
            ...(moduleDoc.exports ?? []),
            { kind: 'custom-element-definition', name: tag.text, declaration: { name: element.text } },
          ];
        }
      }
      if (ts.isTypeAliasDeclaration(node) && ts.isUnionTypeNode(node.type)) {
        const literals = node.type.types.every(
          (type) => ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal),
        );
        if (literals) literalAliases.set(node.name.text, node.type.getText());
      }
      if (ts.isClassDeclaration(node) && node.name) {
        // `static properties = { name: { state: true }, … }`: the element's own reactive state.
        const properties = node.members.find(
          (member) => member.name?.getText() === 'properties' && ts.isPropertyDeclaration(member),
        )?.initializer;
        const states = ts.isObjectLiteralExpression(properties ?? {})
          ? properties.properties
              .filter((entry) => /\bstate:\s*true\b/.test(entry.initializer?.getText() ?? ''))
              .map((entry) => entry.name.getText())
          : [];
        stateFields.set(node.name.text, new Set(states));
        const styles = node.members.find(
          (member) => member.name?.getText() === 'styles' && ts.isPropertyDeclaration(member),
        );
        if (styles?.initializer && /\btheme\b/.test(styles.initializer.getText())) themed.add(node.name.text);
        const base = node.heritageClauses?.[0]?.types[0];
        const typeName = eventTypeName(ts, node);
        const baseName = base?.expression.getText();
        if ((baseName === 'CustomEvent' || baseName === 'Event') && typeName) {
          events.set(typeName, {
            className: node.name.text,
            detail:
              baseName === 'Event' ? undefined : (base.typeArguments?.[0]?.getText().replace(/\s+/g, ' ') ?? 'unknown'),
            module: moduleDoc.path,
          });
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const declarations = customElementsManifest.modules.flatMap((mod) =>
        (mod.declarations ?? []).map((d) => [mod, d]),
      );
      const moduleOf = new Map(declarations.map(([mod, d]) => [d.name, mod.path]));
      for (const mod of customElementsManifest.modules) {
        for (const entry of mod.exports ?? []) {
          if (entry.kind === 'custom-element-definition')
            entry.declaration.module = moduleOf.get(entry.declaration.name);
        }
        // Drops `customElements.define(tag, element)` inside define() itself: its arguments are variables, not a tag.
        mod.exports = mod.exports?.filter(
          (entry) => entry.kind !== 'custom-element-definition' || entry.declaration.module,
        );
      }
      for (const [, declaration] of declarations) {
        const tag = tags.get(declaration.name);
        if (tag) Object.assign(declaration, { tagName: tag, customElement: true });
        if (themed.has(declaration.name))
          declaration.cssProperties = [...(declaration.cssProperties ?? []), ...themeTokens];
        const isState = (item) => stateFields.get(item.inheritedFrom?.name ?? declaration.name)?.has(item.name);
        // The analyzer counts state entries of `static properties` as attributes; they are not inputs.
        declaration.attributes = declaration.attributes?.filter(
          (attribute) => !isState({ ...attribute, name: attribute.fieldName }),
        );
        for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
          if (item.privacy === 'public') delete item.privacy; // the default; written only for `static properties` fields
          if (isState(item)) {
            item.readonly = true;
            delete item.attribute;
          }
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
            if (known.detail) merged.detail = known.detail; // the detail's type, for docs and typings
          }
          byName.set(event.name, merged);
        }
        declaration.events = [...byName.values()];
      }
    },
  };
}

/** An event class's name: the string its `static get type()` returns (`'signed-out' as const`). */
function eventTypeName(ts, node) {
  const getter = node.members.find((member) => ts.isGetAccessorDeclaration(member) && member.name.getText() === 'type');
  const returned = getter?.body?.statements.find(ts.isReturnStatement)?.expression;
  const literal = returned && ts.isAsExpression(returned) ? returned.expression : returned;
  return literal && ts.isStringLiteral(literal) ? literal.text : undefined;
}
