import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { describeDevice } from '../../../src/flows/devices/describe.js';
import { listDevices } from '../../../src/flows/devices/list.js';
import { DevicesUnavailableError } from '../../../src/contract/errors.js';
import { adaEverywhere, mountDevicesPage } from '../../support/real-devices.js';
import { lines } from '../../support/real-clerk.js';

describe('real clerk-js: the device list', () => {
  it("lists this device first with what Clerk knows of each, reads fresh despite clerk-js's cache, and tells a failed read apart", async function () {
    this.timeout(20_000);
    const { emulator, here, phone, laptop, sid } = await adaEverywhere();
    const page = await mountDevicesPage(emulator);
    await emulator.clearRequests();

    const devices = await listDevices(page.clerk);
    expect(devices.map((device) => device.sessionId)).to.deep.equal([here.id, sid(phone), sid(laptop)]);
    expect(devices.map(describeDevice)).to.deep.equal([
      { name: 'Linux', browser: 'Chrome 140.0.0.0', location: 'Berlin, DE' },
      { name: 'iPhone', browser: 'Safari 18.2', location: 'Lyon, FR' },
      { name: 'Macintosh', browser: 'Firefox 133.0', location: 'Oslo, NO' },
    ]);
    expect(devices[1]).to.include({ isMobile: true, ipAddress: '203.0.113.7', status: 'active', current: false });
    expect(devices[1].lastActiveAt?.getTime()).to.equal(phone.sessions[0].lastActiveAt);

    // clerk-js alone would answer the second call from its cache; listDevices asks the Frontend API each time.
    await emulator.revokeSession(sid(laptop));
    expect((await listDevices(page.clerk)).map((device) => device.sessionId)).to.deep.equal([here.id, sid(phone)]);
    expect(lines(await emulator.requests())).to.deep.equal([
      'GET /v1/me/sessions/active',
      'GET /v1/me/sessions/active',
    ]);

    // clerk-js resolves [] for a failed read (500, dropped connection) and would keep serving it: "could not load".
    await emulator.fault('activeSessions', { status: 500, times: 1 });
    const failed = await listDevices(page.clerk).catch((error: Error) => error);
    expect(failed).to.be.instanceOf(DevicesUnavailableError);
    await emulator.fault('activeSessions', { drop: true });
    expect(await listDevices(page.clerk).catch((error: Error) => error)).to.be.instanceOf(DevicesUnavailableError);
    await emulator.clearFaults();
    expect((await listDevices(page.clerk)).length, 'the failure did not stick').to.equal(2);
  });
});
