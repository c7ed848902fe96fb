import '../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../src/index.js';
import { CLERK_JS } from '../support/clerk-js.js';
import {
  clickAndSignOut,
  currentSessionSignOutLines,
  clientOnReload,
  mountCdnClerk,
  signedInTenant,
  signOutLines,
} from '../support/real-clerk.js';
import { until } from '../support/fixtures.js';

const SELF_HOSTED = `${CLERK_JS.packagePath}/dist/clerk.browser.js`;

describe('real clerk-js, CDN route: <clerk-provider clerk-js-url> (a self-hosted clerk.browser.js)', () => {
  it('loads the script from clerk-js-url, talks to the proxy, and scope="current" removes the current session', async () => {
    const { emulator, sessions } = await signedInTenant(2);
    const [remaining, current] = sessions;
    const { clerk, el, navigations } = await mountCdnClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button scope="current"></clerk-sign-out-button>`,
      SELF_HOSTED,
    );
    const script = document.querySelector<HTMLScriptElement>('script[src*="clerk.browser.js"]');
    expect(script?.src).to.equal(new URL(SELF_HOSTED, location.href).href);
    expect(clerk).to.equal(window.Clerk);
    expect(clerk.session?.id).to.equal(current.id);

    const { detail } = await clickAndSignOut(emulator, el);

    expect(currentSessionSignOutLines(current.id, remaining.id)).to.deep.include(
      signOutLines(await emulator.requests()),
    );
    await until(() => clerk.session?.id === remaining.id, 'the remaining session to be active', 8000);
    expect(detail).to.deep.equal({
      sessionIds: [current.id],
      userId: current.userId,
      redirectUrl: new URL('/', location.href).href,
    });
    await until(() => navigations.length > 0, 'the redirect', 8000);
    expect(await clientOnReload(emulator)).to.deep.equal({
      sessionIds: [remaining.id],
      lastActiveSessionId: remaining.id,
    });
  });
});
