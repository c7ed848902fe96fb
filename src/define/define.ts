/** Registers a tag once: loading the package (or the CDN module) twice keeps the first definition instead of throwing. */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
