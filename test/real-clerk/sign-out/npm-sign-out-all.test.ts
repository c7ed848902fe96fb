// npm route (`new Clerk(key, { proxyUrl })` handed to <clerk-provider .clerk>) on the REAL clerk-js; one scenario per file.
import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../../src/index.js';
import { recordEvents, until } from '../../support/fixtures.js';
import { clickAndSignOut, clientOnReload, lines, mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';

describe('real clerk-js, npm route: <clerk-sign-out-button> with no attributes', () => {
  it('loads with GET environment + client, then signs out with ONE DELETE /v1/client/sessions and redirects to "/"', async () => {
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const events = recordEvents('sign-out', 'signed-out', 'sign-out-error');
    const { provider, clerk, el, navigations } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button></clerk-sign-out-button>`,
    );
    expect(lines(await emulator.requests())).to.deep.equal(['GET /v1/environment', 'GET /v1/client']);
    expect(provider.state.user?.id).to.equal(session.userId);

    const { detail } = await clickAndSignOut(emulator, el);

    const requests = await emulator.requests();
    expect(lines(requests)).to.deep.equal(['DELETE /v1/client/sessions']);
    expect(requests[0].httpMethod, 'clerk-js sends it as POST ?_method=DELETE').to.equal('POST');
    expect(detail).to.deep.equal({
      sessionIds: [session.id],
      userId: session.userId,
      redirectUrl: new URL('/', location.href).href,
    });
    expect(events.of('sign-out').map((event) => event.detail)).to.deep.equal([
      { sessionId: null, userId: session.userId },
    ]);
    expect(events.of('signed-out')).to.have.length(1);
    expect(events.of('sign-out-error')).to.have.length(0);
    expect(clerk.user).to.equal(null);
    await until(() => provider.state.user === null, 'the provider to show signed out', 8000);
    await until(() => navigations.length > 0, 'the redirect', 8000);
    expect(navigations).to.deep.equal(['/']);
    expect(await clientOnReload(emulator)).to.deep.equal({ sessionIds: [], lastActiveSessionId: null });
    events.stop();
  });
});
