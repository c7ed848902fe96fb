import '../../../src/testing/isolate-tabs.js';
import { expect, fixture, html } from '@open-wc/testing';
import type {
  ClerkIdleSignOut,
  ClerkProvider,
  ClerkSignedIn,
  ClerkSignedOut,
  IdleWarningEvent,
} from '../../../src/index.js';
import { actionInFlight } from '../../../src/flows/action-lock.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { switchSession } from '../../../src/flows/switch-session.js';
import { captureConsole, recordEvents, until } from '../../support/fixtures.js';
import { controlClock, settle, type ControlledClock } from '../../support/idle-clock.js';
import {
  activityInAnotherTab,
  countListeners,
  idleDialog,
  idlePart,
  idleStorageKey,
  sessionEndsOf,
  storedActivity,
} from '../../support/idle.js';

/** How long a test waits for a flow: the lock grant and the fake's answers are tasks, slow on a loaded machine. */
const WAIT_MS = 5000;
const TIMEOUT_S = 60;
const WARNING_S = 20;

interface Page {
  provider: ClerkProvider;
  clerk: FakeClerk;
  el: ClerkIdleSignOut;
  signedIn: ClerkSignedIn;
  signedOut: ClerkSignedOut;
}

/** A provider with the idle element (60 s, warning 20 s), signed-in and signed-out content, on the given fake. */
async function page(clerk: FakeClerk = FakeClerk.signedIn(), attributes = ''): Promise<Page> {
  // The provider itself is the fixture: a Lit element, so no animation frame is awaited (none comes to a test page
  // that Chromium keeps in the background beside another).
  const provider = await fixture<ClerkProvider>(
    html`<clerk-provider .clerk=${clerk}>
      <clerk-signed-in><p>Private: your balance</p></clerk-signed-in>
      <clerk-signed-out><p>You are signed out</p></clerk-signed-out>
    </clerk-provider>`,
  );
  // Added after the provider is ready, with the attributes as written (`timeout`, `warning`, `scope`, …).
  provider.insertAdjacentHTML(
    'afterbegin',
    `<clerk-idle-sign-out timeout="${TIMEOUT_S}" warning="${WARNING_S}" ${attributes}></clerk-idle-sign-out>`,
  );
  const el = provider.querySelector<ClerkIdleSignOut>('clerk-idle-sign-out')!;
  await until(() => provider.state.status === 'ready', undefined, WAIT_MS);
  await settle();
  return {
    provider,
    clerk,
    el,
    signedIn: provider.querySelector<ClerkSignedIn>('clerk-signed-in')!,
    signedOut: provider.querySelector<ClerkSignedOut>('clerk-signed-out')!,
  };
}

/** What the page shows: the signed-in content, the signed-out content, or neither. */
function shown({ signedIn, signedOut }: Page): 'signed-in' | 'signed-out' | 'nothing' {
  if (signedIn.active) return 'signed-in';
  return signedOut.active ? 'signed-out' : 'nothing';
}

const input = (type = 'pointermove') => document.dispatchEvent(new Event(type, { bubbles: true }));

describe('<clerk-idle-sign-out>: the deadline', () => {
  let time: ControlledClock;
  let events: ReturnType<typeof recordEvents>;
  beforeEach(() => {
    localStorage.removeItem(idleStorageKey());
    time = controlClock();
    events = recordEvents('idle-warning', 'sign-out', 'signed-out', 'sign-out-error', 'session-end');
  });
  afterEach(() => {
    events.stop();
    time.restore();
  });

  it('keeps no timer and no listener while nobody is signed in', async () => {
    let mounted!: Page;
    const left = await countListeners(async () => (mounted = await page(new FakeClerk())));
    expect(mounted.el.phase).to.equal('off');
    expect(mounted.el.deadline).to.equal(null);
    expect(left, 'listeners on window and document').to.deep.equal([]);
    expect(time.pending, 'timers').to.equal(0);
  });

  it('while signed in: one timer, to the warning; the deadline is a timestamp `timeout` after the last activity', async () => {
    const start = time.now();
    const { el } = await page();
    expect(el.phase).to.equal('watching');
    expect(el.deadline).to.equal(start + TIMEOUT_S * 1000);
    expect(time.pending).to.equal(1);
    expect(time.longestDelay).to.equal((TIMEOUT_S - WARNING_S) * 1000);
    expect(storedActivity()?.at, 'the sign-in starts the idle period, stored for every tab').to.equal(start);
  });

  it('warns `warning` seconds before, then hides the signed-in content at the deadline, before Clerk answers, and signs out once', async () => {
    const p = await page();
    const { el, clerk } = p;
    let kind: string | undefined;
    const signOut = clerk.signOut.bind(clerk);
    clerk.signOut = (...args: Parameters<FakeClerk['signOut']>) => {
      kind = actionInFlight(clerk);
      return signOut(...args);
    };
    await time.advance((TIMEOUT_S - WARNING_S) * 1000 - 1);
    expect(events.of('idle-warning')).to.have.length(0);
    await time.advance(1);
    expect(el.phase).to.equal('warning');
    const [warning] = events.of('idle-warning') as IdleWarningEvent[];
    expect(warning.detail.deadline).to.equal(el.deadline);
    expect(warning.cancelable && warning.bubbles && warning.composed).to.equal(true);
    expect(idleDialog(el)?.open).to.equal(true);
    expect(shown(p)).to.equal('signed-in');

    const release = clerk.holdNextSignOut();
    await time.advance(WARNING_S * 1000);
    expect(el.phase).to.equal('signing-out');
    expect(warning.detail.signal.aborted, "the warning's signal").to.equal(true);
    expect(!!idleDialog(el), 'the dialog').to.equal(false);
    expect(shown(p), 'while the sign-out is in flight').to.equal('nothing');
    expect(idlePart(el, 'status')?.textContent).to.contain('Signing you out');
    await until(() => clerk.signOutCalls.length === 1, 'the sign-out request', WAIT_MS);
    expect(clerk.signOutCalls).to.deep.equal([{}]);
    expect(shown(p), 'still in flight').to.equal('nothing');
    expect(kind).to.equal('idle-sign-out');

    release();
    await until(() => events.of('signed-out').length === 1, undefined, WAIT_MS);
    await settle();
    expect(shown(p)).to.equal('signed-out');
    expect(el.phase).to.equal('off');
    expect(clerk.navigations).to.deep.equal([new URL('/', location.href).href]);
    expect(events.events.map((event) => event.type)).to.deep.equal([
      'idle-warning',
      'sign-out',
      'session-end',
      'signed-out',
    ]);
    expect(storedActivity()?.signedOut, 'marked for the other tabs').to.equal(true);
    expect(time.pending, 'timers once signed out').to.equal(0);
    expect(sessionEndsOf(events), 'one session end, named idle').to.deep.equal(['idle']);
  });

  it('counts input as activity, writing the shared time at most once a second', async () => {
    const start = time.now();
    const { el } = await page();
    const writes: string[] = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      writes.push(key);
      return setItem.call(this, key, value);
    };
    try {
      for (let ms = 0; ms < 3000; ms += 10) {
        input(['pointermove', 'keydown', 'wheel', 'scroll', 'pointerdown', 'touchstart'][ms % 6]);
        await time.advance(10);
      }
    } finally {
      Storage.prototype.setItem = setItem;
    }
    // The sign-in wrote at 0 s; then 1 s and 2 s.
    expect(writes.length, '300 input events over 3 s').to.equal(2);
    expect(el.deadline).to.be.at.least(start + 2000 + TIMEOUT_S * 1000);
    await time.advance((TIMEOUT_S - WARNING_S) * 1000 - 1500);
    expect(el.phase, 'the warning moved with the activity').to.equal('watching');
  });

  it('scroll of any element counts (heard in the capture phase)', async () => {
    const { el } = await page();
    const box = document.createElement('div');
    document.body.append(box);
    await time.advance(30_000);
    box.dispatchEvent(new Event('scroll')); // does not bubble
    expect(el.deadline).to.equal(time.now() + TIMEOUT_S * 1000);
    box.remove();
  });

  it('a computer that slept past the deadline: the content is hidden as it wakes (any input, focus or visibility), before any request completes', async () => {
    for (const wake of ['pointermove', 'keydown', 'visibilitychange', 'focus', 'pageshow']) {
      localStorage.removeItem(idleStorageKey());
      const p = await page(FakeClerk.signedIn());
      const release = p.clerk.holdNextSignOut();
      time.sleep((TIMEOUT_S + 3600) * 1000); // no timer fired
      expect(shown(p), `${wake}: before waking`).to.equal('signed-in');
      if (wake === 'focus' || wake === 'pageshow') window.dispatchEvent(new Event(wake));
      else document.dispatchEvent(new Event(wake, { bubbles: true }));
      expect(p.el.phase, `${wake}: at once`).to.equal('signing-out');
      expect(p.provider.state.concealed, `${wake}: hidden at once`).to.equal(true);
      await until(() => p.clerk.signOutCalls.length === 1, `${wake}: the sign-out request`, WAIT_MS);
      await p.signedIn.updateComplete;
      expect(shown(p), `${wake}: the sign-out request still in flight`).to.equal('nothing');
      release();
      await until(() => shown(p) === 'signed-out', `${wake}: signed out`, WAIT_MS);
      p.provider.remove();
    }
  });

  it('a tab reopened after the deadline (same session, stored time too old) signs out at once', async () => {
    const clerk = FakeClerk.signedIn();
    const session = clerk.session!.id;
    activityInAnotherTab(time.now() - (TIMEOUT_S + 5) * 1000, session);
    const release = clerk.holdNextSignOut();
    const p = await page(clerk);
    expect(p.el.phase).to.equal('signing-out');
    expect(shown(p)).to.equal('nothing');
    release();
    await until(() => shown(p) === 'signed-out', undefined, WAIT_MS);
  });

  it('a new session (a sign-in) starts a new idle period instead of inheriting an old one', async () => {
    activityInAnotherTab(time.now() - 10 * TIMEOUT_S * 1000, 'sess_of_yesterday');
    const { el } = await page();
    expect(el.phase).to.equal('watching');
    expect(el.deadline).to.equal(time.now() + TIMEOUT_S * 1000);
  });

  it("another tab's activity keeps this tab signed in and closes its warning", async () => {
    const { el, clerk } = await page();
    await time.advance((TIMEOUT_S - 5) * 1000);
    expect(el.phase).to.equal('warning');
    const [warning] = events.of('idle-warning') as IdleWarningEvent[];
    activityInAnotherTab(time.now(), clerk.session!.id);
    await until(() => el.phase === 'watching', 'the warning to close', WAIT_MS);
    expect(warning.detail.signal.aborted).to.equal(true);
    expect(!!idleDialog(el), 'the dialog').to.equal(false);
    await time.advance(10_000);
    expect(el.phase).to.equal('watching');
    expect(clerk.signOutCalls).to.deep.equal([]);
  });

  it('a deadline another tab already signed out for sends nothing: this tab waits for Clerk to say so', async () => {
    const { el, clerk } = await page();
    const at = storedActivity()!.at;
    localStorage.setItem(idleStorageKey(), JSON.stringify({ at, session: clerk.session!.id, signedOut: true }));
    await time.advance(TIMEOUT_S * 1000);
    expect(el.phase).to.equal('signing-out');
    await settle();
    expect(clerk.signOutCalls).to.deep.equal([]);
    clerk.endAllSessionsElsewhere(); // Clerk's own channel told this tab
    await until(() => el.phase === 'off', undefined, WAIT_MS);
  });

  it('a failed sign-out keeps the content hidden (never signed-out content) and retries with backoff, and at once when back online', async () => {
    const p = await page();
    const { el, clerk } = p;
    clerk.failNextSignOut();
    clerk.failNextSignOut();
    const seen = new Set<string>();
    await time.advance(TIMEOUT_S * 1000);
    const watch = setInterval(() => seen.add(shown(p)), 1);
    await until(() => events.of('sign-out-error').length === 1, undefined, WAIT_MS);
    await settle();
    expect(shown(p)).to.equal('nothing');
    expect(idlePart(el, 'error')?.textContent).to.contain('Trying again');
    expect(el.phase).to.equal('signing-out');
    await time.advance(1999);
    expect(clerk.signOutCalls, 'before the first retry (2 s)').to.have.length(1);
    await time.advance(1);
    await until(() => events.of('sign-out-error').length === 2, undefined, WAIT_MS);
    expect(clerk.signOutCalls).to.have.length(2);
    window.dispatchEvent(new Event('online'));
    await until(() => events.of('signed-out').length === 1, 'the retry on `online`', WAIT_MS);
    clearInterval(watch);
    expect(clerk.signOutCalls, 'third attempt, before the 4 s backoff').to.have.length(3);
    await settle();
    expect(shown(p)).to.equal('signed-out');
    expect([...seen].filter((what) => what !== 'nothing' && what !== 'signed-out')).to.deep.equal([]);
    expect(events.events.filter((event) => event.type !== 'idle-warning').map((event) => event.type)).to.deep.equal([
      'sign-out',
      'sign-out-error',
      'sign-out',
      'sign-out-error',
      'sign-out',
      'session-end',
      'signed-out',
    ]);
  });

  it('offline, it waits for the network instead of letting clerk-js sign out this page only', async () => {
    const p = await page();
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
    try {
      await time.advance(TIMEOUT_S * 1000);
      await time.advance(120_000);
      expect(shown(p)).to.equal('nothing');
      expect(p.clerk.signOutCalls).to.deep.equal([]);
    } finally {
      Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    }
    window.dispatchEvent(new Event('online'));
    await until(() => shown(p) === 'signed-out', undefined, WAIT_MS);
    expect(p.clerk.signOutCalls).to.have.length(1);
  });

  it('the deadline passing while an account switch is in flight: signs out once the switch has ended', async () => {
    const clerk = FakeClerk.multiSession(2);
    const p = await page(clerk);
    let release!: () => void;
    const setActive = clerk.setActive.bind(clerk);
    clerk.setActive = async (params) => {
      await new Promise<void>((resolve) => (release = resolve));
      return setActive(params);
    };
    const menu = document.createElement('clerk-user-menu');
    p.provider.append(menu);
    await menu.updateComplete;
    const other = clerk.client!.signedInSessions[1].id;
    const switching = switchSession({ host: menu, state: p.provider.state, sessionId: other, redirectUrl: null });
    await settle();
    expect(actionInFlight(clerk)).to.equal('switch-session');
    time.sleep(TIMEOUT_S * 1000);
    window.dispatchEvent(new Event('focus'));
    expect(p.el.phase).to.equal('signing-out');
    await settle();
    expect(clerk.signOutCalls, 'nothing while the switch is in flight').to.deep.equal([]);
    clerk.setActive = setActive;
    release();
    await switching;
    await until(() => events.of('signed-out').length === 1, undefined, WAIT_MS);
    expect(clerk.signOutCalls).to.deep.equal([{}]);
    expect(clerk.serverSessionIds).to.deep.equal([]);
    await settle();
    expect(shown(p)).to.equal('signed-out');
  });

  it('scope="current" ends the active session; the other account then shows, watched anew', async () => {
    const clerk = FakeClerk.multiSession(2);
    const [first, second] = clerk.client!.signedInSessions.map((session) => session.id);
    const p = await page(clerk, 'scope="current" redirect-url="/bye"');
    await time.advance(TIMEOUT_S * 1000);
    await until(() => events.of('signed-out').length === 1, undefined, WAIT_MS);
    await settle();
    expect(clerk.signOutCalls).to.deep.equal([{ sessionId: first }]);
    expect(clerk.navigations).to.deep.equal([new URL('/bye', location.href).href]);
    expect(p.provider.state.session?.id).to.equal(second);
    expect(shown(p)).to.equal('signed-in');
    expect(p.el.phase).to.equal('watching');
    expect(p.el.deadline).to.equal(time.now() + TIMEOUT_S * 1000);
  });

  it('a cancelled `sign-out` takes the sign-out over: nothing sent, the content stays hidden', async () => {
    const p = await page();
    const veto = (event: Event) => event.preventDefault();
    document.addEventListener('sign-out', veto);
    try {
      await time.advance(TIMEOUT_S * 1000);
      await until(() => events.of('sign-out').length === 1, 'the sign-out event', WAIT_MS);
      await settle();
      expect(events.of('sign-out')[0].defaultPrevented).to.equal(true);
      expect(p.clerk.signOutCalls).to.deep.equal([]);
      expect(shown(p)).to.equal('nothing');
      await time.advance(120_000);
      expect(events.of('sign-out'), 'not tried again').to.have.length(1);
      p.clerk.endAllSessionsElsewhere(); // the app signed out itself
      await until(() => shown(p) === 'signed-out', undefined, WAIT_MS);
    } finally {
      document.removeEventListener('sign-out', veto);
    }
  });

  it('a cancelled `idle-warning` shows no dialog; the app calls staySignedIn() from its own, and its signal aborts', async () => {
    const { el } = await page();
    document.addEventListener('idle-warning', (event) => event.preventDefault(), { once: true });
    await time.advance((TIMEOUT_S - WARNING_S) * 1000);
    const [warning] = events.of('idle-warning') as IdleWarningEvent[];
    expect(el.phase).to.equal('warning');
    expect(!!idleDialog(el), 'the dialog').to.equal(false);
    expect(time.longestDelay, "no countdown ticks: the app's dialog has the deadline").to.equal(
      (TIMEOUT_S - WARNING_S) * 1000,
    );
    input(); // during the warning, only an answer counts
    expect(el.deadline).to.equal(warning.detail.deadline);
    el.staySignedIn();
    expect(warning.detail.signal.aborted).to.equal(true);
    expect(el.phase).to.equal('watching');
    expect(el.deadline).to.equal(time.now() + TIMEOUT_S * 1000);
  });

  it('signOutNow() signs out at once, as at the deadline', async () => {
    const p = await page();
    p.el.signOutNow();
    expect(p.el.phase).to.equal('signing-out');
    await until(() => shown(p) === 'signed-out', undefined, WAIT_MS);
    expect(p.clerk.signOutCalls).to.deep.equal([{}]);
  });

  it('leaves nothing behind: signed out, or removed from the page (which shows the content again)', async () => {
    let mounted!: Page;
    const left = await countListeners(async () => {
      mounted = await page();
      await time.advance(TIMEOUT_S * 1000);
      await until(() => shown(mounted) === 'signed-out', undefined, WAIT_MS);
    });
    expect(left).to.deep.equal([]);
    expect(time.pending).to.equal(0);

    const p = await page(FakeClerk.signedIn());
    const release = p.clerk.holdNextSignOut();
    time.sleep(TIMEOUT_S * 1000);
    window.dispatchEvent(new Event('focus'));
    await p.signedIn.updateComplete;
    expect(shown(p)).to.equal('nothing');
    p.el.remove();
    await p.signedIn.updateComplete;
    expect(shown(p), 'the app removed the element').to.equal('signed-in');
    release();
  });

  it('says in the console what is wrong with timeout and warning', async () => {
    const { warn, error } = await captureConsole(async () => {
      for (const attributes of ['timeout="abc"', 'warning="10"', 'warning="0"', 'timeout="30" warning="40"']) {
        document.body.insertAdjacentHTML('beforeend', `<clerk-idle-sign-out ${attributes}></clerk-idle-sign-out>`);
        const added = document.body.lastElementChild as ClerkIdleSignOut;
        await added.updateComplete;
        added.remove();
      }
    });
    expect(error.join('\n')).to.contain('<clerk-idle-sign-out> timeout="abc" is not a number of seconds above 0');
    expect(warn.join('\n')).to.contain('warning="10" gives the user 10 seconds: WCAG 2.2 SC 2.2.1');
    expect(warn.join('\n')).to.contain('warning="0" signs out without asking');
    expect(warn.join('\n')).to.contain('warning="40" is not less than timeout="30"');
  });

  it('says how long inactivity may last (WCAG 2.2 SC 2.2.6), in the provider’s language, or in the app’s own words', async () => {
    const { el, provider } = await page();
    expect(idlePart(el, 'notice')?.textContent?.trim()).to.equal(
      'For your security, you are signed out after 1 minute without activity.',
    );
    el.timeout = 900;
    await el.updateComplete;
    expect(idlePart(el, 'notice')?.textContent).to.contain('after 15 minutes without');
    provider.localization = { locale: 'fr-FR', idleSignOut: { notice: 'Déconnexion après {time} d’inactivité.' } };
    await provider.updateComplete;
    await el.updateComplete;
    expect(idlePart(el, 'notice')?.textContent?.trim()).to.equal('Déconnexion après 15 minutes d’inactivité.');
    await expect(el).to.be.accessible();
  });
});
