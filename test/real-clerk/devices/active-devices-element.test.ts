import '../../../src/testing/isolate-tabs.js';
import { expect, html } from '@open-wc/testing';
import type { ClerkActiveDevices, DeviceSignedOutEvent } from '../../../src/index.js';
import { recordEvents, until } from '../../support/fixtures.js';
import { expectFocusOn, deviceButton, part, parts, rowTexts } from '../../support/fake-devices.js';
import { adaEverywhere, deviceAsksForToken, openDevicePage } from '../../support/real-devices.js';
import { lines, mountNpmClerk } from '../../support/real-clerk.js';

describe('real clerk-js: <clerk-active-devices>', () => {
  it("lists the user's devices as Clerk's Frontend API has them, and signs the phone out: its row goes, its page ends signed out", async function () {
    this.timeout(30_000);
    const { emulator, ada, here, phone, laptop, sid } = await adaEverywhere();
    const phonePage = await openDevicePage(emulator, phone);
    await emulator.clearRequests();
    const page = await mountNpmClerk<ClerkActiveDevices>(emulator, html`<clerk-active-devices></clerk-active-devices>`);
    const el = page.el;
    await until(() => parts(el, 'device').length === 3, 'the list', 8000);
    await el.updateComplete;

    expect(rowTexts(el)).to.deep.equal([
      'Linux|This device|Chrome 140.0.0.0|Berlin, DE|127.0.0.1|now',
      'iPhone|Safari 18.2|Lyon, FR|203.0.113.7|1 hour ago',
      'Macintosh|Firefox 133.0|Oslo, NO|198.51.100.4|2 hours ago',
    ]);
    expect(parts(el, 'sign-out-device').map((button) => button.getAttribute('aria-label'))).to.deep.equal([
      'Sign out of device: iPhone, Safari 18.2, Lyon, FR',
      'Sign out of device: Macintosh, Firefox 133.0, Oslo, NO',
    ]);
    const pageRequests = (await emulator.requests()).filter((request) => request.path === '/v1/me/sessions/active');
    expect(pageRequests, 'the list is read once').to.have.length(1);
    expect(pageRequests[0].query._clerk_session_id).to.equal(here.id);
    await expect(el).to.be.accessible();

    const events = recordEvents('device-sign-out', 'device-signed-out', 'sign-out-error', 'signed-out');
    await emulator.clearRequests();
    const button = deviceButton(el, 'iPhone');
    button.focus();
    button.click();
    await until(() => events.of('device-signed-out').length === 1, 'device-signed-out', 8000);
    await el.updateComplete;

    expect(lines(await emulator.requests())).to.deep.equal([
      `POST /v1/me/sessions/${sid(phone)}/revoke`,
      'GET /v1/me/sessions/active',
    ]);
    expect((events.of('device-signed-out')[0] as DeviceSignedOutEvent).detail).to.deep.equal({
      sessionIds: [sid(phone)],
      userId: ada.id,
    });
    expect(events.events.map((event) => event.type)).to.deep.equal(['device-sign-out', 'device-signed-out']);
    expect(rowTexts(el).map((row) => row.split('|')[0])).to.deep.equal(['Linux', 'Macintosh']);
    expectFocusOn(deviceButton(el, 'Macintosh'), 'the next row');
    expect(part(el, 'error')!.textContent).to.equal('');
    expect((await emulator.activeSessions(ada)).map((session) => session.id)).to.deep.equal([here.id, sid(laptop)]);

    // The phone's page learns it at its next token request; this page stays signed in.
    const answer = await deviceAsksForToken(phonePage);
    expect(answer.error).to.contain('signed out');
    expect(page.clerk.user?.id).to.equal(ada.id);
    expect(page.clerk.session?.id).to.equal(here.id);
    expect(page.navigations).to.deep.equal([]);
    events.stop();
  });
});
