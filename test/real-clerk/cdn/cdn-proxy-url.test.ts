// CDN route on the REAL clerk-js: the provider loads Clerk's browser script itself. One scenario per file (window.Clerk).
import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../../src/index.js';
import { clerkScriptPath } from '../../support/clerk-js.js';
import { clickAndSignOut, clientOnReload, lines, mountCdnClerk, signedInTenant } from '../../support/real-clerk.js';
import { until } from '../../support/fixtures.js';

describe('real clerk-js, CDN route: <clerk-provider publishable-key proxy-url>', () => {
  it("loads clerk.browser.js from the proxy like Clerk's Frontend API serves it, then signs out with ONE request", async () => {
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const { provider, clerk, el, navigations } = await mountCdnClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button></clerk-sign-out-button>`,
    );
    const script = document.querySelector<HTMLScriptElement>('script[src*="clerk.browser.js"]');
    expect(script?.src).to.equal(`${emulator.proxyUrl}${clerkScriptPath()}`);
    expect(clerk).to.equal(window.Clerk);
    expect(lines(await emulator.requests())).to.deep.equal(['GET /v1/environment', 'GET /v1/client']);
    expect(provider.state.user?.id).to.equal(session.userId);

    const { detail } = await clickAndSignOut(emulator, el);

    expect(lines(await emulator.requests())).to.deep.equal(['DELETE /v1/client/sessions']);
    expect(detail).to.deep.equal({
      sessionIds: [session.id],
      userId: session.userId,
      redirectUrl: new URL('/', location.href).href,
    });
    await until(() => provider.state.user === null, 'the provider to show signed out', 8000);
    await until(() => navigations.length > 0, 'the redirect', 8000);
    expect(navigations).to.deep.equal(['/']);
    expect((await clientOnReload(emulator)).sessionIds).to.deep.equal([]);
  });
});
