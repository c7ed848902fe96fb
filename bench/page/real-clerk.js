// What the bench pages on the REAL clerk-js share: Clerk's own script tag (as Clerk's snippet writes it), loaded
// before any element exists, and a provider with one sign-out button.

/**
 * Loads clerk.browser.js from `src` as Clerk's script tag does (the key and proxy as data attributes), then `load()`s
 * it; resolves with `window.Clerk`.
 *
 * @example const clerk = await loadClerkScript(src, { key, proxy });
 */
export async function loadClerkScript(src, { key, proxy, options = {} }) {
  const script = document.createElement('script');
  script.src = src;
  script.dataset.clerkPublishableKey = key;
  script.dataset.clerkProxyUrl = proxy;
  await new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${script.src}`));
    document.head.append(script);
  });
  await window.Clerk.load({ telemetry: false, ...options });
  return window.Clerk;
}

/**
 * A provider with one sign-out button for a loaded `clerk`, rendered. Created only now, so the provider never sees a
 * Clerk that is still loading (it would call load() itself).
 *
 * @example const { button } = await mountSignOutButton(clerk);
 */
export async function mountSignOutButton(clerk) {
  const provider = document.createElement('clerk-provider');
  const button = document.createElement('clerk-sign-out-button');
  provider.clerk = clerk;
  provider.append(button);
  document.body.append(provider);
  await provider.updateComplete;
  await button.updateComplete;
  return { provider, button };
}
