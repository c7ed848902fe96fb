import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { until } from '../../support/fixtures.js';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { emitFocus, openOtherTab, recordSessionEnds, sleep } from '../../support/real-session-ends.js';

describe('session-end on the real clerk-js: another tab learns of a revocation first', () => {
  it('reads revoked there and here, not other-tab: that tab tells this one why', async function () {
    this.timeout(30_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    await mountNpmClerk(emulator, html`<clerk-signed-in></clerk-signed-in>`);
    const tab = await openOtherTab(emulator, { elements: true });
    Object.defineProperty(tab.window.document, 'visibilityState', { configurable: true, get: () => 'visible' });
    const { ends, stop } = recordSessionEnds();
    await emulator.revokeSession(session.id);
    emitFocus(tab.window); // that tab regains focus: its clerk-js touches the session, gets a 401
    await until(() => ends.length > 0, "this page's session-end", 8000);
    await sleep(500);
    stop();
    const there = tab.provider!.state.sessionEnd;
    tab.remove();

    const expected = { sessionId: session.id, userId: session.userId, reason: 'revoked' };
    expect(there, 'the other tab').to.deep.equal(expected);
    expect(
      ends.map(({ at: _at, ...end }) => end),
      'this page',
    ).to.deep.equal([expected]);
  });
});
