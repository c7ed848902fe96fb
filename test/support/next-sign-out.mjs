// The README's Next.js client component, without Next itself (its router is a parameter): React renders it on the
// server in test/node/server-imports.test.mjs, and the browser hydrates that HTML in
// test/adoption/first-five-minutes/no-flash-react.test.ts and test/adoption/frameworks/react.test.ts. React comes in as
// a parameter too: each side imports it its own way.

/**
 * The component, as the README writes it: the tags, and a `signed-out` listener added in an effect (React 19 does not
 * attach a custom element's `on<event>` props when it hydrates server HTML).
 *
 * @param {Pick<typeof import('react'), 'createElement' | 'useEffect'>} react
 * @param {{ push(path: string): void }} router
 */
export function nextSignOut({ createElement: h, useEffect }, router) {
  return function SignOut() {
    useEffect(() => {
      /** @param {Event} event */
      const onSignedOut = (event) => {
        const path = routerPath(/** @type {CustomEvent} */ (event).detail.redirectUrl);
        if (path === null) return; // nothing navigates, or another origin: let the element load it
        event.preventDefault(); // no full page load: route with the app's router
        router.push(path);
      };
      document.addEventListener('signed-out', onSignedOut);
      return () => document.removeEventListener('signed-out', onSignedOut);
    }, []);
    return h(
      'clerk-provider',
      { 'publishable-key': 'pk_live_…' },
      h(
        'clerk-signed-in',
        null,
        h('p', { id: 'hello' }, 'Hello, Ada'),
        h('clerk-sign-out-button', { 'redirect-url': '/' }),
      ),
      h('clerk-signed-out', null, h('p', { id: 'goodbye' }, 'You are signed out.')),
      h('clerk-failed', null, h('p', { id: 'unavailable' }, 'Sign-in is unavailable right now.')),
    );
  };
}

/** The README's router-path.js. */
function routerPath(redirectUrl) {
  if (!redirectUrl) return null;
  const url = new URL(redirectUrl);
  return url.origin === location.origin ? url.pathname + url.search + url.hash : null;
}

/**
 * What React's server render of the component is (test/node/server-imports.test.mjs checks it): the tags and their
 * children as they are, no shadow root, no user known. The browser renders the rest once the package is imported there.
 */
export const SERVER_HTML =
  '<clerk-provider publishable-key="pk_live_…"><clerk-signed-in><p id="hello">Hello, Ada</p>' +
  '<clerk-sign-out-button redirect-url="/"></clerk-sign-out-button></clerk-signed-in><clerk-signed-out>' +
  '<p id="goodbye">You are signed out.</p></clerk-signed-out><clerk-failed><p id="unavailable">Sign-in is unavailable ' +
  'right now.</p></clerk-failed></clerk-provider>';
