import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ClerkController } from '../clerk-controller.js';
import { setOrRemoveAttribute } from '../dom.js';
import { signOut, type SignOutResult, type SignOutScope } from '../sign-out.js';
import { spinner, spinnerStyles } from '../styles/spinner.js';
import { theme } from '../styles/theme.js';
import { signOutButtonStyles } from './sign-out-button.styles.js';

/** The app's own button, when it wraps one: `<clerk-sign-out-button><button>Log out</button></clerk-sign-out-button>`. */
const WRAPPED_BUTTON = ':scope > button, :scope > [role="button"]';

/**
 * A button that signs the user out of Clerk and tells the page with a `signed-out` event.
 *
 * With no attributes it calls `clerk.signOut()`: every session in a multi-session app, the only one otherwise.
 * Wrap your own `<button>` to keep its look; the element then adds the behaviour to it.
 *
 * @summary Signs the user out through the provider's Clerk.
 * @slot - The label ("Sign out" by default), or your own `<button>` to use instead of the built-in one.
 * @csspart button - The built-in button.
 * @csspart spinner - The progress indicator shown while signing out.
 * @csspart error - The message shown when sign-out fails (announced to screen readers).
 * @cssproperty --clerk-sign-out-button-background - Background of the built-in button.
 * @cssproperty --clerk-sign-out-button-color - Text colour of the built-in button.
 * @cssproperty --clerk-sign-out-button-hover-background - Background on hover.
 * @cssproperty --clerk-sign-out-button-padding - Padding of the built-in button.
 * @fires sign-out - Before Clerk is called. Cancelable: `preventDefault()` stops the sign-out.
 * @fires signed-out - After Clerk signed out. Cancelable: `preventDefault()` stops the redirect.
 * @fires sign-out-error - Clerk refused, or an attribute is invalid. The user is still signed in.
 */
export class ClerkSignOutButton extends LitElement {
  static override styles = [theme, spinnerStyles, signOutButtonStyles];

  /** Sign out only this session (an id such as `sess_…` from `clerk.client.signedInSessions`). Wins over `scope`. */
  @property({ attribute: 'session-id' }) sessionId?: string;

  /** `all`: Clerk's default (every session; the only one in single-session apps). `current`: only the active session. */
  @property() scope: SignOutScope = 'all';

  /** Where to go after signing out: a path or a URL on this origin (or one the provider allows). Default: Clerk's `afterSignOutUrl`. */
  @property({ attribute: 'redirect-url' }) redirectUrl?: string;

  /** What to do while nobody is signed in (or Clerk is loading): `hide` the button, or show it `disable`d. */
  @property({ attribute: 'when-signed-out' }) whenSignedOut: 'hide' | 'disable' = 'hide';

  @state() private wrappedButton: HTMLElement | null = null;

  private readonly clerk = new ClerkController(this);

  /** True while the sign-out request is in flight. */
  get busy(): boolean {
    return this.clerk.pending !== null;
  }

  /** Runs the sign-out, exactly as a click does (events included). Resolves with the outcome. */
  async signOut(): Promise<SignOutResult> {
    const state = this.clerk.state;
    if (!state || this.busy) return { outcome: this.busy ? 'busy' : 'nothing-to-do' };
    const { scope, sessionId, redirectUrl } = this;
    return this.clerk.run('sign-out', 'signOutButton.error', (onStart) =>
      signOut({ host: this, state, scope, sessionId, redirectUrl, onStart }),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#findWrappedButton();
  }

  protected override updated(): void {
    const wrapped = this.wrappedButton;
    if (!wrapped) return;
    setOrRemoveAttribute(wrapped, 'aria-busy', this.busy ? 'true' : null);
    setOrRemoveAttribute(wrapped, 'aria-disabled', !this.clerk.signedIn || this.busy ? 'true' : null);
  }

  protected override render() {
    const signedIn = this.clerk.signedIn;
    if (!signedIn && this.whenSignedOut !== 'disable') return nothing;
    const error = html`<span id="error" part="error" role="alert">${this.clerk.error}</span>`;
    if (this.wrappedButton) {
      return html`<slot @slotchange=${this.#findWrappedButton} @click=${this.#onWrappedClick}></slot>${error}`;
    }
    return html`<button
        part="button"
        type="button"
        ?disabled=${!signedIn}
        aria-busy=${this.busy ? 'true' : 'false'}
        aria-disabled=${ifDefined(this.busy ? 'true' : undefined)}
        aria-describedby="error"
        @click=${this.#onClick}
      >
        ${this.busy ? spinner : nothing}
        <slot @slotchange=${this.#findWrappedButton}>${this.clerk.t('userButton.action__signOut')}</slot>
      </button>
      ${error}`;
  }

  #onClick(): void {
    if (this.clerk.signedIn) void this.signOut();
  }

  #onWrappedClick(event: Event): void {
    if (this.wrappedButton && event.composedPath().includes(this.wrappedButton)) this.#onClick();
  }

  #findWrappedButton(): void {
    this.wrappedButton = this.querySelector<HTMLElement>(WRAPPED_BUTTON);
  }
}
