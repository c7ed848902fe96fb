// In-page half of the session-end rows: the shipped CDN module and the REAL clerk-js (clerk.browser.js of the major
// in ?version=, from the emulator as Clerk's Frontend API serves it). ?clerk=<emulator origin>&proxy=&key=&version=.
// With ?tab=other the page is only "another tab": Clerk, no elements.
import '/cdn/clerk-sign-out-elements.js';
import { loadClerkScript, mountSignOutButton } from './real-clerk.js';

const params = new URLSearchParams(location.search);
const navigations = [];
const clerk = await loadClerkScript(
  `${params.get('proxy')}/npm/@clerk/clerk-js@${params.get('version')}/dist/clerk.browser.js`,
  {
    key: params.get('key'),
    proxy: params.get('proxy'),
    options: { routerPush: (to) => navigations.push(to), routerReplace: (to) => navigations.push(to) },
  },
);
if (!clerk.user) throw new Error('the emulator did not sign anyone in');
/** Epoch milliseconds with the page's sub-millisecond precision: comparable across tabs. */
const now = () => performance.timeOrigin + performance.now();

/** What clerk-js reported, for a failure's report: `u` (undefined), `null`, or the session's status. */
const emits = [];
clerk.addListener(({ session }) =>
  emits.push(session === undefined ? 'u' : session === null ? 'null' : session.status),
);
window.bench = { now, version: clerk.version, emits };
if (params.get('tab') === 'other') {
  window.bench.signOut = async () => {
    await clerk.signOut(() => {});
    return now();
  };
} else {
  const { provider, button } = await mountSignOutButton(clerk);
  const ends = [];
  document.addEventListener('session-end', (event) => ends.push({ ...event.detail, at: now() }));
  document.addEventListener('signed-out', (event) => event.preventDefault());
  Object.assign(window.bench, {
    ends,
    state: () => ({
      status: provider.state.status,
      user: provider.state.user?.id ?? provider.state.user,
      listed: provider.state.client?.signedInSessions.length,
      end: provider.state.sessionEnd,
      connected: provider.isConnected,
    }),
    /** The window regains focus as clerk-js hears it (it does not check isTrusted). */
    focus() {
      const at = now();
      window.dispatchEvent(new FocusEvent('focus'));
      return at;
    },
    clickSignOut() {
      const at = now();
      button.shadowRoot.querySelector('[part~="button"]').click();
      return at;
    },
  });
}
window.benchReady = true;
