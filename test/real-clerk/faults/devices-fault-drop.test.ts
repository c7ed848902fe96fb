import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import type { SignOutErrorEvent } from '../../../src/index.js';
import { revokeDevices } from '../../../src/flows/devices/revoke.js';
import { recordEvents } from '../../support/fixtures.js';
import { adaEverywhere, mountDevicesPage } from '../../support/real-devices.js';

describe('real clerk-js: the connection drops during a device sign-out', () => {
  it("stops at the first device, reports both still signed in with clerk-js's network error, and a retry works", async function () {
    this.timeout(20_000);
    const { emulator, ada, here, phone, laptop, sid } = await adaEverywhere();
    const page = await mountDevicesPage(emulator);
    const events = recordEvents('device-sign-out', 'device-signed-out', 'sign-out-error');
    // Until cleared: the browser silently resends a request whose kept-alive connection closed unanswered (once per idle
    // pooled connection), so a one-time drop would look like a slow success.
    await emulator.fault('revokeSession', { drop: true });
    await emulator.clearRequests();

    const result = await revokeDevices(page.request());

    expect(result.outcome).to.equal('failed');
    const revocations = await emulator.requests('revokeSession');
    expect(revocations.length).to.be.greaterThan(0);
    expect(
      revocations.map((request) => `${request.path} ${request.status}`),
      "the phone's only (the browser's own resends), each dropped: the laptop was not asked",
    ).to.deep.equal(revocations.map(() => `/v1/me/sessions/${sid(phone)}/revoke 0`));
    const { detail } = events.of('sign-out-error')[0] as SignOutErrorEvent;
    expect(detail.error.message).to.contain('ClerkJS: Network error');
    expect(detail.sessionIds).to.deep.equal([sid(phone), sid(laptop)]);
    expect(events.of('device-signed-out')).to.have.length(0);
    expect((await emulator.activeSessions(ada)).map((session) => session.id)).to.deep.equal([
      here.id,
      sid(phone),
      sid(laptop),
    ]);
    expect(page.clerk.user?.id).to.equal(ada.id);

    await emulator.clearFaults();
    expect((await revokeDevices(page.request())).outcome).to.equal('signed-out');
    expect((await emulator.activeSessions(ada)).map((session) => session.id)).to.deep.equal([here.id]);
    events.stop();
  });
});
