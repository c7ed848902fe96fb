import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkUserMenu, SessionSwitchedEvent } from '../../../src/index.js';
import { adaAndGrace, menuItem, shownName } from '../../support/fake-menu.js';
import { lines, mountNpmClerk, nextEvent } from '../../support/real-clerk.js';
import { until } from '../../support/fixtures.js';

describe('real clerk-js, npm route: <clerk-user-menu> switching account', () => {
  it('makes the other account active through clerk.setActive, without signing anyone out', async () => {
    const { emulator, ada, grace } = await adaAndGrace();
    const { clerk, el: menu } = await mountNpmClerk<ClerkUserMenu>(
      emulator,
      html`<clerk-user-menu show-name></clerk-user-menu>`,
    );
    await emulator.clearRequests();

    const switched = nextEvent<SessionSwitchedEvent>('session-switched');
    (await menuItem(menu, 'switch-account', 'Ada')).click();
    const { detail } = await switched;

    expect(detail.sessionId).to.equal(ada.id);
    expect(detail.userId).to.equal(ada.userId);
    await until(() => clerk.session?.id === ada.id, 'Ada to be active', 8000);
    await menu.updateComplete;
    expect(shownName(menu)).to.equal('Ada Lovelace');
    // clerk-js tells the server (touch) only while the page has focus; nothing else is sent, and nobody is signed out.
    expect([[], [`POST /v1/client/sessions/${ada.id}/touch`]]).to.deep.include(lines(await emulator.requests()));
    expect((await emulator.state()).sessions.map((session) => session.id).sort()).to.deep.equal(
      [ada.id, grace.id].sort(),
    );
  });
});
