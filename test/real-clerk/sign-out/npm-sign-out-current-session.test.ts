import '../../../src/testing/isolate-tabs.js';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../../src/index.js';
import {
  clickAndSignOut,
  expectCurrentSessionSignedOut,
  mountNpmClerk,
  signedInTenant,
} from '../../support/real-clerk.js';

describe('real clerk-js, npm route: scope="current" in a multi-session client', () => {
  it('sends POST …/{current}/remove, redirects, and the remaining session is the active one on reload', async () => {
    const { emulator, sessions } = await signedInTenant(2);
    const [remaining, current] = sessions;
    const { clerk, el, navigations } = await mountNpmClerk<ClerkSignOutButton>(
      emulator,
      html`<clerk-sign-out-button scope="current"></clerk-sign-out-button>`,
    );

    const { detail } = await clickAndSignOut(emulator, el);

    await expectCurrentSessionSignedOut({ emulator, clerk, navigations }, { current, remaining }, detail);
  });
});
