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

describe('real clerk-js, npm route: the Frontend API refuses the sign-out', () => {
  it('a 500 fires sign-out-error (no signed-out), keeps the user signed in, and a retry sends exactly one more request', async () => {
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const events = recordEvents('signed-out', 'sign-out-error');
    const { provider, clerk, el, navigations } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button></clerk-sign-out-button>`,
    );
    await emulator.fault('signOutAll', { status: 500 });
    await emulator.clearRequests();

    const failed = nextEvent<SignOutErrorEvent>('sign-out-error');
    shadowButton(el).click();
    const { detail } = await failed;

    expect(detail.error.message).to.equal(
      "There was an internal error on our servers. We've been notified and are working on fixing it.",
    );
    expect(detail.sessionId).to.equal(null);
    expect(events.of('signed-out')).to.have.length(0);
    // clerk-js cleared user/session before its request; the flow re-reads the client (GET) and re-activates the session
    // the server still has. clerk-js's setActive() sends POST …/touch only while the document has focus.
    await until(() => clerk.user?.id === session.userId, 'Clerk to show the user again', 8000);
    const [refused, ...restore] = await emulator.requests();
    expect(`${refused.method} ${refused.path} ${refused.status}`).to.equal('DELETE /v1/client/sessions 500');
    expect(lines(restore).join()).to.be.oneOf([
      'GET /v1/client',
      `GET /v1/client,POST /v1/client/sessions/${session.id}/touch`,
    ]);
    expect(provider.state.user?.id).to.equal(session.userId);
    expect(el.shadowRoot?.querySelector('[part~="error"]')?.textContent).to.not.equal('');
    expect(shadowButton(el).disabled).to.equal(false);
    expect(navigations).to.deep.equal([]);
    expect((await clientOnReload(emulator)).sessionIds).to.deep.equal([session.id]);

    await emulator.clearFaults();
    const { detail: signedOut } = await clickAndSignOut(emulator, el);

    expect(lines(await emulator.requests())).to.deep.equal(['DELETE /v1/client/sessions']);
    expect(signedOut.sessionIds).to.deep.equal([session.id]);
    expect(events.of('signed-out')).to.have.length(1);
    expect(events.of('sign-out-error')).to.have.length(1);
    await until(() => navigations.length > 0, 'the redirect', 8000);
    expect((await clientOnReload(emulator)).sessionIds).to.deep.equal([]);
    events.stop();
  });
});
