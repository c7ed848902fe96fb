import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the dialog's keys and buttons do. */
export interface WarningActions {
  staySignedIn(): void;
  signOutNow(): void;
}

/**
 * The warning's modal dialog (WAI-ARIA APG "Alert and Message Dialogs"): opened with `showModal()` once rendered, so
 * the rest of the page is inert; "Stay signed in" focused; Tab and Shift+Tab cycle through the dialog's buttons; Enter (on
 * anything but a button) and Escape keep the session; focus goes back where it was when it closes.
 */
export class WarningDialog implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #actions: WarningActions;
  #returnFocus: HTMLElement | null = null;
  /** Set while this controller closes the dialog: any other close (the browser's own Escape handling) keeps the session. */
  #closing = false;

  constructor(host: ReactiveControllerHost & HTMLElement, actions: WarningActions) {
    this.#host = host;
    this.#actions = actions;
    host.addController(this);
  }

  hostUpdated(): void {
    const dialog = this.#dialog();
    if (!dialog || dialog.open) return;
    this.#returnFocus = focusedElement();
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[part~="stay-button"]')?.focus();
  }

  /** Closes the dialog (before the host stops rendering it) and puts focus back where it was. */
  close(): void {
    const dialog = this.#dialog();
    if (!dialog?.open) return;
    this.#closing = true;
    dialog.close();
    this.#closing = false;
    if (this.#returnFocus?.isConnected) this.#returnFocus.focus({ preventScroll: true });
    this.#returnFocus = null;
  }

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const onButton = (event.target as Element).localName === 'button';
    if (event.key === 'Escape' || (event.key === 'Enter' && !onButton)) {
      event.preventDefault();
      this.#actions.staySignedIn();
    } else if (event.key === 'Tab' || event.code === 'Tab') {
      // (WebKitGTK reports Shift+Tab as key "Unidentified", code "Tab".) Focus moves here, never by the browser's own
      // order, which leaves the dialog for the browser's toolbar at its ends.
      event.preventDefault();
      const buttons = [...this.#dialog()!.querySelectorAll('button')];
      const at = buttons.indexOf(this.#host.shadowRoot!.activeElement as HTMLButtonElement);
      const step = event.shiftKey ? -1 : 1;
      const from = at >= 0 ? at : step > 0 ? -1 : buttons.length;
      buttons[(from + step + buttons.length) % buttons.length].focus();
    }
  };

  /** Escape, as the browser reports it (its close request): keeps the session, and the dialog stays open until then. */
  readonly onCancel = (event: Event): void => {
    event.preventDefault();
    this.#actions.staySignedIn();
  };

  /** Closed by the browser (a close request it would not let be cancelled): Escape keeps the session. */
  readonly onClose = (): void => {
    if (!this.#closing) this.#actions.staySignedIn();
  };

  #dialog(): HTMLDialogElement | null {
    return this.#host.shadowRoot?.querySelector('dialog') ?? null;
  }
}

/** The focused element, inside shadow roots too. */
function focusedElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}
