// `session-end` on the fake Clerk: one event per session this page showed as signed in, with a true reason, before any
// navigation of ours, whatever ended it. The same scenarios on the real clerk-js: test/real-clerk/session-ends/.
import '../../../src/testing/isolate-tabs.js';
import { expect, html } from '@open-wc/testing';
import { SessionEndEvent, type ClerkSignOutButton, type SessionEndDetail } from '../../../src/index.js';
import { runFlow } from '../../../src/flows/flow.js';
import { signOutFlow } from '../../../src/flows/sign-out.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { recordEvents, shadowButton, until, withProvider } from '../../support/fixtures.js';

/** Every `session-end` and sign-out event that reaches the document, in order, with what the page had done by then. */
function watchEnds(clerk: FakeClerk) {
  const log: string[] = [];
  const ends: SessionEndDetail[] = [];
  const onEnd = (event: Event) => {
    const { detail } = event as SessionEndEvent;
    ends.push(detail);
    log.push(`session-end ${detail.reason} (navigations: ${clerk.navigations.length})`);
  };
  const onOutcome = (event: Event) => log.push(event.type);
  document.addEventListener('session-end', onEnd);
  document.addEventListener('signed-out', onOutcome);
  document.addEventListener('sign-out-error', onOutcome);
  return {
    ends,
    log,
    stop() {
      document.removeEventListener('session-end', onEnd);
      document.removeEventListener('signed-out', onOutcome);
      document.removeEventListener('sign-out-error', onOutcome);
    },
  };
}

async function mount(clerk: FakeClerk, content = html`<clerk-sign-out-button></clerk-sign-out-button>`) {
  const { provider, el } = await withProvider<ClerkSignOutButton>(content, clerk);
  return { provider, button: el };
}

const flush = () => new Promise((resolve) => setTimeout(resolve));

describe('session-end', () => {
  let watch: ReturnType<typeof watchEnds> | undefined;
  afterEach(() => watch?.stop());

  it('an element signs out: one event, bubbling and composed, not cancelable, before signed-out and the redirect', async () => {
    const clerk = FakeClerk.signedIn();
    const [session] = clerk.client!.signedInSessions;
    const { provider, button } = await mount(clerk);
    watch = watchEnds(clerk);
    const events = recordEvents('session-end');
    shadowButton(button).click();
    await until(() => clerk.navigations.length === 1);
    const [event] = events.of('session-end');
    expect(event).to.be.instanceOf(SessionEndEvent);
    expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, false]);
    expect(event.target).to.equal(provider);
    expect(watch.ends).to.deep.equal([{ sessionId: session.id, userId: session.user!.id, reason: 'sign-out' }]);
    expect(watch.log).to.deep.equal(['session-end sign-out (navigations: 0)', 'signed-out']);
    expect(provider.state.sessionEnd).to.deep.equal(watch.ends[0]);
    events.stop();
  });

  it("the app's own clerk.signOut(): reason sign-out, also when Clerk navigates by itself (the event comes first)", async () => {
    const clerk = FakeClerk.signedIn();
    await mount(clerk);
    watch = watchEnds(clerk);
    await clerk.signOut();
    expect(watch.log).to.deep.equal(['session-end sign-out (navigations: 0)']);
    expect(clerk.navigations).to.have.length(1);
  });

  it('multi-session: the current account signs out while another stays, then that one: one event each', async () => {
    const clerk = FakeClerk.multiSession(2);
    const [first, second] = clerk.client!.signedInSessions;
    const { provider } = await mount(clerk, html`<clerk-sign-out-button scope="current"></clerk-sign-out-button>`);
    watch = watchEnds(clerk);
    const button = provider.querySelector<ClerkSignOutButton>('clerk-sign-out-button')!;
    button.addEventListener('signed-out', (event) => event.preventDefault());
    expect((await button.signOut()).outcome).to.equal('signed-out');
    expect(watch.ends.map((end) => [end.sessionId, end.reason])).to.deep.equal([[first.id, 'sign-out']]);
    expect(provider.state.session?.id, 'the other account stays and shows').to.equal(second.id);
    expect((await button.signOut()).outcome).to.equal('signed-out');
    expect(watch.ends.map((end) => end.sessionId)).to.deep.equal([first.id, second.id]);
  });

  it("signing out another account's session (session-id): its event, the current one stays", async () => {
    const clerk = FakeClerk.multiSession(2);
    const [current, other] = clerk.client!.signedInSessions;
    const { button } = await mount(clerk, html`<clerk-sign-out-button session-id=${other.id}></clerk-sign-out-button>`);
    watch = watchEnds(clerk);
    expect((await button.signOut()).outcome).to.equal('signed-out');
    expect(watch.ends).to.deep.equal([{ sessionId: other.id, userId: other.user!.id, reason: 'sign-out' }]);
    expect(clerk.session?.id).to.equal(current.id);
  });

  it('revoked on the server (another device, the dashboard): learned on the next touch (focus), reason revoked', async () => {
    const clerk = FakeClerk.signedIn();
    const [session] = clerk.client!.signedInSessions;
    const { provider } = await mount(clerk);
    watch = watchEnds(clerk);
    clerk.revokeElsewhere(session.id);
    await flush();
    expect(watch.ends, 'nothing until clerk-js asks the server').to.deep.equal([]);
    await clerk.touchSession();
    expect(watch.ends).to.deep.equal([{ sessionId: session.id, userId: session.user!.id, reason: 'revoked' }]);
    expect(provider.state.user).to.equal(null);
  });

  it('expired: its expireAt passed, or its abandonAt (inactivity): reason expired', async () => {
    const clerk = FakeClerk.multiSession(2);
    const [first, second] = clerk.client!.signedInSessions;
    await mount(clerk);
    watch = watchEnds(clerk);
    clerk.expireSession(first.id);
    await clerk.touchSession();
    second.abandonAt = new Date(Date.now() - 1000);
    clerk.endSessionElsewhere(second.id);
    expect(watch.ends.map((end) => [end.sessionId, end.reason])).to.deep.equal([
      [first.id, 'expired'],
      [second.id, 'expired'],
    ]);
  });

  it('another tab signs out: reason other-tab (its clerk-js message came before the end)', async () => {
    const clerk = FakeClerk.signedIn();
    await mount(clerk);
    watch = watchEnds(clerk);
    await clerk.signOutInAnotherTab();
    expect(watch.ends.map((end) => end.reason)).to.deep.equal(['other-tab']);
  });

  it("another tab's reason travels: an idle or revoked end there reads idle or revoked here, not other-tab", async () => {
    const clerk = FakeClerk.multiSession(2);
    const [first, second] = clerk.client!.signedInSessions;
    await mount(clerk);
    watch = watchEnds(clerk);
    // What the provider of another tab posts on clerk-js's channel: clerk-js acts only on `type: 'signout'`.
    const otherTab = new BroadcastChannel('clerk');
    const told = (sessionId: string, reason: string) =>
      otherTab.postMessage({ type: 'clerk-sign-out-elements:session-end', sessionId, userId: null, reason });
    told(second.id, 'idle');
    await flush();
    await clerk.signOutInAnotherTab(second.id);
    told(first.id, 'revoked');
    await flush();
    await clerk.signOutInAnotherTab(first.id);
    otherTab.close();
    expect(watch.ends.map((end) => [end.sessionId, end.reason])).to.deep.equal([
      [second.id, 'idle'],
      [first.id, 'revoked'],
    ]);
  });

  it('this tab tells the other tabs why, when they cannot see it: revoked, expired and idle, never sign-out', async () => {
    const clerk = FakeClerk.multiSession(3);
    const [first, second, third] = clerk.client!.signedInSessions;
    const { provider } = await mount(clerk);
    const told: unknown[] = [];
    const otherTab = new BroadcastChannel('clerk');
    otherTab.onmessage = (event) => told.push(event.data);
    clerk.revokeElsewhere(first.id);
    await clerk.touchSession();
    await clerk.signOut(() => undefined, { sessionId: second.id });
    const request = { host: provider.querySelector('clerk-sign-out-button')!, state: provider.state };
    await runFlow(request, { ...signOutFlow(request), kind: 'idle-sign-out' });
    await until(() => told.length === 2);
    otherTab.close();
    const type = 'clerk-sign-out-elements:session-end';
    expect(told).to.deep.equal([
      { type, sessionId: first.id, userId: first.user!.id, reason: 'revoked' },
      { type, sessionId: third.id, userId: third.user!.id, reason: 'idle' },
    ]);
  });

  it("clerk-js's own message after it signed this tab out is not another tab's: a revocation right after reads revoked", async () => {
    const clerk = new FakeClerk({ users: [fakeUser(), fakeUser()], tabs: true });
    const [first, second] = clerk.client!.signedInSessions;
    const { button } = await mount(clerk, html`<clerk-sign-out-button scope="current"></clerk-sign-out-button>`);
    watch = watchEnds(clerk);
    button.addEventListener('signed-out', (event) => event.preventDefault());
    await button.signOut(); // clerk-js tells the other tabs, and this page hears it too
    await flush();
    await clerk.setActive({ session: second.id });
    clerk.revokeElsewhere(second.id);
    await clerk.touchSession();
    expect(watch.ends.map((end) => [end.sessionId, end.reason])).to.deep.equal([
      [first.id, 'sign-out'],
      [second.id, 'revoked'],
    ]);
  });

  it("an idle sign-out (the sign-out flow as kind 'idle-sign-out'): reason idle", async () => {
    const clerk = FakeClerk.signedIn();
    const { provider, button } = await mount(clerk);
    watch = watchEnds(clerk);
    document.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
    const request = { host: button, state: provider.state };
    expect((await runFlow(request, { ...signOutFlow(request), kind: 'idle-sign-out' })).outcome).to.equal('signed-out');
    expect(watch.log).to.deep.equal(['session-end idle (navigations: 0)', 'signed-out']);
  });

  it('not an end: Clerk drops the session while its client still lists it signed in (the provider makes it active again)', async () => {
    const clerk = FakeClerk.signedIn();
    const { provider } = await mount(clerk);
    watch = watchEnds(clerk);
    const [session] = clerk.client!.signedInSessions;
    await clerk.setActive({ session: null });
    await until(() => clerk.session?.id === session.id, 'the provider to make the session active again', 5000);
    expect(watch.ends, 'still signed in on the server: no end').to.deep.equal([]);
    expect(provider.state.user?.id).to.equal(session.user!.id);
    clerk.endAllSessionsElsewhere();
    expect(
      watch.ends.map((end) => end.reason),
      'once it leaves the client',
    ).to.deep.equal(['revoked']);
  });

  it('unknown: the session is gone with a new client (cookies cleared elsewhere), and nothing explains it', async () => {
    const clerk = FakeClerk.signedIn();
    await mount(clerk);
    watch = watchEnds(clerk);
    clerk.client = { ...clerk.client!, id: 'client_new', sessions: [], signedInSessions: [] };
    await clerk.setActive({ session: null });
    expect(watch.ends.map((end) => end.reason)).to.deep.equal(['unknown']);
    clerk.endAllSessionsElsewhere();
    expect(watch.ends, 'once per session, even when the server drops it later').to.have.length(1);
  });

  it('exactly once per session: later changes, a sign-in and a second sign-out fire only for new sessions', async () => {
    const clerk = FakeClerk.signedIn({ id: 'user_ada' });
    const { button } = await mount(clerk);
    watch = watchEnds(clerk);
    button.addEventListener('signed-out', (event) => event.preventDefault());
    await button.signOut();
    await clerk.touchSession();
    clerk.signInElsewhere(fakeUser({ id: 'user_grace' }));
    await flush();
    await button.signOut();
    expect(watch.ends.map((end) => end.userId)).to.deep.equal(['user_ada', 'user_grace']);
  });

  it('nothing for a page that loads signed out, a failed sign-out, a sign-out vetoed, or a Clerk swapped out', async () => {
    const signedOut = new FakeClerk();
    const { provider, button } = await mount(signedOut);
    watch = watchEnds(signedOut);
    const clerk = FakeClerk.signedIn();
    provider.clerk = clerk;
    await until(() => provider.state.user !== null && provider.state.user !== undefined);
    clerk.failNextSignOut();
    expect((await button.signOut()).outcome).to.equal('failed');
    clerk.swallowNextSignOut();
    expect((await button.signOut()).outcome).to.equal('failed');
    button.addEventListener('sign-out', (event) => event.preventDefault(), { once: true });
    expect((await button.signOut()).outcome).to.equal('cancelled');
    provider.clerk = FakeClerk.signedIn();
    await until(() => provider.state.clerk !== clerk);
    await flush();
    expect(watch.ends).to.deep.equal([]);
    expect(provider.state.sessionEnd).to.equal(undefined);
  });

  it('a Clerk given to the provider later (or swapped in) is followed from its first report', async () => {
    const { provider, button } = await mount(new FakeClerk());
    const clerk = FakeClerk.signedIn({ id: 'user_later' });
    watch = watchEnds(clerk);
    provider.clerk = clerk;
    await until(() => !!provider.state.user);
    await clerk.signOut(() => undefined);
    provider.clerk = FakeClerk.signedIn({ id: 'user_swapped' });
    await until(() => provider.state.user?.id === 'user_swapped');
    button.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
    await button.signOut();
    expect(watch.ends.map((end) => end.userId)).to.deep.equal(['user_later', 'user_swapped']);
  });

  it('a sign-out that ends on the server although Clerk answered an error (a 401: already ended) reads sign-out, as signed-out names it', async () => {
    const clerk = FakeClerk.signedIn();
    const { button } = await mount(clerk);
    watch = watchEnds(clerk);
    clerk.failNextSignOut(Object.assign(new Error('Signed out'), { status: 401 }), { endedOnServer: true });
    button.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
    expect((await button.signOut()).outcome).to.equal('signed-out');
    expect(watch.log).to.deep.equal(['session-end sign-out (navigations: 0)', 'signed-out']);
  });

  it('a pending session is still signed in for session-end: active → pending fires nothing; its sign-out fires once', async () => {
    const clerk = FakeClerk.signedIn();
    const [session] = clerk.client!.signedInSessions;
    const { button } = await mount(clerk);
    watch = watchEnds(clerk);
    clerk.setSessionTasks(session.id, ['choose-organization']);
    await flush();
    expect(watch.ends).to.deep.equal([]);
    button.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
    expect((await button.signOut()).outcome).to.equal('signed-out');
    expect(watch.ends.map((end) => [end.sessionId, end.reason])).to.deep.equal([[session.id, 'sign-out']]);
  });

  it('follows the provider through a disconnect: an end while it was out of the page is reported when it returns', async () => {
    const clerk = FakeClerk.signedIn();
    const { provider } = await mount(clerk);
    watch = watchEnds(clerk);
    const parent = provider.parentNode!;
    provider.remove();
    expect(clerk.listenerCount).to.equal(0);
    clerk.revokeElsewhere(clerk.session!.id);
    await clerk.touchSession();
    parent.append(provider);
    const { ends } = watch;
    await until(() => ends.length === 1);
    expect(ends[0].reason).to.equal('revoked');
  });
});
