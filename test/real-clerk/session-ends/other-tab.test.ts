import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { until } from '../../support/fixtures.js';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { now, openOtherTab, recordSessionEnds, report, sleep } from '../../support/real-session-ends.js';

describe('session-end on the real clerk-js: another tab signs out', () => {
  it('reads other-tab (clerk-js there tells this tab on its BroadcastChannel, then this tab re-reads its client)', async function () {
    this.timeout(30_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const { provider } = await mountNpmClerk(emulator, html`<clerk-signed-in></clerk-signed-in>`);
    const tab = await openOtherTab(emulator);
    const { ends, stop } = recordSessionEnds();
    let signedOutThere = 0;
    await tab.clerk.signOut(() => void (signedOutThere = now()));
    await until(() => ends.length > 0, "this page's session-end", 8000);
    await sleep(500);
    stop();
    tab.remove();

    expect(ends.map(({ at: _at, ...end }) => end)).to.deep.equal([
      { sessionId: session.id, userId: session.userId, reason: 'other-tab' },
    ]);
    expect(provider.state.user).to.equal(null);
    report('other tab: its sign-out done → session-end here', ends[0].at - signedOutThere);
  });
});
