import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { EXPECTED, requestsOf } from '../../support/real-sign-out-requests.js';

describe('bench checks: FAPI requests of clerk.signOut() called directly (one session)', () => {
  it('are the ones the element sends', async () => {
    const { emulator } = await signedInTenant();
    const { clerk } = await mountNpmClerk(emulator, html`<clerk-sign-out-button></clerk-sign-out-button>`);
    expect(await requestsOf(emulator, () => clerk.signOut(() => undefined))).to.deep.equal(EXPECTED.all);
    expect(clerk.user).to.equal(null);
  });
});
