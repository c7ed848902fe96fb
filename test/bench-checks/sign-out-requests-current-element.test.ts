import '../integration/support/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../src/index.js';
import { mountNpmClerk, signedInTenant } from '../integration/support/real-clerk.js';
import { EXPECTED, requestsOf } from './sign-out-requests.js';

describe('bench checks: FAPI requests of <clerk-sign-out-button scope="current"> (two sessions)', () => {
  it('are the ones clerk.signOut({ sessionId }) sends', async () => {
    const { emulator, sessions } = await signedInTenant(2);
    const current = sessions[1].id;
    const { clerk, el } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button scope="current"></clerk-sign-out-button>`,
    );
    expect(await requestsOf(emulator, clerk, () => el.signOut())).to.deep.equal(EXPECTED.current(current));
  });
});
