import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import type { DeviceSignedOutEvent, DeviceSignOutEvent } from '../../../src/index.js';
import { listDevices } from '../../../src/flows/devices/list.js';
import { revokeDevices } from '../../../src/flows/devices/revoke.js';
import { recordEvents } from '../../support/fixtures.js';
import { adaEverywhere, deviceAsksForToken, mountDevicesPage, openDevicePage } from '../../support/real-devices.js';
import { lines } from '../../support/real-clerk.js';

describe('real clerk-js: sign out one other device', () => {
  it("revokes the phone's session; the phone's page ends up signed out, this page and the laptop stay signed in", async function () {
    this.timeout(30_000);
    const { emulator, ada, here, phone, laptop, sid } = await adaEverywhere();
    const page = await mountDevicesPage(emulator);
    const phonePage = await openDevicePage(emulator, phone);
    expect(phonePage.clerk.user?.id, "the phone's page is signed in as Ada").to.equal(ada.id);
    const events = recordEvents('device-sign-out', 'device-signed-out', 'sign-out-error');

    const shown = await listDevices(page.clerk);
    expect(shown.map((device) => [device.sessionId, device.current, device.deviceType, device.city])).to.deep.equal([
      [here.id, true, 'Linux', 'Berlin'],
      [sid(phone), false, 'iPhone', 'Lyon'],
      [sid(laptop), false, 'Macintosh', 'Oslo'],
    ]);
    await emulator.clearRequests();

    const result = await revokeDevices(page.request({ sessionIds: [sid(phone)], devices: shown }));

    expect(result.outcome).to.equal('signed-out');
    expect(lines(await emulator.requests())).to.deep.equal([
      `POST /v1/me/sessions/${sid(phone)}/revoke`,
      'GET /v1/me/sessions/active',
    ]);
    const [revoke, reread] = await emulator.requests();
    expect(revoke.query._clerk_session_id, "clerk-js names this page's session").to.equal(here.id);
    expect(reread.query._clerk_session_id).to.equal(here.id);
    expect(events.events.map((event) => event.type)).to.deep.equal(['device-sign-out', 'device-signed-out']);
    expect((events.of('device-sign-out')[0] as DeviceSignOutEvent).detail).to.deep.equal({
      sessionIds: [sid(phone)],
      userId: ada.id,
    });
    expect((events.of('device-signed-out')[0] as DeviceSignedOutEvent).detail).to.deep.equal({
      sessionIds: [sid(phone)],
      userId: ada.id,
    });
    expect(result.devices?.map((device) => device.sessionId)).to.deep.equal([here.id, sid(laptop)]);
    expect((await emulator.activeSessions(ada)).map((session) => session.id)).to.deep.equal([here.id, sid(laptop)]);

    // The phone's page: its next token request is refused (401 signed_out), and its clerk-js signs it out.
    await emulator.clearRequests();
    const phoneAnswer = await deviceAsksForToken(phonePage);
    expect(phoneAnswer.token).to.equal(null);
    expect(phoneAnswer.error).to.contain('signed out');
    expect(phonePage.clerk.user).to.equal(null);
    expect(phonePage.clerk.session).to.equal(null);
    const phoneRequests = (await emulator.requests()).filter((request) => request.device === phone.clientId);
    expect(phoneRequests.map((request) => `${request.method} ${request.path} ${request.status}`)).to.deep.equal([
      `POST /v1/client/sessions/${sid(phone)}/tokens 401`,
      'GET /v1/client 200',
    ]);
    // Opened again (a reload), the phone's page finds nobody signed in.
    phonePage.frame.remove();
    const reloaded = await openDevicePage(emulator, phone);
    expect(reloaded.clerk.user).to.equal(null);

    // This page stays signed in: a fresh token is issued, and it never heard of the phone's sign-out.
    expect(page.clerk.user?.id).to.equal(ada.id);
    expect(page.provider.state.user?.id).to.equal(ada.id);
    expect(
      await (page.clerk.session as unknown as { getToken(o: object): Promise<string> }).getToken({ skipCache: true }),
    ).to.be.a('string');
    expect(events.of('sign-out-error')).to.have.length(0);
    events.stop();
  });
});
