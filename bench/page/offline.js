// In-page half of row 8: the REAL clerk-js of one major (clerk.browser.js from the emulator) and the shipped CDN module,
// a provider and a sign-out button. ?clerk=<emulator origin>&proxy=<proxyUrl>&key=<publishable key>&major=<6|5>.
// The Node half (bench/lib/offline.mjs) takes the page offline with CDP; every Frontend API fetch is counted here.
import '/cdn/clerk-sign-out-elements.js';
import { loadClerkScript, mountSignOutButton } from './real-clerk.js';

const params = new URLSearchParams(location.search);
/** Every Frontend API fetch clerk-js starts (`/v1/` URLs), offline ones included (they never reach the emulator). */
const fetches = [];
/** When the browser first gave up on a Frontend API request (the connection was lost). */
let lostAt;
const nativeFetch = window.fetch.bind(window);
window.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  if (!url.includes('/v1/')) return nativeFetch(input, init);
  fetches.push({ at: performance.now(), url: url.replace(/^.*\/v1\//, '/v1/').split('?')[0] });
  return nativeFetch(input, init).catch((error) => {
    lostAt ??= performance.now();
    throw error;
  });
};

const clerk = await loadClerkScript(
  `${params.get('clerk')}/__clerk/npm/@clerk/clerk-js@${params.get('major')}/dist/clerk.browser.js`,
  { key: params.get('key'), proxy: params.get('proxy') },
);
const { provider, button } = await mountSignOutButton(clerk);
if (!clerk.user) throw new Error('the emulator did not sign anyone in');
document.addEventListener('signed-out', (event) => event.preventDefault());

/** Runs `action`, timing it and counting the Frontend API fetches it started. */
async function timed(action) {
  const start = performance.now();
  const before = fetches.length;
  let settled = 'resolved';
  let detail;
  try {
    detail = await action();
  } catch (error) {
    settled = 'rejected';
    detail = String(error?.message ?? error).slice(0, 120);
  }
  return { ms: performance.now() - start, settled, detail, fetches: fetches.slice(before).map((entry) => entry.url) };
}

window.bench = {
  version: clerk.version,
  /** The element's sign-out, as a click: its outcome, the error's name, whether the user is still shown. */
  signOut: () =>
    timed(async () => {
      const { outcome, error } = await button.signOut();
      return { outcome, error: error?.name, userShown: !!provider.state.user, clerkUser: !!clerk.user };
    }),
  /** Starts the element's sign-out and leaves it in flight (the Node half cuts the connection meanwhile). */
  startSignOut: () => {
    lostAt = undefined;
    window.bench.pending = timed(async () => {
      const { outcome, error } = await button.signOut();
      const msAfterLoss = performance.now() - lostAt;
      return { outcome, error: error?.name, userShown: !!provider.state.user, msAfterLoss };
    });
  },
  /** How long until clerk-js shows its session again after the flow (the provider's activation). */
  sessionBack: async () => {
    const start = performance.now();
    while (!clerk.session) await new Promise((resolve) => setTimeout(resolve, 20));
    return performance.now() - start;
  },
  reload: () => timed(() => clerk.client.reload().then(() => 'client')),
  getSessions: () =>
    timed(async () => {
      clerk.user.cachedSessionsWithActivities = null;
      return `${(await clerk.user.getSessions()).length} sessions`;
    }),
};
window.offlineReady = true;
