import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../../src/index.js';
import { CLERK_JS } from '../../support/clerk-js.js';
import {
  clickAndSignOut,
  expectCurrentSessionSignedOut,
  mountCdnClerk,
  signedInTenant,
} from '../../support/real-clerk.js';

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

    await expectCurrentSessionSignedOut({ emulator, clerk, navigations }, { current, remaining }, detail);
  });
});
