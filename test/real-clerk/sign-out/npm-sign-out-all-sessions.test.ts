import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../../src/index.js';
import { clickAndSignOut, clientOnReload, lines, mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { until } from '../../support/fixtures.js';

describe('real clerk-js, npm route: no attributes in a multi-session client', () => {
  it('ends every session with the same single DELETE /v1/client/sessions', async () => {
    const { emulator, sessions } = await signedInTenant(3);
    const active = sessions[2];
    const { provider, el, navigations } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button></clerk-sign-out-button>`,
    );
    expect(provider.state.session?.id).to.equal(active.id);

    const { detail } = await clickAndSignOut(emulator, el);

    expect(lines(await emulator.requests())).to.deep.equal(['DELETE /v1/client/sessions']);
    expect([...detail.sessionIds].sort()).to.deep.equal(sessions.map((session) => session.id).sort());
    expect(sessions.map((session) => session.userId)).to.include(detail.userId);
    expect(detail.redirectUrl).to.equal(new URL('/', location.href).href);
    await until(() => navigations.length > 0, 'the redirect', 8000);
    expect(await clientOnReload(emulator)).to.deep.equal({ sessionIds: [], lastActiveSessionId: null });
  });
});
