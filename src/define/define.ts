const warned = new Set<string>();

/**
 * Registers a tag once, in a browser. Loading this package twice keeps the first definition instead of throwing; a tag that another
 * class already holds (e.g. @clerk/astro before Core 3 registers `clerk-signed-in`) is reported once, with the way out.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  // A server (Node, an SSR build) has no page: the import defines nothing there, as Lit's own server build does.
  if (typeof window == 'undefined') return;
  const existing = customElements.get(tag);
  if (!existing) return customElements.define(tag, element);
  if (existing === element || warned.has(tag)) return;
  warned.add(tag);
  const name = className(tag);
  console.warn(
    `<${tag}> is already defined by another class (${existing.name || 'anonymous'}), so ${name} is not registered. ` +
      `To use it, take ${name} from clerk-sign-out-elements/elements and register it under a tag of your own: ` +
      `customElements.define('my-${tag}', ${name}).`,
  );
}

/** `clerk-sign-out-button` → `ClerkSignOutButton` (minified builds rename classes, so the name comes from the tag). */
function className(tag: string): string {
  return tag.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}
