/** An attribute value the elements refuse to use. The message names the element, the attribute and the fix. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/**
 * Checks a URL attribute before anything navigates to it: it must be http(s) (a path is fine) and on this page's
 * origin or one listed in `<clerk-provider allowed-redirect-origins>`. Returns the absolute URL.
 */
export function checkNavigableUrl(
  value: string,
  where: { tag: string; attribute: string },
  allowedOrigins: readonly string[],
): string {
  const named = `<${where.tag}> ${where.attribute}="${value}"`;
  if (!value.trim()) throw new ConfigurationError(`${named} is empty. Remove the attribute or give a path such as "/".`);
  let url: URL;
  try {
    url = new URL(value.trim(), location.href);
  } catch {
    throw new ConfigurationError(`${named} is not a valid URL. Use a path such as "/" or an https:// URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(`${named} uses the "${url.protocol}" scheme; only http(s) URLs and paths are allowed.`);
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
 * An entry that is not an origin is reported in the console and ignored.
 */
export function parseOrigins(value: string | null | undefined): string[] {
  const origins: string[] = [];
  for (const entry of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    try {
      const url = new URL(entry);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('not http(s)');
      origins.push(url.origin);
    } catch {
      console.error(
        `<clerk-provider> allowed-redirect-origins contains "${entry}", which is not an origin such as https://example.com; it is ignored.`,
      );
    }
  }
  return origins;
}
