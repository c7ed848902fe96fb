// Small helpers on Node's own http types, so the emulator runs inside any server (WTR, vite, plain node:http).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorError } from './errors.js';
import { isSameOrigin } from './guard.js';

const MAX_BODY_BYTES = 1024 * 1024;
/** A longer body is still read (and discarded) up to here, so the client hears the 413 instead of a reset. */
const MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

/** Reads a form or JSON body into flat string fields (clerk-js sends forms; the control route sends JSON). */
export async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_DISCARDED_BYTES) break; // gives up: the connection is cut
      if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
    }
  } catch {
    throw new EmulatorError(400, 'The request body was cut off.');
  }
  if (size > MAX_BODY_BYTES)
    throw new EmulatorError(413, 'Request body too large: the emulator takes bodies up to 1 MB.');
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if (String(req.headers['content-type']).includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      throw new EmulatorError(400, 'The body is not valid JSON.');
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Default CORS policy: pages served from this machine only (the emulator is a local test tool). */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    return LOOPBACK.has(new URL(origin).hostname);
  } catch {
    return false;
  }
}

/**
 * Same origin needs nothing. A page on another origin (e.g. an app on :3000 using a standalone emulator) gets the exact
 * origin with credentials, as clerk-js fetches with `credentials: 'include'`. Returns true when it answered a preflight.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowOrigin: (origin: string) => boolean,
): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === 'null' || isSameOrigin(origin, req.headers.host) || !allowOrigin(origin)) return false;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-credentials', 'true');
  res.setHeader('vary', 'Origin');
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
    'access-control-max-age': '600',
    // Chromium's Private Network Access asks this before a public page may reach localhost.
    ...(req.headers['access-control-request-private-network']
      ? { 'access-control-allow-private-network': 'true' }
      : {}),
  });
  res.end();
  return true;
}

/** A plain 500 when the headers are still unsent; otherwise all that is left is to end the connection. */
export function answerServerError(res: ServerResponse): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Internal error in the Clerk emulator.');
}
