import { LitElement, type PropertyDeclarations } from 'lit';
import { reverifyWithClerkUi, type Reverify } from '../flows/devices/reverify.js';

/**
 * The base of every element that signs other devices out (`<clerk-sign-out-button scope="other-devices">`, the menu's
 * "Sign out of all other devices", `<clerk-active-devices>`): Clerk may ask the user to confirm it is them first.
 */
export abstract class ReverifyingElement extends LitElement {
  static override properties: PropertyDeclarations = { reverify: { attribute: false } };

  /**
   * What to do when Clerk asks the user to confirm it is them before signing other devices out (403
   * `session_reverification_required`). Default: Clerk's own verification modal when Clerk's UI is loaded
   * (`reverifyWithClerkUi`); without it the element says so.
   */
  reverify: Reverify = reverifyWithClerkUi;
}
