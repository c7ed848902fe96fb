// Who may talk to the emulator. It holds test state anyone on the machine could otherwise change: a page on another
// origin can always SEND a simple request (a form post, a no-cors fetch, an <img>); CORS only decides who may READ the
// answer. So a request from such a page is refused before it reaches any state, reads included.
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { EmulatorError, quote } from './errors.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `localhost`, `*.localhost` and IP literals (v4, or v6 in brackets); the port is ignored. */
export function isLoopbackOrIpHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    isIP(hostname) === 4 ||
    (hostname.startsWith('[') && isIP(hostname.slice(1, -1)) === 6)
  );
}

/** The host name of a `Host` header (lowercase, no port, no trailing dot), or `undefined` when it is no host[:port]. */
export function hostName(header: string): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^\s:[\]/\\@?#]+)(?::\d{0,5})?$/.exec(header.trim().toLowerCase());
  return match ? match[1].replace(/\.$/, '') : undefined;
}

/** Whether `hostname` is one of `allowedHosts` (exact, or a `.example.test` entry for that domain and its subdomains). */
function isAllowedName(hostname: string, allowedHosts: readonly string[]): boolean {
  return allowedHosts.some((entry) => {
    const allowed = entry.trim().toLowerCase().replace(/\.$/, '');
    if (!allowed) return false;
    if (allowed.startsWith('.')) return hostname === allowed.slice(1) || hostname.endsWith(allowed);
    return hostname === allowed;
  });
}

/**
 * DNS rebinding: a page on `evil.example` whose name then resolves to 127.0.0.1 reaches the emulator as its own origin,
 * so Origin checks pass; only its `Host: evil.example` gives it away. A browser always sends Host; a request without one
 * (HTTP/1.0 from a script) is no browser's.
 */
export function checkHost(req: IncomingMessage, allowedHosts: readonly string[]): void {
  const header = req.headers.host;
  if (header === undefined) return;
  const name = hostName(header);
  if (name !== undefined && (isLoopbackOrIpHost(name) || isAllowedName(name, allowedHosts))) return;
  throw new EmulatorError(
    403,
    `Refused host ${quote(header)}: the emulator answers localhost, *.localhost and IP addresses only (DNS rebinding guard). ` +
      'To serve it under another name, list that name in the `allowedHosts` option.',
  );
}

/**
 * Whether the request may use the emulator at all: read a tenant's state or log, hit a fault, create a tenant, be logged,
 * follow `/client/touch`, or change anything. A browser names the page that sent a request in `Origin` (fetches across
 * origins, and every method but GET and HEAD), else in `Referer` (navigations, `<script>`, `<img>`, unless the page
 * withholds it); `Sec-Fetch-Site` says whether that page is this origin (`same-origin`), no page at all (`none`: the
 * address bar) or another one. So the request is refused (403) when its page is known and is neither this server's
 * origin nor one `allowOrigin` accepts (`Origin: null`, a sandboxed frame or a file:// page, included), and when a
 * browser says it comes from another site without naming the page. A request with none of these headers is no browser's
 * (Node, curl: local processes) and passes. Returns the refusal (403), or `undefined` when the request may go on.
 */
export function originRefusal(
  req: IncomingMessage,
  allowOrigin: (origin: string) => boolean,
): EmulatorError | undefined {
  const page = requestPage(req);
  if (page === undefined || isSameOrigin(page, req.headers.host) || (page !== 'null' && allowOrigin(page))) return;
  const method = req.method ?? 'GET';
  const from =
    page === CROSS_SITE
      ? `sent by the browser from another page (Sec-Fetch-Site: ${req.headers['sec-fetch-site']}) without an Origin or a Referer`
      : page === 'null'
        ? 'from origin "null" (a sandboxed frame, a file:// page or a redirect across origins)'
        : `from ${req.headers.origin === undefined ? 'a page on' : 'origin'} ${quote(page)}`;
  return new EmulatorError(
    403,
    `Refused ${method} ${from}: the emulator answers only its own origin, origins its \`allowOrigin\` ` +
      "option accepts and local processes, so that no other page can read or change a test's state.",
  );
}

const CROSS_SITE = 'a page of another site';

/**
 * The origin of the page that sent the request: `Origin`, else the origin of `Referer`; `undefined` when the browser
 * says it is this origin or no page, or when nothing names a page (not a browser); `CROSS_SITE` when a browser says it
 * is another site (or the same site on another origin) but names no page.
 */
function requestPage(req: IncomingMessage): string | undefined {
  const { origin, referer } = req.headers;
  if (origin !== undefined) return origin;
  const site = req.headers['sec-fetch-site'];
  if (site === 'same-origin' || site === 'none') return undefined;
  const fromReferer = refererOrigin(referer);
  if (fromReferer !== undefined) return fromReferer;
  return site === 'cross-site' || site === 'same-site' ? CROSS_SITE : undefined;
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

export function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  const lower = origin.toLowerCase();
  const target = host.toLowerCase();
  return lower === `http://${target}` || lower === `https://${target}`;
}

/**
 * Control routes take JSON only: a form or text/plain post is a "simple" request any page can send cross-origin without
 * asking (no preflight); `content-type: application/json` cannot be sent that way. A POST with no body may omit it.
 */
export function checkJsonBody(req: IncomingMessage): void {
  if (READ_METHODS.has(req.method ?? 'GET')) return;
  const type = req.headers['content-type'];
  const media = type?.split(';')[0].trim().toLowerCase();
  if (media === 'application/json') return;
  const hasBody = req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';
  if (type === undefined && !hasBody) return;
  throw new EmulatorError(
    415,
    `Control routes take JSON: send \`content-type: application/json\` with a JSON body (this request had ${type === undefined ? 'a body and no content-type' : `content-type ${quote(type)}`}).`,
  );
}
