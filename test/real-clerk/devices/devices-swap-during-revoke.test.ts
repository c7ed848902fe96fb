import '../../../src/testing/isolate-tabs.js';
import { expect, html } from '@open-wc/testing';
import type { ClerkActiveDevices } from '../../../src/index.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { recordEvents, until } from '../../support/fixtures.js';
import { deviceButton, parts, rowTexts } from '../../support/fake-devices.js';
import { adaEverywhere } from '../../support/real-devices.js';
import { mountNpmClerk } from '../../support/real-clerk.js';

describe('real clerk-js: <clerk-active-devices> given another Clerk while a device sign-out is in flight', () => {
  it("never shows the old user's list over the new user's", async function () {
    this.timeout(30_000);
    const { emulator, ada, phone, sid } = await adaEverywhere();
    const { provider, el } = await mountNpmClerk<ClerkActiveDevices>(
      emulator,
      html`<clerk-active-devices></clerk-active-devices>`,
    );
    await until(() => parts(el, 'device').length === 3, "Ada's list", 8000);
    const events = recordEvents('device-signed-out', 'sign-out-error');
    await emulator.fault('revokeSession', { delayMs: 10_000, times: 1 });
    deviceButton(el, 'iPhone').click();
    for (let tries = 0; !(await emulator.requests('revokeSession')).length; tries++) {
      if (tries > 200) throw new Error('the revocation never reached the emulator');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    // The page hands the provider another Clerk (another user) while the revocation is held on the server.
    const grace = new FakeClerk({ users: [fakeUser({ id: 'user_grace', firstName: 'Grace' })] });
    grace.addDevice({ activity: { deviceType: 'Pixel 9', isMobile: true } });
    provider.clerk = grace;
    await until(() => rowTexts(el).some((row) => row.startsWith('Pixel 9')), "Grace's list", 8000);
    expect(await emulator.releaseDelays('revokeSession')).to.equal(1);
    await until(() => events.events.length > 0, "the held revocation's outcome", 8000);
    // The flow read Ada's list again after the revocation: it belongs to Ada, not to the user shown now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await el.updateComplete;

    expect(events.of('device-signed-out')).to.have.length(1);
    expect(rowTexts(el).map((row) => row.split('|')[0])).to.deep.equal(['Linux', 'Pixel 9']);
    expect(parts(el, 'device').some((row) => row.part.contains('failed'))).to.equal(false);
    expect((await emulator.activeSessions(ada)).map((session) => session.id)).to.not.include(sid(phone));
    events.stop();
  });
});
