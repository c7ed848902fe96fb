import { runFlow } from './flow.js';
import { signOutFlow, type SignOutRequest, type SignOutResult } from './sign-out.js';

/**
 * The sign-out of `<clerk-idle-sign-out>`: THE sign-out flow (its checks, its `sign-out` / `signed-out` /
 * `sign-out-error` events, its outcomes), with Clerk busy as `idle-sign-out`, so the page can tell why the session ended.
 */
export function idleSignOut(request: SignOutRequest): Promise<SignOutResult> {
  return runFlow(request, { ...signOutFlow(request), kind: 'idle-sign-out' });
}
