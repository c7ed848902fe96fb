import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { CLERK_JS } from '../../support/clerk-js.js';
import { bringToFront } from '../../support/engine.js';
import { until } from '../../support/fixtures.js';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import {
  now,
  recordSessionEnds,
  report,
  requestsSince,
  setVisibility,
  sleep,
} from '../../support/real-session-ends.js';

/** Tokens this short make the test take seconds, not Clerk's default 60 s lifetime's 43–50 s. */
const TOKEN_SECONDS = 30;
/**
 * When clerk-js asks for the next token: clerk-js 6 arms a timer for 15 s + 2 s before the token expires; clerk-js 5
 * drops a token with less than 15 s left and its poller (every 5 s) asks again, so 10 to 15 s before.
 */
const REFRESH_AFTER_S = CLERK_JS.major === '5' ? TOKEN_SECONDS - 10 : TOKEN_SECONDS - 17;

describe('session-end on the real clerk-js: revoked while the tab stays visible (no focus change)', () => {
  it("learned at the next token refresh, within Clerk's refresh interval", async function () {
    this.timeout(TOKEN_SECONDS * 1000 + 20_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    await emulator.setTokenLifetime(TOKEN_SECONDS);
    // Visible for real: a background tab's timers are throttled, clerk-js's token refresh among them. Brought to the
    // front before clerk-js loads: the focus that comes with it would make clerk-js touch the session, and this test is
    // about a tab whose focus does not change.
    await bringToFront();
    setVisibility('visible');
    await sleep(300);
    const loaded = now();
    await mountNpmClerk(emulator, html`<clerk-signed-in></clerk-signed-in>`);
    const since = Date.now();
    const { ends, stop } = recordSessionEnds();
    await emulator.revokeSession(session.id);
    const revoked = now();
    // Learned by the token refresh, before the token this page holds expires: Clerk's refresh interval. (On a loaded
    // machine running two pages at once, a window of refresh + 8 s was once missed: the wait allows the whole lifetime.)
    await until(() => ends.length > 0, 'session-end', (TOKEN_SECONDS + 5) * 1000).catch(async (error: Error) => {
      const seen = (await requestsSince(emulator, since)).join(' | ');
      throw new Error(
        `${error.message}; visibility ${document.visibilityState}, focus ${document.hasFocus()}; ${seen}`,
      );
    });
    stop();

    expect(ends.map(({ at: _at, ...end }) => end)).to.deep.equal([
      { sessionId: session.id, userId: session.userId, reason: 'revoked' },
    ]);
    expect((await requestsSince(emulator, since)).slice(0, 2), 'a token refresh answered 401').to.deep.equal([
      `POST /v1/client/sessions/${session.id}/tokens`,
      'GET /v1/client',
    ]);
    const afterLoad = (ends[0].at - loaded) / 1000;
    expect(afterLoad, 'seconds after the token was issued: at its refresh, within its lifetime').to.be.within(
      REFRESH_AFTER_S - 2,
      TOKEN_SECONDS,
    );
    report(`revoked, visible tab, ${TOKEN_SECONDS} s tokens: revocation → session-end`, ends[0].at - revoked);
  });
});
