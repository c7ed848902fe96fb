import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { focusPage, pressKeys } from '../../support/engine.js';
import { recordEvents, until } from '../../support/fixtures.js';
import { idleDialog, sessionEndsOf } from '../../support/idle.js';
import { IDLE_TIMEOUT_S, IDLE_WARNING_S, mountIdlePage } from '../../support/real-idle.js';
import { clientOnReload, signedInTenant, signOutLines } from '../../support/real-clerk.js';

describe('real clerk-js: <clerk-idle-sign-out>, the user answers the warning', () => {
  it('Enter on "Stay signed in" keeps the session: nothing is sent, the deadline moves, the page stays signed in', async function () {
    this.timeout(30_000);
    await focusPage();
    const { emulator, sessions } = await signedInTenant();
    const events = recordEvents('idle-warning', 'sign-out', 'signed-out', 'sign-out-error', 'session-end');
    const page = await mountIdlePage(emulator);
    const { el, clerk, time } = page;
    try {
      await emulator.clearRequests();
      await time.advance((IDLE_TIMEOUT_S - IDLE_WARNING_S + 15) * 1000);
      await el.updateComplete;
      expect(idleDialog(el)?.open, 'the warning dialog').to.equal(true);
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('stay-button');

      await pressKeys('Enter');
      await until(() => el.phase === 'watching', 'the session kept');
      expect(el.deadline).to.equal(time.now() + IDLE_TIMEOUT_S * 1000);
      await time.advance((IDLE_TIMEOUT_S - IDLE_WARNING_S - 1) * 1000);
      expect(el.phase, 'well past the first deadline').to.equal('watching');
      expect(page.shown()).to.equal('signed-in');
      expect(clerk.user?.id).to.equal(sessions[0].userId);
      expect(signOutLines(await emulator.requests()), 'requests').to.deep.equal([]);
      expect(events.events.map((event) => event.type)).to.deep.equal(['idle-warning']);
      expect((await clientOnReload(emulator)).sessionIds).to.deep.equal([sessions[0].id]);
      expect(sessionEndsOf(events), 'no session end').to.deep.equal([]);
    } finally {
      events.stop();
      time.restore();
    }
  });
});
