// The events page's router-path.js (the `router-path` block, run as written by test/adoption/first-five-minutes/), typed, for the
// Angular component beside it.
export function routerPath(redirectUrl: string | null): string | null {
  if (!redirectUrl) return null;
  const url = new URL(redirectUrl);
  return url.origin === location.origin ? url.pathname + url.search + url.hash : null;
}
