import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ClerkSession, ClerkUser } from '../clerk/clerk.js';
import { hasClerkUi } from '../clerk/clerk-ui.js';
import { ClerkController } from '../clerk/clerk-controller.js';
import { addEnglishLabels, menuLabels, type LabelKey } from '../clerk/labels.js';
import { ReverifyingElement } from '../clerk/reverifying-element.js';
import { toError } from '../contract/errors.js';
import { revokeDevices } from '../flows/devices/revoke.js';
import { signOut } from '../flows/sign-out.js';
import { switchSession } from '../flows/switch-session.js';
import { CheckedUrls } from '../internal/checked-urls.js';
import { calloutStyles, messages, placeCallout } from '../styles/messages.js';
import { spinner, spinnerStyles } from '../styles/spinner.js';
import { theme } from '../styles/theme.js';
import { avatar } from './avatar.js';
import { addAccountIcon, manageAccountIcon, signOutIcon } from './menu-icons.js';
import { MenuKeyboardController } from './menu-keyboard.js';
import { MenuOpenController } from './menu-open.js';
import { MenuPopupController, popoverSupported } from './menu-popup.js';
import { displayName, secondaryLine } from './user-display.js';
import { userMenuStyles } from './user-menu.styles.js';

type SignOutKind = 'sign-out' | 'sign-out-all' | 'sign-out-other-devices';
/** The action in flight, shown as pending on its item: a sign-out, or switching accounts (`switch:<session id>`). */
type MenuAction = SignOutKind | `switch:${string}`;

/**
 * Clerk's UserButton as a web component: the user's avatar opens a menu with the account, "Manage account", the other
 * signed-in accounts (multi-session), "Add account", "Sign out" and "Sign out of all accounts" (and, opt-in, "Sign out of
 * all other devices"). Keyboard and screen reader behaviour follow the WAI-ARIA APG Menu Button pattern. Renders nothing
 * while nobody is signed in, and a placeholder of the trigger's size while Clerk loads (no layout shift).
 *
 * Every sign-out goes through the package's one sign-out flow, so the menu fires the same events as
 * `<clerk-sign-out-button>`. URL attributes are checked when they are set: a refused URL is reported in the console and
 * never navigated to; its link item is left out, and a refused `after-switch-session-url` (`redirect-url`) makes the
 * account items (the sign-out items) unavailable.
 *
 * A failed action's message (and "still trying" while one waits) shows in the open menu; closed, under the trigger,
 * taking no room in the page. Either way it is announced, from live regions outside the popup.
 *
 * @summary The signed-in user's avatar and account menu.
 * @slot item - Your own menu items: `<a slot="item" href="/billing">Billing</a>` or `<button slot="item">`. They get
 *   `role="menuitem"` and the menu's keyboard model, and sit between "Manage account" and "Sign out".
 * @csspart trigger - The avatar button that opens the menu.
 * @csspart avatar - Every avatar disc (trigger, preview, other accounts).
 * @csspart avatar-image - The user's picture inside an avatar.
 * @csspart initials - The initials shown when there is no picture (or it failed to load).
 * @csspart name - The user's name beside the avatar (`show-name`).
 * @csspart placeholder - What keeps the trigger's place while Clerk loads: a disc, and a bar for the name (`show-name`).
 * @csspart menu - The popup (positioned by the element: do not set its `display` or `position`).
 * @csspart preview - The signed-in user's avatar, name and email at the top of the popup.
 * @csspart preview-text - The preview's name and detail lines.
 * @csspart preview-name - The user's name in the preview.
 * @csspart preview-detail - The user's email (or username) in the preview.
 * @csspart item - Every built-in menu item.
 * @csspart manage-account - The "Manage account" item.
 * @csspart switch-account - An item that switches to another signed-in account.
 * @csspart account-text - The name and detail lines of a switch-account item.
 * @csspart account-detail - The email (or username) of a switch-account item.
 * @csspart add-account - The "Add account" item.
 * @csspart sign-out - The "Sign out" item.
 * @csspart sign-out-all - The "Sign out of all accounts" item.
 * @csspart sign-out-other-devices - The "Sign out of all other devices" item (`sign-out-other-devices`).
 * @csspart separator - The lines between the menu's sections.
 * @csspart spinner - The progress indicator on an item whose action is in flight.
 * @csspart messages - The box under the trigger that shows `error` and `notice` while the menu is closed: out of the
 *   page's flow, on the theme's surface, kept inside the viewport (the open menu shows them inside it).
 * @csspart error - The message when an action fails (`role="alert"`), or why an item is unavailable.
 * @csspart notice - The polite message (`role="status"`): still trying, after 3 s on a slow network.
 * @csspart icon - The icon of a built-in item (Manage account, Add account, the sign-out items).
 * @cssproperty --clerk-user-menu-avatar-size - Size of the trigger's avatar and of the placeholder (default 2rem).
 * @cssproperty --clerk-user-menu-preview-avatar-size - Size of the avatars inside the menu (default 2.25rem).
 * @cssproperty --clerk-user-menu-avatar-radius - Corner radius of avatars (default 50%, a disc).
 * @cssproperty --clerk-user-menu-avatar-background - Disc colour behind initials (default: one per user, from its id).
 * @cssproperty --clerk-user-menu-avatar-color - Colour of the initials (default white).
 * @cssproperty --clerk-user-menu-name-width - Width of the name (`show-name`), cut with an ellipsis; the placeholder
 *   reserves it (default: the name's own width; the placeholder's bar is 6em).
 * @cssproperty --clerk-user-menu-placeholder-background - Colour of the placeholder (default `--clerk-color-border`).
 * @cssproperty --clerk-user-menu-trigger-color - Text colour of the trigger (the `show-name` label).
 * @cssproperty --clerk-user-menu-background - Background of the menu (default `--clerk-color-surface`).
 * @cssproperty --clerk-user-menu-color - Text colour of the menu (default `--clerk-color-text`).
 * @cssproperty --clerk-user-menu-radius - Corner radius of the menu (default `--clerk-radius`).
 * @cssproperty --clerk-user-menu-shadow - Shadow of the menu (default `--clerk-shadow`).
 * @cssproperty --clerk-user-menu-font-size - Font size inside the menu (default 0.875rem).
 * @cssproperty --clerk-user-menu-min-width - Minimum width of the menu (default 16rem).
 * @cssproperty --clerk-user-menu-item-hover-background - Background of the hovered or focused item.
 * @cssproperty --clerk-user-menu-sign-out-color - Text colour of the sign-out items.
 * @cssproperty --clerk-user-menu-z-index - Stacking order in browsers without the popover attribute (default 1000).
 * @fires menu-open - The menu opened.
 * @fires menu-close - The menu closed; `detail.reason` says why (`escape`, `tab`, `outside`, `select`, …).
 * @fires session-switched - Another account is active now. Cancelable: `preventDefault()` stops the navigation.
 * @fires sign-out - Before Clerk is called. Cancelable: `preventDefault()` stops the sign-out.
 * @fires signed-out - After Clerk signed out. Cancelable: `preventDefault()` stops the redirect.
 * @fires sign-out-error - Clerk refused, or the request could not be sent (offline). The user is still signed in.
 * @fires device-sign-out - "Sign out of all other devices": before any device is signed out. Cancelable.
 * @fires device-signed-out - "Sign out of all other devices": other devices were signed out (this one stays signed in).
 */
export class ClerkUserMenu extends ReverifyingElement {
  static override properties: PropertyDeclarations = {
    open: { type: Boolean, reflect: true },
    showName: { type: Boolean, attribute: 'show-name' },
    userProfileUrl: { attribute: 'user-profile-url' },
    signInUrl: { attribute: 'sign-in-url' },
    afterSwitchSessionUrl: { attribute: 'after-switch-session-url' },
    redirectUrl: { attribute: 'redirect-url' },
    multiSession: { type: Boolean, attribute: 'multi-session' },
    signOutOtherDevices: { type: Boolean, attribute: 'sign-out-other-devices' },
  };

  static override styles = [theme, spinnerStyles, calloutStyles, userMenuStyles];

  static {
    addEnglishLabels(menuLabels);
  }

  /** Whether the menu is open. Setting it opens or closes the menu without moving focus. */
  open = false;

  /** Also show the user's name beside the avatar. */
  showName = false;

  /** Your account page. "Manage account" opens Clerk's account modal when Clerk's UI is loaded, else links here. */
  userProfileUrl?: string;

  /** Your sign-in page: the target of "Add account" (shown in multi-session apps only). */
  signInUrl?: string;

  /** Where to go after switching to another account (e.g. to reload data for it). Default: stay on the page. */
  afterSwitchSessionUrl?: string;

  /** Where to go after signing out (path or allowed URL). Default: Clerk's `afterSignOutUrl`. */
  redirectUrl?: string;

  /**
   * The Clerk application allows several signed-in accounts: show "Add account" even while only one is signed in.
   * Without it the menu counts as multi-session once the client has more than one signed-in session.
   */
  multiSession = false;

  /** Add "Sign out of all other devices" (before "Sign out"): every other device of the user; this one stays signed in. */
  signOutOtherDevices = false;

  readonly #clerk = new ClerkController<MenuAction>(this);
  readonly #keyboard: MenuKeyboardController;
  readonly #menu: MenuOpenController;
  readonly #urls = new CheckedUrls(this.localName, {
    'user-profile-url': 'leaves "Manage account" to Clerk\'s UI, or out',
    'sign-in-url': 'leaves "Add account" out',
    'after-switch-session-url': 'makes the other accounts inert',
    'redirect-url': 'makes its sign-out items unavailable',
  });

  #userId: string | null | undefined;

  constructor() {
    super();
    // After each update, in this order: the app's items get their role, the popup is shown or hidden (and placed),
    // `menu-open` / `menu-close` are dispatched, then focus moves.
    this.#keyboard = new MenuKeyboardController(this, {
      items: () => this.#items(),
      isOpen: () => this.open,
      open: (focus) => void this.#menu.open(focus),
      close: (reason) => this.#menu.close(reason, true),
    });
    new MenuPopupController(this, {
      popup: () => this.renderRoot.querySelector<HTMLElement>('#popup'),
      trigger: () => this.#trigger,
      isOpen: () => this.open,
      onOutsidePointer: () => this.#menu.close('outside', false),
    });
    this.#menu = new MenuOpenController(this, this.#keyboard, () => this.#trigger);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const state = this.#clerk.state;
    const user = this.#clerk.user;
    if (state?.status === 'ready') {
      const origins = state.allowedRedirectOrigins;
      this.#urls.check('user-profile-url', this.userProfileUrl, origins);
      this.#urls.check('sign-in-url', this.signInUrl, origins);
      this.#urls.check('after-switch-session-url', this.afterSwitchSessionUrl, origins);
      this.#urls.check('redirect-url', this.redirectUrl, origins);
    }
    // Opening the menu is the next action: other elements' old messages would show behind it.
    if (changed.get('open') === false) ClerkController.clearAll(this.#clerk);
    const userId = user?.id ?? null;
    if (userId !== this.#userId) {
      // Another account (or nobody): an old failure message no longer applies and the open menu showed someone else.
      if (this.#userId !== undefined) this.#clerk.clear();
      if (this.open && !this.#clerk.pending?.startsWith('switch:'))
        this.#menu.close('user-changed', this.#menu.focusInside());
      this.#userId = userId;
    }
    if (!user && this.open) this.#menu.close('user-changed', false);
  }

  protected override updated(): void {
    if (!this.open) placeCallout(this, this.#clerk);
  }

  protected override render() {
    const user = this.#clerk.user;
    if (!user) {
      return this.#clerk.loading
        ? html`<span part="placeholder" aria-hidden="true" ?data-name=${this.showName}></span>`
        : nothing;
    }
    const openLabel = this.#clerk.t('userButton.action__openUserMenu');
    // Closed, the popup keeps only the slot (the app's items stay assigned and keyboard-managed). The rest is rendered
    // on opening: a user switch updates a closed menu's trigger only.
    const open = this.open;
    return html`
      <button
        id="trigger"
        part="trigger"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="menu"
        aria-label=${this.showName ? nothing : openLabel}
        aria-labelledby=${this.showName ? 'name open-label' : nothing}
        aria-describedby=${ifDefined(this.#clerk.describedBy)}
        ?data-error=${!!this.#clerk.error && !open}
        @click=${this.#menu.toggle}
        @keydown=${this.#keyboard.onTriggerKeydown}
      >
        ${this.#avatar(user)}
        ${
          this.showName
            ? html`<span id="name" part="name">${displayName(user)}</span
                ><span id="open-label" hidden>${openLabel}</span>`
            : nothing
        }
      </button>
      ${messages(this.#clerk)}
      <div
        id="popup"
        part="menu"
        .popover=${'manual'}
        ?hidden=${!popoverSupported && !open}
        @keydown=${this.#keyboard.onMenuKeydown}
        @keyup=${this.#keyboard.onMenuKeyup}
        @click=${this.#onMenuClick}
      >
        ${open ? this.#preview(user) : nothing}
        <div id="menu" role="menu" aria-labelledby=${open ? 'preview' : nothing}>
          <div role="group" aria-label=${this.#clerk.t('userButton.label__accountActions')}>
            ${open ? this.#manageAccountItem() : nothing}
            <slot name="item" @slotchange=${this.#keyboard.sync}></slot>
            ${open ? this.#signOutItems() : nothing}
          </div>
          ${open ? this.#otherAccounts() : nothing}
        </div>
        ${
          // What the live regions above say, shown where the user looks (they are hidden while the menu is open).
          open
            ? html`<p part="error" aria-hidden="true">${this.#clerk.error}</p>
                <p part="notice" aria-hidden="true">${this.#clerk.notice}</p>`
            : nothing
        }
      </div>
    `;
  }

  // ---- popup content (open menu only)

  #preview(user: ClerkUser) {
    const detail = secondaryLine(user);
    return html`<div id="preview" part="preview">
      ${this.#avatar(user)}
      <span part="preview-text">
        <span part="preview-name">${displayName(user)}</span>
        ${detail ? html`<span part="preview-detail">${detail}</span>` : nothing}
      </span>
    </div>`;
  }

  #signOutItems() {
    const otherDevices = this.signOutOtherDevices
      ? this.#signOutItem('sign-out-other-devices', 'formFieldLabel__signOutOfOtherSessions')
      : nothing;
    return html`${otherDevices}${this.#signOutItem('sign-out', 'userButton.action__signOut')}`;
  }

  /** The other signed-in accounts, "Add account" and "Sign out of all accounts", with their separators. */
  #otherAccounts() {
    const others = this.#otherSessions;
    const addAccount = this.#addAccountItem(others.length > 0);
    return html`
      ${others.length || addAccount !== nothing ? html`<div role="separator" part="separator"></div>` : nothing}
      ${
        others.length
          ? html`<div role="group" aria-label=${this.#clerk.t('userButton.label__activeSessions')}>
              ${repeat(
                others,
                (session) => session.id,
                (session) => this.#switchItem(session),
              )}
            </div>`
          : nothing
      }
      ${addAccount}
      ${
        others.length
          ? html`<div role="separator" part="separator"></div>
              ${this.#signOutItem('sign-out-all', 'userButton.action__signOutAll')}`
          : nothing
      }
    `;
  }

  // ---- items

  #manageAccountItem() {
    const text = this.#clerk.t('userButton.action__manageAccount');
    const href = this.#urls.get('user-profile-url');
    if (href) {
      return html`<a
        part="item manage-account"
        role="menuitem"
        tabindex="-1"
        href=${href}
        @click=${this.#onManageAccount}
        >${manageAccountIcon}${text}</a
      >`;
    }
    if (!this.#clerkUiLoaded) return nothing;
    return html`<button
      part="item manage-account"
      role="menuitem"
      tabindex="-1"
      type="button"
      @click=${this.#onManageAccount}
    >
      ${manageAccountIcon}${text}
    </button>`;
  }

  #switchItem(session: ClerkSession) {
    const user = session.user!;
    const detail = secondaryLine(user);
    const pending = this.#clerk.pending === `switch:${session.id}`;
    const unavailable = this.#unavailable('after-switch-session-url');
    return html`<button
      part="item switch-account"
      role="menuitem"
      tabindex="-1"
      type="button"
      aria-disabled=${ifDefined(unavailable ? 'true' : undefined)}
      title=${ifDefined(unavailable)}
      aria-busy=${ifDefined(pending ? 'true' : undefined)}
      @click=${() => void this.#switchTo(session)}
    >
      ${this.#avatar(user)}
      <span part="account-text">
        <span>${displayName(user)}</span>
        ${detail ? html`<span part="account-detail">${detail}</span>` : nothing}
      </span>
      ${pending ? spinner : nothing}
    </button>`;
  }

  #addAccountItem(hasOtherSessions: boolean) {
    const href = this.#urls.get('sign-in-url');
    if (!href || !(this.multiSession || hasOtherSessions)) return nothing;
    return html`<a part="item add-account" role="menuitem" tabindex="-1" href=${href} @click=${this.#onLinkItem}
      >${addAccountIcon}${this.#clerk.t('userButton.action__addAccount')}</a
    >`;
  }

  #signOutItem(kind: SignOutKind, key: LabelKey) {
    const pending = this.#clerk.pending === kind;
    const unavailable = kind === 'sign-out-other-devices' ? undefined : this.#unavailable('redirect-url');
    return html`<button
      part="item ${kind}"
      role="menuitem"
      tabindex="-1"
      type="button"
      aria-disabled=${ifDefined(unavailable ? 'true' : undefined)}
      title=${ifDefined(unavailable)}
      aria-busy=${ifDefined(pending ? 'true' : undefined)}
      @click=${() => void this.#signOut(kind)}
    >
      ${signOutIcon}${this.#clerk.t(key)} ${pending ? spinner : nothing}
    </button>`;
  }

  #avatar(user: ClerkUser) {
    return avatar(user, this);
  }

  /** "Unavailable" (an item's reason) when the URL attribute its action needs was refused. */
  #unavailable(attribute: 'after-switch-session-url' | 'redirect-url'): string | undefined {
    return this.#urls.refused(attribute) ? this.#clerk.t('action.unavailable') : undefined;
  }

  /** A click on an unavailable item says so: a retry cannot fix an invalid attribute (the console says which). */
  #refuse(attribute: 'after-switch-session-url' | 'redirect-url'): boolean {
    const reason = this.#unavailable(attribute);
    if (reason) this.#clerk.error = reason;
    return !!reason;
  }

  // ---- actions

  async #signOut(kind: SignOutKind): Promise<void> {
    if (this.#clerk.pending || (kind !== 'sign-out-other-devices' && this.#refuse('redirect-url'))) return;
    // Read before signing out: while Clerk switches accounts the menu briefly renders nothing and focus falls to <body>.
    const hadFocus = this.#menu.focusInside();
    // With other accounts signed in, "Sign out" ends only this one (as Clerk's UserButton does).
    const scope = kind === 'sign-out' && this.#otherSessions.length ? 'current' : 'all';
    const result =
      kind === 'sign-out-other-devices'
        ? await this.#clerk.run(kind, 'userMenu.signOutOtherDevicesError', revokeDevices, {
            sessionIds: 'others',
            reverify: this.reverify,
          })
        : await this.#clerk.run(kind, 'userMenu.signOutError', signOut, { scope, redirectUrl: this.redirectUrl });
    // No other device to sign out is done too: the item did what it says.
    const done =
      result.outcome === 'signed-out' || (kind === 'sign-out-other-devices' && result.outcome === 'nothing-to-do');
    // The menu may already have closed while Clerk switched accounts; focus still goes back to the (new) trigger.
    if (done && this.open) this.#menu.close('select', hadFocus);
    else if (done) this.#menu.focusTriggerAfterUpdate(hadFocus);
  }

  async #switchTo(session: ClerkSession): Promise<void> {
    if (this.#clerk.pending || this.#refuse('after-switch-session-url')) return;
    await this.#clerk.run(`switch:${session.id}`, 'userMenu.switchSessionError', switchSession, {
      sessionId: session.id,
      redirectUrl: this.#urls.get('after-switch-session-url') ?? null,
      onSwitched: () => this.#menu.close('select', this.#menu.focusInside()),
    });
  }

  /** Clerk's account modal when Clerk's UI is loaded; otherwise the `user-profile-url` link does its normal job. */
  #onManageAccount = (event: MouseEvent): void => {
    if (this.#clerk.pending) return event.preventDefault();
    const link = event.currentTarget instanceof HTMLAnchorElement;
    if (link && (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) return;
    this.#clerk.error = '';
    const clerk = this.#clerk.instance;
    try {
      if (!clerk?.openUserProfile || (!link && !this.#clerkUiLoaded)) throw new Error('Clerk has no openUserProfile()');
      // With a link, try even without uiVersion: Clerk's UI may have been given as a promise that is still loading.
      clerk.openUserProfile();
      event.preventDefault();
    } catch (error) {
      if (!link) {
        console.error(
          `<${this.localName}> could not open Clerk's account page (${toError(error).message}). ` +
            `Load Clerk's UI, or set user-profile-url to your account page.`,
        );
        this.#clerk.error = this.#clerk.t('userMenu.manageAccountError');
        return;
      }
    }
    this.#menu.close('select', true);
  };

  #onLinkItem = (event: MouseEvent): void => {
    if (this.#clerk.pending) return event.preventDefault();
    this.#menu.close('select', true);
  };

  /** An app item (slotted) was chosen: close, as for built-in items. */
  #onMenuClick = (event: MouseEvent): void => {
    const path = event.composedPath();
    const chosen = this.#slottedItems().find((item) => path.includes(item));
    if (chosen && chosen.getAttribute('aria-disabled') !== 'true') this.#menu.close('select', true);
  };

  // ---- reading state and DOM

  /** The client's other signed-in accounts, in Clerk's order. */
  get #otherSessions(): ClerkSession[] {
    const state = this.#clerk.state;
    const current = state?.session?.id;
    return (state?.client?.signedInSessions ?? []).filter((session) => session.id !== current && !!session.user);
  }

  /** Clerk's UI is there (clerk-js 6 with `@clerk/ui`, or clerk-js 5); without it `openUserProfile()` throws. */
  get #clerkUiLoaded(): boolean {
    const clerk = this.#clerk.instance;
    return typeof clerk?.openUserProfile === 'function' && hasClerkUi(clerk);
  }

  get #trigger(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('#trigger');
  }

  #slottedItems(): HTMLElement[] {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="item"]');
    return (slot?.assignedElements({ flatten: true }) ?? []).filter(
      (element): element is HTMLElement =>
        element instanceof HTMLElement && !element.hidden && element.getAttribute('role') !== 'separator',
    );
  }

  /** Built-in and slotted items in the order they appear. */
  #items(): HTMLElement[] {
    const items: HTMLElement[] = [];
    for (const node of this.renderRoot.querySelectorAll<HTMLElement>('#menu [role="menuitem"], #menu slot')) {
      if (node instanceof HTMLSlotElement) items.push(...this.#slottedItems());
      else items.push(node);
    }
    return items;
  }
}
