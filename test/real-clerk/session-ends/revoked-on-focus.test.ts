import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignedOut } from '../../../src/index.js';
import { until } from '../../support/fixtures.js';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import {
  emitFocus,
  setVisibility,
  now,
  recordSessionEnds,
  report,
  requestsSince,
  sleep,
} from '../../support/real-session-ends.js';

describe('session-end on the real clerk-js: revoked on the server, learned when the tab regains focus', () => {
  it('one request per focus change, none while hidden; revoked: session-end within 2 s of the focus', async function () {
    this.timeout(30_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const { provider } = await mountNpmClerk(
      emulator,
      html`<clerk-signed-out reason="revoked"><p>Your session was ended from another device.</p></clerk-signed-out>`,
    );
    setVisibility('visible');
    const notice = provider.querySelector<ClerkSignedOut>('clerk-signed-out')!;
    await sleep(300);
    const touch = `POST /v1/client/sessions/${session.id}/touch`;

    // clerk-js touches the session on each focus (multi-session mode; Clerk throttles single-session apps to one per 5 s).
    let since = Date.now();
    for (let i = 0; i < 3; i++) {
      emitFocus();
      await sleep(300);
    }
    expect(await requestsSince(emulator, since), 'three focus changes').to.deep.equal([touch, touch, touch]);

    since = Date.now();
    setVisibility('hidden');
    emitFocus(); // focus while the page reports hidden
    await sleep(1500);
    setVisibility('visible'); // back to visible: clerk-js reads its cached token
    await sleep(500);
    expect(await requestsSince(emulator, since), 'while hidden, and on becoming visible').to.deep.equal([]);

    await emulator.revokeSession(session.id);
    await sleep(300);
    expect(provider.state.user?.id, 'nothing is learned without a request').to.equal(session.userId);
    const { ends, stop } = recordSessionEnds();
    since = Date.now();
    const focused = now();
    emitFocus();
    await until(() => ends.length > 0, 'session-end', 2000);
    await sleep(500);
    stop();

    expect(ends.map(({ at: _at, ...end }) => end)).to.deep.equal([
      { sessionId: session.id, userId: session.userId, reason: 'revoked' },
    ]);
    expect(
      await requestsSince(emulator, since),
      'the touch answered 401, then clerk-js re-read its client',
    ).to.deep.equal([touch, 'GET /v1/client']);
    await notice.updateComplete;
    expect(notice.active, '<clerk-signed-out reason="revoked">').to.equal(true);
    report('revoked: focus → session-end', ends[0].at - focused);
  });
});
