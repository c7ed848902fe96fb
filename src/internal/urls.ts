import { ConfigurationError } from '../contract/errors.js';

/**
 * Checks a URL attribute before anything navigates to it: it must be http(s) (a path is fine), without a user name or
 * password, and on this page's origin or one listed in `<clerk-provider allowed-redirect-origins>`. Returns the
 * absolute URL.
 */
export function checkNavigableUrl(
  value: string,
  where: { tag: string; attribute: string },
  allowedOrigins: readonly string[],
): string {
  const named = `<${where.tag}> ${where.attribute}="${value}"`;
  if (!value.trim())
    throw new ConfigurationError(`${named} is empty. Remove the attribute or give a path such as "/".`);
  let url: URL;
  try {
    url = new URL(value.trim(), location.href);
  } catch {
    throw new ConfigurationError(`${named} is not a valid URL. Use a path such as "/" or an https:// URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(
      `${named} uses the "${url.protocol}" scheme; only http(s) URLs and paths are allowed.`,
    );
  }
  if (url.username || url.password) {
    throw new ConfigurationError(
      `${named} contains a user name or password (the part before "@"), which disguises where it leads. Remove it.`,
    );
  }
  if (url.origin !== location.origin && !allowedOrigins.includes(url.origin)) {
    throw new ConfigurationError(
      `${named} points to another origin (${url.origin}). List it in <clerk-provider allowed-redirect-origins="${url.origin}"> to allow it.`,
    );
  }
  return url.href;
}

/**
 * Parses `allowed-redirect-origins` (origins separated by spaces or commas) into `scheme://host[:port]` origins.
 * An entry that is not an http(s) URL, or that has a user name or password (`https://a.example@b.example`: which one
 * was meant?), is reported in the console and ignored. A path after the origin is dropped.
 */
export function parseOrigins(value: string | null | undefined): string[] {
  const origins: string[] = [];
  for (const entry of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    let url: URL | null = null;
    try {
      url = new URL(entry);
    } catch {
      // reported below
    }
    if (url && (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password) {
      origins.push(url.origin);
      continue;
    }
    const why =
      url?.username || url?.password ? 'has a user name or password (the part before "@")' : 'is not an origin';
    console.error(
      `<clerk-provider> allowed-redirect-origins contains "${entry}", which ${why}; it is ignored. Write origins alone, such as https://example.com.`,
    );
  }
  return origins;
}
