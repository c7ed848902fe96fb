import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import type { DeviceSignedOutEvent } from '../../../src/index.js';
import { listDevices } from '../../../src/flows/devices/list.js';
import { revokeDevices } from '../../../src/flows/devices/revoke.js';
import { isBusy } from '../../../src/flows/action-lock.js';
import { signOut } from '../../../src/flows/sign-out.js';
import { recordEvents } from '../../support/fixtures.js';
import { adaEverywhere, mountDevicesPage } from '../../support/real-devices.js';

describe('real clerk-js: a device sign-out answered after 10 s', () => {
  it('stays pending (busy, nothing else sent, nothing claimed) until the answer, then signs the phone out', async function () {
    this.timeout(20_000);
    const { emulator, ada, here, phone, sid } = await adaEverywhere();
    const page = await mountDevicesPage(emulator);
    const events = recordEvents('device-sign-out', 'device-signed-out', 'sign-out-error');
    const devices = await listDevices(page.clerk);
    await emulator.fault('revokeSession', { delayMs: 10_000, times: 1 });
    await emulator.clearRequests();
    const started = Date.now();

    const pending = revokeDevices(page.request({ sessionIds: [sid(phone)], devices }));
    let arrived = false;
    const until = Date.now() + 5000;
    while (!arrived && Date.now() < until) {
      arrived = (await emulator.requests('revokeSession')).length === 1;
      if (!arrived) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(arrived, 'the revocation reached the emulator').to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(isBusy(page.clerk), 'in flight').to.equal(true);
    expect((await emulator.requests('revokeSession'))[0].status, 'still unanswered').to.equal(0);
    expect((await revokeDevices(page.request())).outcome, 'another click').to.equal('busy');
    expect((await signOut({ host: page.el, state: page.provider.state })).outcome, 'a sign-out meanwhile').to.equal(
      'busy',
    );
    expect(
      events.events.map((event) => event.type),
      'nothing claimed yet',
    ).to.deep.equal(['device-sign-out']);
    expect((await emulator.activeSessions(ada)).map((session) => session.id)).to.include(sid(phone));
    expect(
      (await emulator.requests()).map((request) => request.endpoint),
      'nothing else sent',
    ).to.deep.equal(['revokeSession']);

    // The answer arrives (released now instead of after the full 10 s).
    expect(await emulator.releaseDelays('revokeSession')).to.equal(1);
    const result = await pending;
    expect(result.outcome).to.equal('signed-out');
    expect(Date.now() - started).to.be.below(10_000);
    expect((events.of('device-signed-out')[0] as DeviceSignedOutEvent).detail.sessionIds).to.deep.equal([sid(phone)]);
    expect(isBusy(page.clerk)).to.equal(false);
    const left = (await emulator.activeSessions(ada)).map((session) => session.id);
    expect(left).to.include(here.id);
    expect(left).not.to.include(sid(phone));
    events.stop();
  });
});
