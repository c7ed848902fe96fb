import { ContextConsumer, ContextRoot } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clerkContext, isProvider, type ClerkState } from './context.js';

let contextRootAttached = false;
const warnedTags = new Set<string>();

/**
 * Gives an element the state of the nearest `<clerk-provider>` (through @lit/context, so across shadow roots) and
 * re-renders it on every change. Elements never subscribe to Clerk themselves: the provider's one subscription serves all.
 */
export class ClerkStateController implements ReactiveController {
  state: ClerkState | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    // A ContextRoot replays requests that no provider answered yet: the provider may be defined after its consumers.
    if (!contextRootAttached) {
      new ContextRoot().attach(document.documentElement);
      contextRootAttached = true;
    }
    new ContextConsumer(host, {
      context: clerkContext,
      subscribe: true,
      callback: (state) => {
        this.state = state;
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    // The consumer above asked for the context synchronously; a provider in the tree has answered by now.
    if (this.state || hasProviderAncestor(this.host)) return;
    const tag = this.host.localName;
    if (warnedTags.has(tag)) return;
    warnedTags.add(tag);
    console.warn(
      `<${tag}> is not inside a <clerk-provider>, so it has no Clerk and stays inert. ` +
        `Wrap it (or a parent element) in <clerk-provider>.`,
    );
  }
}

/**
 * True when a provider encloses the node, under any tag name, or an element that is not defined yet and may become one
 * (the CDN module may load later).
 */
function hasProviderAncestor(node: Node): boolean {
  for (let current: Node | null = node.parentNode; current; ) {
    if (current instanceof Element && (isProvider(current) || (current.localName.includes('-') && !current.matches(':defined')))) {
      return true;
    }
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}