import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../../src/index.js';
import { clickAndSignOut, clientOnReload, lines, mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';

describe('real clerk-js, npm route: vetoes', () => {
  it('preventDefault() on sign-out sends nothing; preventDefault() on signed-out keeps the page but the sign-out stands', async () => {
    const { emulator } = await signedInTenant();
    const { clerk, el, navigations } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button></clerk-sign-out-button>`,
    );
    await emulator.clearRequests();

    document.addEventListener('sign-out', (event) => event.preventDefault(), { once: true });
    expect((await el.signOut()).outcome).to.equal('cancelled');
    expect(await emulator.requests()).to.deep.equal([]);
    expect(clerk.user).to.not.equal(null);

    document.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
    await clickAndSignOut(emulator, el);
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(lines(await emulator.requests())).to.deep.equal(['DELETE /v1/client/sessions']);
    expect(navigations).to.deep.equal([]);
    expect(clerk.user).to.equal(null);
    expect((await clientOnReload(emulator)).sessionIds).to.deep.equal([]);
  });
});
