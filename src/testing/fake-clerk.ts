import type {
  ClerkClient,
  ClerkLike,
  ClerkLoadOptions,
  ClerkResources,
  ClerkSession,
  ClerkSessionActivity,
  ClerkSessionWithActivities,
  ClerkSignOutOptions,
  ClerkUser,
} from '../clerk/clerk.js';
import { DEFAULT_ACTIVITY, type EmulatorActivity } from './emulator-protocol.js';

/** What `fakeUser()` takes; anything left out gets a default (Ada Lovelace, an email from the id, no picture). */
export interface FakeUserInit {
  id?: string;
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
  email?: string | null;
  imageUrl?: string;
}

let counter = 0;
let clients = 0;

/**
 * A user for `FakeClerk`, shaped like clerk-js's (`fullName`, `primaryEmailAddress`, …).
 *
 * @example
 * ```ts
 * import { FakeClerk, fakeUser } from 'clerk-sign-out-elements/testing';
 *
 * const clerk = new FakeClerk({ users: [fakeUser({ firstName: 'Ada' }), fakeUser({ firstName: 'Grace' })] });
 * ```
 */
export function fakeUser(init: FakeUserInit = {}): ClerkUser {
  const id = init.id ?? `user_${++counter}`;
  const firstName = init.firstName === undefined ? 'Ada' : init.firstName;
  const lastName = init.lastName === undefined ? 'Lovelace' : init.lastName;
  const email = init.email === undefined ? `${id}@example.com` : init.email;
  return {
    id,
    firstName,
    lastName,
    fullName: [firstName, lastName].filter(Boolean).join(' ') || null,
    username: init.username ?? null,
    imageUrl: init.imageUrl ?? '',
    hasImage: !!init.imageUrl,
    primaryEmailAddress: email ? { id: `idn_${id}`, emailAddress: email } : null,
  };
}

/** What `new FakeClerk()` takes: its users (each signed in), which is active, and how it loads and answers. */
export interface FakeClerkInit {
  /** One signed-in session per user; the first is active unless `activeUserId` says otherwise. */
  users?: ClerkUser[];
  activeUserId?: string;
  /** Start as already loaded (default) or let the provider call `load()`. */
  loaded?: boolean;
  /** Pretend Clerk's UI bundle is loaded (`openUserProfile()` works). Default: no UI, as clerk-js 6 without `@clerk/ui`. */
  uiVersion?: string;
  /**
   * Awaited before every answer of the fake Frontend API (`signOut`, `setActive`, `client.reload`), named by the call;
   * e.g. fast-check's scheduler (`(call) => s.schedule(Promise.resolve(), call)`) to explore every interleaving.
   */
  latency?: (call: FakeCall) => Promise<unknown>;
  /**
   * Tell other tabs, as clerk-js does: `{ type: 'signout' }` on the `clerk` BroadcastChannel after it signed this page
   * out of its current session (a sign-out, or one learned from the server). Off by default, since every page of the
   * origin would hear it: import `clerk-sign-out-elements/testing/isolate-tabs.js` first in a test file that turns it on.
   */
  tabs?: boolean;
}

/** clerk-js's `status` values. */
export type FakeClerkStatus = 'loading' | 'ready' | 'degraded' | 'error';

/**
 * The fake Frontend API calls, by name: sign-out, session switch, client reload, the user's devices (list, revoke), and
 * clerk-js learning what the server has (`touch`: `touchSession()`, `signOutInAnotherTab()`).
 */
export type FakeCall = 'signOut' | 'setActive' | 'reload' | 'getSessions' | 'revoke' | 'touch';

/**
 * What goes wrong with one call of the fake Frontend API (`FakeClerk.fault`):
 * - `error`: it rejects (a 5xx, a connection dropped while online). `getSessions` resolves `[]` instead, as clerk-js
 *   does after any failure;
 * - `lost`: it resolves as if answered, with nothing changed on the server, as clerk-js does offline: `reload` keeps
 *   the client as it was, `getSessions` resolves `[]`; `setActive` switches on this page (as clerk-js 5 also does
 *   when its `touch` fails);
 * - `stale`: `getSessions` answers what the server had when it was asked, however late the answer arrives.
 */
export type FakeFault = 'error' | 'lost' | 'stale';

/** The calls `FakeClerk.fault` can make go wrong: the follow-ups of every flow (activation, client reload, device list). */
export type FakeFaultableCall = 'setActive' | 'reload' | 'getSessions';

/** Where and how a fake device was last used (clerk-js `SessionActivity`): the shape the emulator takes too. */
export type FakeActivity = EmulatorActivity;

/** Another device where a user is signed in (`FakeClerk.addDevice`). */
export interface FakeDeviceInit {
  /** Default: the signed-in user. */
  userId?: string;
  activity?: Partial<FakeActivity>;
  /** Default: one hour ago. */
  lastActiveAt?: Date;
}

/** A fake of clerk-js's ClerkAPIResponseError: `message` is the entry's long message, `errors[].code` the code. */
export function clerkApiError(
  status: number,
  code: string,
  longMessage: string,
  message = longMessage,
): Error & {
  status: number;
  errors: Array<{ code: string; message: string; longMessage: string }>;
} {
  return Object.assign(new Error(longMessage), { status, errors: [{ code, message, longMessage }] });
}

/** What clerk-js 6.40 rejects with when Clerk answers 403 `session_reverification_required` (seen against the emulator). */
export function reverificationRequiredError() {
  return clerkApiError(
    403,
    'session_reverification_required',
    'You need to provide additional verification to perform this operation',
    'Reverification required',
  );
}

interface FakeDeviceSession {
  id: string;
  userId: string;
  status: 'active' | 'revoked';
  lastActiveAt: Date;
  activity: FakeActivity;
}

interface PendingDeviceCall {
  error?: Error;
  gate?: Promise<void>;
  /** revoke: the server ended the session although the answer is an error (e.g. revoked elsewhere first). */
  endedOnServer?: boolean;
  /** revoke: resolve without an answer (status stays `active`), as clerk-js does offline. getSessions: resolve `[]`. */
  swallowed?: boolean;
}

interface PendingSignOut {
  error?: Error;
  gate?: Promise<void>;
  /** The server ended the sessions although the answer is an error (e.g. a 401: they had ended elsewhere already). */
  endedOnServer?: boolean;
  /** Resolve without ending anything, as clerk-js 6.40 does after a network error (it clears user and session). */
  swallowed?: boolean;
  /** The network is down: the `client.reload()` that follows fails too. */
  reloadFails?: boolean;
}

/**
 * An in-memory Clerk for fast unit tests, with the behaviour of clerk-js 6 that the elements depend on: `signOut` clears
 * user/session first (listeners see `undefined`), ends all sessions or one, navigates unless given a callback, and leaves
 * user/session `undefined` when it fails. It records every call so tests can assert on them.
 */
export class FakeClerk implements ClerkLike {
  loaded: boolean;
  client: ClerkClient | undefined;
  session: ClerkSession | null | undefined = null;
  user: ClerkUser | null | undefined = null;
  loadOptions: ClerkLoadOptions | undefined;
  /** Set: `openUserProfile()` works. `undefined`: it throws as clerk-js does without Clerk's UI bundle. */
  uiVersion: string | undefined;
  /**
   * The browser lost its connection (set it with `navigator.onLine`): every call answered from now on, including one
   * already in flight, resolves as clerk-js does offline, without reaching the server (see `FakeFault` `lost`);
   * `signOut` of the current session clears it on this page only, the client still listing it.
   *
   * @example
   * ```ts
   * Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
   * clerk.offline = true; // the elements refuse at once; a call already in flight "succeeds" on this page only
   * ```
   */
  offline = false;

  readonly signOutCalls: ClerkSignOutOptions[] = [];
  readonly setActiveCalls: Array<string | null> = [];
  /** How many times `openUserProfile()` was called (including calls that threw). */
  openUserProfileCalls = 0;
  readonly navigations: string[] = [];
  /** The most Frontend API calls this fake ever had in flight at once (the elements send one at a time). */
  maxCallsInFlight = 0;
  #callsInFlight = 0;
  #listeners = new Set<(resources: ClerkResources) => void>();
  #next: PendingSignOut[] = [];
  #faults = new Map<FakeFaultableCall, Array<{ kind: FakeFault; error: Error }>>();
  /** What the client shows; the server's truth is `#server`, and `client.reload()` brings the client in line with it. */
  #sessions: ClerkSession[];
  #server = new Set<string>();
  #clientId = `client_fake_${++clients}`;
  #latency: FakeClerkInit['latency'];
  #tabs: boolean;
  #channel?: BroadcastChannel;

  // Other devices: the users' sessions elsewhere, and the calls on them.
  /** The session ids `revoke()` was called for, in order (failed calls included). */
  readonly revokeCalls: string[] = [];
  /** How many times `user.getSessions()` reached the fake Frontend API (cached answers are not counted). */
  getSessionsCalls = 0;
  /** How many times `__internal_openReverification()` was called. */
  openReverificationCalls = 0;
  /** What the user does in Clerk's reverification modal (`__internal_openReverification`, needs `uiVersion`). */
  reverificationAnswer: 'verify' | 'cancel' = 'verify';
  #devices = new Map<string, FakeDeviceSession>();
  #deviceCounter = 0;
  #nextGetSessions: PendingDeviceCall[] = [];
  #nextRevoke: PendingDeviceCall[] = [];
  #reverificationsLeft = 0;
  #nextLoad: { error?: Error; gate?: Promise<void>; degraded?: boolean } | undefined;
  #status: FakeClerkStatus | undefined;
  #statusHandlers = new Set<(status: FakeClerkStatus) => void>();

  constructor(init: FakeClerkInit = {}) {
    this.loaded = init.loaded ?? true;
    this.uiVersion = init.uiVersion;
    this.#latency = init.latency;
    this.#tabs = init.tabs ?? false;
    this.#sessions = (init.users ?? []).map(newSession);
    for (const session of this.#sessions) this.#server.add(session.id);
    for (const session of this.#sessions) this.#equip(session.user);
    this.client = this.#makeClient();
    const active = this.#sessions.find((session) => session.user?.id === init.activeUserId) ?? this.#sessions[0];
    this.#activate(active ?? null, false);
  }

  /** A loaded fake with one signed-in user. */
  static signedIn(user: FakeUserInit = {}): FakeClerk {
    return new FakeClerk({ users: [fakeUser(user)] });
  }

  /** A loaded fake with several signed-in sessions (a multi-session client); the first is active. */
  static multiSession(count = 2): FakeClerk {
    const names = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara'];
    return new FakeClerk({
      users: Array.from({ length: count }, (_, i) => fakeUser({ firstName: names[i % names.length] })),
    });
  }

  /** How many listeners are subscribed right now (the provider should hold exactly one). */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** The sessions the fake server has signed in (the truth a page learns through `client.reload()`). */
  get serverSessionIds(): string[] {
    return [...this.#server];
  }

  /**
   * Makes the next `signOut` reject with this error, as clerk-js does when the Frontend API answers an error. With
   * `endedOnServer`, the server has ended the sessions anyway (e.g. a 401 because they were revoked elsewhere): the
   * client still lists them until it is reloaded. With `reloadFails`, the `client.reload()` after it fails too.
   */
  failNextSignOut(
    error: Error = Object.assign(new Error('Something went wrong. Please try again.'), { status: 500 }),
    options: { endedOnServer?: boolean; reloadFails?: boolean } = {},
  ): void {
    this.#next.push({ error, ...options });
  }

  /** Makes the next `signOut` resolve without reaching the server, as clerk-js 6.40 does after a network error. */
  swallowNextSignOut(): void {
    this.#next.push({ swallowed: true });
  }

  /** Makes the next `client.reload()` reject (the Frontend API did not answer). */
  failNextReload(error: Error = new Error('ClerkJS: Network error')): void {
    this.fault('reload', 'error', error);
  }

  /**
   * Makes the next call of `call` go wrong (see `FakeFault`); faults of one call are used in the order given, by the
   * calls made after this (whenever they are answered).
   *
   * @example
   * ```ts
   * const clerk = FakeClerk.multiSession(2);
   * clerk.fault('setActive', 'error'); // activating the remaining account after "Sign out" fails once
   * clerk.fault('reload', 'lost'); // the client reload after a failure answers nothing new (offline)
   * ```
   */
  fault(call: FakeFaultableCall, kind: FakeFault, error: Error = new Error('ClerkJS: Network error')): void {
    const queue = this.#faults.get(call) ?? [];
    this.#faults.set(call, [...queue, { kind, error }]);
  }

  /**
   * Forgets every fault queued with `fault` (and `failNextSetActive`, `failNextReload`) that no call has used yet.
   *
   * @example
   * ```ts
   * clerk.fault('setActive', 'error');
   * clerk.clearFaults(); // the fault clears: the next activation succeeds
   * ```
   */
  clearFaults(): void {
    this.#faults.clear();
  }

  /** Holds the next `signOut` in flight until the returned function is called; with `error`, it then fails with it. */
  holdNextSignOut(error?: Error): () => void {
    let release!: () => void;
    this.#next.push({ gate: new Promise<void>((resolve) => (release = resolve)), error });
    return release;
  }

  /** Adds a signed-in session (another account on this client) without making it active. */
  addSession(user: ClerkUser = fakeUser()): ClerkSession {
    this.#equip(user);
    const session = newSession(user);
    this.#sessions.push(session);
    this.#server.add(session.id);
    this.client = this.#makeClient();
    this.#emit();
    return session;
  }

  /**
   * Another tab signs in (clerk-js hears of it and refetches the client): the session is added, and becomes the active
   * one when nobody was signed in on this page.
   */
  signInElsewhere(user: ClerkUser = fakeUser()): ClerkSession {
    this.#equip(user);
    const session = newSession(user);
    this.#sessions.push(session);
    this.#server.add(session.id);
    this.client = this.#makeClient();
    // While a change is in flight (`undefined`) this page shows nobody yet, but it is not "nobody signed in".
    if (this.session !== null) this.#emit();
    else this.#activate(session);
    return session;
  }

  /**
   * Ends one session from outside the page, and the page learns it at once, with no other evidence (its `session-end`
   * says `revoked`). For a sign-out in another tab use `signOutInAnotherTab`, for a revocation learned on focus
   * `revokeElsewhere` + `touchSession`.
   */
  endSessionElsewhere(sessionId: string): void {
    const wasCurrent = this.session?.id === sessionId;
    this.#server.delete(sessionId);
    this.#sessions = this.#sessions.filter((session) => session.id !== sessionId);
    this.client = this.#makeClient();
    if (wasCurrent) this.#activate(this.#sessions[0] ?? null);
    else this.#emit();
  }

  /** Makes the next `setActive` reject with this error and leave the active session as it was. */
  failNextSetActive(error: Error = new Error('Something went wrong. Please try again.')): void {
    this.fault('setActive', 'error', error);
  }

  /** Ends every session from outside the page, learned at once with no other evidence (as `endSessionElsewhere`). */
  endAllSessionsElsewhere(): void {
    this.#server.clear();
    this.#sessions = [];
    this.client = this.#makeClient();
    this.#activate(null);
  }

  /**
   * The session's lifetime runs out: its `expireAt` (on the object the page holds, as time passing would make it) is
   * now, and the server no longer has it signed in. The page learns it as clerk-js does, on its next request to the
   * server (`touchSession()`).
   */
  expireSession(sessionId: string): void {
    const session = this.#sessions.find((candidate) => candidate.id === sessionId);
    if (session) session.expireAt = new Date();
    this.#server.delete(sessionId);
  }

  /**
   * What clerk-js does when the window regains focus (a `touch` of the current session; a token refresh ends the same
   * way): when the server ended it (`revokeElsewhere`, `expireSession`), a 401 makes clerk-js read the client again and
   * show nobody signed in, without ever reporting `undefined`. Resolves once the page knows.
   *
   * @example
   * const clerk = FakeClerk.signedIn();
   * clerk.revokeElsewhere(clerk.session!.id); // Clerk's dashboard, or another device
   * await clerk.touchSession(); // the tab regains focus: the provider fires `session-end` with reason `revoked`
   */
  async touchSession(): Promise<void> {
    const session = this.session;
    await this.#call('touch');
    if (session && !this.#server.has(session.id)) this.#fromServer();
  }

  /**
   * Another tab of this browser signs out (`sessionId`, or every session), as clerk-js there does: the server ends the
   * sessions, that tab posts `{ type: 'signout' }` on the `clerk` BroadcastChannel, and this page's Clerk, hearing it
   * while it shows a session, reads the client again. Resolves once the page knows (or, showing no session, ignored it). Import `clerk-sign-out-elements/testing/isolate-tabs.js`
   * first in the test file: the message reaches every page of the origin otherwise.
   *
   * @example
   * import 'clerk-sign-out-elements/testing/isolate-tabs.js';
   * const clerk = FakeClerk.signedIn();
   * await clerk.signOutInAnotherTab(); // the provider fires `session-end` with reason `other-tab`
   */
  async signOutInAnotherTab(sessionId?: string): Promise<void> {
    // That tab shares this client: it has nothing to sign out once the server has none of them.
    const ending = this.#sessions.filter(
      (session) => (!sessionId || session.id === sessionId) && this.#server.has(session.id),
    );
    if (!ending.length) return;
    for (const session of ending) this.#server.delete(session.id);
    const otherTab = new BroadcastChannel('clerk');
    const thisTab = new BroadcastChannel('clerk');
    const heard = new Promise((resolve) => (thisTab.onmessage = resolve));
    otherTab.postMessage({ type: 'signout' });
    await heard;
    otherTab.close();
    thisTab.close();
    // clerk-js acts on it only while it shows a session: it then reads the client, and tells no one in turn.
    if (!this.session) return;
    await this.#call('touch');
    this.#fromServer(false);
  }

  /**
   * Gives the session tasks to complete (Clerk's session tasks, e.g. `['choose-organization']`): it is `pending` until
   * they are `[]` again, and stays signed in. Listeners get it at once, as one change of the same session.
   *
   * @example
   * const clerk = FakeClerk.signedIn();
   * clerk.setSessionTasks(clerk.session!.id, ['choose-organization']); // <clerk-signed-in> hides its content
   */
  setSessionTasks(sessionId: string, tasks: string[]): void {
    const index = this.#sessions.findIndex((candidate) => candidate.id === sessionId);
    if (index < 0) throw new Error(`FakeClerk.setSessionTasks: no signed-in session ${sessionId}.`);
    const session: ClerkSession & { tasks?: Array<{ key: string }> | null } = {
      ...this.#sessions[index],
      status: tasks.length ? 'pending' : 'active',
      tasks: tasks.length ? tasks.map((key) => ({ key })) : null,
    };
    this.#sessions[index] = session;
    this.client = this.#makeClient();
    if (this.session?.id === sessionId) this.#activate(session);
    else this.#emit();
  }

  /**
   * Signs a user (default: the signed-in one) in on another device, with what Clerk would know of it. Returns the
   * device's session id; `user.getSessions()` lists it (after this client's session), and `revoke()` signs it out.
   */
  addDevice(init: FakeDeviceInit = {}): string {
    const userId = init.userId ?? this.user?.id;
    if (!userId) throw new Error('FakeClerk.addDevice: nobody is signed in; pass `userId`.');
    const id = `sess_device_${++this.#deviceCounter}_${userId}`;
    const activity = { ...DEFAULT_ACTIVITY, ipAddress: `203.0.113.${this.#deviceCounter}`, ...init.activity };
    const lastActiveAt = init.lastActiveAt ?? new Date(Date.now() - 3600_000);
    this.#devices.set(id, { id, userId, status: 'active', lastActiveAt, activity });
    return id;
  }

  /** The sessions the fake server has signed in on other devices (all users), in the order they were added. */
  get deviceSessionIds(): string[] {
    return [...this.#devices.values()].filter((device) => device.status === 'active').map((device) => device.id);
  }

  /** Another device (or Clerk's dashboard) revokes a session: the server no longer has it signed in. */
  revokeElsewhere(sessionId: string): void {
    this.#endOnServer(sessionId);
  }

  /** Makes the next `getSessions()` resolve `[]`, as clerk-js 6.40 does after any failure (it catches every error). */
  failNextGetSessions(): void {
    this.#nextGetSessions.push({ swallowed: true });
  }

  /** Holds the next `getSessions()` in flight until the returned function is called. */
  holdNextGetSessions(): () => void {
    let release!: () => void;
    this.#nextGetSessions.push({ gate: new Promise<void>((resolve) => (release = resolve)) });
    return release;
  }

  /**
   * Makes the next `revoke()` reject with this error (default: a 500 shaped like clerk-js's ClerkAPIResponseError). With
   * `endedOnServer`, the session was signed out anyway (e.g. another device revoked it first: Clerk answers 404 or 401).
   */
  failNextRevoke(
    error: Error = clerkApiError(
      500,
      'internal_clerk_error',
      "There was an internal error on our servers. We've been notified and are working on fixing it.",
    ),
    options: { endedOnServer?: boolean } = {},
  ): void {
    this.#nextRevoke.push({ error, ...options });
  }

  /** Makes the next `revoke()` resolve without an answer (the session stays `active`), as clerk-js does offline. */
  swallowNextRevoke(): void {
    this.#nextRevoke.push({ swallowed: true });
  }

  /** Holds the next `revoke()` in flight until the returned function is called; with `error`, it then fails with it. */
  holdNextRevoke(error?: Error): () => void {
    let release!: () => void;
    this.#nextRevoke.push({ gate: new Promise<void>((resolve) => (release = resolve)), error });
    return release;
  }

  /**
   * Makes the next `times` revocations answer 403 `session_reverification_required` (`reverificationRequiredError()`),
   * until then or until the user verifies in `__internal_openReverification` (with `uiVersion` set).
   */
  requireReverification(times = 1): void {
    this.#reverificationsLeft = times;
  }

  /**
   * Clerk's reverification modal (clerk-js 6.40, Clerk's UI bundle needed: it throws without `uiVersion`, as clerk-js
   * does). The fake user answers `reverificationAnswer`: `verify` ends the reverification requirement.
   */
  __internal_openReverification(
    props: { afterVerification?: () => void; afterVerificationCancelled?: () => void } = {},
  ): void {
    this.openReverificationCalls++;
    if (!this.uiVersion) throw new Error('Clerk was not loaded with Ui components');
    const answer = this.reverificationAnswer;
    queueMicrotask(() => {
      if (answer === 'verify') {
        this.#reverificationsLeft = 0;
        props.afterVerification?.();
      } else {
        props.afterVerificationCancelled?.();
      }
    });
  }

  /**
   * A slow Clerk: the next `load()` stays pending until the returned function is called (the provider stays `loading`).
   * Needs `loaded: false`, so that the provider calls `load()`.
   *
   * @example
   * const clerk = new FakeClerk({ users: [fakeUser()], loaded: false });
   * const finishLoading = clerk.holdNextLoad();
   * provider.clerk = clerk; // placeholders while Clerk loads
   * finishLoading(); // now signed in
   */
  holdNextLoad(): () => void {
    let release!: () => void;
    this.#nextLoad = { gate: new Promise<void>((resolve) => (release = resolve)) };
    return release;
  }

  /**
   * Clerk unavailable: the next `load()` rejects with this error (as clerk-js does when its Frontend API cannot be
   * reached), so the provider reports `clerk-error`. Needs `loaded: false`.
   *
   * @example
   * const clerk = new FakeClerk({ loaded: false });
   * clerk.failNextLoad();
   * provider.clerk = clerk; // the provider's status becomes 'error'
   */
  failNextLoad(error: Error = new Error('ClerkJS: Network error at "https://clerk.example.com/v1/environment"')): void {
    this.#nextLoad = { error };
  }

  /**
   * Clerk's Frontend API down at load: the next `load()` resolves with `status` `degraded`, as clerk-js 5 and 6 do. With
   * no users (a browser without a session cookie) nobody is known, and the provider reports `error`; with users, they
   * stay signed in (clerk-js read the session cookie). Needs `loaded: false`.
   *
   * @example
   * const clerk = new FakeClerk({ loaded: false });
   * clerk.degradeNextLoad();
   * provider.clerk = clerk; // <clerk-failed> and <clerk-degraded> show
   */
  degradeNextLoad(): void {
    this.#nextLoad = { ...this.#nextLoad, degraded: true };
  }

  /**
   * Clerk's Frontend API starts failing after load (clerk-js: a session token could not be refreshed): `status`
   * becomes `degraded`; whoever is signed in stays so.
   */
  degrade(): void {
    this.#setStatus('degraded');
  }

  /** clerk-js's `status`: `loading`, then `ready`; `degraded` while its Frontend API fails; `error` after a failed `load()`. */
  get status(): FakeClerkStatus {
    return this.#status ?? (this.loaded ? 'ready' : 'loading');
  }

  /** clerk-js's `on('status', handler, { notify })`: `notify` tells the current status at once. */
  on(event: 'status', handler: (status: FakeClerkStatus) => void, options?: { notify?: boolean }): void {
    if (event !== 'status') return;
    this.#statusHandlers.add(handler);
    if (options?.notify) handler(this.status);
  }

  off(event: 'status', handler: (status: FakeClerkStatus) => void): void {
    if (event === 'status') this.#statusHandlers.delete(handler);
  }

  async load(options?: ClerkLoadOptions): Promise<void> {
    this.loadOptions = options;
    const next = this.#nextLoad;
    this.#nextLoad = undefined;
    await (next?.gate ?? Promise.resolve());
    if (next?.error) {
      this.#setStatus('error');
      throw next.error;
    }
    this.loaded = true;
    // As clerk-js: listeners hear the resources first, then the status changes, then load() resolves.
    this.#emit();
    this.#setStatus(next?.degraded ? 'degraded' : 'ready');
  }

  #setStatus(status: FakeClerkStatus): void {
    this.#status = status;
    for (const handler of [...this.#statusHandlers]) handler(status);
  }

  addListener(listener: (resources: ClerkResources) => void, options?: { skipInitialEmit?: boolean }): () => void {
    this.#listeners.add(listener);
    if (this.client && !options?.skipInitialEmit) listener(this.#resources());
    return () => this.#listeners.delete(listener);
  }

  signOut(
    callback?: (() => void | Promise<unknown>) | ClerkSignOutOptions,
    options?: ClerkSignOutOptions,
  ): Promise<void>;
  async signOut(
    callbackOrOptions?: (() => void | Promise<unknown>) | ClerkSignOutOptions,
    maybeOptions?: ClerkSignOutOptions,
  ): Promise<void> {
    const callback = typeof callbackOrOptions === 'function' ? callbackOrOptions : undefined;
    const options = (typeof callbackOrOptions === 'object' ? callbackOrOptions : maybeOptions) ?? {};
    this.signOutCalls.push(options);
    const signedIn = this.#sessions;
    if (!this.client || signedIn.length === 0) return;
    const next = this.#next.shift();
    const endsAll = !options.sessionId || signedIn.length === 1;
    const endsCurrent = endsAll || options.sessionId === this.session?.id;
    // DELETE /v1/client/sessions ends every session of the client, even one added while the request was in flight.
    const ends = (session: ClerkSession) => !options.sessionId || session.id === options.sessionId;
    if (endsCurrent) this.#clearForTransition();
    await this.#call('signOut', next?.gate);
    if (this.offline) return endsCurrent ? this.#activate(null) : undefined;
    if (next?.swallowed) {
      this.#activate(null);
      if (endsCurrent) this.#tellOtherTabs();
      return;
    }
    if (next?.error) {
      if (next.reloadFails) this.failNextReload();
      if (next.endedOnServer) this.#sessions.filter(ends).forEach((session) => this.#server.delete(session.id));
      throw next.error;
    }
    this.#sessions.filter(ends).forEach((session) => this.#server.delete(session.id));
    if (!endsCurrent) {
      this.#remove(ends);
      return;
    }
    this.#remove(ends);
    if (callback) await callback();
    else await this.navigate(options.redirectUrl ?? this.buildAfterSignOutUrl());
    // Like clerk-js: no session is active until the redirect's page load picks the next account.
    this.#activate(null);
    this.#tellOtherTabs();
  }

  async navigate(to: string): Promise<void> {
    this.navigations.push(to);
  }

  buildAfterSignOutUrl(): string {
    return this.loadOptions?.afterSignOutUrl ?? '/';
  }

  buildUrlWithAuth(to: string): string {
    return to;
  }

  async setActive({ session }: { session: string | null }): Promise<void> {
    this.setActiveCalls.push(session);
    // Activating nobody sends nothing (there is no session to touch): nothing to go wrong.
    const fault = session === null ? undefined : this.#takeFault('setActive');
    await this.#call('setActive');
    if (fault?.kind === 'error') throw fault.error;
    this.#activate(this.#sessions.find((candidate) => candidate.id === session) ?? null);
  }

  openUserProfile(): void {
    this.openUserProfileCalls++;
    if (!this.uiVersion) throw new Error('Clerk was not loaded with Ui components');
  }

  /** Emits a change to every listener, as Clerk does after any update. */
  #emit(): void {
    const resources = this.#resources();
    for (const listener of [...this.#listeners]) listener(resources);
  }

  #resources(): ClerkResources {
    return { client: this.client, session: this.session, user: this.user };
  }

  #activate(session: ClerkSession | null, emit = true): void {
    this.session = session;
    this.user = session?.user ?? null;
    if (emit) this.#emit();
  }

  #clearForTransition(): void {
    this.session = undefined;
    this.user = undefined;
    this.#emit();
  }

  #remove(ended: (session: ClerkSession) => boolean): void {
    this.#sessions = this.#sessions.filter((session) => !ended(session));
    this.client = this.#makeClient();
    // clerk-js 6 reports the emptied client at once, while the session is still `undefined` (in transition).
    this.#emit();
  }

  #takeFault(call: FakeFaultableCall): { kind: FakeFault; error: Error } | undefined {
    return this.#faults.get(call)?.shift();
  }

  /** One Frontend API call: counted while in flight, answered after the gate and the configured latency. */
  async #call(name: FakeCall, gate?: Promise<void>): Promise<void> {
    this.maxCallsInFlight = Math.max(this.maxCallsInFlight, ++this.#callsInFlight);
    try {
      await gate;
      await (this.#latency?.(name) ?? Promise.resolve());
    } finally {
      this.#callsInFlight--;
    }
  }

  /** `client.reload()`: the client lists what the server has; an active session the server ended is dropped. */
  async #reload(): Promise<void> {
    const fault = this.#takeFault('reload');
    await this.#call('reload');
    if (fault?.kind === 'error') throw fault.error;
    if (fault || this.offline) return;
    this.#fromServer();
  }

  /**
   * The client lists what the server has; when the current session ended, nobody is active (clerk-js's `null`), and
   * (with `tabs`) clerk-js tells the other tabs.
   */
  #fromServer(tell = true): void {
    this.#sessions = this.#sessions.filter((session) => this.#server.has(session.id));
    this.client = this.#makeClient();
    if (!this.session || this.#server.has(this.session.id)) return this.#emit();
    this.#activate(null);
    if (tell) this.#tellOtherTabs();
  }

  /** Like clerk-js's, its channel stays open (a message posted just before `close()` may never arrive). */
  #tellOtherTabs(): void {
    if (!this.#tabs) return;
    this.#channel ??= new BroadcastChannel('clerk');
    this.#channel.postMessage({ type: 'signout' });
  }

  /**
   * Gives a user object clerk-js's `getSessions()`, with its cache: the first answer (a failure's `[]` included) stays on
   * the object (`cachedSessionsWithActivities`) until someone clears it. Non-enumerable, so the user compares as before.
   */
  #equip(user: ClerkUser | null): void {
    if (!user) return;
    const holder = user as ClerkUser & { cachedSessionsWithActivities?: ClerkSessionWithActivities[] | null };
    Object.defineProperty(holder, 'cachedSessionsWithActivities', {
      value: null,
      writable: true,
      configurable: true,
      enumerable: false,
    });
    Object.defineProperty(holder, 'getSessions', {
      configurable: true,
      enumerable: false,
      writable: true,
      value: async (): Promise<ClerkSessionWithActivities[]> => {
        if (holder.cachedSessionsWithActivities) return holder.cachedSessionsWithActivities;
        this.getSessionsCalls++;
        const next = this.#nextGetSessions.shift();
        const fault = this.#takeFault('getSessions');
        const asked = this.#sessionsWithActivities(user.id);
        await this.#call('getSessions', next?.gate);
        const failed = next?.swallowed || this.offline || fault?.kind === 'error' || fault?.kind === 'lost';
        const list = failed ? [] : fault ? asked : this.#sessionsWithActivities(user.id);
        holder.cachedSessionsWithActivities = list;
        return list;
      },
    });
  }

  /** `GET /v1/me/sessions/active`: the user's signed-in sessions, this client's first, then other devices'. */
  #sessionsWithActivities(userId: string): ClerkSessionWithActivities[] {
    const here = this.#sessions
      .filter((session) => session.user?.id === userId && this.#server.has(session.id))
      .map((session) => this.#withActivities(session.id, new Date(), DEFAULT_ACTIVITY));
    const elsewhere = [...this.#devices.values()]
      .filter((device) => device.userId === userId && device.status === 'active')
      .map((device) => this.#withActivities(device.id, device.lastActiveAt, device.activity));
    return [...here, ...elsewhere];
  }

  #withActivities(id: string, lastActiveAt: Date, activity: FakeActivity): ClerkSessionWithActivities {
    const latestActivity: ClerkSessionActivity = { ...activity };
    const resource: ClerkSessionWithActivities = {
      id,
      status: 'active',
      lastActiveAt,
      latestActivity,
      revoke: () => this.#revoke(resource),
    };
    return resource;
  }

  /** `POST /v1/me/sessions/{id}/revoke`, with the scripted faults. */
  async #revoke(resource: ClerkSessionWithActivities): Promise<ClerkSessionWithActivities> {
    this.revokeCalls.push(resource.id);
    if (this.#reverificationsLeft > 0) {
      this.#reverificationsLeft--;
      await this.#call('revoke');
      throw reverificationRequiredError();
    }
    const next = this.#nextRevoke.shift();
    await this.#call('revoke', next?.gate);
    if (next?.swallowed || this.offline) return resource;
    if (next?.error) {
      if (next.endedOnServer) this.#endOnServer(resource.id);
      throw next.error;
    }
    if (!this.#signedInOnServer(resource.id))
      throw clerkApiError(404, 'resource_not_found', 'The requested resource was not found.', 'not found');
    this.#endOnServer(resource.id);
    resource.status = 'revoked';
    return resource;
  }

  #signedInOnServer(sessionId: string): boolean {
    return this.#server.has(sessionId) || this.#devices.get(sessionId)?.status === 'active';
  }

  #endOnServer(sessionId: string): void {
    const device = this.#devices.get(sessionId);
    if (device) device.status = 'revoked';
    else this.#server.delete(sessionId);
  }

  #makeClient(): ClerkClient {
    const sessions = [...this.#sessions];
    return {
      id: this.#clientId,
      sessions,
      signedInSessions: sessions,
      isEligibleForTouch: () => false,
      reload: () => this.#reload(),
    };
  }
}

/** A signed-in session of `user`, shaped like clerk-js's (with its lifetime and inactivity limits far away). */
function newSession(user: ClerkUser): ClerkSession {
  const farAway = () => new Date(Date.UTC(2100, 0));
  return { id: `sess_${user.id}`, status: 'active', user, expireAt: farAway(), abandonAt: farAway() };
}
