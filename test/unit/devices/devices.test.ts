// The devices flows (src/flows/devices/) on the fake Clerk: the device list, and signing other devices out with its
// events, veto, guard, partial failures and reverification.
import { expect, html } from '@open-wc/testing';
import type { ClerkProvider, DeviceSignedOutEvent, DeviceSignOutEvent, SignOutErrorEvent } from '../../../src/index.js';
import { describeDevice, relativeTime } from '../../../src/flows/devices/describe.js';
import { isReverificationRequired } from '../../../src/flows/devices/failures.js';
import { listDevices, type Device } from '../../../src/flows/devices/list.js';
import { reverifyWithClerkUi } from '../../../src/flows/devices/reverify.js';
import { revokeDevices, type RevokeDevicesRequest } from '../../../src/flows/devices/revoke.js';
import {
  ConfigurationError,
  DevicesUnavailableError,
  DeviceSignOutNotConfirmedError,
  ReverificationRequiredError,
} from '../../../src/contract/errors.js';
import { isBusy } from '../../../src/flows/action-lock.js';
import { clerkApiError, FakeClerk, fakeUser, reverificationRequiredError } from '../../../src/testing/fake-clerk.js';
import { signOut } from '../../../src/flows/sign-out.js';
import { captureConsole, recordEvents, until, withProvider } from '../../support/fixtures.js';

const HOUR = 3600_000;

/** Ada signed in here, plus a phone (1 h ago), a laptop (2 h ago) and a tablet (3 h ago); the page's host element. */
async function adaWithDevices(clerk = new FakeClerk({ users: [fakeUser({ id: 'user_ada' })] })) {
  const phone = clerk.addDevice({
    activity: {
      browserName: 'Safari',
      browserVersion: '18.2',
      deviceType: 'iPhone',
      isMobile: true,
      city: 'Lyon',
      country: 'FR',
    },
    lastActiveAt: new Date(Date.now() - HOUR),
  });
  const laptop = clerk.addDevice({
    activity: { browserName: 'Firefox', deviceType: 'Macintosh' },
    lastActiveAt: new Date(Date.now() - 2 * HOUR),
  });
  const tablet = clerk.addDevice({
    activity: { deviceType: null, isMobile: true, browserName: null, browserVersion: null },
    lastActiveAt: new Date(Date.now() - 3 * HOUR),
  });
  const { provider, el } = await withProvider<HTMLElement>(html`<div id="devices-host"></div>`, clerk);
  const request = (more: Partial<RevokeDevicesRequest> = {}): RevokeDevicesRequest => ({
    host: el,
    state: (provider as ClerkProvider).state,
    sessionIds: 'others',
    ...more,
  });
  return { clerk, provider, host: el, phone, laptop, tablet, current: clerk.session!.id, request };
}

describe('devices: listDevices', () => {
  it("lists the user's sessions on every device, this one first, then the most recently active", async () => {
    const { clerk, phone, laptop, tablet, current } = await adaWithDevices();
    clerk.addDevice({ userId: 'user_grace' }); // another user's device is never listed
    const devices = await listDevices(clerk);
    expect(devices.map((device) => device.sessionId)).to.deep.equal([current, phone, laptop, tablet]);
    expect(devices.map((device) => device.current)).to.deep.equal([true, false, false, false]);
    const [, iphone] = devices;
    expect({ ...iphone, lastActiveAt: null }).to.deep.equal({
      sessionId: phone,
      current: false,
      status: 'active',
      lastActiveAt: null,
      browserName: 'Safari',
      browserVersion: '18.2',
      deviceType: 'iPhone',
      isMobile: true,
      ipAddress: '203.0.113.1',
      city: 'Lyon',
      country: 'FR',
    });
    expect(iphone.lastActiveAt).to.be.instanceOf(Date);
    expect(Object.isFrozen(iphone)).to.equal(true);
  });

  it('reads fresh every time, although clerk-js caches the first answer on the User object', async () => {
    const { clerk, phone } = await adaWithDevices();
    await listDevices(clerk);
    clerk.revokeElsewhere(phone);
    const again = await listDevices(clerk);
    expect(clerk.getSessionsCalls).to.equal(2);
    expect(again.map((device) => device.sessionId)).not.to.include(phone);
    // What clerk-js alone would have done: serve the cache. listDevices leaves none behind.
    const user = clerk.user as unknown as { cachedSessionsWithActivities: unknown };
    expect(user.cachedSessionsWithActivities).to.equal(null);
  });

  it('takes clerk-js\'s [] for "could not load" (DevicesUnavailableError), also when this device is missing or nobody is signed in', async () => {
    const { clerk } = await adaWithDevices();
    clerk.failNextGetSessions();
    const failed = await listDevices(clerk).catch((error: Error) => error);
    expect(failed).to.be.instanceOf(DevicesUnavailableError);
    expect((failed as Error).message).to.contain('could not list your devices');
    // A cached failure does not stick: the next read asks again.
    expect((await listDevices(clerk)).length).to.equal(4);
    clerk.revokeElsewhere(clerk.session!.id);
    expect(await listDevices(clerk).catch((error: Error) => error)).to.be.instanceOf(DevicesUnavailableError);
    expect(await listDevices(new FakeClerk()).catch((error: Error) => error)).to.be.instanceOf(DevicesUnavailableError);
    expect(await listDevices(undefined).catch((error: Error) => error)).to.be.instanceOf(DevicesUnavailableError);
  });

  it("describes a row with the fallbacks of Clerk's own list, and says when it was last active", async () => {
    const { clerk } = await adaWithDevices();
    const [, phone, laptop, tablet] = await listDevices(clerk);
    expect(describeDevice(phone)).to.deep.equal({ name: 'iPhone', browser: 'Safari 18.2', location: 'Lyon, FR' });
    expect(describeDevice(laptop)).to.deep.equal({ name: 'Macintosh', browser: 'Firefox 140.0.0.0', location: null });
    expect(describeDevice(tablet)).to.deep.equal({ name: 'Mobile device', browser: 'Web browser', location: null });
    expect(describeDevice({ ...tablet, isMobile: false } as Device).name).to.equal('Desktop device');
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(relativeTime(new Date(now - 3 * HOUR), now, 'en')).to.equal('3 hours ago');
    expect(relativeTime(new Date(now - 24 * HOUR), now, 'en')).to.equal('yesterday');
    expect(relativeTime(new Date(now - 10_000), now, 'en')).to.equal('now');
    expect(relativeTime(new Date(now - 3 * HOUR), now, 'fr')).to.equal('il y a 3 heures');
    expect(relativeTime(null)).to.equal(null);
  });
});

describe('devices: revokeDevices', () => {
  let events: ReturnType<typeof recordEvents>;
  beforeEach(() => (events = recordEvents('device-sign-out', 'device-signed-out', 'sign-out-error')));
  afterEach(() => events.stop());

  it('signs one device out: device-sign-out, one revocation, the list read again, device-signed-out', async () => {
    const { clerk, phone, laptop, tablet, current, request } = await adaWithDevices();
    const result = await revokeDevices(request({ sessionIds: [phone] }));
    expect(result.outcome).to.equal('signed-out');
    expect(result.revokedIds).to.deep.equal([phone]);
    expect(result.devices?.map((device) => device.sessionId)).to.deep.equal([current, laptop, tablet]);
    expect(clerk.revokeCalls).to.deep.equal([phone]);
    expect(clerk.deviceSessionIds).to.deep.equal([laptop, tablet]);
    expect(events.events.map((event) => event.type)).to.deep.equal(['device-sign-out', 'device-signed-out']);
    expect((events.of('device-sign-out')[0] as DeviceSignOutEvent).detail).to.deep.equal({
      sessionIds: [phone],
      userId: 'user_ada',
    });
    expect((events.of('device-signed-out')[0] as DeviceSignedOutEvent).detail).to.deep.equal({
      sessionIds: [phone],
      userId: 'user_ada',
    });
    expect(events.of('device-sign-out')[0].cancelable).to.equal(true);
    expect(clerk.session?.id, 'this device stays signed in').to.equal(current);
    expect(clerk.signOutCalls).to.deep.equal([]);
  });

  it('signs every other device out, one request at a time, never this one', async () => {
    const { clerk, phone, laptop, tablet, current, request } = await adaWithDevices();
    const result = await revokeDevices(request());
    expect(result.outcome).to.equal('signed-out');
    expect(clerk.revokeCalls).to.deep.equal([phone, laptop, tablet]);
    expect(clerk.maxCallsInFlight).to.equal(1);
    expect(clerk.deviceSessionIds).to.deep.equal([]);
    expect(result.devices?.map((device) => device.sessionId)).to.deep.equal([current]);
    expect((events.of('device-signed-out')[0] as DeviceSignedOutEvent).detail.sessionIds).to.deep.equal([
      phone,
      laptop,
      tablet,
    ]);
    expect((await revokeDevices(request())).outcome, 'no other device left').to.equal('nothing-to-do');
  });

  it('sends nothing before device-sign-out when given the list it shows; a veto stops everything', async () => {
    const { clerk, host, request } = await adaWithDevices();
    const devices = await listDevices(clerk);
    const calls = clerk.getSessionsCalls;
    let seenBefore: unknown;
    host.addEventListener('device-sign-out', (event) => {
      seenBefore = {
        reads: clerk.getSessionsCalls - calls,
        revocations: clerk.revokeCalls.length,
        busy: isBusy(clerk),
      };
      event.preventDefault();
    });
    const result = await revokeDevices(request({ devices }));
    expect(result.outcome).to.equal('cancelled');
    expect(seenBefore).to.deep.equal({ reads: 0, revocations: 0, busy: false });
    expect(clerk.revokeCalls).to.deep.equal([]);
    expect(clerk.deviceSessionIds).to.have.length(3);
    expect(events.of('device-signed-out')).to.have.length(0);
    expect(events.of('sign-out-error')).to.have.length(0);
  });

  it('lets a listener confirm first and start it again (the confirm recipe)', async () => {
    const { clerk, host, request } = await adaWithDevices();
    let confirmed = false;
    const started: Array<Promise<unknown>> = [];
    host.addEventListener('device-sign-out', (event) => {
      if (confirmed) return;
      event.preventDefault();
      confirmed = true; // e.g. after the app's own dialog
      started.push(revokeDevices(request()));
    });
    expect((await revokeDevices(request())).outcome).to.equal('cancelled');
    await Promise.all(started);
    expect(clerk.deviceSessionIds).to.deep.equal([]);
    expect(events.of('device-sign-out')).to.have.length(2);
    expect(events.of('device-signed-out')).to.have.length(1);
  });

  it('is the one action in flight: further calls (and a sign-out) send nothing while it runs', async () => {
    const { clerk, phone, request } = await adaWithDevices();
    const release = clerk.holdNextRevoke();
    const first = revokeDevices(request({ sessionIds: [phone] }));
    await until(() => clerk.revokeCalls.length === 1);
    expect(isBusy(clerk)).to.equal(true);
    expect((await revokeDevices(request())).outcome).to.equal('busy');
    expect((await revokeDevices(request({ sessionIds: [phone] }))).outcome).to.equal('busy');
    expect((await signOut({ host: request().host, state: request().state })).outcome, 'a sign-out meanwhile').to.equal(
      'busy',
    );
    release();
    expect((await first).outcome).to.equal('signed-out');
    expect(clerk.revokeCalls).to.deep.equal([phone]);
    expect(isBusy(clerk)).to.equal(false);
  });

  it('N fast calls without a list read it once and sign out once', async () => {
    const { clerk, request } = await adaWithDevices();
    const release = clerk.holdNextGetSessions();
    const calls = [revokeDevices(request()), revokeDevices(request()), revokeDevices(request())];
    await until(() => clerk.getSessionsCalls === 1);
    release();
    const outcomes = (await Promise.all(calls)).map((result) => result.outcome);
    expect(outcomes).to.deep.equal(['signed-out', 'busy', 'busy']);
    expect(clerk.revokeCalls).to.have.length(3);
    expect(clerk.maxCallsInFlight).to.equal(1);
  });

  it('partial failure: the others are signed out, sign-out-error names the device still signed in', async () => {
    const { clerk, phone, laptop, tablet, request } = await adaWithDevices();
    clerk.failNextRevoke(); // 500 for the phone
    const result = await revokeDevices(request());
    expect(result.outcome).to.equal('failed');
    expect(result.revokedIds).to.deep.equal([laptop, tablet]);
    expect(result.stillSignedInIds).to.deep.equal([phone]);
    expect(clerk.revokeCalls, 'a 500 for one device does not stop the others; nothing is retried').to.deep.equal([
      phone,
      laptop,
      tablet,
    ]);
    expect(events.events.map((event) => event.type)).to.deep.equal([
      'device-sign-out',
      'device-signed-out',
      'sign-out-error',
    ]);
    expect((events.of('device-signed-out')[0] as DeviceSignedOutEvent).detail.sessionIds).to.deep.equal([
      laptop,
      tablet,
    ]);
    const { detail } = events.of('sign-out-error')[0] as SignOutErrorEvent;
    expect(detail.sessionIds).to.deep.equal([phone]);
    expect(detail.sessionId).to.equal(null);
    expect((detail.error as Error & { status: number }).status).to.equal(500);
    expect(clerk.deviceSessionIds).to.deep.equal([phone]);
  });

  it('a connection failure stops at the first device: the rest are not asked, all reported still signed in', async () => {
    const { clerk, phone, laptop, tablet, request } = await adaWithDevices();
    clerk.failNextRevoke(
      new Error('ClerkJS: Network error at "…/revoke" - TypeError: Failed to fetch. Please try again.'),
    );
    const result = await revokeDevices(request());
    expect(clerk.revokeCalls).to.deep.equal([phone]);
    expect(result.stillSignedInIds).to.deep.equal([phone, laptop, tablet]);
    const { detail } = events.of('sign-out-error')[0] as SignOutErrorEvent;
    expect(detail.error.message).to.contain('Network error');
    expect(detail.sessionIds).to.deep.equal([phone, laptop, tablet]);
    expect(events.of('device-signed-out')).to.have.length(0);
  });

  it('a device already signed out elsewhere (a 404 or 401 for it) counts as signed out: the server no longer lists it', async () => {
    const { clerk, phone, request } = await adaWithDevices();
    clerk.failNextRevoke(clerkApiError(401, 'authentication_invalid', 'You are not signed in.'), {
      endedOnServer: true,
    });
    const result = await revokeDevices(request({ sessionIds: [phone] }));
    expect(result.outcome).to.equal('signed-out');
    expect(events.of('sign-out-error')).to.have.length(0);
    expect((events.of('device-signed-out')[0] as DeviceSignedOutEvent).detail.sessionIds).to.deep.equal([phone]);
  });

  it('reports DeviceSignOutNotConfirmedError when clerk-js resolves without an answer and the list cannot be read', async () => {
    const { clerk, phone, request } = await adaWithDevices();
    const devices = await listDevices(clerk);
    clerk.swallowNextRevoke();
    clerk.failNextGetSessions();
    const result = await revokeDevices(request({ sessionIds: [phone], devices }));
    expect(result.outcome).to.equal('failed');
    expect(result.error).to.be.instanceOf(DeviceSignOutNotConfirmedError);
    expect(result.devices).to.equal(undefined);
    expect((events.of('sign-out-error')[0] as SignOutErrorEvent).detail.sessionIds).to.deep.equal([phone]);
  });

  it('trusts the revocations Clerk answered when the list cannot be read afterwards', async () => {
    const { clerk, phone, laptop, request } = await adaWithDevices();
    const devices = await listDevices(clerk);
    clerk.failNextGetSessions();
    const result = await revokeDevices(request({ sessionIds: [phone, laptop], devices }));
    expect(result.outcome).to.equal('signed-out');
    expect(result.revokedIds).to.deep.equal([phone, laptop]);
  });

  it('could not read the list first: sign-out-error with DevicesUnavailableError, and no device-sign-out', async () => {
    const { clerk, phone, request } = await adaWithDevices();
    clerk.failNextGetSessions();
    const result = await revokeDevices(request({ sessionIds: [phone] }));
    expect(result.error).to.be.instanceOf(DevicesUnavailableError);
    expect(events.events.map((event) => event.type)).to.deep.equal(['sign-out-error']);
    expect((events.of('sign-out-error')[0] as SignOutErrorEvent).detail.sessionIds).to.deep.equal([phone]);
    expect(clerk.revokeCalls).to.deep.equal([]);
  });

  it("refuses this device's session and sessions that are not the user's devices, naming them, before anything is sent", async () => {
    const { clerk, current, phone, request } = await adaWithDevices();
    const grace = clerk.addDevice({ userId: 'user_grace' });
    const logged = await captureConsole(async () => {
      for (const sessionIds of [[current], [phone, grace], ['sess_typo']]) {
        const result = await revokeDevices(request({ sessionIds }));
        expect(result.outcome, sessionIds.join()).to.equal('failed');
        expect(result.error).to.be.instanceOf(ConfigurationError);
      }
    });
    const messages = events.of('sign-out-error').map((event) => (event as SignOutErrorEvent).detail.error.message);
    expect(messages[0]).to.contain("it is this device's session");
    expect(messages[1]).to.contain(
      `session ${grace} is not a signed-in device of this user; its other devices: ${phone}, `,
    );
    expect(messages[2]).to.contain('sess_typo');
    expect(logged.error, 'each also in the console').to.deep.equal(messages);
    expect(events.of('device-sign-out')).to.have.length(0);
    expect(clerk.revokeCalls).to.deep.equal([]);
    expect((await revokeDevices(request({ sessionIds: [] }))).outcome).to.equal('nothing-to-do');
  });

  it('a list read for another account is not used: it reads the list of the signed-in one', async () => {
    const ada = fakeUser({ id: 'user_ada' });
    const grace = fakeUser({ id: 'user_grace' });
    const clerk = new FakeClerk({ users: [ada, grace] });
    const { request } = await adaWithDevices(clerk);
    const adaDevices = await listDevices(clerk);
    await clerk.setActive({ session: `sess_${grace.id}` });
    const graceDevice = clerk.addDevice({ userId: grace.id });
    const calls = clerk.getSessionsCalls;
    const result = await revokeDevices(request({ devices: adaDevices, state: { ...request().state, user: grace } }));
    expect(clerk.getSessionsCalls - calls, 'read before and after').to.equal(2);
    expect(clerk.revokeCalls).to.deep.equal([graceDevice]);
    expect(result.outcome).to.equal('signed-out');
  });

  it('an element removed meanwhile still reports, to the document', async () => {
    const { clerk, phone, host, request } = await adaWithDevices();
    const release = clerk.holdNextRevoke();
    const pending = revokeDevices(request({ sessionIds: [phone] }));
    await until(() => clerk.revokeCalls.length === 1);
    host.remove();
    release();
    expect((await pending).outcome).to.equal('signed-out');
    expect(events.of('device-signed-out')[0].target).to.equal(document);
  });

  it('does nothing while nobody is signed in or Clerk is not ready', async () => {
    const clerk = new FakeClerk();
    const { provider, el } = await withProvider<HTMLElement>(html`<div></div>`, clerk);
    expect((await revokeDevices({ host: el, state: provider.state, sessionIds: 'others' })).outcome).to.equal(
      'nothing-to-do',
    );
    expect(events.events).to.have.length(0);
  });
});

describe('devices: reverification', () => {
  let events: ReturnType<typeof recordEvents>;
  beforeEach(() => (events = recordEvents('device-sign-out', 'device-signed-out', 'sign-out-error')));
  afterEach(() => events.stop());

  it("never silent: sign-out-error carries ReverificationRequiredError (code, Clerk's error as cause); nothing is retried", async () => {
    const { clerk, phone, laptop, tablet, request } = await adaWithDevices();
    clerk.requireReverification(3);
    const result = await revokeDevices(request());
    expect(result.outcome).to.equal('failed');
    expect(clerk.revokeCalls, 'stops at the first refusal: every device would need it').to.deep.equal([phone]);
    const { detail } = events.of('sign-out-error')[0] as SignOutErrorEvent;
    expect(detail.error).to.be.instanceOf(ReverificationRequiredError);
    expect((detail.error as ReverificationRequiredError).code).to.equal('session_reverification_required');
    expect(detail.error.message).to.contain('confirm it is you');
    expect(isReverificationRequired(detail.error.cause)).to.equal(true);
    expect((detail.error.cause as { status: number }).status).to.equal(403);
    expect(detail.sessionIds).to.deep.equal([phone, laptop, tablet]);
    expect(clerk.deviceSessionIds).to.have.length(3);
  });

  it('with `reverify`: asks the app while in flight, sends the refused revocation once more when it says yes, then the rest', async () => {
    const { clerk, phone, laptop, tablet, request } = await adaWithDevices();
    clerk.requireReverification(3);
    const asked: unknown[] = [];
    const result = await revokeDevices(
      request({
        reverify: async ({ error, sessionIds }) => {
          asked.push({ code: error.code, sessionIds, busy: isBusy(clerk) });
          clerk.requireReverification(0); // the user verified
          return true;
        },
      }),
    );
    expect(result.outcome).to.equal('signed-out');
    expect(asked).to.deep.equal([
      { code: 'session_reverification_required', sessionIds: [phone, laptop, tablet], busy: true },
    ]);
    expect(clerk.revokeCalls).to.deep.equal([phone, phone, laptop, tablet]);
    expect(events.of('sign-out-error')).to.have.length(0);
  });

  it('with `reverify` answering no (or failing): one request, then the reverification error', async () => {
    for (const reverify of [async () => false, async () => Promise.reject(new Error('closed'))]) {
      const { clerk, phone, request } = await adaWithDevices();
      clerk.requireReverification(1);
      const result = await revokeDevices(request({ sessionIds: [phone], reverify }));
      expect(result.error).to.be.instanceOf(ReverificationRequiredError);
      expect(clerk.revokeCalls).to.deep.equal([phone]);
    }
  });

  it('still refused after reverifying: reported, not asked again', async () => {
    const { clerk, phone, request } = await adaWithDevices();
    clerk.requireReverification(5);
    let asked = 0;
    const result = await revokeDevices(request({ sessionIds: [phone], reverify: async () => (++asked, true) }));
    expect(asked).to.equal(1);
    expect(clerk.revokeCalls).to.deep.equal([phone, phone]);
    expect(result.error).to.be.instanceOf(ReverificationRequiredError);
  });

  it("reverifyWithClerkUi opens Clerk's verification modal when Clerk's UI is loaded, and is a no without it", async () => {
    const verified = await adaWithDevices(
      new FakeClerk({ users: [fakeUser({ id: 'user_ada' })], uiVersion: '1.36.0' }),
    );
    verified.clerk.requireReverification(1);
    expect((await revokeDevices(verified.request({ reverify: reverifyWithClerkUi }))).outcome).to.equal('signed-out');
    expect(verified.clerk.openReverificationCalls).to.equal(1);

    const cancelled = await adaWithDevices(
      new FakeClerk({ users: [fakeUser({ id: 'user_ada' })], uiVersion: '1.36.0' }),
    );
    cancelled.clerk.requireReverification(1);
    cancelled.clerk.reverificationAnswer = 'cancel';
    expect((await revokeDevices(cancelled.request({ reverify: reverifyWithClerkUi }))).error).to.be.instanceOf(
      ReverificationRequiredError,
    );

    const noUi = await adaWithDevices();
    noUi.clerk.requireReverification(1);
    expect((await revokeDevices(noUi.request({ reverify: reverifyWithClerkUi }))).error).to.be.instanceOf(
      ReverificationRequiredError,
    );
    expect(noUi.clerk.openReverificationCalls).to.equal(0);
  });

  it("recognises Clerk's reverification answer by its error code only", () => {
    expect(isReverificationRequired(reverificationRequiredError())).to.equal(true);
    expect(isReverificationRequired(clerkApiError(403, 'authorization_invalid', 'no'))).to.equal(false);
    expect(isReverificationRequired(new Error('session_reverification_required'))).to.equal(false);
    expect(isReverificationRequired(null)).to.equal(false);
  });
});
