// HTTP/1.1 over a raw TCP socket, for requests node:http would refuse to send (malformed request lines, odd framing).
import { connect } from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Writes `bytes` to 127.0.0.1:`port` and resolves with what came back:
 * `{ status, headers, body, complete, dropped, ms }`. `status` is undefined when no status line arrived (`dropped`: the
 * server closed or reset the connection without answering). Resolves as soon as one response is complete (by
 * Content-Length, chunked end, or the server closing); rejects after `timeoutMs` (a hang). `end`: half-close after
 * writing (the server then sees EOF). `head`: the request was a HEAD (no body follows the headers).
 */
export function rawRequest(port, bytes, { timeoutMs = 5000, end = false, head = false } = {}) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks = [];
    let settled = false;
    let resetError;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...result, ms: performance.now() - started });
    };
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(new Error(`no complete answer within ${timeoutMs} ms (got ${Buffer.concat(chunks).length} bytes)`));
    }, timeoutMs);
    const check = (closed) => {
      const data = Buffer.concat(chunks);
      const parsed = parseResponse(data, head);
      if (parsed?.complete) return finish({ ...parsed, dropped: false });
      if (closed)
        finish(
          parsed
            ? { ...parsed, complete: false, dropped: false }
            : { status: undefined, dropped: true, error: resetError, bytes: data.length },
        );
    };
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      check(false);
    });
    socket.on('error', (error) => (resetError = error.code ?? error.message));
    socket.on('close', () => check(true));
    socket.on('connect', () => {
      // Large writes may be cut short by the server answering (e.g. 413/431) and closing: that is an answer, not an error.
      socket.write(bytes, () => {
        if (end) socket.end();
      });
    });
  });
}

function parseResponse(data, head) {
  // Skips interim answers (100 Continue, 102, 103): the final one follows.
  while (/^HTTP\/1\.[01] 1\d\d /.test(data.subarray(0, 13).toString('latin1'))) {
    const end = data.indexOf(HEADER_END);
    if (end < 0) return undefined;
    data = data.subarray(end + 4);
  }
  const split = data.indexOf(HEADER_END);
  if (split < 0) return undefined;
  const lines = data.subarray(0, split).toString('latin1').split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]);
  if (!match) return { status: NaN, headers: {}, body: '', complete: true, statusLine: lines[0] };
  const status = Number(match[1]);
  const headers = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = data.subarray(split + 4);
  if (head || status === 204 || status === 304) {
    return { status, headers, body: '', complete: true };
  }
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    return { status, headers, body: rest.subarray(0, length).toString('utf8'), complete: rest.length >= length };
  }
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const body = dechunk(rest);
    return { status, headers, body: body ?? '', complete: body !== undefined };
  }
  return { status, headers, body: rest.toString('utf8'), complete: false };
}

/** The body of a complete chunked message, or undefined while it is incomplete. */
function dechunk(data) {
  const parts = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size)) return undefined;
    if (size === 0) return data.indexOf('\r\n', lineEnd + 2) >= 0 ? Buffer.concat(parts).toString('utf8') : undefined;
    if (data.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** A well-framed request: `Content-Length` for the body, `Connection: close` unless `headers` says otherwise. */
export function requestBytes({ method = 'GET', target = '/', version = 'HTTP/1.1', host, headers = [], body }) {
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
  const lines = [`${method} ${target} ${version}`];
  if (host !== undefined) lines.push(`Host: ${host}`);
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  if (!headers.some(([name]) => name.toLowerCase() === 'connection')) lines.push('Connection: close');
  if (payload && !headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name))) {
    lines.push(`Content-Length: ${payload.length}`);
  }
  const head = Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1');
  return payload ? Buffer.concat([head, payload]) : head;
}
