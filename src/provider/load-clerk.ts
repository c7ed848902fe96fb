import type { ClerkLike } from '../clerk/clerk.js';
import { warnOnce } from '../clerk/clerk-controller.js';
import { ConfigurationError } from '../contract/errors.js';

/** The version of Clerk's browser script the provider loads by default (Core 3); `clerk-js-version` picks another. */
export const DEFAULT_CLERK_JS_VERSION = '6';

declare global {
  interface Window {
    /** Set by Clerk's browser script (`clerk.browser.js`). */
    Clerk?: ClerkLike;
  }
}

/**
 * The Frontend API host a publishable key encodes (`pk_test_` / `pk_live_` + base64 of `host$`): a plain host name, one
 * that `new URL` keeps as it is, so no user name (`@`), path (`/`, `\\`), query or fragment can send the script
 * elsewhere.
 */
export function frontendApiFromKey(key: string): string {
  const fix = 'Copy the key from the Clerk dashboard (API keys); it looks like pk_test_… or pk_live_….';
  const match = /^pk_(test|live)_([A-Za-z0-9+/=_-]+)$/.exec(key.trim());
  if (!match)
    throw new ConfigurationError(`<clerk-provider> publishable-key="${key}" is not a Clerk publishable key. ${fix}`);
  let host = '';
  let parsed;
  try {
    host = atob(match[2].replace(/-/g, '+').replace(/_/g, '/'));
    host = host.endsWith('$') ? host.slice(0, -1) : '';
    parsed = new URL(`https://${host}`).host;
  } catch {
    // reported below
  }
  if (parsed !== host || !host.includes('.')) {
    throw new ConfigurationError(
      `<clerk-provider> publishable-key="${key}" does not encode a Frontend API host name: it encodes ${JSON.stringify(host)}. ${fix}`,
    );
  }
  return host;
}

/** Same rule as clerk-js: a proxy URL is absolute http(s) or a path starting with "/". */
export function checkProxyUrl(proxyUrl: string): string {
  if (/^https?:\/\//.test(proxyUrl) || proxyUrl.startsWith('/')) return proxyUrl;
  throw new ConfigurationError(
    `<clerk-provider> proxy-url="${proxyUrl}" must start with https:// (or http://) or "/", e.g. proxy-url="https://example.com/__clerk".`,
  );
}

export interface ScriptSource {
  publishableKey: string;
  proxyUrl?: string;
  domain?: string;
  clerkJsUrl?: string;
  /** A major (`5`), a version (`5.128.0`) or an npm tag of @clerk/clerk-js, as Clerk's own SDKs take `clerkJSVersion`. */
  clerkJsVersion?: string;
}

/** Same rule as the URL Clerk's SDKs build: a version, a range prefix or a tag; nothing that changes the path. */
export function checkClerkJsVersion(version: string): string {
  if (/^[\w.^~-]{1,40}$/.test(version)) return version;
  throw new ConfigurationError(
    `<clerk-provider> clerk-js-version="${version}" is not a version of @clerk/clerk-js: use a major such as "5" or "6", ` +
      `or an exact version such as "5.128.0".`,
  );
}

/** Where Clerk's SDKs load `clerk.browser.js` from: `clerk-js-url`, else the proxy, the domain or the key's host. */
function clerkScriptUrl(source: ScriptSource): string {
  if (source.clerkJsUrl) return new URL(source.clerkJsUrl, location.href).href;
  const version = checkClerkJsVersion(source.clerkJsVersion ?? DEFAULT_CLERK_JS_VERSION);
  const path = `/npm/@clerk/clerk-js@${version}/dist/clerk.browser.js`;
  if (source.proxyUrl) return new URL(source.proxyUrl.replace(/\/$/, '') + path, location.href).href;
  const host = source.domain
    ? `clerk.${source.domain.replace(/^https?:\/\//, '')}`
    : frontendApiFromKey(source.publishableKey);
  return `https://${host}${path}`;
}

const loading = new Map<string, Promise<ClerkLike>>();

/**
 * clerk-js allows one Clerk per page (page-wide singletons), and `window.Clerk` is it: a provider whose `publishable-key`
 * names another Frontend API gets that one. Said once per key, naming both hosts.
 */
export function warnIfOtherKey(clerk: ClerkLike | undefined, key = ''): void {
  const theirs = clerk?.publishableKey;
  if (theirs && key && theirs !== key)
    warnOnce(
      key,
      () =>
        `<clerk-provider> publishable-key is for ${host(key)}, but window.Clerk for ${host(theirs)}: one Clerk per ` +
        `page (clerk-js), so it uses that one. Use one key per page.`,
    );
}

function host(key: string): string {
  try {
    return frontendApiFromKey(key);
  } catch {
    return key;
  }
}

/** Adds Clerk's script once per URL (with the data attributes it reads) and resolves with the `window.Clerk` it sets. */
export function loadClerkScript(source: ScriptSource): Promise<ClerkLike> {
  frontendApiFromKey(source.publishableKey);
  if (source.proxyUrl) checkProxyUrl(source.proxyUrl);
  const url = clerkScriptUrl(source);
  let promise = loading.get(url);
  if (!promise) {
    promise = new Promise<ClerkLike>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.crossOrigin = 'anonymous';
      script.dataset.clerkPublishableKey = source.publishableKey;
      if (source.proxyUrl) script.dataset.clerkProxyUrl = source.proxyUrl;
      if (source.domain) script.dataset.clerkDomain = source.domain;
      script.addEventListener('load', () =>
        window.Clerk
          ? resolve(window.Clerk)
          : reject(
              new ConfigurationError(
                `<clerk-provider> loaded ${url} but it did not set window.Clerk. Check clerk-js-url.`,
              ),
            ),
      );
      script.addEventListener('error', () => {
        script.remove();
        void scriptFailure(url).then(reject);
      });
      document.head.append(script);
    });
    // A failed load may be retried (e.g. after fixing the attribute), so it is not cached.
    promise.catch(() => loading.delete(url));
    loading.set(url, promise);
  }
  return promise;
}

/** Why Clerk's script did not load: the Clerk emulator says why in a Clerk error body (e.g. clerk-js not installed). */
async function scriptFailure(url: string): Promise<ConfigurationError> {
  let reason = '. Check clerk-js-url (or publishable-key / proxy-url) and that the URL is reachable.';
  try {
    const response = await fetch(url);
    const said = !response.ok && (await response.json()).errors[0].long_message;
    if (said) reason = `: ${said}`;
  } catch {
    // no answer, or not Clerk's shape: no reason to give
  }
  return new ConfigurationError(`<clerk-provider> could not load Clerk's script from ${url}${reason}`);
}
