import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import type { IdleWarningEvent, SignedOutEvent } from '../../../src/index.js';
import { recordEvents, until } from '../../support/fixtures.js';
import { settle } from '../../support/idle-clock.js';
import { idleDialog, idlePart, sessionEndsOf } from '../../support/idle.js';
import { IDLE_TIMEOUT_S, IDLE_WARNING_S, mountIdlePage } from '../../support/real-idle.js';
import { clientOnReload, lines, signedInTenant, signOutLines } from '../../support/real-clerk.js';

describe('real clerk-js: <clerk-idle-sign-out>, idle until the deadline', () => {
  it('warns, then hides the signed-in content before the request completes, and signs out once (idle-sign-out)', async function () {
    this.timeout(30_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    const events = recordEvents('idle-warning', 'sign-out', 'signed-out', 'sign-out-error', 'session-end');
    const page = await mountIdlePage(emulator);
    const { el, provider, time, navigations } = page;
    try {
      expect(page.shown()).to.equal('signed-in');
      await emulator.clearRequests();

      await time.advance((IDLE_TIMEOUT_S - IDLE_WARNING_S) * 1000);
      await el.updateComplete;
      const [warning] = events.of('idle-warning') as IdleWarningEvent[];
      expect(warning?.detail.deadline).to.equal(time.now() + IDLE_WARNING_S * 1000);
      expect(idleDialog(el)?.open, 'the warning dialog').to.equal(true);
      expect(page.shown()).to.equal('signed-in');
      expect(signOutLines(await emulator.requests()), 'the warning sends nothing').to.deep.equal([]);

      // The sign-out request waits on the server until released: the content is hidden before it completes.
      await emulator.fault('signOutAll', { delayMs: 20_000, times: 1 });
      await time.advance(IDLE_WARNING_S * 1000);
      expect(el.phase).to.equal('signing-out');
      expect(provider.state.concealed, 'hidden at the deadline').to.equal(true);
      await until(() => page.signOutKinds.length === 1, 'the sign-out request', 8000);
      await settle();
      expect(page.shown(), 'while the request is on its way').to.equal('nothing');
      expect(await emulator.releaseDelays('signOutAll')).to.equal(1);

      await until(() => events.of('signed-out').length === 1, 'signed-out', 8000);
      const [signedOut] = events.of('signed-out') as SignedOutEvent[];
      expect(signedOut.detail).to.deep.equal({
        sessionIds: [session.id],
        userId: session.userId,
        redirectUrl: new URL('/', location.href).href,
      });
      await until(() => page.shown() === 'signed-out', 'the signed-out content', 8000);
      expect(page.signOutKinds).to.deep.equal(['idle-sign-out']);
      expect(events.events.map((event) => event.type)).to.deep.equal([
        'idle-warning',
        'sign-out',
        'session-end',
        'signed-out',
      ]);
      expect(lines(await emulator.requests()).filter((line) => line === 'DELETE /v1/client/sessions')).to.have.length(
        1,
      );
      await until(() => navigations.length > 0, 'the redirect', 8000);
      expect(navigations).to.deep.equal(['/']);
      expect(idlePart(el, 'status')?.textContent?.trim()).to.equal('');
      expect(el.phase).to.equal('off');
      expect(time.pending, 'no timer once signed out').to.equal(0);
      expect((await clientOnReload(emulator)).sessionIds).to.deep.equal([]);
      expect(sessionEndsOf(events), 'one session end, named idle').to.deep.equal(['idle']);
    } finally {
      events.stop();
      time.restore();
    }
  });
});
