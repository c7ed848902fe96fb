import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../../src/index.js';
import { clickAndSignOut, lines, mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { until } from '../../support/fixtures.js';

describe('real clerk-js, npm route: scope="current" with the redirect vetoed', () => {
  it('ends only the current session and shows the remaining account without a page load', async () => {
    const { emulator, sessions } = await signedInTenant(2);
    const [remaining, current] = sessions;
    const { clerk, el, provider, navigations } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button scope="current"></clerk-sign-out-button>`,
    );
    document.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });

    const { detail } = await clickAndSignOut(emulator, el);

    expect(detail.sessionIds).to.deep.equal([current.id]);
    // clerk-js alone would leave no active session here until a page load; the flow activates the remaining one.
    await until(() => clerk.session?.id === remaining.id, 'the remaining session to be active', 8000);
    expect(provider.state.user?.id).to.equal(remaining.userId);
    expect(navigations).to.deep.equal([]);
    const sent = lines(await emulator.requests());
    expect(sent[0]).to.equal(`POST /v1/client/sessions/${current.id}/remove`);
    // setActive() asks the Frontend API to touch the session only when the document has focus.
    expect(sent.slice(1).every((line) => line === `POST /v1/client/sessions/${remaining.id}/touch`)).to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')).to.not.equal(null);
  });
});
