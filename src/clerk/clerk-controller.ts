import { ContextConsumer, ContextRoot } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ConfigurationError, ReverificationRequiredError } from '../contract/errors.js';
import type { Reverify, ReverifyContext } from '../flows/devices/reverify.js';
import type { FlowRequest, FlowResult } from '../flows/flow.js';
import type { ClerkLike, ClerkUser } from './clerk.js';
import { clerkContext, isProvider, type ClerkState } from './context.js';
import { label, type LabelKey } from './labels.js';

let contextRootAttached = false;

/** Every element showing a message (until cleared): the next action anywhere on the page makes them stale. */
const showing = new Set<ClerkController>();

/** How long an action may wait for Clerk before its element says that it is still trying. */
const STILL_TRYING_MS = 3000;

/**
 * What every element needs from Clerk, in one place: the state of the nearest `<clerk-provider>` (through @lit/context,
 * so across shadow roots, re-rendering the element on every change), whether someone is signed in, labels in the
 * provider's language, and running a Clerk action with the element's busy state and messages. Elements never subscribe
 * to Clerk themselves: the provider's one subscription serves all.
 *
 * The messages are every element's, written once: `error` (a failure, shown `role="alert"`) and `notice` (polite: still
 * trying, done, unavailable), rendered by `messages()` (src/styles/messages.ts) in live regions that stay in the
 * accessibility tree whatever else the element hides. The next action anywhere on the page clears them.
 */
export class ClerkController<Action extends string = string> implements ReactiveController {
  state: ClerkState | undefined;
  #pending: Action | null = null;
  #error = '';
  #notice = '';
  /** The action in flight has waited longer than `STILL_TRYING_MS`. */
  #slow = false;
  #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
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

  /** The provider's Clerk instance, once it has one. */
  get instance(): ClerkLike | undefined {
    return this.state?.clerk;
  }

  /** Clerk is loaded and its user is known (someone or nobody), and the provider does not conceal it. */
  get ready(): boolean {
    return this.state?.status === 'ready' && this.state.user !== undefined && !this.state.concealed;
  }

  /** Clerk may still report a user: not ready and not failed (also before a provider answers). */
  get loading(): boolean {
    return !this.ready && this.state?.status !== 'error';
  }

  /** The signed-in user, or `null` while nobody is signed in or Clerk is not ready (or the provider conceals it). */
  get user(): ClerkUser | null {
    return this.ready ? this.state!.user! : null;
  }

  get signedIn(): boolean {
    return !!this.user;
  }

  /** A label in the provider's language (Clerk's localization keys), English when it has none. */
  t(key: LabelKey): string {
    return label(this.state?.localization, key);
  }

  /** The action this element has in flight (a name the element chose), or `null`. */
  get pending(): Action | null {
    return this.#pending;
  }

  /** The message of the element's last failed action (`''` when there is none), shown `role="alert"`. */
  get error(): string {
    return this.#error;
  }

  set error(message: string) {
    this.#show(message, this.#notice);
  }

  /** The polite message (`role="status"`): "still trying" while an action waits for Clerk, else what was just done. */
  get notice(): string {
    return this.#slow ? this.t('action.stillTrying') : this.#notice;
  }

  set notice(message: string) {
    this.#show(this.#error, message);
  }

  /** What describes the element's control: the shown message's id (`error` first), for `aria-describedby`. */
  get describedBy(): 'error' | 'notice' | undefined {
    return this.#error ? 'error' : this.notice ? 'notice' : undefined;
  }

  /** Clears this element's messages. */
  clear(): void {
    this.#show('', '');
  }

  /** Clears the messages of every element of the page but `except`'s: a new action started (or a menu opened). */
  static clearAll(except?: ClerkController): void {
    for (const shown of showing) if (shown !== except) shown.clear();
  }

  /**
   * Runs one of the package's Clerk flows for this element, `flow({ host, state, onStart, ...options })`: clears the
   * page's old messages, marks the action `name` pending once the flow calls `onStart` (after its vetoable event), says
   * it is still trying after `STILL_TRYING_MS`, and shows what failed when the outcome is `failed`: `failureLabel`, or
   * what to do when Clerk asked the user to reverify, was offline, or an attribute is invalid (no retry can fix that:
   * "unavailable"). Before the provider has answered there is no state: the flow then has nothing to do.
   */
  async run<Request extends FlowRequest, R extends FlowResult>(
    name: Action,
    failureLabel: LabelKey,
    flow: (request: Request) => Promise<R>,
    options: Omit<Request, keyof FlowRequest>,
  ): Promise<R> {
    ClerkController.clearAll();
    // Pending only from onStart: a listener may veto the flow and start another itself (e.g. after confirm()).
    let started = false;
    let stillTrying: ReturnType<typeof setTimeout> | undefined;
    const slow = (isSlow: boolean) => {
      clearTimeout(stillTrying);
      this.#slow = isSlow;
      this.#host.requestUpdate();
    };
    const onStart = () => {
      started = true;
      this.#setPending(name);
      stillTrying = setTimeout(slow, STILL_TRYING_MS, true);
    };
    // Waiting for the user to confirm it is them is no slow network.
    const { reverify } = options as { reverify?: Reverify };
    try {
      const request = {
        ...options,
        host: this.#host,
        state: this.state,
        onStart,
        reverify: reverify && ((context: ReverifyContext) => (slow(false), reverify(context))),
      } as unknown as Request;
      const result = await flow(request);
      if (result.outcome === 'failed') {
        const error = result.error;
        this.error = this.t(
          error instanceof ReverificationRequiredError
            ? 'otherDevices.reverificationRequired'
            : error instanceof ConfigurationError
              ? 'action.unavailable'
              : // By name: the flows' offline refusal (nothing was sent).
                error?.name === 'OfflineError'
                ? 'action.offline'
                : failureLabel,
        );
      }
      return result;
    } finally {
      slow(false);
      if (started) this.#setPending(null);
    }
  }

  #show(error: string, notice: string): void {
    this.#error = error;
    this.#notice = notice;
    if (error || notice) showing.add(this);
    else showing.delete(this);
    this.#host.requestUpdate();
  }

  #setPending(name: Action | null): void {
    this.#pending = name;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    // The consumer above asked for the context synchronously; a provider in the tree has answered by now.
    if (this.state) return;
    if (!hasProviderAncestor(this.#host)) return warnOnce(this.#host.localName, notInProvider);
    // The tag that clerk-sign-out-elements/clerk-provider.js registers: the one tag name this hint is about (a provider
    // registered under another name comes from the app's own code).
    const undefinedProvider = closest(
      this.#host,
      (element) => element.localName === 'clerk-provider' && !isProvider(element),
    );
    if (undefinedProvider) warnIfNeverDefined(this.#host.localName);
  }
}

const warned = new Set<string>();

/** Says `message(key)` in the console, once per key for the page. */
export function warnOnce(key: string, message: (key: string) => string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(message(key));
}

const notInProvider = (tag: string) =>
  `<${tag}> is not inside a <clerk-provider>, so it has no Clerk and stays inert. ` +
  `Wrap it (or a parent element) in <clerk-provider>.`;

/** How long after the page's load event a `<clerk-provider>` may still become defined (a late script) before we say so. */
const PROVIDER_GRACE_MS = 2000;

/** E.g. only `clerk-sign-out-elements/clerk-sign-out-button.js` was imported: the provider's module never loads. */
function warnIfNeverDefined(tag: string): void {
  const check = () =>
    setTimeout(() => {
      if (customElements.get('clerk-provider')) return;
      warnOnce(
        'clerk-provider',
        () =>
          `<clerk-provider> is not defined, so <${tag}> and every element inside it stay inert. ` +
          `Import clerk-sign-out-elements/clerk-provider.js too (or the whole package, or its CDN module).`,
      );
    }, PROVIDER_GRACE_MS);
  if (document.readyState === 'complete') check();
  else window.addEventListener('load', check, { once: true });
}

/**
 * True when a provider encloses the node, under any tag name, or an element that is not defined yet and may become one
 * (the CDN module may load later).
 */
function hasProviderAncestor(node: Node): boolean {
  return !!closest(
    node,
    (element) => isProvider(element) || (element.localName.includes('-') && !element.matches(':defined')),
  );
}

/** The nearest ancestor element that matches, across shadow roots. */
export function closest(node: Node, matches: (element: Element) => boolean): Element | null {
  for (let current: Node | null = node.parentNode; current;) {
    if (current instanceof Element && matches(current)) return current;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return null;
}
