import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../../src/index.js';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { EXPECTED, requestsOf } from '../../support/real-sign-out-requests.js';

describe('bench checks: FAPI requests of <clerk-sign-out-button scope="current"> (two sessions)', () => {
  it('are the ones clerk.signOut({ sessionId }) sends, then at most one to activate the remaining account', async () => {
    const { emulator, sessions } = await signedInTenant(2);
    const current = sessions[1].id;
    const { clerk, el } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button scope="current"></clerk-sign-out-button>`,
    );
    const remaining = sessions[0].id;
    const requests = await requestsOf(emulator, () => el.signOut());
    // Whether clerk-js has already made the remaining session active when the flow checks varies from run to run;
    // when it has not, the element activates it: one request more, never any other.
    const withActivation = [...EXPECTED.current(current), ...EXPECTED.activateRemaining(remaining)];
    expect([EXPECTED.current(current), withActivation]).to.deep.include(requests);
    expect(clerk.session?.id).to.equal(remaining);
  });
});
