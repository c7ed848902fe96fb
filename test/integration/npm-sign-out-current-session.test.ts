import '../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../src/index.js';
import {
  clickAndSignOut,
  currentSessionSignOutLines,
  clientOnReload,
  mountNpmClerk,
  signedInTenant,
  signOutLines,
} from '../support/real-clerk.js';
import { until } from '../support/fixtures.js';

describe('real clerk-js, npm route: scope="current" in a multi-session client', () => {
  it('sends POST …/{current}/remove, redirects, and the remaining session is the active one on reload', async () => {
    const { emulator, sessions } = await signedInTenant(2);
    const [remaining, current] = sessions;
    const { clerk, el, navigations } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button scope="current"></clerk-sign-out-button>`,
    );

    const { detail } = await clickAndSignOut(emulator, el);

    expect(currentSessionSignOutLines(current.id, remaining.id)).to.deep.include(
      signOutLines(await emulator.requests()),
    );
    await until(() => clerk.session?.id === remaining.id, 'the remaining session to be active', 8000);
    expect(detail).to.deep.equal({
      sessionIds: [current.id],
      userId: current.userId,
      redirectUrl: new URL('/', location.href).href,
    });
    expect(clerk.client?.signedInSessions.map((session) => session.id)).to.deep.equal([remaining.id]);
    await until(() => navigations.length > 0, 'the redirect', 8000);
    expect(navigations).to.deep.equal(['/']);
    // The redirect reloads the page; Clerk then activates the client's last active session.
    expect(await clientOnReload(emulator)).to.deep.equal({
      sessionIds: [remaining.id],
      lastActiveSessionId: remaining.id,
    });
  });
});
