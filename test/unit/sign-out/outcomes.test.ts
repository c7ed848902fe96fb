// What a sign-out reports must be true: the events page's confirm recipe, signed-out only once the server has no session,
// no state the server does not have, a Clerk the provider gave up, after-sign-out-url, and tag names of the app's own.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { ClerkProvider, ClerkSignOutButton, SignedOutEvent, SignOutErrorEvent } from '../../../src/index.js';
import { ClerkController } from '../../../src/clerk/clerk-controller.js';
import type { ClerkState } from '../../../src/clerk/context.js';
import { define } from '../../../src/define/define.js';
import * as elements from '../../../src/elements.js';
import { isSigningOut } from '../../../src/flows/action-lock.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { markedSnippet } from '../../support/marked-snippet.js';
import { captureConsole, recordEvents, shadowButton, until, withProvider } from '../../support/fixtures.js';

/** Records every state the provider publishes, with whether a sign-out was in flight when it did. */
class StateLog extends LitElement {
  readonly seen: Array<{ state: ClerkState; inFlight: boolean }> = [];
  readonly clerk = new ClerkController(this);
  protected override willUpdate(): void {
    const state = this.clerk.state;
    if (state) this.seen.push({ state, inFlight: isSigningOut(state.clerk) });
  }
}
customElements.define('test-state-log', StateLog);

const button = html`<clerk-sign-out-button></clerk-sign-out-button>`;

describe('sign-out outcomes', () => {
  let events: ReturnType<typeof recordEvents>;
  beforeEach(() => (events = recordEvents('sign-out', 'signed-out', 'sign-out-error')));
  afterEach(() => events.stop());

  describe("the events page's confirm recipe", () => {
    const realConfirm = window.confirm;
    afterEach(() => (window.confirm = realConfirm));

    it('signs out after confirm(), running the recipe of docs/events.md as written', async () => {
      window.confirm = () => true;
      const clerk = FakeClerk.signedIn();
      const { el } = await withProvider<ClerkSignOutButton>(button, clerk);
      const recipe = await markedSnippet('docs/events.md', 'confirm-recipe');
      expect(recipe, 'the recipe').to.contain("button.addEventListener('sign-out'");
      new Function('button', recipe)(el);
      shadowButton(el).click();
      await until(() => events.of('signed-out').length === 1);
      expect(clerk.signOutCalls).to.have.length(1);
      expect(events.of('sign-out')).to.have.length(2);
      expect(events.of('sign-out-error')).to.have.length(0);
      expect(clerk.navigations).to.deep.equal([new URL('/', location.href).href]);
      await until(() => !el.busy);
    });

    it('keeps the user signed in and the button usable when confirm() is answered no', async () => {
      window.confirm = () => false;
      const clerk = FakeClerk.signedIn();
      const { el } = await withProvider<ClerkSignOutButton>(button, clerk);
      el.addEventListener('sign-out', (event) => {
        event.preventDefault();
        if (window.confirm('Sign out?')) void el.signOut();
      });
      shadowButton(el).click();
      await el.updateComplete;
      expect(clerk.signOutCalls).to.have.length(0);
      expect(el.busy).to.equal(false);
      expect(shadowButton(el).getAttribute('aria-busy')).to.equal('false');
    });

    it('signs out when a listener vetoes, asks in its own dialog, then starts the sign-out later', async () => {
      const clerk = FakeClerk.signedIn();
      const { el } = await withProvider<ClerkSignOutButton>(button, clerk);
      let asked = false;
      el.addEventListener('sign-out', (event) => {
        if (asked) return;
        event.preventDefault();
        asked = true;
        setTimeout(() => void el.signOut(), 20); // "Yes" in the app's own dialog, later
      });
      shadowButton(el).click();
      await until(() => events.of('signed-out').length === 1);
      expect(clerk.signOutCalls).to.have.length(1);
    });
  });

  describe('signed-out means the sessions are gone on the server', () => {
    it('reports signed-out (and follows the redirect) when the request fails because the sessions already ended elsewhere', async () => {
      const clerk = FakeClerk.signedIn();
      clerk.failNextSignOut(Object.assign(new Error('Unauthorized'), { status: 401 }), { endedOnServer: true });
      const { el, provider } = await withProvider<ClerkSignOutButton>(
        html`<clerk-sign-out-button redirect-url="/signed-out"></clerk-sign-out-button>`,
        clerk,
      );
      shadowButton(el).click();
      await until(() => events.of('signed-out').length === 1);
      expect(events.of('sign-out-error')).to.have.length(0);
      expect(clerk.navigations).to.deep.equal([new URL('/signed-out', location.href).href]);
      expect(provider.state.user).to.equal(null);
      expect(clerk.serverSessionIds).to.deep.equal([]);
    });

    it('reports sign-out-error naming the sessions still signed in when the server kept them', async () => {
      const clerk = FakeClerk.multiSession(2);
      const ids = clerk.serverSessionIds;
      clerk.failNextSignOut();
      const { el, provider } = await withProvider<ClerkSignOutButton>(button, clerk);
      const before = provider.state.user;
      shadowButton(el).click();
      await until(() => events.of('sign-out-error').length === 1);
      const { sessionId, sessionIds } = (events.of('sign-out-error')[0] as SignOutErrorEvent).detail;
      expect(sessionId).to.equal(null);
      expect(sessionIds).to.deep.equal(ids);
      expect(events.of('signed-out')).to.have.length(0);
      expect(provider.state.user).to.equal(before);
    });

    it('keeps reporting an error when the server cannot be asked (reload fails)', async () => {
      const clerk = FakeClerk.signedIn();
      clerk.failNextSignOut(new Error('ClerkJS: Network error'));
      clerk.failNextReload();
      const { el, provider } = await withProvider<ClerkSignOutButton>(button, clerk);
      const before = provider.state.user;
      shadowButton(el).click();
      await until(() => events.of('sign-out-error').length === 1);
      expect(events.of('signed-out')).to.have.length(0);
      expect(provider.state.user).to.equal(before);
    });
  });

  describe('no state the server does not have', () => {
    it('never publishes "nobody" while signing out the current account of a multi-session client', async () => {
      const clerk = FakeClerk.multiSession(2);
      const [ada, grace] = clerk.client!.signedInSessions;
      const release = clerk.holdNextSignOut();
      const { provider } = await withProvider(
        html`<test-state-log></test-state-log><clerk-sign-out-button scope="current"></clerk-sign-out-button>`,
        clerk,
      );
      const log = provider.querySelector<StateLog>('test-state-log')!;
      log.seen.length = 0;
      shadowButton(provider.querySelector('clerk-sign-out-button')!).click();
      release();
      await until(() => events.of('signed-out').length === 1);
      await log.updateComplete;
      expect(provider.state.session?.id).to.equal(grace.id);
      const users = log.seen.map(({ state }) => state.user?.id ?? state.user);
      expect(users, 'published users').to.not.include(null);
      expect(users.filter((id) => id !== ada.user!.id && id !== grace.user!.id)).to.deep.equal([]);
    });
  });

  describe('a Clerk the provider no longer holds', () => {
    it('is dropped at once: provider.clerk = undefined shows nobody known and a click sends nothing', async () => {
      const clerk = FakeClerk.signedIn();
      const { provider, el } = await withProvider<ClerkSignOutButton>(
        html`<clerk-sign-out-button when-signed-out="disable"></clerk-sign-out-button>`,
        clerk,
      );
      await captureConsole(async () => {
        provider.clerk = undefined;
        await until(() => provider.state.clerk === undefined);
      });
      expect(provider.state.user).to.equal(undefined);
      expect(provider.state.status).to.equal('loading');
      expect(clerk.listenerCount).to.equal(0);
      await el.updateComplete;
      expect(shadowButton(el).disabled).to.equal(true);
      expect((await el.signOut()).outcome).to.equal('nothing-to-do');
      expect(clerk.signOutCalls).to.have.length(0);
    });

    it('may finish a sign-out in flight, whose events describe it, but never navigates away from the new Clerk', async () => {
      const old = FakeClerk.signedIn({ firstName: 'Old' });
      const oldSession = old.session!;
      const release = old.holdNextSignOut();
      const { provider, el } = await withProvider<ClerkSignOutButton>(button, old);
      const pending = el.signOut();
      const next = FakeClerk.signedIn({ firstName: 'New' });
      provider.clerk = next;
      await until(() => provider.state.user?.firstName === 'New');
      release();
      expect((await pending).outcome).to.equal('signed-out');
      const { detail } = events.of('signed-out')[0] as SignedOutEvent;
      expect(detail.userId).to.equal(oldSession.user!.id);
      expect(detail.sessionIds).to.deep.equal([oldSession.id]);
      expect(detail.redirectUrl).to.equal(null);
      expect(old.navigations).to.deep.equal([]);
      expect(next.navigations).to.deep.equal([]);
      expect(provider.state.user?.firstName).to.equal('New');
      expect(next.signOutCalls).to.have.length(0);
    });
  });

  describe('after-sign-out-url', () => {
    it('applies to a Clerk handed over already loaded (.clerk)', async () => {
      const clerk = FakeClerk.signedIn();
      const provider = await fixture<ClerkProvider>(
        html`<clerk-provider .clerk=${clerk} after-sign-out-url="/goodbye">${button}</clerk-provider>`,
      );
      await until(() => provider.state.status === 'ready');
      const el = provider.querySelector<ClerkSignOutButton>('clerk-sign-out-button')!;
      await el.updateComplete;
      shadowButton(el).click();
      await until(() => clerk.navigations.length === 1);
      expect(clerk.navigations[0]).to.equal(new URL('/goodbye', location.href).href);
      expect((events.of('signed-out')[0] as SignedOutEvent).detail.redirectUrl).to.equal(clerk.navigations[0]);
    });

    it('applies to a loaded window.Clerk, and is refused with a message naming it when cross-origin', async () => {
      const clerk = FakeClerk.signedIn();
      window.Clerk = clerk as unknown as typeof window.Clerk;
      try {
        const provider = await fixture<ClerkProvider>(
          html`<clerk-provider after-sign-out-url="https://evil.example/">${button}</clerk-provider>`,
        );
        await until(() => provider.state.status === 'ready');
        const el = provider.querySelector<ClerkSignOutButton>('clerk-sign-out-button')!;
        await el.updateComplete;
        const seen = await captureConsole(() => el.signOut());
        expect(seen.error.join()).to.contain('<clerk-provider> after-sign-out-url="https://evil.example/"');
        expect(clerk.signOutCalls).to.have.length(0);
        provider.afterSignOutUrl = '/later';
        await provider.updateComplete;
        await el.signOut();
        expect(clerk.navigations).to.deep.equal([new URL('/later', location.href).href]);
      } finally {
        delete window.Clerk;
      }
    });
  });

  describe('tag names', () => {
    it('warns once when a tag is already held by another class, naming the tag, that class and the way out', async () => {
      customElements.define('test-taken-tag', class OtherLibraryElement extends HTMLElement {});
      const seen = await captureConsole(() => {
        define('test-taken-tag', class extends HTMLElement {});
        define('test-taken-tag', class extends HTMLElement {});
      });
      expect(seen.warn).to.have.length(1);
      expect(seen.warn[0]).to.contain('<test-taken-tag> is already defined by another class (OtherLibraryElement');
      expect(seen.warn[0]).to.contain('TestTakenTag from clerk-sign-out-elements/elements');
      expect(seen.warn[0]).to.contain("customElements.define('my-test-taken-tag', TestTakenTag)");
    });

    it('stays silent when the same class is defined again (the package loaded twice through one module)', async () => {
      const seen = await captureConsole(() => define('clerk-provider', customElements.get('clerk-provider')!));
      expect(seen.warn).to.deep.equal([]);
    });

    it('work under names the app chooses, with a provider upgraded after its elements', async () => {
      customElements.define('acme-sign-out', class extends elements.ClerkSignOutButton {});
      const root = document.createElement('acme-clerk');
      root.innerHTML = '<acme-sign-out when-signed-out="disable"></acme-sign-out>';
      const seen = await captureConsole(async () => {
        document.body.append(root);
        await (root.firstElementChild as ClerkSignOutButton).updateComplete;
      });
      expect(seen.warn.join(), 'no "not inside a provider" warning').to.equal('');
      customElements.define('acme-clerk', class extends elements.ClerkProvider {});
      const clerk = FakeClerk.signedIn();
      (root as ClerkProvider).clerk = clerk;
      const el = root.firstElementChild as ClerkSignOutButton;
      await until(() => el.shadowRoot?.querySelector('button')?.disabled === false);
      shadowButton(el).click();
      await until(() => events.of('signed-out').length === 1);
      expect(clerk.navigations).to.deep.equal([new URL('/', location.href).href]);
      root.remove();
    });
  });
});
