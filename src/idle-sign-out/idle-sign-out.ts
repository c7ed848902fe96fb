import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ClerkController, closest } from '../clerk/clerk-controller.js';
import { isProvider, type ClerkState } from '../clerk/context.js';
import { localeOf } from '../clerk/labels.js';
import { ConfigurationError } from '../contract/errors.js';
import { IdleWarningEvent } from '../contract/events.js';
import type { SignOutScope } from '../flows/sign-out.js';
import { idleSignOut } from '../flows/idle-sign-out.js';
import { isOffline } from '../flows/flow.js';
import { theme } from '../styles/theme.js';
import { oneTabAtATime } from './across-tabs.js';
import { clock } from './clock.js';
import { countdown, exactDuration, fill, nextSpokenStep, spokenDuration } from './durations.js';
import { idleSignOutStyles } from './idle-sign-out.styles.js';
import { idleLabel, type IdleSignOutLabelKey } from './labels.js';
import { untilActionEnds, untilRetry } from './retry.js';
import { SharedActivity } from './shared-activity.js';
import { WarningDialog } from './warning-dialog.js';

/**
 * Where the element is: `off` (nobody signed in: no timer, no listener), `watching` (one timer, to the warning),
 * `warning` (the deadline is near: the dialog or your own asks), `signing-out` (the deadline passed: the page's
 * signed-in content is hidden until Clerk confirms the sign-out, retried until it does).
 */
export type IdlePhase = 'off' | 'watching' | 'warning' | 'signing-out';

const DEFAULT_TIMEOUT_S = 900;
const DEFAULT_WARNING_S = 60;
/** WCAG 2.2 SC 2.2.1 (Timing Adjustable): at least 20 seconds to extend the time with a simple action. */
const MIN_WARNING_S = 20;
/** setTimeout's longest delay (about 24.8 days); a longer wait re-arms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The provider's hook for hiding signed-in content (the element only needs this of it). */
interface Concealing {
  conceal(hidden: boolean): void;
}

/**
 * Signs the user out after `timeout` seconds without activity (pointer, key, wheel, touch or scroll input) in ANY tab
 * of this site, after asking `warning` seconds before. Every tab shares one deadline, a timestamp, so background tabs
 * and a sleeping computer cannot stretch it, and the sign-out happens once, in one tab. When the deadline passes (or the
 * user comes back after it), the page's signed-in content is hidden at once, before any request; nothing says "signed
 * out" until Clerk confirms it; a failed sign-out is retried until it is confirmed.
 *
 * The element shows a sentence saying how long inactivity may last (WCAG 2.2 SC 2.2.6); put it where users read it, or
 * replace it with your own words (its slot).
 *
 * @summary Signs an idle user out, once, across tabs, after a WCAG-timed warning.
 * @slot - The sentence that says how long inactivity may last (default: "For your security, you are signed out after
 *   15 minutes without activity.", from `timeout` and the provider's labels).
 * @csspart notice - The sentence (or what you slotted), as a paragraph.
 * @csspart status - "Signing you out…", shown while the sign-out runs after the deadline (a status message).
 * @csspart error - The message shown while a failed sign-out is retried (announced to screen readers).
 * @csspart dialog - The warning: a modal `<dialog>` with `role="alertdialog"`.
 * @csspart title - The warning's title ("Are you still there?"), which labels it.
 * @csspart message - The warning's sentence ("You will be signed out in 1 minute…"), which describes it.
 * @csspart countdown - The visible countdown (`m:ss`), updated every second and hidden from screen readers.
 * @csspart actions - The row of the two buttons.
 * @csspart stay-button - "Stay signed in": focused, and the default action (Enter; Escape too).
 * @csspart sign-out-button - "Sign out now".
 * @cssproperty --clerk-idle-sign-out-backdrop - What covers the page behind the warning.
 * @cssproperty --clerk-idle-sign-out-dialog-width - The warning's width (it never exceeds the window).
 * @fires idle-warning - `warning` seconds before the deadline. Cancelable: `preventDefault()` shows your own dialog instead (`detail.deadline`; `detail.signal` aborts when the warning is over).
 * @fires sign-out - Before Clerk is called, at the deadline (the one sign-out flow). Cancelable: `preventDefault()` takes the sign-out over; the content stays hidden.
 * @fires signed-out - Clerk confirmed the sign-out. Cancelable: `preventDefault()` stops the redirect.
 * @fires sign-out-error - The sign-out failed: the content stays hidden and the sign-out is retried.
 */
export class ClerkIdleSignOut extends LitElement {
  static override properties: PropertyDeclarations = {
    timeout: { type: Number },
    warning: { type: Number },
    scope: {},
    redirectUrl: { attribute: 'redirect-url' },
  };

  static override styles = [theme, idleSignOutStyles];

  /** Seconds without activity, in any tab, before the sign-out. Default 900 (15 minutes). */
  timeout = DEFAULT_TIMEOUT_S;

  /**
   * Seconds before the deadline when the warning asks whether the user is still there. Default 60. Less than 20 warns
   * in the console (WCAG 2.2 SC 2.2.1 asks for at least 20 seconds to act); 0 signs out without asking.
   */
  warning = DEFAULT_WARNING_S;

  /** `all` (default: the user walked away from the computer): every session. `current`: only the active session. */
  scope: SignOutScope = 'all';

  /** Where to go after the sign-out: a path or a URL on this origin (or one the provider allows). Default: Clerk's `afterSignOutUrl`. */
  redirectUrl?: string;

  readonly #clerk = new ClerkController(this);
  readonly #activity = new SharedActivity({
    acceptInput: (now) => this.#acceptInput(now),
    activityElsewhere: () => this.#phase === 'warning' && this.#evaluate(),
  });
  readonly #dialog = new WarningDialog(this, {
    staySignedIn: () => this.staySignedIn(),
    signOutNow: () => this.signOutNow(),
  });
  #phase: IdlePhase = 'off';
  /** The signed-in session the idle clock runs for. */
  #session: string | null = null;
  #deadline: number | null = null;
  #timer: unknown;
  /** Ends the warning's `signal`. */
  #warningOver?: AbortController;
  /** The warning shows the element's dialog (`idle-warning` was not cancelled). */
  #ownDialog = false;
  /** Whole seconds left, as the dialog's countdown shows them. */
  #left = 0;
  /** The last remaining time the dialog said (its message, and aloud after opening). */
  #said: number | undefined;
  #announcement = '';
  /** Stops the sign-out's waits (for the other tabs, an action in flight, a retry) when it is no longer needed. */
  #signOutOver?: AbortController;
  /** The provider told to hide the signed-in content, until it is told otherwise. */
  #concealedBy: Concealing | null = null;
  /** Shown while a failed sign-out is retried. */
  #error = '';

  /** Where the element is: `off`, `watching`, `warning` or `signing-out` (see `IdlePhase`). */
  get phase(): IdlePhase {
    return this.#phase;
  }

  /**
   * When the sign-out runs unless someone is active in any tab (a `Date.now()` time) while someone is signed in; once
   * it has passed, the deadline that did; `null` while nobody is signed in.
   */
  get deadline(): number | null {
    if (this.#phase === 'off') return null;
    return this.#phase === 'signing-out' ? this.#deadline : this.#activity.lastActivity + this.#timeoutMs;
  }

  /**
   * Keeps the session: counts as activity in every tab (their warnings close). What "Stay signed in" does; for your own
   * dialog (`idle-warning`). Once the deadline has passed it is too late: the sign-out runs.
   */
  staySignedIn(): void {
    if (this.#phase !== 'watching' && this.#phase !== 'warning') return;
    const now = clock.now();
    if (now < this.#activity.lastActivity + this.#timeoutMs) this.#activity.record(now);
    this.#evaluate();
  }

  /** Signs out now, as at the deadline (content hidden at once, one sign-out across tabs). What "Sign out now" does. */
  signOutNow(): void {
    if (this.#phase === 'watching' || this.#phase === 'warning') this.#expire();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('timeout') || changed.has('warning')) this.#checkTiming();
    this.#follow();
    if ((changed.has('timeout') || changed.has('warning')) && this.#phase !== 'off') this.#evaluate();
  }

  protected override render() {
    const t = this.#t;
    const notice = fill(t('idleSignOut.notice'), exactDuration(this.#timeoutMs / 1000, this.#locale));
    // The live regions stay in the page, so what appears in them is announced.
    return html`<p part="notice"><slot>${notice}</slot></p>
      <p part="status" role="status">${this.#phase === 'signing-out' ? t('idleSignOut.signingOut') : nothing}</p>
      <p part="error" role="alert">${this.#error}</p>
      ${this.#phase === 'warning' && this.#ownDialog ? this.#renderDialog() : nothing}`;
  }

  #renderDialog() {
    const t = this.#t;
    return html`<dialog
      part="dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="title"
      aria-describedby="message"
      @keydown=${this.#dialog.onKeyDown}
      @cancel=${this.#dialog.onCancel}
      @close=${this.#dialog.onClose}
    >
      <h2 id="title" part="title">${t('idleSignOut.title')}</h2>
      <p id="message" part="message">${this.#message(this.#said!)}</p>
      <p part="countdown" aria-hidden="true">${countdown(this.#left)}</p>
      <p class="announcement" aria-live="assertive" aria-atomic="true">${this.#announcement}</p>
      <div part="actions">
        <button part="stay-button" type="button" @click=${() => this.staySignedIn()}>
          ${t('idleSignOut.staySignedIn')}
        </button>
        <button part="sign-out-button" type="button" @click=${() => this.signOutNow()}>
          ${t('idleSignOut.signOutNow')}
        </button>
      </div>
    </dialog>`;
  }

  #message(seconds: number): string {
    return fill(this.#t('idleSignOut.message'), spokenDuration(seconds, this.#locale));
  }

  /** A label in the provider's language (its `localization`), English when it has none. */
  readonly #t = (key: IdleSignOutLabelKey): string => idleLabel(this.#clerk.state?.localization, key);

  get #locale(): string | undefined {
    return localeOf(this.#clerk.state?.localization);
  }

  get #timeoutMs(): number {
    return (this.timeout > 0 ? this.timeout : DEFAULT_TIMEOUT_S) * 1000;
  }

  get #warningMs(): number {
    const warning = this.warning >= 0 ? this.warning : DEFAULT_WARNING_S;
    return Math.min(warning * 1000, this.#timeoutMs);
  }

  /**
   * Starts or stops with the provider's state: the clock runs only while someone is signed in. After the deadline it
   * stops once nobody is: the provider holds the signed-in user while a sign-out is in flight, so nobody is what Clerk
   * confirmed (here or in another tab).
   */
  #follow(): void {
    const state = this.#clerk.state;
    const ready = this.isConnected && state?.status === 'ready';
    const session = ready && state.user ? (state.session?.id ?? state.user.id) : null;
    if (this.#phase === 'signing-out') {
      if (!session) this.#stop();
    } else if (session !== this.#session) {
      this.#stop();
      if (session) this.#start(session);
    }
  }

  #start(session: string): void {
    this.#session = session;
    this.#phase = 'watching';
    this.#activity.start(session);
    this.#listenForWake(true);
    this.#evaluate();
  }

  /** Back to `off`: no timer, no listener, nothing hidden. */
  #stop(): void {
    this.#endWarning();
    clock.clearTimer(this.#timer);
    this.#activity.stop();
    this.#listenForWake(false);
    this.#signOutOver?.abort();
    this.#signOutOver = undefined;
    this.#session = null;
    this.#deadline = null;
    this.#error = '';
    this.#conceal(false);
    if (this.#phase !== 'off') {
      this.#phase = 'off';
      this.requestUpdate();
    }
  }

  /** A computer waking up, a tab coming back or thawing: look at the clock before anything else. */
  #listenForWake(on: boolean): void {
    for (const [target, type] of WAKE_EVENTS) {
      if (on) target().addEventListener(type, this.#evaluate);
      else target().removeEventListener(type, this.#evaluate);
    }
  }

  /** Input in this tab: after the deadline it is too late (sign out); during the warning only its answers count. */
  #acceptInput(now: number): boolean {
    if (this.#deadline !== null && now >= this.#deadline) this.#evaluate();
    return this.#phase === 'watching';
  }

  /** Reads the shared time and moves to the phase it gives, then arms the one timer for the next change. */
  readonly #evaluate = (): void => {
    if (this.#phase !== 'watching' && this.#phase !== 'warning') return;
    clock.clearTimer(this.#timer);
    const now = clock.now();
    const deadline = (this.#deadline = this.#activity.lastActivity + this.#timeoutMs);
    if (now >= deadline) return this.#expire();
    const warnAt = deadline - this.#warningMs;
    let next = warnAt;
    if (now >= warnAt) {
      this.#warn(deadline);
      if (this.#phase !== 'warning') return; // an `idle-warning` listener already answered (staySignedIn, signOutNow)
      // The visible countdown ticks each whole second; an app's own dialog needs only the deadline.
      if (this.#ownDialog) this.#tick(deadline - now);
      next = this.#ownDialog ? Math.min(deadline, now + ((deadline - now) % 1000 || 1000)) : deadline;
    } else {
      this.#endWarning();
    }
    this.#timer = clock.setTimer(this.#evaluate, Math.min(next - now, MAX_TIMER_MS));
    this.requestUpdate();
  };

  #warn(deadline: number): void {
    if (this.#phase === 'warning') return;
    this.#phase = 'warning';
    this.#said = undefined;
    this.#announcement = '';
    this.#warningOver = new AbortController();
    this.#ownDialog = this.dispatchEvent(new IdleWarningEvent({ deadline, signal: this.#warningOver.signal }));
  }

  /** The countdown, and the coarse steps it says: once as the dialog opens (its description), then aloud. */
  #tick(msLeft: number): void {
    this.#left = Math.ceil(msLeft / 1000);
    const step = nextSpokenStep(this.#left, this.#said);
    if (step === undefined) return;
    const message = this.#message(step);
    if (this.#said !== undefined && message !== this.#message(this.#said)) this.#announcement = message;
    this.#said = step;
  }

  #endWarning(): void {
    if (this.#phase !== 'warning') return;
    this.#dialog.close();
    this.#phase = 'watching';
    this.#ownDialog = false;
    this.#warningOver?.abort();
    this.requestUpdate();
  }

  /** The deadline passed: hide the signed-in content now, then sign out (once across tabs) until Clerk confirms it. */
  #expire(): void {
    const idleSince = this.#activity.lastActivity;
    this.#endWarning();
    clock.clearTimer(this.#timer);
    this.#activity.stop();
    this.#listenForWake(false);
    this.#phase = 'signing-out';
    this.#conceal(true);
    this.requestUpdate();
    void this.#signOut(idleSince);
  }

  async #signOut(idleSince: number): Promise<void> {
    const over = (this.#signOutOver = new AbortController());
    const { signal } = over;
    let confirmed = false;
    try {
      await oneTabAtATime(this.#activity.name, signal, async () => {
        for (let attempt = 0; !signal.aborted; attempt++) {
          // Another tab signed out after the same activity: this tab's Clerk hears of it from Clerk's own channel.
          if (this.#activity.signedOutAfter(idleSince)) return;
          if (isOffline()) {
            await untilRetry(signal, Infinity); // clerk-js would sign out this page only, and the server never hear
            continue;
          }
          // (Before the provider answers there is no state: the flow then has nothing to do.)
          const state = this.#clerk.state as ClerkState;
          const result = await idleSignOut({ host: this, state, scope: this.scope, redirectUrl: this.redirectUrl });
          this.#error = result.outcome === 'failed' ? this.#t('idleSignOut.signOutError') : '';
          this.requestUpdate();
          if (result.outcome === 'signed-out') {
            confirmed = true;
            this.#activity.markSignedOut(idleSince);
            return;
          }
          // The app took the sign-out over (`sign-out` cancelled), or a misconfiguration (its message names the fix): the
          // content stays hidden until nobody is signed in.
          if (result.outcome === 'cancelled' || result.error instanceof ConfigurationError) return;
          if (result.outcome === 'busy') await untilActionEnds(this.#clerk.instance, signal);
          // Failed, or nothing to do yet (e.g. Clerk reloading): again later, unless nobody is signed in by then (stop).
          else await untilRetry(signal, Math.min(2000 * 2 ** attempt, 60_000));
        }
      });
    } catch {
      return; // no longer needed while waiting for the other tabs
    }
    // Confirmed: what the provider shows now is true (nobody, or with scope="current" another account, watched anew).
    if (confirmed && !signal.aborted) this.#stop();
  }

  #conceal(hidden: boolean): void {
    if (hidden === !!this.#concealedBy) return;
    const provider = hidden ? (closest(this, isProvider) as (Element & Partial<Concealing>) | null) : this.#concealedBy;
    provider?.conceal?.(hidden);
    this.#concealedBy = hidden && provider?.conceal ? (provider as Concealing) : null;
  }

  /** Says what is wrong with `timeout` and `warning`, once per change, naming the attribute and the fix. */
  #checkTiming(): void {
    const tag = this.localName;
    const { timeout, warning } = this;
    const written = (name: 'timeout' | 'warning') => this.getAttribute(name) ?? String(this[name]);
    if (!(timeout > 0))
      console.error(
        `<${tag}> timeout="${written('timeout')}" is not a number of seconds above 0: it signs out after ${DEFAULT_TIMEOUT_S} ` +
          'seconds without activity. Set e.g. timeout="900".',
      );
    if (!(warning >= 0))
      console.error(
        `<${tag}> warning="${written('warning')}" is not a number of seconds: it warns ${DEFAULT_WARNING_S} seconds before. ` +
          'Set e.g. warning="60".',
      );
    else if (warning < MIN_WARNING_S)
      console.warn(
        `<${tag}> warning="${warning}" ${warning ? `gives the user ${warning} seconds` : 'signs out without asking'}: ` +
          `WCAG 2.2 SC 2.2.1 (Timing Adjustable) asks for at least ${MIN_WARNING_S} seconds to stay signed in with a ` +
          `simple action. Set warning="${MIN_WARNING_S}" or more.`,
      );
    else if (timeout > 0 && warning >= timeout)
      console.warn(
        `<${tag}> warning="${warning}" is not less than timeout="${timeout}": the warning shows as soon as the user is ` +
          'idle. Set a warning shorter than the timeout.',
      );
  }
}

/** What may mean the computer woke up or the user came back: a tab shown, a window focused, a page restored or thawed. */
const WAKE_EVENTS: ReadonlyArray<[() => EventTarget, string]> = [
  [() => document, 'visibilitychange'],
  [() => document, 'resume'],
  [() => window, 'focus'],
  [() => window, 'pageshow'],
];
