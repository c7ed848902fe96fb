// Two providers with different publishable keys on one page, on the REAL clerk-js (script route): clerk-js allows one
// Clerk per page, so the second gets the first one's instance (window.Clerk), and says so once, naming both hosts.
import '../../../src/testing/isolate-tabs.js';
import { expect, fixture } from '@open-wc/testing';
import { html, nothing } from 'lit';
import type { ClerkProvider } from '../../../src/index.js';
import { CLERK_JS } from '../../support/clerk-js.js';
import { captureConsole, until } from '../../support/fixtures.js';
import { mountCdnClerk, signedInTenant } from '../../support/real-clerk.js';

describe('real clerk-js, script route: a second <clerk-provider> with another publishable key', () => {
  it("uses the page's one Clerk, and warns once naming both Frontend API hosts", async function () {
    this.timeout(20_000);
    const { emulator } = await signedInTenant();
    const { clerk } = await mountCdnClerk(emulator, html`<span></span>`);
    expect(clerk.publishableKey).to.equal(emulator.publishableKey);
    const otherKey = `pk_live_${btoa('clerk.other.example$')}`;
    let second!: ClerkProvider;
    const seen = await captureConsole(async () => {
      second = await fixture<ClerkProvider>(
        html`<clerk-provider
          publishable-key=${otherKey}
          proxy-url=${emulator.proxyUrl}
          clerk-js-version=${CLERK_JS.major === '6' ? nothing : CLERK_JS.major}
        ></clerk-provider>`,
      );
      await until(() => second.state.status !== 'loading', 'the second provider to settle', 8000);
    });
    expect(second.state.clerk, "the page's one Clerk").to.equal(clerk);
    expect(document.querySelectorAll('script[src*="clerk.browser.js"]')).to.have.length(1);
    expect(seen.warn.filter((message) => message.startsWith('<clerk-provider'))).to.have.length(1);
    expect(seen.warn[0])
      .to.contain('clerk.other.example')
      .and.contain(atob(emulator.publishableKey.slice(8)).slice(0, -1));
  });
});
