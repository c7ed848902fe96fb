import '../../../src/testing/isolate-tabs.js';
import { expect, html } from '@open-wc/testing';
import type { ClerkUserMenu, DeviceSignedOutEvent } from '../../../src/index.js';
import { recordEvents, until } from '../../support/fixtures.js';
import { expectFocusOn, mustItem, openByClick, trigger } from '../../support/fake-menu.js';
import { adaEverywhere } from '../../support/real-devices.js';
import { lines, mountNpmClerk } from '../../support/real-clerk.js';

describe('real clerk-js: <clerk-user-menu sign-out-other-devices>', () => {
  it('"Sign out of all other devices" signs out the phone and the laptop; the menu closes on its trigger, this page stays', async function () {
    this.timeout(20_000);
    const { emulator, ada, here, phone, laptop, sid } = await adaEverywhere();
    const page = await mountNpmClerk<ClerkUserMenu>(
      emulator,
      html`<clerk-user-menu sign-out-other-devices></clerk-user-menu>`,
    );
    const el = page.el;
    await openByClick(el);
    const events = recordEvents('signed-out', 'device-signed-out', 'sign-out-error');
    await emulator.clearRequests();

    const item = mustItem(el, 'sign-out-other-devices');
    item.focus();
    item.click();
    await until(() => !el.open, 'the menu to close', 8000);
    await el.updateComplete;

    expect(lines(await emulator.requests())).to.deep.equal([
      'GET /v1/me/sessions/active',
      `POST /v1/me/sessions/${sid(phone)}/revoke`,
      `POST /v1/me/sessions/${sid(laptop)}/revoke`,
      'GET /v1/me/sessions/active',
    ]);
    expect((events.of('device-signed-out')[0] as DeviceSignedOutEvent).detail.sessionIds).to.deep.equal([
      sid(phone),
      sid(laptop),
    ]);
    expect(events.of('signed-out')).to.have.length(0);
    expect(events.of('sign-out-error')).to.have.length(0);
    expectFocusOn(trigger(el));
    expect((await emulator.activeSessions(ada)).map((session) => session.id)).to.deep.equal([here.id]);
    expect(page.clerk.session?.id).to.equal(here.id);
    expect(page.navigations).to.deep.equal([]);
    events.stop();
  });
});
