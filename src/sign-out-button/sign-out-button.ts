import { html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ClerkController } from '../clerk/clerk-controller.js';
import { ReverifyingElement } from '../clerk/reverifying-element.js';
import { revokeDevices, type RevokeDevicesResult } from '../flows/devices/revoke.js';
import { planSignOut, signOut, type SignOutResult, type SignOutScope } from '../flows/sign-out.js';
import { setOrRemoveAttribute } from '../internal/dom.js';
import { calloutStyles, messages, placeCallout } from '../styles/messages.js';
import { spinner, spinnerStyles } from '../styles/spinner.js';
import { theme } from '../styles/theme.js';
import { signOutButtonStyles } from './sign-out-button.styles.js';

/** The app's own button, when it wraps one: `<clerk-sign-out-button><button>Log out</button></clerk-sign-out-button>`. */
const WRAPPED_BUTTON = ':scope > button, :scope > [role="button"]';

/**
 * A button that signs the user out of Clerk and tells the page with a `signed-out` event.
 *
 * With no attributes it calls `clerk.signOut()`: every session in a multi-session app, the only one otherwise. With
 * `scope="other-devices"` it signs the user out of every other device instead: this one stays signed in.
 * Wrap your own `<button>` to keep its look; the element then adds the behaviour to it.
 *
 * @summary Signs the user out through the provider's Clerk.
 * @slot - The label ("Sign out", or "Sign out of all other devices" with `scope="other-devices"`), or your own
 *   `<button>` to use instead of the built-in one.
 * @csspart button - The built-in button.
 * @csspart spinner - The progress indicator shown while signing out.
 * @csspart messages - The box under the button that shows `error` and `notice`: out of the page's flow (nothing moves),
 *   on the theme's surface, kept inside the viewport; empty and without a box when there is nothing to say.
 * @csspart error - The message when sign-out fails (`role="alert"`), or why the button is unavailable.
 * @csspart notice - The polite message (`role="status"`): still trying, after 3 s on a slow network.
 * @cssproperty --clerk-sign-out-button-background - Background of the built-in button.
 * @cssproperty --clerk-sign-out-button-color - Text colour of the built-in button.
 * @cssproperty --clerk-sign-out-button-hover-background - Background on hover.
 * @cssproperty --clerk-sign-out-button-padding - Padding of the built-in button.
 * @fires sign-out - Before Clerk is called. Cancelable: `preventDefault()` stops the sign-out.
 * @fires signed-out - After Clerk signed out. Cancelable: `preventDefault()` stops the redirect.
 * @fires sign-out-error - Clerk refused, was offline, or (from `signOut()`) an attribute is invalid. The user is still
 *   signed in. An invalid attribute is reported in the console when it is set, and the button is then unavailable.
 * @fires device-sign-out - `scope="other-devices"`: before any device is signed out. Cancelable: `preventDefault()` stops it.
 * @fires device-signed-out - `scope="other-devices"`: other devices were signed out (this one stays signed in; nothing navigates).
 */
export class ClerkSignOutButton extends ReverifyingElement {
  static override properties: PropertyDeclarations = {
    sessionId: { attribute: 'session-id' },
    scope: {},
    redirectUrl: { attribute: 'redirect-url' },
    whenSignedOut: { attribute: 'when-signed-out' },
    wrappedButton: { state: true },
  };

  static override styles = [theme, spinnerStyles, calloutStyles, signOutButtonStyles];

  /** Sign out only this session (an id such as `sess_…` from `clerk.client.signedInSessions`). Wins over `scope`. */
  sessionId?: string;

  /**
   * `all`: Clerk's default (every session; the only one in single-session apps). `current`: only the active session.
   * `other-devices`: every other device where the user is signed in; this one stays signed in and nothing navigates.
   */
  scope: SignOutScope | 'other-devices' = 'all';

  /** Where to go after signing out: a path or a URL on this origin (or one the provider allows). Default: Clerk's `afterSignOutUrl`. */
  redirectUrl?: string;

  /**
   * What to do while nobody is signed in: `hide` the button, or show it `disable`d. While Clerk loads, a hidden button
   * keeps its place (invisible), so the page does not shift when it appears.
   */
  whenSignedOut: 'hide' | 'disable' = 'hide';

  private wrappedButton: HTMLElement | null = null;

  readonly #clerk = new ClerkController<'sign-out'>(this);
  /** The attribute values last checked, and whether they were refused (then a click cannot sign out). */
  #checked?: string;
  #refused = false;

  /** True while the sign-out request is in flight. */
  get busy(): boolean {
    return this.#clerk.pending !== null;
  }

  /** Runs the sign-out, exactly as a click does (events included). Resolves with the outcome. */
  async signOut(): Promise<SignOutResult | RevokeDevicesResult> {
    if (this.busy) return { outcome: 'busy' };
    const label = 'signOutButton.error';
    return this.#signsOutDevices
      ? this.#clerk.run('sign-out', label, revokeDevices, { sessionIds: 'others', reverify: this.reverify })
      : this.#clerk.run('sign-out', label, signOut, this.#request);
  }

  /** `scope="other-devices"` without `session-id` (which wins: that one session is signed out). */
  get #signsOutDevices(): boolean {
    return this.scope === 'other-devices' && this.sessionId == null;
  }

  get #request() {
    const { scope, sessionId, redirectUrl } = this;
    return { scope: scope === 'other-devices' ? undefined : scope, sessionId, redirectUrl };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#findWrappedButton();
  }

  /** Checks the attributes once per value, as soon as Clerk shows who is signed in: not on click. */
  protected override willUpdate(): void {
    const { state, signedIn } = this.#clerk;
    const request = this.#request;
    const key = signedIn && JSON.stringify([request, state!.allowedRedirectOrigins, state!.afterSignOutUrl]);
    if (!key || key === this.#checked) return;
    this.#checked = key;
    this.#refused = false;
    try {
      // "Sign out of all other devices" has nothing to check before it reads the devices.
      if (!this.#signsOutDevices)
        planSignOut({ ...request, host: this, state: state! }, state!.clerk!, state!.client?.signedInSessions ?? []);
    } catch (error) {
      this.#refused = true;
      console.error(`${(error as Error).message} <${this.localName}> is unavailable until it is fixed.`);
    }
  }

  protected override updated(): void {
    placeCallout(this, this.#clerk);
    const wrapped = this.wrappedButton;
    if (!wrapped) return;
    setOrRemoveAttribute(wrapped, 'aria-busy', this.busy ? 'true' : null);
    setOrRemoveAttribute(wrapped, 'aria-disabled', !this.#clerk.signedIn || this.busy || this.#refused ? 'true' : null);
  }

  protected override render() {
    const signedIn = this.#clerk.signedIn;
    // While Clerk loads, the hidden button still takes its place (visibility: hidden), so nothing moves when it shows.
    const hidden = !signedIn && this.whenSignedOut !== 'disable';
    if (hidden && !this.#clerk.loading) return nothing;
    const shown = messages(this.#clerk);
    const label =
      this.scope === 'other-devices' ? 'formFieldLabel__signOutOfOtherSessions' : 'userButton.action__signOut';
    if (this.wrappedButton) {
      return html`<slot
          ?data-loading=${hidden}
          @slotchange=${this.#findWrappedButton}
          @click=${this.#onWrappedClick}
        ></slot
        >${shown}`;
    }
    return html`<button
        part="button"
        type="button"
        ?data-loading=${hidden}
        ?disabled=${!signedIn}
        aria-busy=${this.busy ? 'true' : 'false'}
        aria-disabled=${ifDefined(this.busy || this.#refused ? 'true' : undefined)}
        aria-describedby=${ifDefined(this.#clerk.describedBy)}
        title=${ifDefined(this.#refused ? this.#clerk.t('action.unavailable') : undefined)}
        @click=${this.#onClick}
      >
        ${this.busy ? spinner : nothing}
        <slot @slotchange=${this.#findWrappedButton}>${this.#clerk.t(label)}</slot>
      </button>
      ${shown}`;
  }

  #onClick(): void {
    // An invalid attribute: a retry cannot help, so the button says it is unavailable (the console says why).
    if (this.#refused) this.#clerk.error = this.#clerk.t('action.unavailable');
    else if (this.#clerk.signedIn) void this.signOut();
  }

  #onWrappedClick(event: Event): void {
    if (this.wrappedButton && event.composedPath().includes(this.wrappedButton)) this.#onClick();
  }

  #findWrappedButton(): void {
    this.wrappedButton = this.querySelector<HTMLElement>(WRAPPED_BUTTON);
  }
}
