import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import type { SignOutErrorEvent } from '../../../src/index.js';
import { listDevices } from '../../../src/flows/devices/list.js';
import { revokeDevices } from '../../../src/flows/devices/revoke.js';
import { recordEvents } from '../../support/fixtures.js';
import { adaEverywhere, mountDevicesPage } from '../../support/real-devices.js';
import { lines } from '../../support/real-clerk.js';

describe('real clerk-js: a 401 for a device sign-out', () => {
  it('clerk-js checks its own client (still signed in), the phone is reported still signed in; a 401 for a device already gone counts as signed out', async function () {
    this.timeout(20_000);
    const { emulator, ada, here, phone, sid } = await adaEverywhere();
    const page = await mountDevicesPage(emulator);
    const events = recordEvents('device-sign-out', 'device-signed-out', 'sign-out-error');
    const devices = await listDevices(page.clerk);
    await emulator.fault('revokeSession', { status: 401, times: 1 });
    await emulator.clearRequests();

    const result = await revokeDevices(page.request({ sessionIds: [sid(phone)], devices }));

    expect(result.outcome).to.equal('failed');
    // clerk-js answers a 401 by fetching its client (handleUnauthenticated); this page's session is still there.
    expect(lines(await emulator.requests())).to.deep.equal([
      `POST /v1/me/sessions/${sid(phone)}/revoke`,
      'GET /v1/client',
      'GET /v1/me/sessions/active',
    ]);
    const { detail } = events.of('sign-out-error')[0] as SignOutErrorEvent;
    expect(detail.sessionIds).to.deep.equal([sid(phone)]);
    expect((detail.error as Error & { status?: number }).status).to.equal(401);
    expect(events.of('device-signed-out')).to.have.length(0);
    expect(page.clerk.user?.id, 'this page stays signed in').to.equal(ada.id);
    expect(page.provider.state.user?.id).to.equal(ada.id);
    expect((await emulator.activeSessions(ada)).map((session) => session.id)).to.include(sid(phone));

    // The phone signed out meanwhile (revoked from elsewhere): Clerk answers 401 again, and the list no longer has it.
    events.events.splice(0);
    await emulator.revokeSession(sid(phone));
    await emulator.fault('revokeSession', { status: 401, times: 1 });
    const again = await revokeDevices(page.request({ sessionIds: [sid(phone)], devices }));
    expect(again.outcome).to.equal('signed-out');
    expect(events.events.map((event) => event.type)).to.deep.equal(['device-sign-out', 'device-signed-out']);
    expect(page.clerk.session?.id).to.equal(here.id);
    events.stop();
  });
});
