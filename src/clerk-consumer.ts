import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clerkContext, requestClerkState, type ClerkState, type ContextEventFields } from './context.js';

const warnedTags = new Set<string>();
/** Connected consumers no provider has answered yet: they ask again when a provider announces itself. */
const waiting = new Set<ClerkStateController>();
let listeningForProviders = false;

/**
 * Gives an element the state of the nearest `<clerk-provider>` (through the Context Community Protocol, so across shadow
 * roots) and re-renders it on every change. Elements never subscribe to Clerk themselves: the provider's one
 * subscription serves all.
 */
export class ClerkStateController implements ReactiveController {
  state: ClerkState | undefined;
  #unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** From the provider: the state now, then on every change. A different `unsubscribe` means a nearer provider took over. */
  readonly #receive = (state: ClerkState, unsubscribe?: () => void): void => {
    if (this.#unsubscribe !== unsubscribe) this.#unsubscribe?.();
    this.#unsubscribe = unsubscribe;
    waiting.delete(this);
    this.state = state;
    this.host.requestUpdate();
  };

  #request(): void {
    requestClerkState(this.host, this.#receive);
  }

  hostConnected(): void {
    this.#request();
    if (this.#unsubscribe) return;
    // No provider answered: it may be defined later (e.g. the CDN module loads after the page's markup).
    waiting.add(this);
    if (!listeningForProviders) {
      listeningForProviders = true;
      document.addEventListener('context-provider', (event: Event & ContextEventFields) => {
        if (event.context === clerkContext) for (const consumer of [...waiting]) consumer.#request();
      });
    }
    if (this.state || hasProviderAncestor(this.host)) return;
    const tag = this.host.localName;
    if (warnedTags.has(tag)) return;
    warnedTags.add(tag);
    console.warn(
      `<${tag}> is not inside a <clerk-provider>, so it has no Clerk and stays inert. ` +
        `Wrap it (or a parent element) in <clerk-provider>.`,
    );
  }

  hostDisconnected(): void {
    waiting.delete(this);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}

/** True when a `<clerk-provider>` encloses the node, even one not upgraded yet (the CDN script may load later). */
function hasProviderAncestor(node: Node): boolean {
  for (let current: Node | null = node; current; ) {
    if (current instanceof Element && current.localName === 'clerk-provider') return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}
