// Who may talk to the emulator. It holds test state anyone on the machine could otherwise change: a page on another
// origin can always SEND a simple request (a form post, a no-cors fetch); CORS only decides who may READ the answer.
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
 * A request that changes state (any method but GET, HEAD and OPTIONS) must come from this server's own origin, from an
 * origin `allowOrigin` accepts, or from no browser at all (no `Origin`: Node, curl). `Origin: null` (sandboxed frames,
 * file:// pages, some redirects) is refused; so is a browser that says `Sec-Fetch-Site: cross-site` without an Origin.
 */
export function checkWriteOrigin(req: IncomingMessage, allowOrigin: (origin: string) => boolean): void {
  const method = req.method ?? 'GET';
  if (READ_METHODS.has(method)) return;
  const origin = req.headers.origin;
  const rule =
    "the emulator takes writes only from its own origin and from origins its `allowOrigin` option accepts, so that no other page can sign users out or change a test's state";
  if (origin === undefined) {
    if (req.headers['sec-fetch-site'] !== 'cross-site') return;
    throw new EmulatorError(
      403,
      `Refused ${method} sent by the browser from another site (Sec-Fetch-Site: cross-site) without an Origin: ${rule}.`,
    );
  }
  if (origin === 'null') {
    throw new EmulatorError(
      403,
      `Refused ${method} from origin "null" (a sandboxed frame, a file:// page or a redirect across origins): ${rule}.`,
    );
  }
  if (isSameOrigin(origin, req.headers.host) || allowOrigin(origin)) return;
  throw new EmulatorError(403, `Refused ${method} from origin ${quote(origin)}: ${rule}.`);
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
