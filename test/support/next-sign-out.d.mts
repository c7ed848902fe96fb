// Types of next-sign-out.mjs (plain JavaScript, so the Node tests can import it too).
import type { createElement, FunctionComponent, useEffect } from 'react';

export function nextSignOut(
  react: { createElement: typeof createElement; useEffect: typeof useEffect },
  router: { push(path: string): void },
): FunctionComponent;
export const SERVER_HTML: string;
