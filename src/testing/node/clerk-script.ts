// Serves Clerk's browser script the way Clerk's Frontend API does (`/npm/@clerk/clerk-js@6/dist/clerk.browser.js`),
// from the installed @clerk/clerk-js, so pages load the REAL clerk-js with no network. The version in the path picks the
// installed one it names, as Clerk serves the newest release of that major: `@6` → @clerk/clerk-js 6.x, `@5` → an npm
// alias installed beside it (`"clerk-js-5": "npm:@clerk/clerk-js@5"` in the app's package.json).
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { EmulatorError, quote } from './errors.js';

const SCRIPT_PATH = /^\/npm\/@clerk\/clerk-js(?:@([^/]+))?\/dist\/(.+)$/;
const CLERK_JS = '@clerk/clerk-js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** An installed clerk-js build: its `dist` folder and version (`undefined` when its package.json cannot be read). */
export interface ClerkJsBuild {
  readonly dist: string;
  readonly version: string | undefined;
}

/** Where an app's packages are looked up: the folder the server runs in (the app), then this package's own folder. */
const defaultBases = () => [process.cwd(), dirname(fileURLToPath(import.meta.url))];

/** The command that installs what the script route serves. */
export const INSTALL_CLERK_JS = `npm install -D ${CLERK_JS}@6`;

/**
 * The `dist` folder of an installed package: `node_modules/<name>` in `base` or a folder above it, as Node finds
 * packages. Read from the disk each time, never from Node's module caches, so a package installed while the server runs
 * is found by the next request.
 */
function distOf(name: string, bases: readonly string[]): string | undefined {
  for (const base of bases) {
    for (let dir = resolve(base); ; dir = dirname(dir)) {
      const folder = join(dir, 'node_modules', name);
      if (existsSync(join(folder, 'package.json'))) return join(folder, 'dist');
      if (dirname(dir) === dir) break;
    }
  }
  return undefined;
}

function versionOf(dist: string): string | undefined {
  try {
    const { name, version } = JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')) as {
      name?: unknown;
      version?: unknown;
    };
    return name === CLERK_JS && typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/** The app's npm aliases of @clerk/clerk-js: dependencies whose spec is `npm:@clerk/clerk-js@…`. */
function aliasNames(appFolder: string): string[] {
  try {
    const manifest = JSON.parse(readFileSync(join(appFolder, 'package.json'), 'utf8')) as Record<string, unknown>;
    const groups = ['dependencies', 'devDependencies', 'optionalDependencies'].map((key) => manifest[key]);
    return groups.flatMap((group) =>
      group && typeof group === 'object'
        ? Object.entries(group as Record<string, unknown>)
            .filter(([, spec]) => typeof spec === 'string' && spec.startsWith(`npm:${CLERK_JS}@`))
            .map(([name]) => name)
        : [],
    );
  } catch {
    return [];
  }
}

/**
 * The builds the script route can serve: `dists` when given (the first answers paths without a version), else the
 * installed @clerk/clerk-js and the app's npm aliases of it. `bases`: the folders packages are looked up from.
 */
export function findClerkJsBuilds(
  dists?: string | readonly string[],
  bases: readonly string[] = defaultBases(),
): ClerkJsBuild[] {
  const given = dists === undefined ? undefined : [dists].flat();
  const folders = given ?? [CLERK_JS, ...aliasNames(bases[0])].map((name) => distOf(name, bases));
  const unique = [...new Set(folders.filter((dist): dist is string => !!dist).map((dist) => resolve(dist)))];
  return unique.map((dist) => ({ dist, version: versionOf(dist) }));
}

/**
 * Why the script route cannot serve Clerk's browser script, with the fix; `undefined` when it can. The adapters say it
 * in the terminal when they start; the answer to a script request says it too.
 */
export function clerkJsProblem(dists?: string | readonly string[], bases?: readonly string[]): string | undefined {
  const builds = findClerkJsBuilds(dists, bases);
  if (builds.some((build) => existsSync(join(build.dist, 'clerk.browser.js')))) return undefined;
  if (dists === undefined) return notInstalled();
  const folders = [dists].flat().map((dist) => quote(dist, 200));
  return (
    `Clerk's browser script cannot be served: no clerk.browser.js in clerkJsDist (${folders.join(', ') || 'none given'}). ` +
    `Point clerkJsDist at @clerk/clerk-js's dist folder, or leave it out to use the installed ${CLERK_JS}.`
  );
}

/** Says in the terminal, once at start, why pages will not get Clerk's script, when they will not. */
export function warnAtStart(emulator: { clerkJsProblem(): string | undefined }, warn = console.warn): void {
  const problem = emulator.clerkJsProblem();
  if (problem) warn(`[clerk emulator] ${problem}`);
}

const notInstalled = () =>
  `${CLERK_JS} is not installed, so Clerk's browser script cannot be served and pages that load Clerk through the ` +
  `emulator stay blank. Install it in the app (no restart needed): ${INSTALL_CLERK_JS}`;

const numbers = (version: string) => version.split(/[.+-]/);

function newer(a: ClerkJsBuild, b: ClerkJsBuild): number {
  const [x, y] = [numbers(a.version ?? ''), numbers(b.version ?? '')];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (Number(y[i]) || 0) - (Number(x[i]) || 0);
    if (diff) return diff;
  }
  return 0;
}

/**
 * The build for the version in a script path, as Clerk serves it: a major (`5`), a minor (`5.128`) or an exact version
 * picks the newest installed build it matches (`^5.1.0` counts as `5`, `~5.1.0` as `5.1`); no version or a tag
 * (`latest`) picks the first build. A build whose version is unknown (a `dist` given without its package.json) matches
 * any. Throws a 404 naming what is installed when nothing matches.
 */
export function pickClerkJsBuild(builds: readonly ClerkJsBuild[], requested: string | undefined): ClerkJsBuild {
  if (!builds.length) throw new EmulatorError(404, notInstalled());
  if (!requested || !/^[\^~]?\d/.test(requested)) return builds[0];
  const parts = numbers(requested.slice(/^[\^~]/.test(requested) ? 1 : 0));
  const wanted = parts.slice(0, (parts.findIndex((part) => !/^\d+$/.test(part)) + 1 || parts.length + 1) - 1); // 5.x = 5
  const length = requested.startsWith('^') ? 1 : requested.startsWith('~') ? 2 : wanted.length;
  const matches = builds.filter(
    (build) => !build.version || wanted.slice(0, length).every((part, i) => numbers(build.version!)[i] === part),
  );
  if (matches.length) return [...matches].sort(newer)[0];
  const installed = builds.map((build) => build.version).join(', ');
  throw new EmulatorError(
    404,
    `No installed ${CLERK_JS} matches ${quote(`@${requested}`)} (installed: ${installed}). Install that version beside ` +
      `the other, e.g. npm install -D clerk-js-${wanted[0]}@npm:${CLERK_JS}@${wanted[0]}`,
  );
}

/** The version a script path asks for (`5` for `/npm/@clerk/clerk-js@5/dist/…`), `undefined` without one. */
export function scriptVersion(path: string): string | undefined {
  const version = SCRIPT_PATH.exec(path)?.[1];
  if (version === undefined) return undefined;
  try {
    return decodeURIComponent(version);
  } catch {
    return version;
  }
}

/** The file inside `dist` a script path asks for, or `undefined` for other paths and any attempt to leave `dist`. */
export function scriptFile(distDir: string, path: string): string | undefined {
  const match = SCRIPT_PATH.exec(path);
  if (!match) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(match[2]);
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

/**
 * Answers a script path with the file from the build its version picks: streamed, or a 404 that says why (clerk-js is
 * not installed, no installed version matches, no such file).
 */
export async function sendScript(
  res: ServerResponse,
  dists: string | readonly string[] | undefined,
  path: string,
  method = 'GET',
): Promise<void> {
  const build = pickClerkJsBuild(findClerkJsBuilds(dists), scriptVersion(path));
  const file = scriptFile(build.dist, path);
  const info = file ? await stat(file).catch(() => undefined) : undefined;
  if (!file || !info?.isFile()) {
    const name = SCRIPT_PATH.exec(path)?.[2] ?? path;
    const what = build.version ? `${CLERK_JS} ${build.version}` : quote(build.dist, 200);
    throw new EmulatorError(404, `No file ${quote(name, 200)} in ${what}'s dist folder.`);
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': String(info.size),
    'cache-control': 'no-cache',
  });
  if (method === 'HEAD') return void res.end();
  await pipeline(createReadStream(file), res);
}
