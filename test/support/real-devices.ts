// Other devices on the real clerk-js: a user signed in here and elsewhere, this page's Clerk, and a page of
// another device.
import { html } from 'lit';
import type { ClerkLike } from '../../src/clerk/clerk.js';
import type { RevokeDevicesRequest } from '../../src/flows/devices/revoke.js';
import {
  connectEmulator,
  type EmulatorConnection,
  type EmulatorDevice,
  type EmulatorSession,
  type EmulatorUser,
} from '../../src/testing/index.js';
import { clerkScriptPath } from './clerk-js.js';
import { HERE, MAC, PHONE } from './sample-activities.js';
import { mountNpmClerk, type Mounted } from './real-clerk.js';
import { until } from './fixtures.js';

export interface AdaEverywhere {
  emulator: EmulatorConnection;
  ada: EmulatorUser;
  /** This page's session. */
  here: EmulatorSession;
  /** Last active an hour ago. */
  phone: EmulatorDevice;
  /** Last active two hours ago. */
  laptop: EmulatorDevice;
  /** The session id of a device's (only) session. */
  sid(device: EmulatorDevice): string;
}

/** A fresh tenant: Ada signed in on this page (Chrome in Berlin), on a phone and on a laptop. */
export async function adaEverywhere(): Promise<AdaEverywhere> {
  const emulator = connectEmulator();
  await emulator.reset();
  const ada = await emulator.createUser({ firstName: 'Ada', lastName: 'Lovelace' });
  const here = await emulator.signIn(ada, { activity: HERE });
  const phone = await emulator.addDevice(ada, { activity: PHONE, lastActiveAt: Date.now() - 3600_000 });
  const laptop = await emulator.addDevice(ada, { activity: MAC, lastActiveAt: Date.now() - 2 * 3600_000 });
  return { emulator, ada, here, phone, laptop, sid: (device) => device.sessions[0].id };
}

export interface DevicesPage extends Mounted<HTMLElement> {
  /** A revokeDevices request from this page's host element, with the provider's current state. */
  request(more?: Partial<RevokeDevicesRequest>): RevokeDevicesRequest;
}

/** This page: the npm clerk-js in a <clerk-provider>, with a plain element to act from (the elements come later). */
export async function mountDevicesPage(emulator: EmulatorConnection): Promise<DevicesPage> {
  const mounted = await mountNpmClerk<HTMLElement>(emulator, html`<div id="devices-host"></div>`);
  return {
    ...mounted,
    request: (more = {}) => ({ host: mounted.el, state: mounted.provider.state, sessionIds: 'others', ...more }),
  };
}

export interface DevicePage {
  frame: HTMLIFrameElement;
  /** That device's own clerk-js (`window.Clerk` of its page). */
  readonly clerk: ClerkLike & {
    session?: { id: string; getToken(options?: { skipCache?: boolean }): Promise<string | null> } | null;
  };
}

/**
 * A page of another device: a frame that loads Clerk's `clerk.browser.js` from the emulator with that device's proxy URL,
 * so every request of its clerk-js reaches the device's own client (as another browser reaches its own client through
 * its own cookies). Same origin as this page, so the test can read its `Clerk`; its BroadcastChannel is its own (another
 * device hears nothing of this page's sign-outs), and it does not import the tab-isolation shim, which would join it to
 * this page's channel.
 */
export async function openDevicePage(emulator: EmulatorConnection, device: EmulatorDevice): Promise<DevicePage> {
  const proxyUrl = emulator.deviceProxyUrl(device);
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><script>
    Object.defineProperty(Navigator.prototype, 'webdriver', { configurable: true, get: () => false });
    const Native = BroadcastChannel;
    globalThis.BroadcastChannel = class DeviceChannel extends Native {
      constructor(name) { super(name + '::device-' + ${JSON.stringify(device.clientId)}); }
    };
  </script><script type="module">
    const report = (message) => parent.postMessage(message, '*');
    try {
      await new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = ${JSON.stringify(proxyUrl + clerkScriptPath())};
        script.dataset.clerkPublishableKey = ${JSON.stringify(emulator.publishableKey)};
        script.dataset.clerkProxyUrl = ${JSON.stringify(proxyUrl)};
        script.onload = resolve;
        script.onerror = () => reject(new Error('clerk.browser.js did not load'));
        document.head.append(script);
      });
      await Clerk.load({ telemetry: false });
      report({ device: 'loaded' });
    } catch (error) {
      report({ device: 'failed', message: String(error) });
    }
  </script>`;
  await new Promise<void>((resolve, reject) => {
    window.addEventListener('message', function listen({ source, data }) {
      if (source !== frame.contentWindow) return;
      window.removeEventListener('message', listen);
      if (data.device === 'loaded') resolve();
      else reject(new Error(`the device page: ${data.message}`));
    });
    document.body.append(frame);
  });
  return {
    frame,
    get clerk() {
      return (frame.contentWindow as unknown as { Clerk: DevicePage['clerk'] }).Clerk;
    },
  };
}

/**
 * What that device's page does next, as any app does when its session token is due: asks clerk-js for a fresh token.
 * Resolves once its clerk-js has settled (signed in with a token, or signed out).
 */
export async function deviceAsksForToken(page: DevicePage): Promise<{ token: string | null; error: string | null }> {
  const clerk = page.clerk;
  let token: string | null = null;
  let error: string | null = null;
  try {
    token = (await clerk.session?.getToken({ skipCache: true })) ?? null;
  } catch (thrown) {
    error = String((thrown as Error)?.message ?? thrown);
  }
  if (error) await until(() => clerk.user === null, "the device's clerk-js to settle on signed out", 8000);
  return { token, error };
}
