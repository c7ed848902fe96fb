import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { ClerkLike, ClerkLoadOptions, ClerkResources } from '../clerk/clerk.js';
import { brandProvider, clerkContext, type ClerkState } from '../clerk/context.js';
import { toError } from '../contract/errors.js';
import { ClerkErrorEvent, ClerkLoadedEvent, SessionEndEvent, SessionUnavailableEvent } from '../contract/events.js';
import type { Localization } from '../clerk/labels.js';
import { isBusy, onActionEnd, runExclusive } from '../flows/action-lock.js';
import { showSignedInSession } from '../flows/active-session.js';
import { countProviderUse } from '../flows/provider-use.js';
import { checkNavigableUrl, parseOrigins } from '../internal/urls.js';
import { checkProxyUrl, loadClerkScript, warnIfOtherKey } from './load-clerk.js';
import { sessionEnds } from './session-ends.js';

/** Activations tried before the provider says it gave up: after 1, 2, 4, 8, 16, 30, 30 and 30 s (about two minutes). */
const ACTIVATION_TRIES = 8;

const SOURCE_PROPERTIES = ['clerk', 'publishableKey', 'proxyUrl', 'domain', 'clerkJsUrl', 'clerkJsVersion'] as const;

/**
 * Holds ONE Clerk instance and shares its state with every element inside it, including elements in shadow roots.
 *
 * Clerk comes from, in order: the `clerk` property (your own `new Clerk(key)`), `window.Clerk` (Clerk's script is on the
 * page), or Clerk's script loaded from `publishable-key`. The provider calls `load()` when the instance is not loaded.
 *
 * @summary Shares one Clerk instance with the elements inside it.
 * @slot - The page content that uses Clerk.
 * @fires clerk-loaded - Clerk is loaded and ready. `detail.clerk` is the instance.
 * @fires clerk-error - Clerk could not be loaded. `detail.error.message` names the attribute to fix.
 * @fires session-unavailable - Clerk shows nobody although this browser is still signed in, and no session could be
 *   made active for about two minutes (`detail.sessionIds`); the elements show neither state meanwhile.
 * @fires session-end - A session this page showed as signed in ended, once per session: `detail` is `{ sessionId,
 * userId, reason }` (`sign-out`, `other-tab`, `revoked`, `expired`, `idle` or `unknown`).
 */
export class ClerkProvider extends LitElement {
  static {
    brandProvider(this.prototype);
  }

  static override properties: PropertyDeclarations = {
    clerk: { attribute: false },
    publishableKey: { attribute: 'publishable-key' },
    proxyUrl: { attribute: 'proxy-url' },
    domain: {},
    clerkJsUrl: { attribute: 'clerk-js-url' },
    clerkJsVersion: { attribute: 'clerk-js-version' },
    afterSignOutUrl: { attribute: 'after-sign-out-url' },
    allowedRedirectOrigins: { attribute: 'allowed-redirect-origins' },
    localization: { attribute: false },
    options: { attribute: false },
    treatPendingAsSignedIn: { attribute: 'treat-pending-as-signed-in', type: Boolean },
  };

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Your own Clerk instance (e.g. `new Clerk(key)` from `@clerk/clerk-js`). Wins over `window.Clerk` and `publishable-key`. */
  clerk?: ClerkLike;

  /** Your Clerk publishable key; the provider then loads Clerk's browser script from the key's Frontend API host. */
  publishableKey?: string;

  /** Clerk's `proxyUrl`: where Clerk's Frontend API (and its script) is reached through your own domain. */
  proxyUrl?: string;

  /** Clerk's `domain`, for satellite applications. */
  domain?: string;

  /** Loads Clerk's script from this URL instead of the key's host (e.g. a self-hosted copy of `clerk.browser.js`). */
  clerkJsUrl?: string;

  /**
   * Which `@clerk/clerk-js` the provider loads from the key's host or `proxy-url`: a major (`6`, the default: Core 3;
   * `5`: Core 2) or an exact version. Ignored with `clerk-js-url`.
   */
  clerkJsVersion?: string;

  /**
   * Where to go after signing out when an element has no `redirect-url`, however Clerk arrived (also passed to
   * `clerk.load()` when the provider loads Clerk).
   */
  afterSignOutUrl?: string;

  /** Origins (space-separated) besides this page's that URL attributes may point to. Passed to `clerk.load()` too. */
  allowedRedirectOrigins?: string;

  /** A Clerk `LocalizationResource` (e.g. `frFR` from `@clerk/localizations`); labels fall back to English. */
  localization?: Localization;

  /** Further options for `clerk.load()` (Clerk's `ClerkOptions`); the attributes above win over these. */
  options?: ClerkLoadOptions;

  /**
   * A pending session (one with session tasks left, e.g. choosing an organization) counts as signed in for
   * `<clerk-signed-in>` and `<clerk-signed-out>`. By default it counts as signed out, as Clerk's `<Show>` treats it.
   */
  treatPendingAsSignedIn = false;

  private readonly context = new ContextProvider(this, {
    context: clerkContext,
    initialValue: {
      clerk: undefined,
      status: 'loading',
      degraded: false,
      user: undefined,
      session: undefined,
      client: undefined,
      error: undefined,
      localization: undefined,
      allowedRedirectOrigins: [],
      afterSignOutUrl: undefined,
      sessionEnd: undefined,
      treatPendingAsSignedIn: false,
    },
  });

  /** The state names the last session end before the page hears of it. */
  readonly #sessionEnds = sessionEnds((end) => {
    this.#set({ sessionEnd: end });
    this.dispatchEvent(new SessionEndEvent(end));
  });

  #active?: ClerkLike;
  #unsubscribe?: () => void;
  /** The Clerk whose signed-in sessions the provider is activating (see `#settle`), the next try, and how many so far. */
  #activating?: ClerkLike;
  #nextTry?: ReturnType<typeof setTimeout>;
  #tries = 0;
  /** Bumped on every new source so that a slow, outdated load cannot overwrite a newer one. */
  #attempt = 0;

  /** The state shared with the elements (read-only; it changes as Clerk reports changes). */
  get state(): ClerkState {
    return this.context.value;
  }

  /**
   * Hides every element's signed-in content at once, and shows no signed-out content either, until called with `false`:
   * for a sign-out that must not be undone (`<clerk-idle-sign-out>` after the user was idle), whose failure must neither
   * show the private page again nor claim the user is signed out.
   */
  conceal(hidden: boolean): void {
    this.#set({ concealed: hidden });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#active && !this.#unsubscribe) this.#subscribe(this.#active);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#stopActivating();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || SOURCE_PROPERTIES.some((name) => changed.has(name))) void this.#connectClerk();
    if (changed.has('localization') || changed.has('allowedRedirectOrigins') || changed.has('afterSignOutUrl')) {
      this.#set({
        localization: this.localization,
        allowedRedirectOrigins: this.#allowedOrigins(),
        afterSignOutUrl: this.afterSignOutUrl ?? undefined,
      });
    }
    if (changed.has('treatPendingAsSignedIn')) this.#set({ treatPendingAsSignedIn: this.treatPendingAsSignedIn });
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  async #connectClerk(): Promise<void> {
    const attempt = ++this.#attempt;
    try {
      const clerk = this.clerk ?? window.Clerk ?? (this.publishableKey != null ? await this.#loadScript() : undefined);
      if (attempt !== this.#attempt) return;
      if (!this.clerk) warnIfOtherKey(clerk, this.publishableKey);
      this.#use(clerk);
      if (!clerk) return this.#waitForSource(attempt);
      if (!clerk.loaded) await clerk.load(this.#loadOptions());
      if (attempt !== this.#attempt) return;
      checkNotDegraded(clerk);
      this.#set({ status: 'ready', error: undefined, ...this.#settle(clerk, clerk) });
      this.dispatchEvent(new ClerkLoadedEvent(clerk));
    } catch (thrown) {
      if (attempt !== this.#attempt) return;
      const error = toError(thrown);
      console.error(
        error.message.startsWith('<clerk-provider>')
          ? error.message
          : `<clerk-provider> Clerk failed to load: ${error.message}`,
      );
      this.#set({ status: 'error', error });
      this.dispatchEvent(new ClerkErrorEvent(error));
    }
  }

  #loadScript(): Promise<ClerkLike> {
    return loadClerkScript({
      publishableKey: this.publishableKey ?? '',
      proxyUrl: this.proxyUrl || undefined,
      domain: this.domain || undefined,
      clerkJsUrl: this.clerkJsUrl || undefined,
      clerkJsVersion: this.clerkJsVersion || undefined,
    });
  }

  /** Clerk's script may still be on its way (e.g. `async`): look again once the page has loaded, then explain. */
  #waitForSource(attempt: number): void {
    const explain = () => {
      if (attempt !== this.#attempt) return;
      if (window.Clerk) return void this.#connectClerk();
      console.warn(
        "<clerk-provider> has no Clerk: set its clerk property, load Clerk's script or add a publishable-key attribute.",
      );
    };
    if (document.readyState === 'complete') explain();
    else window.addEventListener('load', explain, { once: true });
  }

  /** Switches to another Clerk, or to none: the old one is dropped at once (its flows in flight may no longer navigate). */
  #use(clerk: ClerkLike | undefined): void {
    if (clerk === this.#active) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#stopActivating();
    if (this.#active) countProviderUse(this.#active, -1);
    this.#active = clerk;
    if (clerk) countProviderUse(clerk, 1);
    const status = clerk?.loaded ? 'ready' : 'loading';
    this.#set({
      clerk,
      status,
      degraded: false,
      error: undefined,
      user: undefined,
      session: undefined,
      client: undefined,
    });
    if (clerk && this.isConnected) this.#subscribe(clerk);
  }

  /** THE one Clerk subscription; every element reads its result through the context. */
  #subscribe(clerk: ClerkLike): void {
    const watchingEnds = this.#sessionEnds.watch(clerk);
    const fromClerk = clerk.addListener((resources) => {
      if (clerk !== this.#active) return;
      // While any action is in flight Clerk passes through states that are not the outcome (even `null` on the way to
      // a restored session): hold the last settled user until the action ends, then read Clerk again.
      this.#set(isBusy(clerk) ? { client: resources.client ?? this.state.client } : this.#settle(clerk, resources));
    });
    const fromActionEnd = onActionEnd(clerk, () => {
      if (clerk === this.#active) this.#set(this.#settle(clerk, clerk));
    });
    const fromStatus = this.#followStatus(clerk);
    this.#unsubscribe = () => {
      fromClerk();
      fromActionEnd();
      fromStatus();
      watchingEnds();
    };
  }

  /**
   * What to share for what Clerk reports. After the current session of several ends (here or elsewhere), clerk-js
   * leaves no session active although this browser is still signed in to the others (a page load would pick one), and
   * offline it signs out on this page alone: that is not "signed out". The session shown stays shown if it is one of
   * them, else neither state is (`user: undefined`), while `#activate` makes one active.
   */
  #settle(clerk: ClerkLike, next: ClerkResources): Partial<ClerkState> {
    const waiting = next.session === null ? (next.client?.signedInSessions ?? []) : [];
    if (!waiting.length) {
      this.#stopActivating();
      return settled(this.state, next);
    }
    if (clerk !== this.#activating) {
      this.#stopActivating();
      this.#activating = clerk;
      addEventListener('focus', this.#activate);
      addEventListener('online', this.#activate);
    }
    if (this.#nextTry === undefined && this.#tries < ACTIVATION_TRIES) {
      this.#nextTry = setTimeout(this.#activate, Math.min(30_000, 1000 * 2 ** this.#tries++));
    } else if (this.#nextTry === undefined && this.#tries++ === ACTIVATION_TRIES) {
      const ids = waiting.map((session) => session.id);
      console.error(
        `<clerk-provider> could not make a signed-in session (${ids.join(', ')}) active in ${ACTIVATION_TRIES} tries: ` +
          'showing neither signed in nor out until a retry on focus or online works.',
      );
      this.dispatchEvent(new SessionUnavailableEvent(ids));
    }
    const client = next.client;
    return waiting.some((session) => session.id === this.state.session?.id)
      ? { client }
      : { client, user: undefined, session: undefined };
  }

  /**
   * Activates a signed-in session (the one shown, else the client's last active, else the first) as the Clerk's one
   * action in flight; its end reads Clerk again (`#settle`), which schedules the next try while still needed. Also on
   * `focus` and `online`, after giving up too.
   */
  #activate = (): void => {
    clearTimeout(this.#nextTry);
    this.#nextTry = undefined;
    const clerk = this.#activating;
    if (clerk && !isBusy(clerk)) {
      void runExclusive(clerk, 'switch-session', () => showSignedInSession(clerk, this.state.session?.id));
    }
  };

  #stopActivating(): void {
    clearTimeout(this.#nextTry);
    removeEventListener('focus', this.#activate);
    removeEventListener('online', this.#activate);
    this.#activating = this.#nextTry = undefined;
    this.#tries = 0;
  }

  /** Clerk's own status, part of the one subscription: `degraded` while its Frontend API is failing. */
  #followStatus(clerk: ClerkLike): () => void {
    const follow = (status: string) => {
      if (clerk === this.#active) this.#set({ degraded: status === 'degraded' });
    };
    clerk.on?.('status', follow, { notify: true });
    return () => clerk.off?.('status', follow);
  }

  #loadOptions(): ClerkLoadOptions {
    const options: ClerkLoadOptions = { ...this.options };
    if (this.proxyUrl) options.proxyUrl = checkProxyUrl(this.proxyUrl);
    if (this.domain) options.domain = this.domain;
    if (this.afterSignOutUrl != null) {
      options.afterSignOutUrl = checkNavigableUrl(
        this.afterSignOutUrl,
        { tag: 'clerk-provider', attribute: 'after-sign-out-url' },
        this.#allowedOrigins(),
      );
    }
    const origins = this.#allowedOrigins();
    if (origins.length) options.allowedRedirectOrigins = [location.origin, ...origins];
    return options;
  }

  #allowedOrigins(): string[] {
    return parseOrigins(this.allowedRedirectOrigins);
  }

  #set(changes: Partial<ClerkState>): void {
    this.context.setValue({ ...this.context.value, ...changes });
    this.#sessionEnds.observe(this.context.value);
  }
}

/**
 * clerk-js 6 resolves `load()` even when its Frontend API did not answer (`status: 'degraded'`), reporting nobody signed
 * in although the server may still have a session. That is not "signed out": the elements stay inert and the page is told.
 */
function checkNotDegraded(clerk: ClerkLike): void {
  if ((clerk.status === 'degraded' || clerk.status === 'error') && !clerk.user) {
    throw new Error(
      `<clerk-provider> Clerk loaded in "${clerk.status}" mode: its Frontend API did not answer, so whether anyone is ` +
        'signed in is unknown. Check proxy-url / publishable-key and the network; the elements stay inert.',
    );
  }
}

/**
 * Clerk reports `undefined` while a change is in flight (e.g. during sign-out, before the server answered). The elements
 * keep showing the last settled user until Clerk settles, so a failed sign-out never shows a signed-out page.
 */
function settled(
  previous: Pick<ClerkState, 'user' | 'session' | 'client'>,
  next: ClerkResources,
): Pick<ClerkState, 'user' | 'session' | 'client'> {
  return {
    user: next.user === undefined ? previous.user : next.user,
    session: next.session === undefined ? previous.session : next.session,
    client: next.client ?? previous.client,
  };
}
