// Serves Clerk's browser script the way Clerk's Frontend API does (`/npm/@clerk/clerk-js@6/dist/clerk.browser.js`),
// from the installed @clerk/clerk-js, so pages load the REAL clerk-js with no network.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

const SCRIPT_PATH = /^\/npm\/@clerk\/clerk-js(?:@[^/]+)?\/dist\/(.+)$/;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The `dist` folder of the @clerk/clerk-js the app installed (a peer dependency), else the one next to this package. */
export function findClerkJsDist(from: string[] = [join(process.cwd(), 'package.json'), import.meta.url]): string | undefined {
  for (const base of from) {
    try {
      // '@clerk/clerk-js' resolves to dist/clerk.js; its package.json is not exported.
      return dirname(createRequire(base).resolve('@clerk/clerk-js'));
    } catch {
      // try the next base
    }
  }
  return undefined;
}

/** The file inside `dist` a script path asks for, or `undefined` for other paths and any attempt to leave `dist`. */
export function scriptFile(distDir: string, path: string): string | undefined {
  const match = SCRIPT_PATH.exec(path);
  if (!match) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  if (relative.includes('\0')) return undefined;
  const root = resolve(distDir);
  const file = resolve(root, relative);
  return file.startsWith(root + sep) ? file : undefined;
}

export function isScriptPath(path: string): boolean {
  return SCRIPT_PATH.test(path);
}

/** Streams the file; 404 when it does not exist (or is a folder). */
export async function sendScriptFile(res: ServerResponse, file: string | undefined, method: string): Promise<void> {
  const info = file ? await stat(file).catch(() => undefined) : undefined;
  if (!file || !info?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': String(info.size),
    'cache-control': 'no-cache',
  });
  if (method === 'HEAD') return void res.end();
  await pipeline(createReadStream(file), res);
}
