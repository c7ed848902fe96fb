import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton, ClerkUserMenu } from '../../../src/index.js';
import type { EmulatorConnection } from '../../../src/testing/index.js';
import { recordEvents, until } from '../../support/fixtures.js';
import { menuItem } from '../../support/fake-menu.js';
import { lines, mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';

/**
 * "Another tab" of this page: a same-origin iframe that loads Clerk's own `clerk.browser.js` from the emulator, signs in
 * from the shared client and signs out (with a callback, so the frame does not navigate). It imports the tab-isolation
 * shim first, which gives it this page's channel suffix: the two hear each other over BroadcastChannel('clerk').
 */
function signOutInAnotherTab(emulator: EmulatorConnection): Promise<{ user: string | null }> {
  const shim = new URL('../../../src/testing/isolate-tabs.ts', import.meta.url).href;
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><script type="module">
    const report = (message) => parent.postMessage(message, '*');
    try {
      await import(${JSON.stringify(shim)});
      await new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = ${JSON.stringify(`${emulator.proxyUrl}/npm/@clerk/clerk-js@6/dist/clerk.browser.js`)};
        script.dataset.clerkPublishableKey = ${JSON.stringify(emulator.publishableKey)};
        script.dataset.clerkProxyUrl = ${JSON.stringify(emulator.proxyUrl)};
        script.onload = resolve;
        script.onerror = () => reject(new Error('clerk.browser.js did not load'));
        document.head.append(script);
      });
      await Clerk.load({ telemetry: false });
      const user = Clerk.user?.id ?? null;
      await Clerk.signOut(() => report({ tab: 'signed-out', user }));
    } catch (error) {
      report({ tab: 'failed', message: String(error) });
    }
  </script>`;
  return new Promise((resolve, reject) => {
    window.addEventListener('message', function listen({ source, data }) {
      if (source !== frame.contentWindow) return;
      window.removeEventListener('message', listen);
      if (data.tab === 'signed-out') resolve({ user: data.user });
      else reject(new Error(`the other tab: ${data.message}`));
    });
    document.body.append(frame);
  });
}

describe('sign-out in another tab', () => {
  it("<clerk-provider> · another tab signs out: this page's Clerk refetches its client and every element shows signed out", async function () {
    this.timeout(20_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const events = recordEvents('signed-out', 'sign-out-error', 'menu-close');
    const {
      provider,
      clerk,
      el: button,
    } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button></clerk-sign-out-button><clerk-user-menu></clerk-user-menu>`,
    );
    const menu = provider.querySelector<ClerkUserMenu>('clerk-user-menu')!;
    await menuItem(menu, 'sign-out'); // the menu is open in this tab
    await emulator.clearRequests();

    const { user } = await signOutInAnotherTab(emulator);

    expect(user, 'the other tab was signed in as the same user').to.equal(session.userId);
    await until(() => provider.state.user === null, 'this page to show signed out', 8000);
    expect(clerk.user, "this page's Clerk").to.equal(null);
    expect((await emulator.state()).sessions, 'server sessions').to.deep.equal([]);
    const log = lines(await emulator.requests());
    expect(
      log.filter((line) => line === 'DELETE /v1/client/sessions'),
      'one sign-out request, from the other tab',
    ).to.have.length(1);
    expect(log.slice(log.indexOf('DELETE /v1/client/sessions')), 'this page then refetched its client').to.include(
      'GET /v1/client',
    );
    await button.updateComplete;
    await menu.updateComplete;
    expect(button.shadowRoot?.querySelector('[part~="button"]'), 'the sign-out button').to.equal(null);
    expect(menu.shadowRoot?.querySelector('[part~="trigger"]'), "the menu's trigger").to.equal(null);
    expect(menu.open, 'the menu').to.equal(false);
    expect(events.of('menu-close').map((event) => event.detail.reason)).to.deep.equal(['user-changed']);
    expect(events.of('sign-out-error'), 'sign-out-error events').to.have.length(0);
    events.stop();
  });
});
