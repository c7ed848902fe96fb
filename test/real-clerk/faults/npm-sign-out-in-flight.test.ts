import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../../src/index.js';
import { recordEvents, shadowButton, until } from '../../support/fixtures.js';
import { lines, mountNpmClerk, nextEvent, signedInTenant } from '../../support/real-clerk.js';

describe('real clerk-js, npm route: a slow sign-out', () => {
  it('shows the button busy and sends ONE request however often it is clicked', async () => {
    const { emulator } = await signedInTenant();
    const events = recordEvents('signed-out');
    const { el } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button></clerk-sign-out-button>`,
    );
    await emulator.fault('signOutAll', { delayMs: 400, times: 1 });
    await emulator.clearRequests();

    const signedOut = nextEvent('signed-out');
    shadowButton(el).click();
    await until(() => el.busy, 'the button to be busy', 8000);
    await el.updateComplete;
    expect(shadowButton(el).getAttribute('aria-busy')).to.equal('true');
    shadowButton(el).click();
    shadowButton(el).click();
    await signedOut;
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(lines(await emulator.requests())).to.deep.equal(['DELETE /v1/client/sessions']);
    expect(events.of('signed-out')).to.have.length(1);
    events.stop();
  });
});
