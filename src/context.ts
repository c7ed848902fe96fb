import type { ReactiveControllerHost } from 'lit';
import type { ClerkClient, ClerkLike, ClerkSession, ClerkUser } from './clerk.js';
import type { Localization } from './labels.js';

export type ClerkStatus = 'loading' | 'ready' | 'error';

/**
 * What `<clerk-provider>` shares with every element inside it. A new object on every change (consumers re-render).
 * `user`/`session`: `null` = signed out, `undefined` = not known yet (Clerk is loading).
 */
export interface ClerkState {
  readonly clerk: ClerkLike | undefined;
  readonly status: ClerkStatus;
  readonly user: ClerkUser | null | undefined;
  readonly session: ClerkSession | null | undefined;
  readonly client: ClerkClient | undefined;
  readonly error: Error | undefined;
  readonly localization: Localization | undefined;
  /** Origins, besides the page's own, that URL attributes such as `redirect-url` may point to. */
  readonly allowedRedirectOrigins: readonly string[];
}

/** A context key of the Context Community Protocol, typed with its value (the same shape as @lit/context's `Context`). */
export type Context<KeyType, ValueType> = KeyType & { __context__: ValueType };

/**
 * The key `<clerk-provider>` answers under. The elements and the provider speak the Context Community Protocol
 * (`context-request` / `context-provider` events) themselves, in a few lines instead of @lit/context's general
 * controllers; any protocol consumer, e.g. @lit/context's `ContextConsumer`, can still read the state with this key.
 */
export const clerkContext = Symbol.for('clerk-sign-out-elements/clerk-state') as Context<symbol, ClerkState>;

/** The callback a `context-request` carries; `unsubscribe` is given to subscribers. */
export type ContextCallback = (value: ClerkState, unsubscribe?: () => void) => void;

/** The fields of the protocol's `context-request` and `context-provider` events (plain Events with these added). */
export interface ContextEventFields {
  context?: unknown;
  contextTarget?: Element;
  callback?: ContextCallback;
  subscribe?: boolean;
}

/** Asks the nearest provider above `target` (crossing shadow roots) for the Clerk state, and to be told of changes. */
export function requestClerkState(target: Element, callback: ContextCallback): void {
  const fields: ContextEventFields = { context: clerkContext, contextTarget: target, callback, subscribe: true };
  target.dispatchEvent(Object.assign(new Event('context-request', { bubbles: true, composed: true }), fields));
}

/**
 * The provider's side: answers requests for `clerkContext` that reach `host`, keeps subscribers and calls them on every
 * new value. When `host` connects it announces itself (`context-provider`), so consumers that asked before it existed,
 * or an outer provider's subscribers now inside it, ask again and find it.
 */
export class ClerkStateProvider {
  /** One entry per subscribed consumer: the element that asked and its (stable) unsubscribe function. */
  readonly subscriptions = new Map<ContextCallback, { consumer: Element; unsubscribe: () => void }>();
  #value: ClerkState;

  constructor(host: ReactiveControllerHost & HTMLElement, initialValue: ClerkState) {
    this.#value = initialValue;
    const forUs = (event: Event & ContextEventFields) =>
      event.context === clerkContext && (event.contextTarget ?? event.composedPath()[0]) !== host;
    host.addEventListener('context-request', (event: Event & ContextEventFields) => {
      const { callback } = event;
      if (!forUs(event) || !callback) return;
      event.stopPropagation();
      if (!event.subscribe) return callback(this.#value);
      let subscription = this.subscriptions.get(callback);
      if (!subscription) {
        subscription = { consumer: event.contextTarget ?? (event.composedPath()[0] as Element), unsubscribe: () => this.subscriptions.delete(callback) };
        this.subscriptions.set(callback, subscription);
      }
      callback(this.#value, subscription.unsubscribe);
    });
    host.addEventListener('context-provider', (event: Event & ContextEventFields) => {
      if (!forUs(event)) return;
      event.stopPropagation();
      // A provider appeared below this one: each subscriber asks again and the nearest provider answers it.
      for (const [callback, { consumer }] of [...this.subscriptions]) requestClerkState(consumer, callback);
    });
    host.addController({
      hostConnected: () => {
        const fields: ContextEventFields = { context: clerkContext, contextTarget: host };
        host.dispatchEvent(Object.assign(new Event('context-provider', { bubbles: true, composed: true }), fields));
      },
    });
  }

  get value(): ClerkState {
    return this.#value;
  }

  setValue(value: ClerkState): void {
    if (Object.is(value, this.#value)) return;
    this.#value = value;
    for (const [callback, { unsubscribe }] of [...this.subscriptions]) callback(value, unsubscribe);
  }
}
