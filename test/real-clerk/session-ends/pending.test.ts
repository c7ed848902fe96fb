import '../../../src/testing/isolate-tabs.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkSignedIn, ClerkSignedOut, ClerkSignOutButton, ClerkUserMenu } from '../../../src/index.js';
import { shadowButton, until } from '../../support/fixtures.js';
import { mountNpmClerk, signedInTenant } from '../../support/real-clerk.js';
import { emitFocus, recordSessionEnds, setVisibility, sleep } from '../../support/real-session-ends.js';

describe('real clerk-js: a pending session (session tasks), on clerk-js 6 and 5 alike', () => {
  it('signed out for <clerk-signed-in>/<clerk-signed-out>, shown by the menu, signed out by the button; no session-end until then', async function () {
    this.timeout(30_000);
    const { emulator, sessions } = await signedInTenant();
    const [session] = sessions;
    await emulator.setSessionTasks(session.id, ['choose-organization']);
    const { provider, clerk } = await mountNpmClerk(
      emulator,
      html`<clerk-signed-in><p>Signed in</p></clerk-signed-in>
        <clerk-signed-out><p>Signed out</p></clerk-signed-out>
        <clerk-user-menu></clerk-user-menu>
        <clerk-sign-out-button></clerk-sign-out-button>`,
    );
    setVisibility('visible');
    const [signedIn, signedOut, menu, button] = [...provider.children] as [
      ClerkSignedIn,
      ClerkSignedOut,
      ClerkUserMenu,
      ClerkSignOutButton,
    ];
    const settle = () => Promise.all([signedIn, signedOut, menu, button].map((el) => el.updateComplete));
    const { ends, stop } = recordSessionEnds();
    await settle();
    expect(clerk.session?.status, "clerk-js's current session").to.equal('pending');
    expect([signedIn.active, signedOut.active], 'pending: signed out').to.deep.equal([false, true]);
    expect(menu.shadowRoot!.querySelector('[part~="trigger"]'), "the menu's trigger").to.not.equal(null);

    await emulator.setSessionTasks(session.id, []);
    emitFocus(); // the touch brings the session's new status
    await until(() => clerk.session?.status === 'active', 'the session to be active', 8000);
    await settle();
    expect([signedIn.active, signedOut.active], 'active: signed in').to.deep.equal([true, false]);

    await emulator.setSessionTasks(session.id, ['reset-password']);
    emitFocus();
    await until(() => clerk.session?.status === 'pending', 'the session to be pending again', 8000);
    await settle();
    expect([signedIn.active, signedOut.active], 'pending again').to.deep.equal([false, true]);
    await sleep(300);
    expect(ends, 'a session turning pending has not ended').to.deep.equal([]);

    document.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
    shadowButton(button).click();
    await until(() => ends.length > 0, 'session-end', 8000);
    stop();
    expect(ends.map(({ at: _at, ...end }) => end)).to.deep.equal([
      { sessionId: session.id, userId: session.userId, reason: 'sign-out' },
    ]);
    expect((await emulator.state()).sessions, 'the server signed it out').to.deep.equal([]);
  });
});
