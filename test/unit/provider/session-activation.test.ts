// After the current account of several ends and Clerk leaves no session active (the remaining one's activation failed,
// or it ended elsewhere), the page must never show "signed out" while this browser is still signed in: the provider
// shows neither state and activates the remaining account, with backoff and on focus/online, until it is shown; after
// about two minutes it says so (console and `session-unavailable`).
import { expect, html } from '@open-wc/testing';
import type { ClerkSignOutButton, SessionUnavailableEvent } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { captureConsole, recordEvents, shadowButton, until, withProvider } from '../../support/fixtures.js';
import { watchProviderUsers } from '../../support/watch-provider.js';

const page = html`<clerk-sign-out-button scope="current"></clerk-sign-out-button>
  <clerk-signed-in><p>signed in</p></clerk-signed-in>
  <clerk-signed-out><p>signed out</p></clerk-signed-out>`;

/** Two accounts (Ada active, Grace), `signed-out` vetoed (an SPA router), and the activations of Grace failing `times`. */
async function signOutAdaWhileGraceCannotBeActivated(times: number) {
  const clerk = FakeClerk.multiSession(2);
  const [ada, grace] = clerk.client!.signedInSessions;
  const mounted = await withProvider<ClerkSignOutButton>(page, clerk);
  for (let i = 0; i < times; i++) clerk.fault('setActive', 'error');
  const reported = watchProviderUsers(mounted.el);
  const signedOutShown = () =>
    (mounted.provider.querySelector('clerk-signed-out') as unknown as { active: boolean }).active;
  document.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
  shadowButton(mounted.el).click();
  await until(() => clerk.serverSessionIds.length === 1);
  return { ...mounted, clerk, ada, grace, reported, signedOutShown };
}

describe('the provider when Clerk shows nobody while another account is signed in', () => {
  it('shows neither state meanwhile (user undefined), then the remaining account once an activation succeeds', async function () {
    this.timeout(10_000);
    const { provider, clerk, grace, reported, signedOutShown } = await signOutAdaWhileGraceCannotBeActivated(2);
    await until(() => clerk.setActiveCalls.length === 1);
    await until(() => provider.state.user === undefined, 'neither state');
    expect(signedOutShown()).to.equal(false);
    expect((provider.querySelector('clerk-signed-in') as unknown as { active: boolean }).active).to.equal(false);
    // The flow tried once; the provider tries after 1 s (fails), then after 2 more s (succeeds).
    await until(() => provider.state.user?.id === grace.user!.id, 'the remaining account', 5000);
    expect(clerk.setActiveCalls).to.deep.equal([grace.id, grace.id, grace.id]);
    expect(reported.users, 'never nobody').to.not.include(null);
    reported.stop();
  });

  it('tries again at once on focus and when the browser comes back online', async () => {
    const { provider, clerk, grace } = await signOutAdaWhileGraceCannotBeActivated(1);
    await until(() => provider.state.user === undefined);
    window.dispatchEvent(new Event('online'));
    await until(() => provider.state.user?.id === grace.user!.id, 'the remaining account, at once', 500);
    expect(clerk.setActiveCalls).to.have.length(2);
  });

  it('gives up after 8 tries over about two minutes: a console error and session-unavailable; focus still retries', async function () {
    this.timeout(10_000);
    const delays: number[] = [];
    const realSetTimeout = window.setTimeout;
    // The provider's clock a thousand times faster: its backoff schedule, without waiting for it (the sign-out's own
    // "still trying" notice, due after 3 s, is the element's timer, not the provider's).
    window.setTimeout = ((handler: () => void, ms = 0, ...rest: unknown[]) => {
      if (ms >= 1000 && ms !== 3000) delays.push(ms);
      return realSetTimeout(handler, ms >= 1000 ? ms / 1000 : ms, ...rest);
    }) as typeof window.setTimeout;
    const events = recordEvents('session-unavailable');
    try {
      const seen = await captureConsole(async () => {
        const { provider, clerk, grace } = await signOutAdaWhileGraceCannotBeActivated(100);
        await until(() => events.events.length === 1, 'session-unavailable', 5000);
        expect((events.events[0] as SessionUnavailableEvent).detail.sessionIds).to.deep.equal([grace.id]);
        expect(events.events[0].target).to.equal(provider);
        expect(provider.state.user).to.equal(undefined);
        expect(clerk.setActiveCalls).to.have.length(1 + 8);
        clerk.clearFaults();
        window.dispatchEvent(new FocusEvent('focus'));
        await until(() => provider.state.user?.id === grace.user!.id, 'the remaining account after focus');
      });
      expect(delays).to.deep.equal([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
      expect(seen.error.join('\n')).to.contain('<clerk-provider> could not make a signed-in session (sess_user_');
      expect(events.events).to.have.length(1);
    } finally {
      window.setTimeout = realSetTimeout;
      events.stop();
    }
  });
});
