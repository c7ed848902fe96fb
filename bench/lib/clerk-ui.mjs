// `@clerk/ui`, clerk-js 6's UI, from its npm tarball: it cannot be installed here (it needs @clerk/localizations
// ^4.20.0, which this registry lacks), but `npm pack` fetches the package alone, none of its dependencies.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The newest `@clerk/ui` this registry has. clerk-js 6.40's own loader (`@clerk/shared` 4.41's `clerkUIScriptUrl`)
 * defaults to 1.41.0, which it lacks; 1.36.0 accepts any clerk-js >= 6.0.0.
 */
export const CLERK_UI_VERSION = '1.36.0';
export const CLERK_UI = `@clerk/ui@${CLERK_UI_VERSION}`;

/** The unpacked package's `dist` (ui.browser.js and the chunks it loads); throws if `npm pack` fails. */
export function clerkUiDist(cacheDir) {
  const dir = join(cacheDir, 'clerk-ui');
  const dist = join(dir, 'package', 'dist');
  if (!existsSync(join(dist, 'ui.browser.js'))) {
    mkdirSync(dir, { recursive: true });
    const tarball = execFileSync('npm', ['pack', CLERK_UI, '--silent', '--pack-destination', dir], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim()
      .split('\n')
      .pop();
    execFileSync('tar', ['xzf', join(dir, tarball), '-C', dir]);
  }
  return dist;
}
