// In-page half of row 4: the REAL clerk-js (clerk.browser.js from the emulator, as Clerk's Frontend API serves it) and
// the shipped CDN module. ?clerk=<emulator origin>&proxy=<proxyUrl>&key=<publishable key>.
import '/cdn/clerk-sign-out-elements.js';
import { loadClerkScript, mountSignOutButton } from './real-clerk.js';

const params = new URLSearchParams(location.search);
const clerk = await loadClerkScript(`${params.get('clerk')}/__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js`, {
  key: params.get('key'),
  proxy: params.get('proxy'),
});
const { button } = await mountSignOutButton(clerk);
if (!clerk.user) throw new Error('the emulator did not sign anyone in');

/** Clerk's own call, with a callback so it does not navigate (the element passes one too). */
window.signOutDirect = async () => {
  const start = performance.now();
  await clerk.signOut(() => {});
  return { ms: performance.now() - start, signedOut: !clerk.user };
};

/** The element's flow (same as a click); `signed-out` is vetoed so the page stays. `innerMs`: inside clerk.signOut. */
window.signOutElement = async () => {
  const signOut = clerk.signOut;
  let innerMs = 0;
  clerk.signOut = async function timed(...args) {
    const start = performance.now();
    try {
      return await signOut.apply(this, args);
    } finally {
      innerMs = performance.now() - start;
    }
  };
  document.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
  const start = performance.now();
  const { outcome } = await button.signOut();
  const ms = performance.now() - start;
  clerk.signOut = signOut;
  return { ms, innerMs, signedOut: outcome === 'signed-out' && !clerk.user };
};
window.signOutReady = true;
