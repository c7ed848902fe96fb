import type { ClerkLike } from '../clerk/clerk.js';

/** Every event bubbles and crosses shadow roots, so a listener on `document` hears all of them. */
// Each class's `type` is a static getter: a static field compiles to a static block, which bundlers keep, so every
// event class would ship in every app.
const crossing = { bubbles: true, composed: true } as const;

/** `sign-out`'s detail: which sessions are about to be signed out. */
export interface SignOutDetail {
  /** The session being signed out, or `null` for Clerk's default (all sessions; the only one in single-session apps). */
  readonly sessionId: string | null;
  readonly userId: string | null;
}

/** Before Clerk is called. Cancelable: `preventDefault()` stops the sign-out (e.g. to ask for confirmation first). */
export class SignOutEvent extends CustomEvent<SignOutDetail> {
  static get type() {
    return 'sign-out' as const;
  }
  constructor(detail: SignOutDetail) {
    super(SignOutEvent.type, { ...crossing, cancelable: true, detail });
  }
}

/** `signed-out`'s detail: the sessions that ended, and where the page goes next. */
export interface SignedOutDetail {
  /** The sessions that ended. */
  readonly sessionIds: readonly string[];
  readonly userId: string | null;
  /**
   * Where the page goes next, always an absolute URL (the router recipe of the docs' events page turns it into a path), or
   * `null` when nothing navigates (another account's session was removed).
   */
  readonly redirectUrl: string | null;
}

/** After Clerk confirmed the sign-out. Cancelable: `preventDefault()` keeps the page (e.g. an SPA router navigates). */
export class SignedOutEvent extends CustomEvent<SignedOutDetail> {
  static get type() {
    return 'signed-out' as const;
  }
  constructor(detail: SignedOutDetail) {
    super(SignedOutEvent.type, { ...crossing, cancelable: true, detail });
  }
}

/** `sign-out-error`'s detail: what went wrong, and which sessions are still signed in. */
export interface SignOutErrorDetail {
  readonly error: Error;
  /** The session asked to end, or `null` for all of them (as in `sign-out`). */
  readonly sessionId: string | null;
  /** The sessions asked to end that are still signed in (the server's answer, when it could be asked). */
  readonly sessionIds: readonly string[];
}

/** Clerk refused the sign-out, or the element was misconfigured. At least one session asked to end is still signed in. */
export class SignOutErrorEvent extends CustomEvent<SignOutErrorDetail> {
  static get type() {
    return 'sign-out-error' as const;
  }
  constructor(detail: SignOutErrorDetail) {
    super(SignOutErrorEvent.type, { ...crossing, detail });
  }
}

/** `device-sign-out`'s detail: the other devices about to be signed out. */
export interface DeviceSignOutDetail {
  /** The sessions (one per device) about to be signed out: other devices of the signed-in user, never this one. */
  readonly sessionIds: readonly string[];
  readonly userId: string | null;
}

/**
 * Before any device is signed out (nothing has been revoked yet). Cancelable: `preventDefault()` stops it, e.g. to ask
 * for confirmation first.
 */
export class DeviceSignOutEvent extends CustomEvent<DeviceSignOutDetail> {
  static get type() {
    return 'device-sign-out' as const;
  }
  constructor(detail: DeviceSignOutDetail) {
    super(DeviceSignOutEvent.type, { ...crossing, cancelable: true, detail });
  }
}

/** `device-signed-out`'s detail: the other devices that were signed out. */
export interface DeviceSignedOutDetail {
  /** The sessions the Frontend API no longer lists as signed in: those devices are signed out. */
  readonly sessionIds: readonly string[];
  readonly userId: string | null;
}

/**
 * Devices were signed out: Clerk's Frontend API confirmed it. Only the sessions really gone are named; when others
 * asked for are still signed in, a `sign-out-error` follows, naming them.
 */
export class DeviceSignedOutEvent extends CustomEvent<DeviceSignedOutDetail> {
  static get type() {
    return 'device-signed-out' as const;
  }
  constructor(detail: DeviceSignedOutDetail) {
    super(DeviceSignedOutEvent.type, { ...crossing, detail });
  }
}

/** `<clerk-provider>` has a loaded Clerk. */
export class ClerkLoadedEvent extends CustomEvent<{ readonly clerk: ClerkLike }> {
  static get type() {
    return 'clerk-loaded' as const;
  }
  constructor(clerk: ClerkLike) {
    super(ClerkLoadedEvent.type, { ...crossing, detail: { clerk } });
  }
}

/** `<clerk-provider>` could not load Clerk. `detail.error.message` names the attribute to fix. */
export class ClerkErrorEvent extends CustomEvent<{ readonly error: Error }> {
  static get type() {
    return 'clerk-error' as const;
  }
  constructor(error: Error) {
    super(ClerkErrorEvent.type, { ...crossing, detail: { error } });
  }
}

/**
 * `<clerk-provider>` gave up making one of this browser's signed-in accounts active (`detail.sessionIds`) after trying
 * for about two minutes: Clerk shows nobody, the server still has them, so the elements show neither signed in nor
 * signed out. The provider still tries when the window gets focus or the browser comes back online; a page load also
 * shows the account. E.g. offer a reload.
 */
export class SessionUnavailableEvent extends CustomEvent<{ readonly sessionIds: readonly string[] }> {
  static get type() {
    return 'session-unavailable' as const;
  }
  constructor(sessionIds: readonly string[]) {
    super(SessionUnavailableEvent.type, { ...crossing, detail: { sessionIds } });
  }
}

/** `<clerk-user-menu>` opened its menu. */
export class MenuOpenEvent extends Event {
  static get type() {
    return 'menu-open' as const;
  }
  constructor() {
    super(MenuOpenEvent.type, crossing);
  }
}

/** Why the menu closed: a key, a click outside, focus leaving, an item chosen, the user changing, or the `open` property. */
export type MenuCloseReason =
  'escape' | 'tab' | 'outside' | 'focus-out' | 'trigger' | 'select' | 'user-changed' | 'property';

/** `<clerk-user-menu>` closed its menu. */
export class MenuCloseEvent extends CustomEvent<{ readonly reason: MenuCloseReason }> {
  static get type() {
    return 'menu-close' as const;
  }
  constructor(reason: MenuCloseReason) {
    super(MenuCloseEvent.type, { ...crossing, detail: { reason } });
  }
}

/** `session-switched`'s detail: the account that is active now, and where the page goes next. */
export interface SessionSwitchedDetail {
  /** The session that is active now. */
  readonly sessionId: string;
  readonly userId: string | null;
  /** Where the page goes next (`after-switch-session-url`), or `null` when nothing navigates. */
  readonly redirectUrl: string | null;
}

/** Another signed-in account became the active one. Cancelable: `preventDefault()` stops the navigation to `redirectUrl`. */
export class SessionSwitchedEvent extends CustomEvent<SessionSwitchedDetail> {
  static get type() {
    return 'session-switched' as const;
  }
  constructor(detail: SessionSwitchedDetail) {
    super(SessionSwitchedEvent.type, { ...crossing, cancelable: true, detail });
  }
}

/** `idle-warning`'s detail: when the idle session ends, and when the warning is over. */
export interface IdleWarningDetail {
  /** When the sign-out runs unless someone is active in any tab: a time as `Date.now()` gives it (milliseconds). */
  readonly deadline: number;
  /**
   * Aborts when the warning is over: someone was active (in any tab), `staySignedIn()` or `signOutNow()` was called, the
   * deadline passed, or the element left the page. Close your own dialog then.
   */
  readonly signal: AbortSignal;
}

/**
 * `<clerk-idle-sign-out>` is about to sign the idle user out. Cancelable: `preventDefault()` shows your own dialog
 * instead of the element's; the element keeps the deadline, and your dialog calls its `staySignedIn()` or `signOutNow()`.
 */
export class IdleWarningEvent extends CustomEvent<IdleWarningDetail> {
  static get type() {
    return 'idle-warning' as const;
  }
  constructor(detail: IdleWarningDetail) {
    super(IdleWarningEvent.type, { ...crossing, cancelable: true, detail });
  }
}

/**
 * Why a session ended: `sign-out` (signed out on this page, by an element or by the app's own `clerk.signOut()`),
 * `other-tab` (another tab of this browser signed out), `revoked` (ended on the server while this page held it: another
 * device, the dashboard, the Backend API), `expired` (its lifetime or inactivity limit passed), `idle` (an idle sign-out,
 * in this tab or another), or `unknown` (the evidence names none of these).
 */
export type SessionEndReason = 'sign-out' | 'other-tab' | 'revoked' | 'expired' | 'idle' | 'unknown';

/** `session-end`'s detail: which session ended, whose it was, and why. */
export interface SessionEndDetail {
  readonly sessionId: string;
  readonly userId: string | null;
  readonly reason: SessionEndReason;
}

/**
 * A session this page showed as signed in stopped being signed in, whatever ended it; once per session, before any
 * navigation the elements make. `<clerk-provider>` dispatches it; not cancelable (the session has ended).
 */
export class SessionEndEvent extends CustomEvent<SessionEndDetail> {
  static get type() {
    return 'session-end' as const;
  }
  constructor(detail: SessionEndDetail) {
    super(SessionEndEvent.type, { ...crossing, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sign-out': SignOutEvent;
    'signed-out': SignedOutEvent;
    'sign-out-error': SignOutErrorEvent;
    'clerk-loaded': ClerkLoadedEvent;
    'clerk-error': ClerkErrorEvent;
    'session-unavailable': SessionUnavailableEvent;
    'menu-open': MenuOpenEvent;
    'menu-close': MenuCloseEvent;
    'session-switched': SessionSwitchedEvent;
    'device-sign-out': DeviceSignOutEvent;
    'device-signed-out': DeviceSignedOutEvent;
    'idle-warning': IdleWarningEvent;
    'session-end': SessionEndEvent;
  }
}
