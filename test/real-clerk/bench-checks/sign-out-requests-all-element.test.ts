import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../../src/index.js';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { EXPECTED, requestsOf } from '../../support/real-sign-out-requests.js';

describe('bench checks: FAPI requests of <clerk-sign-out-button> (one session)', () => {
  it('are the ones clerk.signOut() sends', async () => {
    const { emulator } = await signedInTenant();
    const { clerk, el } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button></clerk-sign-out-button>`,
    );
    expect(await requestsOf(emulator, () => el.signOut())).to.deep.equal(EXPECTED.all);
    expect(clerk.user).to.equal(null);
  });
});
