import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import type { SignOutErrorEvent } from '../../../src/index.js';
import { isReverificationRequired } from '../../../src/flows/devices/failures.js';
import { listDevices } from '../../../src/flows/devices/list.js';
import type { ReverifyContext } from '../../../src/flows/devices/reverify.js';
import { revokeDevices } from '../../../src/flows/devices/revoke.js';
import { ReverificationRequiredError } from '../../../src/contract/errors.js';
import { recordEvents } from '../../support/fixtures.js';
import { adaEverywhere, mountDevicesPage } from '../../support/real-devices.js';
import { lines } from '../../support/real-clerk.js';

describe('real clerk-js: Clerk asks for reverification before signing a device out', () => {
  it("never silent: sign-out-error carries ReverificationRequiredError with Clerk's code; with `reverify`, the one refused request is sent again", async function () {
    this.timeout(20_000);
    const { emulator, ada, here, phone, laptop, sid } = await adaEverywhere();
    const page = await mountDevicesPage(emulator);
    const events = recordEvents('device-sign-out', 'device-signed-out', 'sign-out-error');
    const devices = await listDevices(page.clerk);
    await emulator.fault('revokeSession', { reverificationRequired: true });
    await emulator.clearRequests();

    // No way to reverify given: the flow stops at the first refusal and says why.
    const refused = await revokeDevices(page.request({ devices }));
    expect(refused.outcome).to.equal('failed');
    expect(lines(await emulator.requests())).to.deep.equal([
      `POST /v1/me/sessions/${sid(phone)}/revoke`,
      'GET /v1/me/sessions/active',
    ]);
    expect((await emulator.requests('revokeSession'))[0].status).to.equal(403);
    const { detail } = events.of('sign-out-error')[0] as SignOutErrorEvent;
    expect(detail.error).to.be.instanceOf(ReverificationRequiredError);
    expect((detail.error as ReverificationRequiredError).code).to.equal('session_reverification_required');
    expect(detail.error.message).to.contain('confirm it is you');
    // The cause is clerk-js's own ClerkAPIResponseError, as Clerk answered it.
    const cause = detail.error.cause as { status: number; errors: Array<{ code: string; longMessage: string }> };
    expect(isReverificationRequired(cause)).to.equal(true);
    expect(cause.status).to.equal(403);
    expect(cause.errors[0].longMessage).to.equal(
      'You need to provide additional verification to perform this operation',
    );
    expect(detail.sessionIds).to.deep.equal([sid(phone), sid(laptop)]);
    expect(events.of('device-signed-out')).to.have.length(0);
    expect(page.clerk.user?.id).to.equal(ada.id);

    // The app's reverification: asked once, while the flow is in flight; when the user has reverified (here: Clerk
    // stops asking), the refused revocation is sent once more, then the next one.
    events.events.splice(0);
    await emulator.clearRequests();
    const asked: Array<Pick<ReverifyContext, 'sessionIds'> & { code: string }> = [];
    const result = await revokeDevices(
      page.request({
        devices,
        reverify: async ({ error, sessionIds }) => {
          asked.push({ code: error.code, sessionIds });
          await emulator.clearFaults('revokeSession');
          return true;
        },
      }),
    );
    expect(result.outcome).to.equal('signed-out');
    expect(asked).to.deep.equal([{ code: 'session_reverification_required', sessionIds: [sid(phone), sid(laptop)] }]);
    expect(
      (await emulator.requests('revokeSession')).map((request) => `${request.path} ${request.status}`),
    ).to.deep.equal([
      `/v1/me/sessions/${sid(phone)}/revoke 403`,
      `/v1/me/sessions/${sid(phone)}/revoke 200`,
      `/v1/me/sessions/${sid(laptop)}/revoke 200`,
    ]);
    expect(events.events.map((event) => event.type)).to.deep.equal(['device-sign-out', 'device-signed-out']);
    expect((await emulator.activeSessions(ada)).map((session) => session.id)).to.deep.equal([here.id]);
    events.stop();
  });
});
