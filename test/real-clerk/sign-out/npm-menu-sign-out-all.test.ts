import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkUserMenu, SignedOutEvent } from '../../../src/index.js';
import { adaAndGrace, menuItem } from '../../support/fake-menu.js';
import { lines, mountNpmClerk, nextEvent } from '../../support/real-clerk.js';
import { until } from '../../support/fixtures.js';

describe('real clerk-js, npm route: <clerk-user-menu> "Sign out of all accounts"', () => {
  it('ends every session with one DELETE /v1/client/sessions, redirects, and the menu disappears', async () => {
    const { emulator, ada, grace } = await adaAndGrace();
    const {
      provider,
      el: menu,
      navigations,
    } = await mountNpmClerk<ClerkUserMenu>(emulator, html`<clerk-user-menu></clerk-user-menu>`);
    await emulator.clearRequests();

    const signedOut = nextEvent<SignedOutEvent>('signed-out');
    (await menuItem(menu, 'sign-out-all')).click();
    const { detail } = await signedOut;

    expect(lines(await emulator.requests())).to.deep.equal(['DELETE /v1/client/sessions']);
    expect([...detail.sessionIds].sort()).to.deep.equal([ada.id, grace.id].sort());
    expect(detail.userId).to.equal(grace.userId);
    await until(() => navigations.length > 0, 'the redirect', 8000);
    expect(navigations).to.deep.equal(['/']);
    expect((await emulator.state()).sessions).to.deep.equal([]);
    await until(() => provider.state.user === null, 'the provider to show nobody signed in', 8000);
    await menu.updateComplete;
    expect(menu.shadowRoot!.querySelector('[part~="trigger"]')).to.equal(null);
  });
});
