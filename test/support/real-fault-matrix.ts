// The fault matrix on the REAL clerk-js + emulator: one sign-out action, failed by each Frontend API fault, then retried.
// One real Clerk per page (see real-clerk.ts), so each test file runs one action through every fault: every cell re-seeds
// the tenant and brings the page's one Clerk back to that seed, so no cell depends on another having run.
import { Clerk } from '@clerk/clerk-js';
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkLike, ClerkProvider, SignedOutEvent, SignOutErrorEvent } from '../../src/index.js';
import { isSigningOut } from '../../src/flows/action-lock.js';
import { connectEmulator, type EmulatorState, type Fault } from '../../src/testing/index.js';
import { recordEvents, until } from './fixtures.js';
import { claimPageForClerk, expectClerkUnderTest, nextEvent, recordingNavigation } from './real-clerk.js';
import { watchProviderUsers } from './watch-provider.js';
import {
  endedIds,
  endpointOf,
  reportedSessionId,
  shownError,
  shownNotice,
  type Seed,
  type SignOutAction,
} from './real-sign-out-actions.js';

/** The failing faults, with what a person should read (Clerk's `long_message` from the emulator's Clerk-shaped body). */
const FAILURES: Array<{ name: string; fault: Fault; message: RegExp }> = [
  { name: 'HTTP 500', fault: { status: 500 }, message: /^There was an internal error on our servers/ },
  { name: 'HTTP 503', fault: { status: 503 }, message: /^There was an internal error on our servers/ },
  { name: 'HTTP 401', fault: { status: 401 }, message: /^You are not signed in\.$/ },
  { name: 'HTTP 429', fault: { status: 429 }, message: /^Too many requests\. Please try again later\.$/ },
  // Until cleared: Chromium silently retries a dropped request on a reused keep-alive socket (see docs/testing.md).
  { name: 'dropped connection', fault: { drop: true }, message: /^ClerkJS: Network error .*Please try again\.$/ },
];

const DELAY_MS = 10_000;
const STILL_TRYING = 'Still trying… the network is slow.';

const emulator = connectEmulator();
let page:
  Promise<{ clerk: ClerkLike; navigations: string[]; signOutCalls: () => number; resetCalls: () => void }> | undefined;

/** The page's one Clerk, loaded once, with `clerk.signOut` counted (the emulator log cannot count dropped requests). */
function pageClerk() {
  page ??= (async () => {
    claimPageForClerk();
    const { navigations, options } = recordingNavigation();
    const clerk = new Clerk(emulator.publishableKey, { proxyUrl: emulator.proxyUrl }) as unknown as ClerkLike;
    await clerk.load(options);
    await expectClerkUnderTest(clerk, emulator);
    let calls = 0;
    const signOut = clerk.signOut.bind(clerk);
    clerk.signOut = (...args) => (calls++, signOut(...args));
    return { clerk, navigations, signOutCalls: () => calls, resetCalls: () => void (calls = 0) };
  })();
  return page;
}

/**
 * clerk-js's `setActive()` (the flow restores the session with it) takes another path when the page has no focus: no
 * `/touch`, a token request instead. Which page of a parallel run has focus is chance, so every cell says which it is.
 */
function pinFocus(focused: boolean): void {
  Object.defineProperty(document, 'hasFocus', { configurable: true, value: () => focused });
}

/** A fresh seed on the tenant, the page's Clerk showing it, and the action's element mounted in a new provider. */
async function setUpCell(action: SignOutAction, { focused = true } = {}) {
  pinFocus(focused);
  await emulator.reset();
  const sessions = [];
  for (let i = 0; i < action.sessions; i++) sessions.push(await emulator.signIn(await emulator.createUser()));
  const seed: Seed = {
    sessions,
    current: sessions[sessions.length - 1],
    other: sessions.length > 1 ? sessions[0] : undefined,
  };

  const { clerk, navigations, signOutCalls, resetCalls } = await pageClerk();
  // Even after a failed cell: a sign-out still in flight would answer into this one.
  await until(() => !isSigningOut(clerk), "the previous cell's sign-out to end", 15_000);
  await (clerk.client as unknown as { reload(): Promise<unknown> }).reload();
  await clerk.setActive({ session: seed.current.id });
  const seeded = sessions.map((session) => session.id).join();
  await until(
    () =>
      clerk.user?.id === seed.current.userId &&
      clerk.client?.signedInSessions.map((session) => session.id).join() === seeded,
    'Clerk to show the seeded client',
    8000,
  );

  const provider = await fixture<ClerkProvider>(
    html`<clerk-provider .clerk=${clerk}>${action.ui.template(seed)}</clerk-provider>`,
  );
  await until(
    () => provider.state.status === 'ready' && provider.state.user?.id === seed.current.userId,
    'the provider',
    8000,
  );
  const el = provider.firstElementChild as Element & { updateComplete: Promise<unknown> };
  await el.updateComplete;
  navigations.length = 0;
  resetCalls();
  await emulator.clearRequests();
  return { seed, clerk, provider, el, navigations, signOutCalls, resetCalls };
}

const sessionIds = (state: EmulatorState) => state.sessions.map((session) => session.id);
const userOf = (state: EmulatorState, sessionId: string | null) =>
  state.sessions.find((session) => session.id === sessionId)?.userId ?? null;

/** Whose account the page should show after a successful sign-out: nobody, the other account, or still the current one. */
const userAfter = (action: SignOutAction, seed: Seed) =>
  action.ends === 'all' ? null : action.ends === 'current' ? seed.other!.userId : seed.current.userId;

async function signOutRequestCount(action: SignOutAction): Promise<number> {
  return (await emulator.requests(endpointOf(action))).length;
}

async function eventually(condition: () => Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries through the same UI once the fault is cleared: ONE request, `signed-out` once, the server really signed out. */
async function retrySucceeds(
  action: SignOutAction,
  cell: Awaited<ReturnType<typeof setUpCell>>,
  events: ReturnType<typeof recordEvents>,
) {
  const { seed, provider, el, signOutCalls } = cell;
  const signedOut = nextEvent<SignedOutEvent>('signed-out');
  await action.ui.activate(el);
  const { detail } = await signedOut;
  expect(detail.sessionIds, 'ended sessions').to.have.members(endedIds(action, seed));
  expect(events.of('signed-out'), 'signed-out events').to.have.length(1);
  expect(signOutCalls(), 'clerk.signOut calls').to.equal(1);
  expect(await signOutRequestCount(action), 'sign-out requests').to.equal(1);
  const ended = endedIds(action, seed);
  expect(sessionIds(await emulator.state()), 'server sessions').to.deep.equal(
    seed.sessions.map((session) => session.id).filter((id) => !ended.includes(id)),
  );
  await until(
    () => (provider.state.user?.id ?? null) === userAfter(action, seed),
    'the provider to show who is signed in now',
    8000,
  );
}

type Failure = (typeof FAILURES)[number];
type Cell = Awaited<ReturnType<typeof setUpCell>>;

/**
 * One failing cell: the fault makes the sign-out fail; everything a person and the app see must say "still signed in";
 * then the fault is cleared and the same UI signs out.
 */
async function failThenRetry(action: SignOutAction, { fault, message }: Failure, cell: Cell): Promise<void> {
  const { seed, clerk, provider, el, navigations, signOutCalls } = cell;
  const endpoint = endpointOf(action);
  const events = recordEvents('signed-out', 'sign-out-error');
  const reported = watchProviderUsers(el);
  try {
    await emulator.fault(endpoint, fault);
    const failed = nextEvent<SignOutErrorEvent>('sign-out-error');
    await action.ui.activate(el);
    const { detail } = await failed;
    // What Clerk itself says at the moment the app hears of the failure: the session it still has.
    const clerkAtError = { user: clerk.user?.id ?? null, session: clerk.session?.id ?? null };

    // Never a false "signed out", not even for a moment: every state the provider handed the elements had the user.
    const stillSignedIn = seed.current.userId;
    expect(
      reported.users.filter((user) => user !== stillSignedIn),
      'users other than the signed-in one that the provider reported during the attempt',
    ).to.deep.equal([]);
    expect(detail.error.message, 'the reported message').to.match(message).and.not.contain('[object Object]');
    expect(detail.sessionId).to.equal(reportedSessionId(action, seed));
    // The element settles once the flow has returned to it (just after the event).
    await until(() => shownError(el)?.text, 'the element to show the error', 8000);
    await el.updateComplete;
    expect(shownError(el), 'the element shows the error').to.deep.include({ role: 'alert', visible: true });
    expect(shownError(el)?.text).to.equal('Sign-out failed. Please try again.');
    const control = await action.ui.control(el);
    expect(control.getAttribute('aria-busy') ?? 'false', 're-enabled: aria-busy').to.equal('false');
    expect((control as HTMLButtonElement).disabled, 're-enabled: disabled').to.equal(false);
    expect(control.querySelector('[part~="spinner"]'), 're-enabled: spinner').to.equal(null);

    // The truth is the server's: every seeded session is still signed in, the current one still active.
    const server = await emulator.state();
    expect(sessionIds(server), 'server sessions').to.deep.equal(seed.sessions.map((session) => session.id));
    const signedIn = userOf(server, server.lastActiveSessionId);
    expect(signedIn).to.equal(seed.current.userId);
    expect(clerkAtError, "Clerk's own user and session").to.deep.equal({
      user: signedIn,
      session: server.lastActiveSessionId,
    });
    expect(provider.state.user?.id, 'provider.state.user').to.equal(signedIn);
    expect(action.ui.shown(el), 'the element still offers the signed-in user').to.equal(true);

    expect(events.of('signed-out'), 'signed-out events').to.have.length(0);
    expect(events.of('sign-out-error'), 'sign-out-error events').to.have.length(1);
    expect(navigations, 'navigations').to.deep.equal([]);
    expect(signOutCalls(), 'clerk.signOut calls').to.equal(1);
    const sent = await emulator.requests(endpoint);
    if (fault.drop)
      expect(sent.map((request) => request.status))
        .to.include(0)
        .and.not.include(200);
    else
      expect(
        sent.map((request) => request.status),
        'exactly one sign-out request',
      ).to.deep.equal([fault.status]);

    reported.stop();
    await emulator.clearFaults();
    await emulator.clearRequests();
    cell.resetCalls();
    await retrySucceeds(action, cell, events);
  } finally {
    reported.stop();
    events.stop();
  }
}

/**
 * A 401 that tells the truth: the client's sessions already ended on the server (e.g. revoked from another device), so
 * the page must end up showing nobody signed in, not the user it had before.
 */
async function endedOnServerThen401(action: SignOutAction, cell: Cell): Promise<void> {
  const { provider, el } = cell;
  const events = recordEvents('signed-out', 'sign-out-error');
  try {
    // What the server does when the sessions end elsewhere (the emulator's one client stands for this browser).
    await fetch(`${emulator.proxyUrl}/v1/client/sessions?_method=DELETE`, { method: 'POST' });
    await emulator.fault(endpointOf(action), { status: 401 });
    await action.ui.activate(el);
    await until(() => events.events.length > 0, 'the outcome', 8000);

    expect((await emulator.state()).sessions, 'server sessions').to.deep.equal([]);
    await until(() => provider.state.user === null, 'the provider to show the truth: nobody signed in', 3000);
    await el.updateComplete;
    expect(action.ui.shown(el), 'the element offers nothing to a signed-out page').to.equal(false);
    expect(events.events, 'one outcome').to.have.length(1);
  } finally {
    events.stop();
  }
}

/**
 * Defines the action's row of the matrix, named `<element> · <action> · <fault>: <expectation>`: one cell per fault (the
 * page focused, as after a click), a 401 whose sessions really ended, the 500 again with the page in the background,
 * and the 10-second delay.
 */
export function faultMatrix(action: SignOutAction): void {
  const row = `<${action.element}> · ${action.name}`;
  const endpoint = endpointOf(action);
  const expectation =
    'sign-out-error, no signed-out, shows the error and the user still signed in, one request, retry signs out';

  describe('fault matrix', () => {
    for (const failure of FAILURES) {
      it(`${row} · ${failure.name}: ${expectation}`, async () =>
        failThenRetry(action, failure, await setUpCell(action)));
    }

    it(`${row} · HTTP 401, the sessions already ended on the server: the page shows nobody signed in`, async () =>
      endedOnServerThen401(action, await setUpCell(action)));

    // E.g. the person switched tabs while the request ran: clerk-js then restores the session along another path.
    it(`${row} · ${FAILURES[0].name}, page in the background: ${expectation}`, async () =>
      failThenRetry(action, FAILURES[0], await setUpCell(action, { focused: false })));

    it(`${row} · ${DELAY_MS / 1000} s delay: aria-busy and a visible pending state, page responsive, 5 more activations send nothing, then signed out once`, async function () {
      this.timeout(25_000);
      const { seed, provider, el, signOutCalls } = await setUpCell(action);
      const events = recordEvents('signed-out', 'sign-out-error');
      try {
        await emulator.fault(endpoint, { delayMs: DELAY_MS, times: 1 });
        const signedOut = nextEvent<SignedOutEvent>('signed-out');
        const started = Date.now();
        await action.ui.activate(el);
        await eventually(
          async () => (await signOutRequestCount(action)) === 1,
          'the sign-out request to reach the server',
        );
        await el.updateComplete;

        const control = await action.ui.control(el);
        expect(control.getAttribute('aria-busy'), 'aria-busy while pending').to.equal('true');
        expect(control.querySelector('[part~="spinner"]')?.checkVisibility(), 'a visible spinner').to.equal(true);
        // After 3 s the element says that it is still trying, in words (announced politely), not only with the spinner.
        expect(shownNotice(el), 'nothing said before 3 s').to.deep.include({ text: '' });
        await until(() => shownNotice(el).text, 'the element to say it is still trying', 5000);
        expect(Date.now() - started, 'said after 3 s').to.be.at.least(2900);
        expect(shownNotice(el)).to.deep.equal({ text: STILL_TRYING, role: 'status', visible: true });
        expect(provider.state.user?.id, 'still shows the user, not a blank state').to.equal(seed.current.userId);
        const tick = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(performance.now() - tick, 'a setTimeout(0) round-trip (ms)').to.be.below(200);

        for (let i = 0; i < 5; i++) await action.ui.activate(el);
        await sleep(300);
        expect(await signOutRequestCount(action), 'sign-out requests after 5 more activations').to.equal(1);
        expect(signOutCalls(), 'clerk.signOut calls').to.equal(1);
        expect(events.events, 'no outcome before the answer').to.have.length(0);

        const { detail } = await signedOut;
        expect(Date.now() - started, 'the request took the delay').to.be.at.least(DELAY_MS - 500);
        // Once the flow is done (the redirect included): no "still trying" left behind.
        await until(() => shownNotice(el).text !== STILL_TRYING, 'no "still trying" once done', 5000);
        expect(detail.sessionIds).to.have.members(endedIds(action, seed));
        await sleep(100);
        expect(events.of('signed-out'), 'signed-out events').to.have.length(1);
        expect(events.of('sign-out-error'), 'sign-out-error events').to.have.length(0);
        expect(await signOutRequestCount(action), 'sign-out requests').to.equal(1);
        const ended = endedIds(action, seed);
        expect(sessionIds(await emulator.state()), 'server sessions').to.deep.equal(
          seed.sessions.map((session) => session.id).filter((id) => !ended.includes(id)),
        );
      } finally {
        events.stop();
      }
    });
  });
}
