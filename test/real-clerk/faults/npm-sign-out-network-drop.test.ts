import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton, SignOutErrorEvent } from '../../../src/index.js';
import { recordEvents, shadowButton, until } from '../../support/fixtures.js';
import {
  clickAndSignOut,
  clientOnReload,
  lines,
  mountNpmClerk,
  nextEvent,
  signedInTenant,
} from '../../support/real-clerk.js';

describe('real clerk-js, npm route: the connection drops during sign-out', () => {
  it('reports sign-out-error, not signed-out, and the user is still signed in', async () => {
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const events = recordEvents('signed-out', 'sign-out-error');
    const { provider, clerk, el, navigations } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button></clerk-sign-out-button>`,
    );
    // Until cleared: Chromium silently retries a request whose reused keep-alive connection closed without an answer
    // (once per idle pooled connection), so a one-time drop would just look like a slow success.
    await emulator.fault('signOutAll', { drop: true });
    await emulator.clearRequests();

    const failed = nextEvent<SignOutErrorEvent>('sign-out-error');
    shadowButton(el).click();
    const { detail } = await failed;
    expect(detail.error.message).to.contain('ClerkJS: Network error');

    expect(events.of('signed-out')).to.have.length(0);
    const dropped = await emulator.requests('signOutAll');
    expect(dropped.length).to.be.greaterThan(0);
    expect(dropped.map((request) => request.status)).to.deep.equal(dropped.map(() => 0));
    await until(() => clerk.user?.id === session.userId, 'Clerk to show the user again', 8000);
    expect(provider.state.user?.id).to.equal(session.userId);
    expect(navigations).to.deep.equal([]);
    expect((await clientOnReload(emulator)).sessionIds).to.deep.equal([session.id]);

    await emulator.clearFaults('signOutAll');
    await clickAndSignOut(emulator, el);
    expect(lines(await emulator.requests())).to.deep.equal(['DELETE /v1/client/sessions']);
    expect((await clientOnReload(emulator)).sessionIds).to.deep.equal([]);
    events.stop();
  });
});
