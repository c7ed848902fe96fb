// <clerk-active-devices> on the fake Clerk: what each row shows, the states (loading, empty, error), signing devices out
// (one, all others, partial failure, reverification), focus, keyboard and axe.
import { expect, html } from '@open-wc/testing';
import { frFR } from '@clerk/localizations/fr-FR';
import type {
  ClerkActiveDevices,
  DeviceSignedOutEvent,
  DeviceSignOutEvent,
  SignOutErrorEvent,
} from '../../../src/index.js';
import { ReverificationRequiredError } from '../../../src/index.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { pressKeys } from '../../support/engine.js';
import { recordEvents, until, withProvider } from '../../support/fixtures.js';
import {
  adaEverywhere,
  deviceButton,
  expectFocusOn,
  HOUR,
  MINUTE,
  mountDevices,
  part,
  parts,
  rowTexts,
} from '../../support/fake-devices.js';
import { IPHONE } from '../../support/sample-activities.js';

const IPHONE_ROW = 'iPhone|Safari 17.1|Berlin, DE|203.0.113.7|5 minutes ago';
const MAC_ROW = 'Macintosh|Firefox 133.0|Oslo, NO|198.51.100.4|2 hours ago';
const UNKNOWN_ROW = 'Desktop device|Web browser';
const HERE_ROW = 'Linux|This device|Chrome 140.0.0.0|127.0.0.1|now';

const errorText = (el: Element) => part(el, 'error')!.textContent!.trim();

describe('<clerk-active-devices>', () => {
  let events: ReturnType<typeof recordEvents>;
  beforeEach(
    () => (events = recordEvents('sign-out', 'signed-out', 'device-sign-out', 'device-signed-out', 'sign-out-error')),
  );
  afterEach(() => events.stop());

  describe('the list', () => {
    it('shows every device: this one first with its badge and no button, then the most recently active', async () => {
      const { clerk } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      expect(part(el, 'title')!.textContent).to.equal('Active devices');
      const list = part(el, 'list')!;
      expect(list.localName).to.equal('ul');
      expect(list.getAttribute('aria-labelledby')).to.equal('title');
      expect([...list.children].map((child) => child.localName)).to.deep.equal(['li', 'li', 'li', 'li']);
      expect(rowTexts(el)).to.deep.equal([HERE_ROW, IPHONE_ROW, MAC_ROW, UNKNOWN_ROW]);
      const [here, phone, mac, unknown] = parts(el, 'device');
      expect(here.getAttribute('part')).to.equal('device current');
      expect(here.querySelector('[part~="badge"]')!.textContent).to.equal('This device');
      expect(here.querySelector('button'), 'this device has no sign-out button').to.equal(null);
      expect(phone.getAttribute('part')).to.equal('device mobile');
      expect(mac.getAttribute('part')).to.equal('device');
      for (const row of [phone, mac, unknown]) expect(row.querySelectorAll('[part~="badge"]')).to.have.length(0);
      // Unknown place, IP address and time are left out, not shown empty.
      expect([...unknown.querySelectorAll('[part]')].map((node) => node.getAttribute('part'))).to.deep.equal([
        'name',
        'details',
        'browser',
        'sign-out-device',
      ]);
      expect(parts(el, 'sign-out-others')).to.have.length(1);
      expect(clerk.getSessionsCalls).to.equal(1);
    });

    it('says when each device was last active in a <time> with its exact date', async () => {
      const { clerk } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      const time = parts(el, 'last-active')[1];
      expect(time.localName).to.equal('time');
      const at = Date.parse(time.getAttribute('datetime')!);
      expect(Date.now() - at).to.be.within(5 * MINUTE - 1000, 5 * MINUTE + 5000);
    });

    it('brings the last-active times up to date each minute, and stops its clock when removed', async () => {
      const { clerk } = adaEverywhere();
      const [setIntervalBefore, clearIntervalBefore, nowBefore] = [window.setInterval, window.clearInterval, Date.now];
      const minuteClocks = new Map<number, () => void>();
      const cleared: number[] = [];
      try {
        // The element's one-minute clock is held here and run by hand; any other interval runs as usual.
        window.setInterval = ((callback: () => void, ms?: number) => {
          if (ms !== MINUTE) return setIntervalBefore(callback, ms);
          const id = setIntervalBefore(() => {}, 2 ** 30);
          minuteClocks.set(id, callback);
          return id;
        }) as typeof window.setInterval;
        window.clearInterval = ((id: number) => (cleared.push(id), clearIntervalBefore(id))) as typeof clearInterval;
        const { el, provider } = await mountDevices(clerk);
        expect(minuteClocks.size, 'one clock per element').to.equal(1);
        const [[id, tick]] = minuteClocks;
        expect(rowTexts(el)).to.deep.equal([HERE_ROW, IPHONE_ROW, MAC_ROW, UNKNOWN_ROW]);

        const start = nowBefore();
        Date.now = () => start + 55 * MINUTE;
        tick();
        await el.updateComplete;
        expect(rowTexts(el).map((row) => row.split('|').at(-1))).to.deep.equal([
          '55 minutes ago',
          '1 hour ago',
          '3 hours ago',
          'Web browser',
        ]);
        expect(clerk.getSessionsCalls, 'the clock re-renders; it reads nothing').to.equal(1);

        provider.remove();
        expect(cleared).to.include(id);
      } finally {
        [window.setInterval, window.clearInterval, Date.now] = [setIntervalBefore, clearIntervalBefore, nowBefore];
      }
    });

    it("names the device in each button's accessible name", async () => {
      const { clerk } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      expect(parts(el, 'sign-out-device').map((button) => button.getAttribute('aria-label'))).to.deep.equal([
        'Sign out of device: iPhone, Safari 17.1, Berlin, DE',
        'Sign out of device: Macintosh, Firefox 133.0, Oslo, NO',
        'Sign out of device: Desktop device, Web browser',
      ]);
      for (const button of parts(el, 'sign-out-device')) {
        expect(button.localName).to.equal('button');
        expect(button.textContent!.trim()).to.equal('Sign out of device');
      }
      expect(part(el, 'sign-out-others')!.textContent!.trim()).to.equal('Sign out of all other devices');
      await expect(el).to.be.accessible();
    });

    it("speaks the provider's language: Clerk's keys and the relative time in its locale (frFR)", async () => {
      const { el: devices, provider } = await mountDevices(adaEverywhere().clerk);
      provider.localization = frFR;
      await until(() => part(devices, 'title')!.textContent !== 'Active devices');
      expect(part(devices, 'title')!.textContent).to.equal('Appareils actifs');
      expect(part(devices, 'badge')!.textContent).to.equal('Cet appareil');
      expect(parts(devices, 'last-active').map((time) => time.textContent)).to.deep.equal([
        'maintenant',
        'il y a 5 minutes',
        'il y a 2 heures',
      ]);
      expect(deviceButton(devices, 'iPhone').textContent!.trim()).to.equal("Se déconnecter de l'appareil");
      expect(deviceButton(devices, 'iPhone').getAttribute('aria-label')).to.equal(
        "Se déconnecter de l'appareil: iPhone, Safari 17.1, Berlin, DE",
      );
      expect(part(devices, 'sign-out-others')!.textContent!.trim()).to.equal(
        'Se déconnecter de tous les autres appareils',
      );
    });

    it("without a localization's locale: the document's lang, and the browser's when that is not a language tag", async () => {
      const lang = document.documentElement.lang;
      try {
        document.documentElement.lang = 'de';
        const { el } = await mountDevices(adaEverywhere().clerk);
        expect(parts(el, 'last-active')[1].textContent).to.equal('vor 5 Minuten');
        document.documentElement.lang = 'not a tag!';
        el.requestUpdate();
        await el.updateComplete;
        expect(parts(el, 'last-active')[1].textContent).to.equal(new Intl.RelativeTimeFormat().format(-5, 'minute'));
      } finally {
        document.documentElement.lang = lang;
      }
    });

    it('renders nothing while nobody is signed in, and reads nothing', async () => {
      const clerk = new FakeClerk();
      const { el } = await withProvider<ClerkActiveDevices>(html`<clerk-active-devices></clerk-active-devices>`, clerk);
      expect(el.shadowRoot!.childElementCount).to.equal(0);
      expect(clerk.getSessionsCalls).to.equal(0);
    });

    it('is themable: parts and --clerk-active-devices-* custom properties', async () => {
      const { el } = await mountDevices(adaEverywhere().clerk);
      el.style.setProperty('--clerk-active-devices-sign-out-color', 'rgb(1, 2, 3)');
      el.style.setProperty('--clerk-active-devices-background', 'rgb(4, 5, 6)');
      expect(getComputedStyle(deviceButton(el, 'iPhone')).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(part(el, 'panel')!).backgroundColor).to.equal('rgb(4, 5, 6)');
    });
  });

  describe('loading, empty, error', () => {
    it('shows a loading status (with the spinner) until Clerk answers', async () => {
      const { clerk } = adaEverywhere();
      const release = clerk.holdNextGetSessions();
      const { el } = await withProvider<ClerkActiveDevices>(html`<clerk-active-devices></clerk-active-devices>`, clerk);
      const status = part(el, 'status')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.textContent!.trim()).to.equal('Loading devices…');
      expect(status.querySelector('[part="spinner"][aria-hidden="true"]')).to.not.equal(null);
      expect(part(el, 'list')).to.equal(null);
      await expect(el).to.be.accessible();
      release();
      await until(() => parts(el, 'device').length === 4);
      expect(part(el, 'status')).to.equal(null);
    });

    it('no other device: this one alone, "no other devices", and no "Sign out of all other devices"', async () => {
      const clerk = FakeClerk.signedIn();
      const { el } = await mountDevices(clerk);
      expect(rowTexts(el)).to.deep.equal([HERE_ROW]);
      expect(part(el, 'empty')!.textContent).to.equal('You are not signed in on any other device.');
      expect(part(el, 'sign-out-others')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('could not load: says so (role="alert") with a retry that reads again; focus goes to the list', async () => {
      const { clerk } = adaEverywhere();
      clerk.failNextGetSessions();
      const { el } = await mountDevices(clerk);
      expect(part(el, 'status')!.querySelector('[role="alert"]')!.textContent).to.equal(
        'Your devices could not be loaded.',
      );
      expect(part(el, 'list')).to.equal(null);
      await expect(el).to.be.accessible();
      const retry = part(el, 'retry')! as HTMLButtonElement;
      expect(retry.localName).to.equal('button');
      expect(retry.textContent).to.equal('Try again');
      retry.focus();
      retry.click();
      await until(() => parts(el, 'device').length === 4);
      expect(clerk.getSessionsCalls).to.equal(2);
      await until(() => el.shadowRoot!.activeElement === part(el, 'list'));
      expectFocusOn(part(el, 'list'), 'the list');
    });

    it('reads the list again when the user changes (another account) and when it is back in the document', async () => {
      const clerk = new FakeClerk({ users: [fakeUser({ id: 'user_ada' }), fakeUser({ id: 'user_grace' })] });
      clerk.addDevice({ activity: IPHONE });
      clerk.addDevice({ userId: 'user_grace', activity: { deviceType: 'Pixel 9', isMobile: true } });
      const { el } = await mountDevices(clerk);
      expect(rowTexts(el).map((row) => row.split('|')[0])).to.deep.equal(['Linux', 'iPhone']);
      await clerk.setActive({ session: 'sess_user_grace' });
      await until(() => parts(el, 'device')[1]?.textContent?.includes('Pixel 9'));
      expect(clerk.getSessionsCalls).to.equal(2);
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await until(() => clerk.getSessionsCalls === 3);
    });

    it('an answer for the previous user is dropped', async () => {
      const clerk = new FakeClerk({ users: [fakeUser({ id: 'user_ada' }), fakeUser({ id: 'user_grace' })] });
      clerk.addDevice({ activity: IPHONE });
      const release = clerk.holdNextGetSessions();
      const { el } = await withProvider<ClerkActiveDevices>(html`<clerk-active-devices></clerk-active-devices>`, clerk);
      await clerk.setActive({ session: 'sess_user_grace' });
      await until(() => parts(el, 'device').length === 1);
      release();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(parts(el, 'device')).to.have.length(1);
      expect(part(el, 'sign-out-device')).to.equal(null);
    });
  });

  describe('the newest read wins, and only for the user it was read for', () => {
    it("an app's refresh() in flight while a device is signed out never brings the revoked row back", async () => {
      const { clerk, phone } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      // The app reads the list; the server answers what it has now (the iPhone signed in), and the answer is slow.
      clerk.fault('getSessions', 'stale');
      const releaseRead = clerk.holdNextGetSessions();
      const refreshed = el.refresh();
      deviceButton(el, 'iPhone').click();
      await until(() => events.of('device-signed-out').length === 1);
      await el.updateComplete;
      expect(rowTexts(el)).to.deep.equal([HERE_ROW, MAC_ROW, UNKNOWN_ROW]);
      releaseRead();
      await refreshed;
      await el.updateComplete;
      expect(rowTexts(el), 'the list after the stale answer arrived').to.deep.equal([HERE_ROW, MAC_ROW, UNKNOWN_ROW]);
      expect(clerk.deviceSessionIds).to.not.include(phone);
    });

    it("a .clerk swap to another user during a held revocation: the old user's list is never shown", async () => {
      const { clerk, phone } = adaEverywhere();
      const { provider, el } = await mountDevices(clerk);
      const releaseRevoke = clerk.holdNextRevoke();
      deviceButton(el, 'iPhone').click();
      await until(() => clerk.revokeCalls.length === 1);
      const grace = new FakeClerk({ users: [fakeUser({ id: 'user_grace' })] });
      grace.addDevice({ activity: { deviceType: 'Pixel 9', isMobile: true } });
      provider.clerk = grace;
      await until(() => rowTexts(el).some((row) => row.startsWith('Pixel 9')), "Grace's list");
      releaseRevoke();
      await until(() => events.of('device-signed-out').length === 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await el.updateComplete;
      expect(rowTexts(el).map((row) => row.split('|')[0])).to.deep.equal(['Linux', 'Pixel 9']);
      expect(parts(el, 'device').some((row) => row.part.contains('failed'))).to.equal(false);
      expect(clerk.deviceSessionIds).to.not.include(phone);
    });
  });

  describe('signing a device out', () => {
    it('removes its row, fires device-sign-out then device-signed-out (never signed-out), and keeps this device', async () => {
      const { clerk, phone, here } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      deviceButton(el, 'iPhone').click();
      await until(() => events.of('device-signed-out').length === 1);
      await el.updateComplete;
      expect(rowTexts(el)).to.deep.equal([HERE_ROW, MAC_ROW, UNKNOWN_ROW]);
      expect(clerk.revokeCalls).to.deep.equal([phone]);
      expect(events.events.map((event) => event.type)).to.deep.equal(['device-sign-out', 'device-signed-out']);
      expect((events.of('device-sign-out')[0] as DeviceSignOutEvent).detail).to.deep.equal({
        sessionIds: [phone],
        userId: 'user_ada',
      });
      expect((events.of('device-signed-out')[0] as DeviceSignedOutEvent).detail.sessionIds).to.deep.equal([phone]);
      expect(events.of('device-signed-out')[0].target).to.equal(el);
      // The list shown was given to the flow (no read before), then the list read after it is shown.
      expect(clerk.getSessionsCalls).to.equal(2);
      expect(clerk.signOutCalls).to.deep.equal([]);
      expect(clerk.session?.id).to.equal(here);
      expect(errorText(el)).to.equal('');
    });

    it('is pending while in flight: aria-busy row, the spinner in its button; other clicks send nothing', async () => {
      const { clerk, phone } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      const release = clerk.holdNextRevoke();
      deviceButton(el, 'iPhone').click();
      await until(() => clerk.revokeCalls.length === 1);
      await el.updateComplete;
      const [here, phoneRow, macRow] = parts(el, 'device');
      expect(phoneRow.getAttribute('aria-busy')).to.equal('true');
      expect(macRow.getAttribute('aria-busy')).to.equal('false');
      expect(here.getAttribute('aria-busy')).to.equal('false');
      expect(deviceButton(el, 'iPhone').querySelector('[part="spinner"]')).to.not.equal(null);
      expect(deviceButton(el, 'Macintosh').querySelector('[part="spinner"]')).to.equal(null);
      for (const button of [...parts(el, 'sign-out-device'), part(el, 'sign-out-others')!]) {
        expect(button.getAttribute('aria-disabled')).to.equal('true');
      }
      await expect(el).to.be.accessible();
      deviceButton(el, 'Macintosh').click();
      part(el, 'sign-out-others')!.click();
      expect((await el.signOutDevices('others')).outcome).to.equal('busy');
      release();
      await until(() => parts(el, 'device').length === 3);
      expect(clerk.revokeCalls).to.deep.equal([phone]);
      expect(clerk.maxCallsInFlight).to.equal(1);
      expect(parts(el, 'device').map((row) => row.getAttribute('aria-busy'))).to.deep.equal([
        'false',
        'false',
        'false',
      ]);
    });

    it('a vetoed device-sign-out signs nothing out and leaves the list as it is', async () => {
      const { clerk } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      el.addEventListener('device-sign-out', (event) => event.preventDefault(), { once: true });
      deviceButton(el, 'iPhone').click();
      await until(() => events.of('device-sign-out').length === 1);
      await el.updateComplete;
      expect(clerk.revokeCalls).to.deep.equal([]);
      expect(parts(el, 'device')).to.have.length(4);
      expect(parts(el, 'device').every((row) => row.getAttribute('aria-busy') === 'false')).to.equal(true);
    });

    it('focus: to the next row\'s button, else "Sign out of all other devices", else the list', async () => {
      const { clerk } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      const signOutFocused = async (name: string) => {
        const button = deviceButton(el, name);
        button.focus();
        button.click();
        await until(() => !el.shadowRoot!.contains(button));
        await el.updateComplete;
      };
      await signOutFocused('iPhone');
      expectFocusOn(deviceButton(el, 'Macintosh'), 'the next row (Macintosh)');
      await signOutFocused('Desktop device'); // the last row
      expectFocusOn(part(el, 'sign-out-others'), '"Sign out of all other devices"');
      await signOutFocused('Macintosh'); // the only other device
      expectFocusOn(part(el, 'list'), 'the list');
      expect(part(el, 'empty')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('does not take focus that is elsewhere on the page', async () => {
      const { clerk } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      const outside = document.createElement('input');
      outside.setAttribute('aria-label', 'outside');
      document.body.append(outside);
      try {
        const release = clerk.holdNextRevoke();
        deviceButton(el, 'iPhone').focus();
        deviceButton(el, 'iPhone').click();
        await until(() => clerk.revokeCalls.length === 1);
        outside.focus();
        release();
        await until(() => parts(el, 'device').length === 3);
        await el.updateComplete;
        expect(document.activeElement).to.equal(outside);
      } finally {
        outside.remove();
      }
    });
  });

  describe('signing all other devices out', () => {
    it('signs out every other device (one request at a time): this one alone is left, focus on the list', async () => {
      const { clerk, phone, mac, unknown } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      const all = part(el, 'sign-out-others')!;
      all.focus();
      all.click();
      await until(() => events.of('device-signed-out').length === 1);
      await el.updateComplete;
      expect(clerk.revokeCalls).to.deep.equal([phone, mac, unknown]);
      expect(clerk.maxCallsInFlight).to.equal(1);
      expect((events.of('device-signed-out')[0] as DeviceSignedOutEvent).detail.sessionIds).to.deep.equal([
        phone,
        mac,
        unknown,
      ]);
      expect(rowTexts(el)).to.deep.equal([HERE_ROW]);
      expect(part(el, 'empty')).to.not.equal(null);
      expectFocusOn(part(el, 'list'), 'the list');
      expect(events.of('signed-out')).to.have.length(0);
      expect(clerk.signOutCalls).to.deep.equal([]);
    });

    it('pending: its button is busy with the spinner, and so is every other row', async () => {
      const { clerk } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      const release = clerk.holdNextRevoke();
      part(el, 'sign-out-others')!.click();
      await until(() => clerk.revokeCalls.length === 1);
      await el.updateComplete;
      expect(part(el, 'sign-out-others')!.getAttribute('aria-busy')).to.equal('true');
      expect(part(el, 'sign-out-others')!.querySelector('[part="spinner"]')).to.not.equal(null);
      expect(parts(el, 'device').map((row) => row.getAttribute('aria-busy'))).to.deep.equal([
        'false',
        'true',
        'true',
        'true',
      ]);
      release();
      await until(() => parts(el, 'device').length === 1);
    });

    it('partial failure: the devices still signed in stay listed (marked), with a message and sign-out-error naming them', async () => {
      const { clerk, phone, mac, unknown } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      clerk.failNextRevoke(); // a 500 for the iPhone; the others go
      const result = await el.signOutDevices('others');
      await el.updateComplete;
      expect(result.outcome).to.equal('failed');
      expect(result.revokedIds).to.deep.equal([mac, unknown]);
      expect(rowTexts(el)).to.deep.equal([HERE_ROW, IPHONE_ROW]);
      expect(parts(el, 'device')[1].getAttribute('part')).to.equal('device mobile failed');
      expect(deviceButton(el, 'iPhone').getAttribute('aria-describedby')).to.equal('error');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(errorText(el)).to.equal('Some devices could not be signed out and are still signed in. Please try again.');
      expect(events.events.map((event) => event.type)).to.deep.equal([
        'device-sign-out',
        'device-signed-out',
        'sign-out-error',
      ]);
      expect((events.of('sign-out-error')[0] as SignOutErrorEvent).detail.sessionIds).to.deep.equal([phone]);
      await expect(el).to.be.accessible();
      // Trying again succeeds and clears the message.
      deviceButton(el, 'iPhone').click();
      await until(() => parts(el, 'device').length === 1);
      expect(errorText(el)).to.equal('');
    });

    it('the list cannot be read afterwards: only the revocations Clerk answered leave the list', async () => {
      const { clerk } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      clerk.failNextRevoke(); // a 500 for the iPhone; the others go
      clerk.failNextGetSessions(); // and the list read after fails
      const result = await el.signOutDevices('others');
      await el.updateComplete;
      expect(result.outcome).to.equal('failed');
      expect(rowTexts(el)).to.deep.equal([HERE_ROW, IPHONE_ROW]);
    });
  });

  describe('reverification', () => {
    it('Clerk asks to reverify and it is not done: a clear message (role="alert"), sign-out-error with ReverificationRequiredError', async () => {
      const { clerk, phone } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      clerk.requireReverification(1);
      deviceButton(el, 'iPhone').click();
      await until(() => events.of('sign-out-error').length === 1);
      await el.updateComplete;
      const { detail } = events.of('sign-out-error')[0] as SignOutErrorEvent;
      expect(detail.error).to.be.instanceOf(ReverificationRequiredError);
      expect(detail.sessionIds).to.deep.equal([phone]);
      expect(errorText(el)).to.equal(
        'Clerk needs you to confirm it is you before signing out other devices. Verify your identity, then try again.',
      );
      expect(parts(el, 'device')).to.have.length(4);
      await expect(el).to.be.accessible();
    });

    it("by default opens Clerk's verification modal when Clerk's UI is loaded, then signs the device out", async () => {
      const { clerk, phone } = adaEverywhere({ uiVersion: '1.36.0' });
      const { el } = await mountDevices(clerk);
      clerk.requireReverification(1);
      deviceButton(el, 'iPhone').click();
      await until(() => events.of('device-signed-out').length === 1);
      expect(clerk.openReverificationCalls).to.equal(1);
      expect(clerk.revokeCalls).to.deep.equal([phone, phone]);
      await until(() => parts(el, 'device').length === 3);
    });

    it("uses the app's own `reverify`", async () => {
      const { clerk } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      const asked: string[][] = [];
      el.reverify = async ({ sessionIds }) => {
        asked.push([...sessionIds]);
        clerk.requireReverification(0);
        return true;
      };
      clerk.requireReverification(3);
      const result = await el.signOutDevices('others');
      expect(result.outcome).to.equal('signed-out');
      expect(asked).to.have.length(1);
      expect(asked[0]).to.have.length(3);
      expect(clerk.openReverificationCalls).to.equal(0);
    });
  });

  describe('keyboard', () => {
    it('Tab reaches each action in order; Enter signs the focused device out and focus moves to the next', async () => {
      const { clerk, phone, mac } = adaEverywhere();
      const { el } = await mountDevices(clerk);
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      await pressKeys('Tab');
      expectFocusOn(deviceButton(el, 'iPhone'), 'the iPhone');
      await pressKeys('Tab');
      expectFocusOn(deviceButton(el, 'Macintosh'), 'the Mac');
      await pressKeys('Shift+Tab');
      expectFocusOn(deviceButton(el, 'iPhone'), 'the iPhone again');
      await pressKeys('Enter');
      await until(() => clerk.revokeCalls.length === 1 && parts(el, 'device').length === 3);
      await el.updateComplete;
      expect(clerk.revokeCalls).to.deep.equal([phone]);
      expectFocusOn(deviceButton(el, 'Macintosh'), 'the Mac, next after the iPhone');
      await pressKeys('Space');
      await until(() => parts(el, 'device').length === 2);
      expect(clerk.revokeCalls).to.deep.equal([phone, mac]);
      await pressKeys('Tab');
      expectFocusOn(part(el, 'sign-out-others'), '"Sign out of all other devices"');
      before.remove();
    });
  });

  it('the list is a fresh read after each sign-out, not what the element guessed', async () => {
    const { clerk, mac } = adaEverywhere();
    const { el } = await mountDevices(clerk);
    clerk.revokeElsewhere(mac); // gone meanwhile: the next read no longer has it
    clerk.addDevice({ activity: { deviceType: 'iPad', isMobile: true }, lastActiveAt: new Date(Date.now() - HOUR) });
    deviceButton(el, 'iPhone').click();
    await until(() => events.of('device-signed-out').length === 1);
    await el.updateComplete;
    expect(rowTexts(el).map((row) => row.split('|')[0])).to.deep.equal(['Linux', 'iPad', 'Desktop device']);
  });
});
