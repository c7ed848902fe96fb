import { toError } from '../contract/errors.js';
import { checkNavigableUrl } from './urls.js';

/**
 * An element's URL attributes, checked once per value (and per allow-list) with the package's one URL rule. A refused
 * value is reported once in the console, with what the element does instead, and is never handed out for navigation.
 */
export class CheckedUrls<Attribute extends string> {
  #results = new Map<Attribute, { key: string; url: string | null }>();
  #tag: string;
  /** Per attribute, what the element does when the value is refused (completes "<tag> …"). */
  #consequences: Record<Attribute, string>;

  constructor(tag: string, consequences: Record<Attribute, string>) {
    this.#tag = tag;
    this.#consequences = consequences;
  }

  check(attribute: Attribute, value: string | null | undefined, allowedOrigins: readonly string[]): void {
    if (value == null) {
      this.#results.delete(attribute);
      return;
    }
    const key = `${value}\n${allowedOrigins.join(' ')}`;
    if (this.#results.get(attribute)?.key === key) return;
    let url: string | null = null;
    try {
      url = checkNavigableUrl(value, { tag: this.#tag, attribute }, allowedOrigins);
    } catch (error) {
      console.error(`${toError(error).message} <${this.#tag}> ${this.#consequences[attribute]}.`);
    }
    this.#results.set(attribute, { key, url });
  }

  /** The absolute URL to use, or `undefined` when the attribute is absent or its value was refused. */
  get(attribute: Attribute): string | undefined {
    return this.#results.get(attribute)?.url ?? undefined;
  }

  /** True when the attribute is set but its value was refused. */
  refused(attribute: Attribute): boolean {
    return this.#results.get(attribute)?.url === null;
  }
}
