import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import type { DeviceSignedOutEvent, DeviceSignOutEvent } from '../../../src/index.js';
import { revokeDevices } from '../../../src/flows/devices/revoke.js';
import { recordEvents } from '../../support/fixtures.js';
import { adaEverywhere, deviceAsksForToken, mountDevicesPage, openDevicePage } from '../../support/real-devices.js';
import { lines } from '../../support/real-clerk.js';

describe('real clerk-js: sign out of all other devices', () => {
  it('reads the list, revokes every other device one request at a time, and both other pages end up signed out', async function () {
    this.timeout(30_000);
    const { emulator, ada, here, phone, laptop, sid } = await adaEverywhere();
    const page = await mountDevicesPage(emulator);
    const phonePage = await openDevicePage(emulator, phone);
    const laptopPage = await openDevicePage(emulator, laptop);
    const events = recordEvents('device-sign-out', 'device-signed-out', 'sign-out-error');
    await emulator.clearRequests();

    // Without a list of its own (the sign-out button's case) the flow reads it first; that read is all that comes
    // before device-sign-out (here vetoed once, as a confirm dialog would).
    page.el.addEventListener('device-sign-out', (event) => event.preventDefault(), { once: true });
    expect((await revokeDevices(page.request())).outcome).to.equal('cancelled');
    expect(lines(await emulator.requests())).to.deep.equal(['GET /v1/me/sessions/active']);
    expect(events.events.map((event) => event.type)).to.deep.equal(['device-sign-out']);
    events.events.splice(0);
    await emulator.clearRequests();
    // Every revocation answered after 150 ms: were two in flight at once, they would arrive together.
    await emulator.fault('revokeSession', { delayMs: 150 });

    const result = await revokeDevices(page.request());

    expect(result.outcome).to.equal('signed-out');
    const requests = await emulator.requests();
    expect(lines(requests)).to.deep.equal([
      'GET /v1/me/sessions/active',
      `POST /v1/me/sessions/${sid(phone)}/revoke`,
      `POST /v1/me/sessions/${sid(laptop)}/revoke`,
      'GET /v1/me/sessions/active',
    ]);
    expect(requests[2].time - requests[1].time, 'the laptop was asked once the phone was answered').to.be.at.least(140);
    expect(requests[3].time - requests[2].time, 'the list was read once both were answered').to.be.at.least(140);
    await emulator.clearFaults();
    expect(events.events.map((event) => event.type)).to.deep.equal(['device-sign-out', 'device-signed-out']);
    expect((events.of('device-sign-out')[0] as DeviceSignOutEvent).detail.sessionIds).to.deep.equal([
      sid(phone),
      sid(laptop),
    ]);
    expect((events.of('device-signed-out')[0] as DeviceSignedOutEvent).detail).to.deep.equal({
      sessionIds: [sid(phone), sid(laptop)],
      userId: ada.id,
    });
    expect(events.of('sign-out-error')).to.have.length(0);
    expect(result.devices?.map((device) => device.sessionId)).to.deep.equal([here.id]);
    expect((await emulator.activeSessions(ada)).map((session) => session.id)).to.deep.equal([here.id]);
    const devices = await emulator.devices();
    expect(devices.map((device) => device.endedSessions.map((session) => session.status))).to.deep.equal([
      ['revoked'],
      ['revoked'],
    ]);

    for (const other of [phonePage, laptopPage]) {
      const answer = await deviceAsksForToken(other);
      expect(answer.error).to.contain('signed out');
      expect(other.clerk.user).to.equal(null);
    }
    expect(page.clerk.user?.id, 'this page stays signed in').to.equal(ada.id);
    expect(page.clerk.session?.id).to.equal(here.id);
    expect((await revokeDevices(page.request())).outcome, 'nothing left to sign out').to.equal('nothing-to-do');
    events.stop();
  });
});
