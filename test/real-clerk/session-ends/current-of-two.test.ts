import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkUserMenu } from '../../../src/index.js';
import { until } from '../../support/fixtures.js';
import { adaAndGrace, menuItem } from '../../support/fake-menu.js';
import { mountNpmClerk } from '../../support/real-clerk.js';
import { recordSessionEnds, sleep } from '../../support/real-session-ends.js';

describe('session-end on the real clerk-js: the current account of two signs out', () => {
  it('one session-end for it (sign-out); the other account stays signed in and shows, and fires nothing', async function () {
    this.timeout(20_000);
    const { emulator, ada, grace } = await adaAndGrace();
    const {
      provider,
      clerk,
      el: menu,
    } = await mountNpmClerk<ClerkUserMenu>(emulator, html`<clerk-user-menu></clerk-user-menu>`);
    document.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
    const { ends, stop } = recordSessionEnds();
    (await menuItem(menu, 'sign-out')).click();
    await until(() => clerk.session?.id === ada.id, 'Ada to be the active account', 8000);
    await sleep(500);
    stop();

    expect(ends.map(({ at: _at, ...end }) => end)).to.deep.equal([
      { sessionId: grace.id, userId: grace.userId, reason: 'sign-out' },
    ]);
    expect(provider.state.user?.id).to.equal(ada.userId);
    expect(provider.state.sessionEnd?.sessionId).to.equal(grace.id);
  });
});
