// Core 3 pending sessions (session tasks) for <clerk-signed-in>/<clerk-signed-out> and the provider's
// treat-pending-as-signed-in; <clerk-signed-out reason="…">, content per session-end reason.
import '../../../src/testing/isolate-tabs.js';
import { expect, fixture, html } from '@open-wc/testing';
import type {
  ClerkProvider,
  ClerkSignedIn,
  ClerkSignedOut,
  ClerkSignOutButton,
  ClerkUserMenu,
} from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { captureConsole, shadowButton, until } from '../../support/fixtures.js';

/** Rendered = slotted into a <slot>: without one the children have no layout box at all. */
const shown = (el: Element) => !!el.shadowRoot?.querySelector('slot');

async function settle(...els: Element[]): Promise<void> {
  await Promise.all(els.map((el) => (el as ClerkSignedIn).updateComplete));
}

describe('a pending session (session tasks left)', () => {
  async function page(clerk: FakeClerk, treatPendingAsSignedIn = false) {
    const provider = await fixture<ClerkProvider>(html`
      <clerk-provider .clerk=${clerk} ?treat-pending-as-signed-in=${treatPendingAsSignedIn}>
        <clerk-signed-in><p>Signed in</p></clerk-signed-in>
        <clerk-signed-out><p>Signed out</p></clerk-signed-out>
        <clerk-user-menu></clerk-user-menu>
        <clerk-sign-out-button></clerk-sign-out-button>
      </clerk-provider>
    `);
    const [signedIn, signedOut, menu, button] = [...provider.children] as [
      ClerkSignedIn,
      ClerkSignedOut,
      ClerkUserMenu,
      ClerkSignOutButton,
    ];
    await settle(signedIn, signedOut, menu, button);
    return { provider, signedIn, signedOut, menu, button };
  }

  it("is signed out for <clerk-signed-in>/<clerk-signed-out> by default, as Clerk's <Show> treats it; live both ways", async () => {
    const clerk = FakeClerk.signedIn();
    const { signedIn, signedOut } = await page(clerk);
    const sessionId = clerk.session!.id;
    clerk.setSessionTasks(sessionId, ['choose-organization']);
    await settle(signedIn, signedOut);
    expect([shown(signedIn), shown(signedOut)]).to.deep.equal([false, true]);
    expect([signedIn.active, signedOut.active]).to.deep.equal([false, true]);
    await expect(signedOut).to.be.accessible();
    clerk.setSessionTasks(sessionId, []);
    await settle(signedIn, signedOut);
    expect([shown(signedIn), shown(signedOut)]).to.deep.equal([true, false]);
  });

  it('counts as signed in with <clerk-provider treat-pending-as-signed-in>, and the attribute switches it live', async () => {
    const clerk = FakeClerk.signedIn();
    clerk.setSessionTasks(clerk.session!.id, ['setup-mfa']);
    const { provider, signedIn, signedOut } = await page(clerk, true);
    expect(provider.state.treatPendingAsSignedIn).to.equal(true);
    expect([shown(signedIn), shown(signedOut)]).to.deep.equal([true, false]);
    provider.removeAttribute('treat-pending-as-signed-in');
    await provider.updateComplete;
    await settle(signedIn, signedOut);
    expect([shown(signedIn), shown(signedOut)]).to.deep.equal([false, true]);
  });

  it("the user menu shows a pending user as an active one (as Clerk's UserButton), and the sign-out button signs them out", async () => {
    const clerk = FakeClerk.signedIn({ firstName: 'Ada' });
    clerk.setSessionTasks(clerk.session!.id, ['choose-organization']);
    const { menu, button } = await page(clerk);
    expect(menu.shadowRoot!.querySelector('[part~="trigger"]'), "the menu's trigger").to.not.equal(null);
    expect(shadowButton(button).hidden, 'the sign-out button').to.equal(false);
    await expect(menu).to.be.accessible();
    document.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
    shadowButton(button).click();
    await until(() => clerk.user === null);
    expect(clerk.signOutCalls).to.deep.equal([{}]);
  });
});

describe('<clerk-signed-out reason>', () => {
  async function page(clerk: FakeClerk) {
    const provider = await fixture<ClerkProvider>(html`
      <clerk-provider .clerk=${clerk}>
        <clerk-signed-out reason="idle revoked"><p>Your session ended.</p></clerk-signed-out>
        <clerk-signed-out reason=" sign-out "><p>You signed out.</p></clerk-signed-out>
        <clerk-signed-out><p>Signed out</p></clerk-signed-out>
        <clerk-sign-out-button></clerk-sign-out-button>
      </clerk-provider>
    `);
    const [ended, signedOutHere, plain, button] = [...provider.children] as [
      ClerkSignedOut,
      ClerkSignedOut,
      ClerkSignedOut,
      ClerkSignOutButton,
    ];
    await settle(ended, signedOutHere, plain, button);
    return { provider, ended, signedOutHere, plain, button };
  }

  it('shows its children only when the last session end had one of the listed reasons', async () => {
    const clerk = FakeClerk.multiSession(3);
    const [first, second, third] = clerk.client!.signedInSessions;
    const { provider, ended, signedOutHere, plain, button } = await page(clerk);
    const all = [ended, signedOutHere, plain];
    const state = async () => (await settle(...all), all.map(shown));
    expect(await state(), 'signed in: none').to.deep.equal([false, false, false]);

    clerk.revokeElsewhere(first.id);
    await clerk.touchSession();
    expect(provider.state.sessionEnd?.reason).to.equal('revoked');
    // Clerk shows nobody, but two accounts are still signed in: neither state until the provider makes one active.
    expect(await state(), 'others still signed in: never signed-out content').to.deep.equal([false, false, false]);
    await until(() => !!provider.state.user, 'the provider to make another account active', 5000);
    expect(await state(), 'another account is active again').to.deep.equal([false, false, false]);

    document.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
    await button.signOut();
    expect(provider.state.sessionEnd).to.deep.include({ reason: 'sign-out' });
    expect(provider.state.sessionEnd?.sessionId).to.be.oneOf([second.id, third.id]);
    expect(await state()).to.deep.equal([false, true, true]);
    await expect(signedOutHere).to.be.accessible();
  });

  it('a listed reason shows its children: the only session revoked from another device', async () => {
    const clerk = FakeClerk.signedIn();
    const { provider, ended, signedOutHere, plain } = await page(clerk);
    clerk.revokeElsewhere(clerk.session!.id);
    await clerk.touchSession();
    await settle(ended, signedOutHere, plain);
    expect(provider.state.sessionEnd?.reason).to.equal('revoked');
    expect([ended, signedOutHere, plain].map(shown)).to.deep.equal([true, false, true]);
    await expect(ended).to.be.accessible();
  });

  it('a page that loads signed out has had no end: a reason filter shows nothing, a plain one shows', async () => {
    const { ended, signedOutHere, plain } = await page(new FakeClerk());
    expect([ended, signedOutHere, plain].map(shown)).to.deep.equal([false, false, true]);
  });

  it('names an unknown reason in the console, once per change, and the valid ones', async () => {
    const { warn } = await captureConsole(async () => {
      const { ended } = await page(FakeClerk.signedIn());
      ended.reason = 'idle revoke  expire';
      await ended.updateComplete;
      ended.reason = 'idle';
      await ended.updateComplete;
    });
    expect(warn).to.deep.equal([
      '<clerk-signed-out> reason="idle revoke  expire": unknown "revoke expire"; use sign-out other-tab revoked expired idle unknown.',
    ]);
  });
});
