import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import type { SignOutErrorEvent } from '../../../src/index.js';
import { recordEvents, until } from '../../support/fixtures.js';
import { settle } from '../../support/idle-clock.js';
import { idlePart, sessionEndsOf } from '../../support/idle.js';
import { IDLE_TIMEOUT_S, mountIdlePage } from '../../support/real-idle.js';
import { clientOnReload, lines, signedInTenant } from '../../support/real-clerk.js';

describe('real clerk-js: <clerk-idle-sign-out>, the Frontend API refuses the sign-out', () => {
  it('keeps the content hidden (never signed-out content), reports sign-out-error, and retries until Clerk confirms', async function () {
    this.timeout(40_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const events = recordEvents('idle-warning', 'sign-out', 'signed-out', 'sign-out-error', 'session-end');
    const page = await mountIdlePage(emulator);
    const { el, provider, time, navigations } = page;
    const seen = new Set<string>();
    const watch = setInterval(() => seen.add(page.shown()), 1);
    try {
      await emulator.fault('signOutAll', { status: 500, times: 1 });
      await emulator.clearRequests();
      seen.clear();
      await time.advance(IDLE_TIMEOUT_S * 1000);
      seen.clear(); // from the deadline on
      seen.add(page.shown());
      await until(() => events.of('sign-out-error').length === 1, 'sign-out-error', 8000);
      const [failed] = events.of('sign-out-error') as SignOutErrorEvent[];
      expect(failed.detail.sessionIds).to.deep.equal([session.id]);
      await settle();
      expect(provider.state.concealed).to.equal(true);
      expect(page.shown()).to.equal('nothing');
      expect(idlePart(el, 'error')?.textContent).to.contain('Trying again');
      expect(el.phase).to.equal('signing-out');
      const [refused] = await emulator.requests();
      expect(`${refused.method} ${refused.path} ${refused.status}`).to.equal('DELETE /v1/client/sessions 500');
      expect((await clientOnReload(emulator)).sessionIds, 'still signed in on the server').to.deep.equal([session.id]);
      expect(events.of('signed-out')).to.have.length(0);

      await emulator.clearRequests();
      await time.advance(2000); // the first retry
      await until(() => events.of('signed-out').length === 1, 'signed-out after the retry', 8000);
      await until(() => page.shown() === 'signed-out', 'the signed-out content', 8000);
      clearInterval(watch);
      expect(
        [...seen].filter((what) => what === 'signed-in'),
        'shown after the deadline',
      ).to.deep.equal([]);
      expect(lines(await emulator.requests()).filter((line) => line === 'DELETE /v1/client/sessions')).to.have.length(
        1,
      );
      expect(page.signOutKinds).to.deep.equal(['idle-sign-out', 'idle-sign-out']);
      expect(events.events.map((event) => event.type)).to.deep.equal([
        'idle-warning',
        'sign-out',
        'sign-out-error',
        'sign-out',
        'session-end',
        'signed-out',
      ]);
      await until(() => navigations.length > 0, 'the redirect', 8000);
      expect((await clientOnReload(emulator)).sessionIds).to.deep.equal([]);
      expect(sessionEndsOf(events), 'one session end, named idle').to.deep.equal(['idle']);
    } finally {
      clearInterval(watch);
      events.stop();
      time.restore();
    }
  });
});
