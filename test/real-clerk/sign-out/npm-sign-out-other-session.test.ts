import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../../src/index.js';
import { recordEvents } from '../../support/fixtures.js';
import {
  clickAndSignOut,
  clientOnReload,
  mountNpmClerk,
  signedInTenant,
  signOutLines,
} from '../../support/real-clerk.js';

describe('real clerk-js, npm route: session-id of another signed-in session', () => {
  it('sends only POST …/{id}/remove; the current user stays signed in and nothing navigates', async () => {
    const { emulator, sessions } = await signedInTenant(2);
    const [other, current] = sessions;
    const events = recordEvents('signed-out', 'sign-out-error');
    const { provider, clerk, el, navigations } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button session-id=${other.id}></clerk-sign-out-button>`,
    );

    const { detail } = await clickAndSignOut(emulator, el);

    const sent = signOutLines(await emulator.requests());
    expect(sent).to.deep.equal([`POST /v1/client/sessions/${other.id}/remove`]);
    expect(detail).to.deep.equal({ sessionIds: [other.id], userId: other.userId, redirectUrl: null });
    expect(clerk.session?.id).to.equal(current.id);
    expect(clerk.client?.signedInSessions.map((session) => session.id)).to.deep.equal([current.id]);
    expect(provider.state.user?.id).to.equal(current.userId);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(navigations).to.deep.equal([]);
    expect(events.events.map((event) => event.type)).to.deep.equal(['signed-out']);
    expect(await clientOnReload(emulator)).to.deep.equal({ sessionIds: [current.id], lastActiveSessionId: current.id });
    events.stop();
  });
});
