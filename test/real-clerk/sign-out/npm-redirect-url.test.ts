import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../../src/index.js';
import { clickAndSignOut, mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { until } from '../../support/fixtures.js';

describe('real clerk-js, npm route: redirect-url', () => {
  it('navigates to the redirect-url after signing out', async () => {
    const { emulator } = await signedInTenant();
    const { el, navigations } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button redirect-url="/goodbye?from=test"></clerk-sign-out-button>`,
    );
    const target = new URL('/goodbye?from=test', location.href).href;

    const { detail } = await clickAndSignOut(emulator, el);

    expect(detail.redirectUrl).to.equal(target);
    await until(() => navigations.length > 0, 'the redirect', 8000);
    // clerk.navigate hands same-origin URLs to routerPush as path + query.
    expect(navigations).to.deep.equal(['/goodbye?from=test']);
  });
});
