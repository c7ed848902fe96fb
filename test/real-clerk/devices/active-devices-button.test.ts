import '../../../src/testing/isolate-tabs.js';
import { expect, html } from '@open-wc/testing';
import type { ClerkSignOutButton, DeviceSignedOutEvent } from '../../../src/index.js';
import { recordEvents, shadowButton, until } from '../../support/fixtures.js';
import { adaEverywhere } from '../../support/real-devices.js';
import { lines, mountNpmClerk } from '../../support/real-clerk.js';

describe('real clerk-js: <clerk-sign-out-button scope="other-devices">', () => {
  it('signs out every other device, one request at a time; this page stays signed in and does not navigate', async function () {
    this.timeout(20_000);
    const { emulator, ada, here, phone, laptop, sid } = await adaEverywhere();
    const page = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button scope="other-devices"></clerk-sign-out-button>`,
    );
    expect(shadowButton(page.el).textContent!.trim()).to.equal('Sign out of all other devices');
    const events = recordEvents('sign-out', 'signed-out', 'device-sign-out', 'device-signed-out', 'sign-out-error');
    await emulator.clearRequests();

    shadowButton(page.el).click();
    await until(() => events.of('device-signed-out').length === 1, 'device-signed-out', 8000);

    expect(lines(await emulator.requests())).to.deep.equal([
      'GET /v1/me/sessions/active',
      `POST /v1/me/sessions/${sid(phone)}/revoke`,
      `POST /v1/me/sessions/${sid(laptop)}/revoke`,
      'GET /v1/me/sessions/active',
    ]);
    expect(events.events.map((event) => event.type)).to.deep.equal(['device-sign-out', 'device-signed-out']);
    expect((events.of('device-signed-out')[0] as DeviceSignedOutEvent).detail.sessionIds).to.deep.equal([
      sid(phone),
      sid(laptop),
    ]);
    expect((await emulator.activeSessions(ada)).map((session) => session.id)).to.deep.equal([here.id]);
    await page.el.updateComplete;
    expect(page.el.busy).to.equal(false);
    expect(page.clerk.session?.id).to.equal(here.id);
    expect(page.navigations).to.deep.equal([]);
    expect(shadowButton(page.el).disabled, 'still shown: this device is signed in').to.equal(false);
    events.stop();
  });
});
