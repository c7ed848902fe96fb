import type { ClerkLike } from '../clerk/clerk.js';

/**
 * clerk-js clears `user`/`session` before its request and does not put them back when it fails; after the current
 * session of a multi-session client ends it leaves `session` null and relies on the redirect's page load to pick the next
 * account. The flow may not reload (a vetoed redirect, an SPA router), so it activates what that page would show:
 * `preferredId` if still signed in, else the client's last active signed-in session, else the first, else nobody.
 */
export async function showSignedInSession(clerk: ClerkLike, preferredId: string | undefined): Promise<void> {
  // The client may change while `setActive` is on its way (another tab signs in or out): look again, a few times.
  for (let attempt = 0; attempt < 3; attempt++) {
    const signedIn = clerk.client?.signedInSessions ?? [];
    const target =
      signedIn.find((session) => session.id === preferredId) ??
      signedIn.find((session) => session.id === clerk.client?.lastActiveSessionId) ??
      signedIn[0];
    if (target ? clerk.session?.id === target.id : clerk.session === null) return;
    try {
      await clerk.setActive({ session: target?.id ?? null });
    } catch {
      return; // The provider keeps showing the last known user; the next Clerk update (or page load) corrects it.
    }
  }
}
