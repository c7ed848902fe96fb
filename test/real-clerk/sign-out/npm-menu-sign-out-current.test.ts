import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkUserMenu, SignedOutEvent } from '../../../src/index.js';
import { adaAndGrace, menuItem, shownName } from '../../support/fake-menu.js';
import { currentSessionSignOutLines, mountNpmClerk, nextEvent, signOutLines } from '../../support/real-clerk.js';
import { until } from '../../support/fixtures.js';

describe('real clerk-js, npm route: <clerk-user-menu> "Sign out" with another account signed in', () => {
  it('removes only the current session and then shows the remaining account', async () => {
    const { emulator, ada, grace } = await adaAndGrace();
    const {
      clerk,
      el: menu,
      navigations,
    } = await mountNpmClerk<ClerkUserMenu>(emulator, html`<clerk-user-menu show-name></clerk-user-menu>`);
    expect(shownName(menu)).to.equal('Grace Hopper');
    document.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
    await emulator.clearRequests();

    const signedOut = nextEvent<SignedOutEvent>('signed-out');
    (await menuItem(menu, 'sign-out')).click();
    const { detail } = await signedOut;

    expect(detail).to.deep.equal({
      sessionIds: [grace.id],
      userId: grace.userId,
      redirectUrl: new URL('/', location.href).href,
    });
    expect(currentSessionSignOutLines(grace.id, ada.id)).to.deep.include(signOutLines(await emulator.requests()));
    expect((await emulator.state()).sessions.map((session) => session.id)).to.deep.equal([ada.id]);
    await until(() => clerk.session?.id === ada.id, 'Ada to be the active account', 8000);
    await menu.updateComplete;
    expect(shownName(menu)).to.equal('Ada Lovelace');
    expect(navigations).to.deep.equal([]);
  });
});
