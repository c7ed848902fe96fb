import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignOutButton } from '../../../src/index.js';
import { until } from '../../support/fixtures.js';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { openOtherTab, recordSessionEnds, sleep } from '../../support/real-session-ends.js';

describe('session-end on the real clerk-js: an idle sign-out in another tab', () => {
  it('reads idle there and here: that tab tells this one why (clerk-js itself only says "signout")', async function () {
    this.timeout(30_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const { provider } = await mountNpmClerk(
      emulator,
      html`<clerk-signed-out reason="idle"
        ><p>You were signed out after a while without activity.</p></clerk-signed-out
      >`,
    );
    const tab = await openOtherTab(emulator, { elements: true });
    const { ends, stop } = recordSessionEnds();
    // What <clerk-idle-sign-out> does there: the one sign-out flow, as the action kind 'idle-sign-out'.
    const { runFlow, signOutFlow } = tab.kit!;
    const host = tab.provider!.querySelector<ClerkSignOutButton>('clerk-sign-out-button')!;
    host.addEventListener('signed-out', (event) => event.preventDefault());
    const request = { host, state: tab.provider!.state };
    const result = await runFlow(request, { ...signOutFlow(request), kind: 'idle-sign-out' });
    expect(result.outcome, 'the idle sign-out in the other tab').to.equal('signed-out');
    await until(() => ends.length > 0, "this page's session-end", 8000);
    await sleep(500);
    stop();
    tab.remove();

    const expected = { sessionId: session.id, userId: session.userId, reason: 'idle' };
    expect(tab.provider!.state.sessionEnd, 'the other tab').to.deep.equal(expected);
    expect(
      ends.map(({ at: _at, ...end }) => end),
      'this page',
    ).to.deep.equal([expected]);
    const notice = provider.querySelector('clerk-signed-out')!;
    await notice.updateComplete;
    expect(notice.active, '<clerk-signed-out reason="idle">').to.equal(true);
  });
});
