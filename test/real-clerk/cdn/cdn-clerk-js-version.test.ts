// CDN route with the provider's clerk-js-version, against the emulator: it serves `/npm/@clerk/clerk-js@<major>/…` from
// the installed clerk-js of that major, as Clerk's Frontend API serves the newest of that major. Each run asks for the
// OTHER major than the one it tests (the Core 3 run for "5", the Core 2 run for "6"); the other tests of the run cover
// its own. One scenario per file (window.Clerk).
import '../../../src/testing/isolate-tabs.js';
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkProvider, ClerkSignOutButton } from '../../../src/index.js';
import { CLERK_JS, INSTALLED_CLERK_JS, clerkScriptPath } from '../../support/clerk-js.js';
import {
  claimPageForClerk,
  clickAndSignOut,
  clientOnReload,
  expectClerkUnderTest,
  lines,
  recordingNavigation,
  signedInTenant,
} from '../../support/real-clerk.js';
import { until } from '../../support/fixtures.js';

const other = INSTALLED_CLERK_JS[CLERK_JS.major === '6' ? '5' : '6'];

describe(`real clerk-js, CDN route: <clerk-provider clerk-js-version="${other.major}">`, () => {
  it(`loads clerk-js ${other.version} from the emulator, which speaks its own API version, and signs out with ONE request`, async () => {
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    claimPageForClerk();
    const { navigations, options } = recordingNavigation();
    const provider = await fixture<ClerkProvider>(html`
      <clerk-provider
        publishable-key=${emulator.publishableKey}
        proxy-url=${emulator.proxyUrl}
        clerk-js-version=${other.major}
        .options=${options}
        ><clerk-sign-out-button></clerk-sign-out-button
      ></clerk-provider>
    `);
    await until(() => provider.state.status === 'ready', 'Clerk to load', 8000);
    const script = document.querySelector<HTMLScriptElement>('script[src*="clerk.browser.js"]');
    expect(script?.src).to.equal(`${emulator.proxyUrl}${clerkScriptPath(other.major)}`);
    await expectClerkUnderTest(window.Clerk, emulator, other);
    expect(lines(await emulator.requests())).to.deep.equal(['GET /v1/environment', 'GET /v1/client']);
    expect(provider.state.user?.id).to.equal(session.userId);

    const el = provider.querySelector<ClerkSignOutButton>('clerk-sign-out-button')!;
    await el.updateComplete;
    const { detail } = await clickAndSignOut(emulator, el);

    expect(lines(await emulator.requests())).to.deep.equal(['DELETE /v1/client/sessions']);
    await expectClerkUnderTest(window.Clerk, emulator, other);
    expect(detail.sessionIds).to.deep.equal([session.id]);
    await until(() => provider.state.user === null, 'the provider to show signed out', 8000);
    await until(() => navigations.length > 0, 'the redirect', 8000);
    expect((await clientOnReload(emulator)).sessionIds).to.deep.equal([]);
  });
});
