import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../../src/index.js';
import { clickAndSignOut, lines, mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { until } from '../../support/fixtures.js';

describe('real clerk-js, npm route: client cookie about to expire', () => {
  it('sends the redirect through GET /v1/client/touch, which lands on the target and (a read) changes nothing', async () => {
    const { emulator } = await signedInTenant();
    const expiry = Date.now() + 24 * 3600_000;
    await emulator.setCookieExpiresAt(expiry);
    const { el, navigations } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button redirect-url="/bye"></clerk-sign-out-button>`,
    );
    const target = new URL('/bye', location.href).href;

    await clickAndSignOut(emulator, el);
    await until(() => navigations.length > 0, 'the redirect', 8000);

    expect(lines(await emulator.requests())).to.deep.equal(['DELETE /v1/client/sessions']);
    const touch = new URL(navigations[0], location.href);
    expect(touch.pathname).to.equal(`${new URL(emulator.proxyUrl).pathname}/v1/client/touch`);
    expect(touch.searchParams.get('redirect_url')).to.equal(target);

    await emulator.clearRequests();
    const landed = await fetch(touch);
    expect(landed.redirected).to.equal(true);
    expect(landed.url).to.equal(target);
    expect(lines(await emulator.requests())).to.deep.equal(['GET /v1/client/touch']);
    expect((await emulator.state()).cookieExpiresAt, "the emulator's reads never renew the cookie").to.equal(expiry);
  });
});
