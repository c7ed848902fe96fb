import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import type { DeviceSignedOutEvent, SignOutErrorEvent } from '../../../src/index.js';
import { revokeDevices } from '../../../src/flows/devices/revoke.js';
import { recordEvents } from '../../support/fixtures.js';
import { adaEverywhere, mountDevicesPage } from '../../support/real-devices.js';
import { lines } from '../../support/real-clerk.js';

describe('real clerk-js: a 500 while signing out all other devices', () => {
  it('signs out the laptop, says the phone is still signed in, and retries nothing', async function () {
    this.timeout(20_000);
    const { emulator, ada, here, phone, laptop, sid } = await adaEverywhere();
    const page = await mountDevicesPage(emulator);
    const events = recordEvents('device-sign-out', 'device-signed-out', 'sign-out-error');
    await emulator.fault('revokeSession', { status: 500, times: 1 }); // the first revocation: the phone's
    await emulator.clearRequests();

    const result = await revokeDevices(page.request());

    expect(result.outcome).to.equal('failed');
    expect(lines(await emulator.requests())).to.deep.equal([
      'GET /v1/me/sessions/active',
      `POST /v1/me/sessions/${sid(phone)}/revoke`,
      `POST /v1/me/sessions/${sid(laptop)}/revoke`,
      'GET /v1/me/sessions/active',
    ]);
    expect((await emulator.requests('revokeSession')).map((request) => request.status)).to.deep.equal([500, 200]);
    expect(events.events.map((event) => event.type)).to.deep.equal([
      'device-sign-out',
      'device-signed-out',
      'sign-out-error',
    ]);
    expect((events.of('device-signed-out')[0] as DeviceSignedOutEvent).detail).to.deep.equal({
      sessionIds: [sid(laptop)],
      userId: ada.id,
    });
    const { detail } = events.of('sign-out-error')[0] as SignOutErrorEvent;
    expect(detail.sessionIds).to.deep.equal([sid(phone)]);
    expect(detail.sessionId).to.equal(null);
    expect(detail.error.message).to.contain('There was an internal error on our servers');
    expect((detail.error as Error & { status?: number }).status).to.equal(500);
    expect(result.devices?.map((device) => device.sessionId)).to.deep.equal([here.id, sid(phone)]);
    expect((await emulator.activeSessions(ada)).map((session) => session.id)).to.deep.equal([here.id, sid(phone)]);
    expect(page.clerk.user?.id, 'this page stays signed in').to.equal(ada.id);

    // A retry (the user asks again) works.
    expect((await revokeDevices(page.request())).outcome).to.equal('signed-out');
    expect((await emulator.activeSessions(ada)).map((session) => session.id)).to.deep.equal([here.id]);
    events.stop();
  });
});
