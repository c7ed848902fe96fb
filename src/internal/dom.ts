/** Sets the attribute to `value`, or removes it when `value` is `null`. */
export function setOrRemoveAttribute(element: Element, name: string, value: string | null): void {
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}
