import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { EXPECTED, requestsOf } from '../../support/real-sign-out-requests.js';

describe('bench checks: FAPI requests of clerk.signOut({ sessionId }) called directly (two sessions)', () => {
  it('are the ones the element sends with scope="current" (before it activates the remaining account)', async () => {
    const { emulator, sessions } = await signedInTenant(2);
    const current = sessions[1].id;
    const { clerk } = await mountNpmClerk(
      emulator,
      html`<clerk-sign-out-button scope="current"></clerk-sign-out-button>`,
    );
    const requests = await requestsOf(emulator, () => clerk.signOut(() => undefined, { sessionId: current }));
    expect(requests).to.deep.equal(EXPECTED.current(current));
    expect(clerk.client?.signedInSessions.map((session) => session.id)).to.deep.equal([sessions[0].id]);
  });
});
