// What the page announces, in terms of roles and visibility only (never an element's internals): every element with
// role="alert" or role="status" that has text, is rendered, and is not hidden from the accessibility tree, looking
// through every shadow root.

/** The texts of every visible `role="alert"` / `role="status"` element in the accessibility tree, in document order. */
export function announcedMessages(root: Document | ShadowRoot = document): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    if (element.shadowRoot) found.push(...announcedMessages(element.shadowRoot));
    const role = element.getAttribute('role');
    if (role !== 'alert' && role !== 'status') continue;
    const text = element.textContent?.replace(/\s+/g, ' ').trim();
    if (text && inAccessibilityTree(element)) found.push(`${role}: ${text}`);
  }
  return found;
}

/** Rendered (a box, not `visibility: hidden`, not in a closed popover or `display: none` subtree) and not hidden away. */
function inAccessibilityTree(element: HTMLElement): boolean {
  if (!element.checkVisibility({ visibilityProperty: true })) return false;
  for (let node: Node | null = element; node;) {
    if (node instanceof Element && (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('inert')))
      return false;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return true;
}
