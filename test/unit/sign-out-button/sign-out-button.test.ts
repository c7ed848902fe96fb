import { expect, fixture, html } from '@open-wc/testing';
import type { ClerkProvider, ClerkSignOutButton, SignedOutEvent, SignOutErrorEvent } from '../../../src/index.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { captureConsole, recordEvents, shadowButton, slowClerk, until, withProvider } from '../../support/fixtures.js';

const button = html`<clerk-sign-out-button></clerk-sign-out-button>`;

describe('<clerk-sign-out-button>', () => {
  let events: ReturnType<typeof recordEvents>;
  beforeEach(() => (events = recordEvents('sign-out', 'signed-out', 'sign-out-error')));
  afterEach(() => events.stop());

  describe('rendering', () => {
    it('renders a real <button> labelled "Sign out" with part="button"', async () => {
      const { el } = await withProvider(button);
      const inner = shadowButton(el);
      expect(inner.localName).to.equal('button');
      expect(inner.type).to.equal('button');
      expect(inner.textContent?.trim()).to.equal('Sign out');
      expect(inner.getAttribute('part')).to.equal('button');
    });

    it('uses slotted text as the label', async () => {
      const { el } = await withProvider(html`<clerk-sign-out-button>Log out</clerk-sign-out-button>`);
      const slot = shadowButton(el).querySelector('slot')!;
      expect(
        slot
          .assignedNodes()
          .map((node) => node.textContent)
          .join(''),
      ).to.equal('Log out');
    });

    it('is hidden while nobody is signed in, and shows up when a user signs in', async () => {
      const clerk = new FakeClerk();
      const { el } = await withProvider<ClerkSignOutButton>(button, clerk);
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      clerk.addSession();
      await clerk.setActive({ session: clerk.client!.signedInSessions[0].id });
      await el.updateComplete;
      expect(shadowButton(el).disabled).to.equal(false);
    });

    it('keeps its place while Clerk loads: invisible, then shown there (built-in and wrapped button)', async () => {
      const { clerk, finishLoading } = slowClerk();
      const provider = await fixture<ClerkProvider>(
        html`<clerk-provider .clerk=${clerk}
          ><clerk-sign-out-button></clerk-sign-out-button
          ><clerk-sign-out-button><button type="button">Log out</button></clerk-sign-out-button></clerk-provider
        >`,
      );
      const [builtIn, wrapper] = [...provider.children] as ClerkSignOutButton[];
      await Promise.all([builtIn.updateComplete, wrapper.updateComplete]);
      const controls = [shadowButton(builtIn), wrapper.querySelector('button')!];
      const visible = () => controls.map((control) => control.checkVisibility({ visibilityProperty: true }));
      expect(visible()).to.deep.equal([false, false]);
      const reserved = [builtIn, wrapper].map((el) => el.getBoundingClientRect().toJSON());
      expect(reserved[0].width).to.be.greaterThan(0);
      finishLoading();
      await until(() => visible().every(Boolean));
      expect([builtIn, wrapper].map((el) => el.getBoundingClientRect().toJSON())).to.deep.equal(reserved);
    });

    it('is disabled instead of hidden with when-signed-out="disable"', async () => {
      const { el } = await withProvider(
        html`<clerk-sign-out-button when-signed-out="disable"></clerk-sign-out-button>`,
        new FakeClerk(),
      );
      expect(shadowButton(el).disabled).to.equal(true);
    });

    it('hides after a successful sign-out', async () => {
      const { el } = await withProvider<ClerkSignOutButton>(button);
      shadowButton(el).click();
      await until(() => events.of('signed-out').length === 1);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    });

    it('passes axe with the default theme, signed in and disabled', async () => {
      const { el } = await withProvider(button);
      await expect(el).to.be.accessible();
      const { el: disabled } = await withProvider(
        html`<clerk-sign-out-button when-signed-out="disable"></clerk-sign-out-button>`,
        new FakeClerk(),
      );
      await expect(disabled).to.be.accessible();
    });
  });

  describe('signing out', () => {
    it('calls clerk.signOut() once with no session (Clerk default) and redirects to afterSignOutUrl', async () => {
      const clerk = FakeClerk.signedIn({ id: 'user_a' });
      const { el } = await withProvider(button, clerk);
      shadowButton(el).click();
      await until(() => events.of('signed-out').length === 1);
      expect(clerk.signOutCalls).to.deep.equal([{}]);
      const detail = (events.of('signed-out')[0] as SignedOutEvent).detail;
      expect(detail).to.deep.equal({
        sessionIds: ['sess_user_a'],
        userId: 'user_a',
        redirectUrl: new URL('/', location.href).href,
      });
      expect(clerk.navigations).to.deep.equal([new URL('/', location.href).href]);
      expect(clerk.user).to.equal(null);
    });

    it('dispatches sign-out then signed-out, both bubbling and composed, with the signed-out event cancelable', async () => {
      const { el } = await withProvider(button);
      shadowButton(el).click();
      await until(() => events.of('signed-out').length === 1);
      expect(events.events.map((event) => event.type)).to.deep.equal(['sign-out', 'signed-out']);
      for (const event of events.events) {
        expect(event.bubbles, event.type).to.equal(true);
        expect(event.composed, event.type).to.equal(true);
        expect(event.cancelable, event.type).to.equal(true);
        expect(event.target).to.equal(el);
      }
      expect(events.of('sign-out')[0].detail).to.deep.equal({
        sessionId: null,
        userId: (events.of('signed-out')[0] as SignedOutEvent).detail.userId,
      });
    });

    it('goes to redirect-url instead of afterSignOutUrl', async () => {
      const clerk = FakeClerk.signedIn();
      const { el } = await withProvider(
        html`<clerk-sign-out-button redirect-url="/goodbye?x=1"></clerk-sign-out-button>`,
        clerk,
      );
      shadowButton(el).click();
      await until(() => clerk.navigations.length === 1);
      const expected = new URL('/goodbye?x=1', location.href).href;
      expect(clerk.navigations).to.deep.equal([expected]);
      expect((events.of('signed-out')[0] as SignedOutEvent).detail.redirectUrl).to.equal(expected);
    });

    it('uses the after-sign-out-url given to the provider (through clerk.load)', async () => {
      const clerk = new FakeClerk({ users: [fakeUser()], loaded: false });
      const provider = await fixture(
        html`<clerk-provider .clerk=${clerk} after-sign-out-url="/bye"
          ><clerk-sign-out-button></clerk-sign-out-button
        ></clerk-provider>`,
      );
      await until(() => clerk.loaded);
      await until(() => !!shadowButtonOrNull(provider.firstElementChild!));
      shadowButton(provider.firstElementChild!).click();
      await until(() => clerk.navigations.length === 1);
      expect(clerk.navigations[0]).to.equal(new URL('/bye', location.href).href);
    });

    it('does nothing when a sign-out listener calls preventDefault() (veto)', async () => {
      const clerk = FakeClerk.signedIn();
      const { el } = await withProvider(button, clerk);
      el.addEventListener('sign-out', (event) => event.preventDefault());
      shadowButton(el).click();
      await until(() => events.of('sign-out').length === 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(clerk.signOutCalls).to.have.length(0);
      expect(events.of('signed-out')).to.have.length(0);
      expect(clerk.user).to.not.equal(null);
    });

    it('signs out but stays on the page when a signed-out listener calls preventDefault()', async () => {
      const clerk = FakeClerk.signedIn();
      const { el } = await withProvider(button, clerk);
      document.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
      shadowButton(el).click();
      await until(() => events.of('signed-out').length === 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(clerk.signOutCalls).to.have.length(1);
      expect(clerk.navigations).to.deep.equal([]);
      expect(clerk.user).to.equal(null);
    });

    it('signs out one other session with session-id, without navigating', async () => {
      const clerk = FakeClerk.multiSession(2);
      const [current, other] = clerk.client!.signedInSessions;
      const { el } = await withProvider(
        html`<clerk-sign-out-button session-id=${other.id}></clerk-sign-out-button>`,
        clerk,
      );
      shadowButton(el).click();
      await until(() => events.of('signed-out').length === 1);
      expect(clerk.signOutCalls).to.deep.equal([{ sessionId: other.id }]);
      expect((events.of('signed-out')[0] as SignedOutEvent).detail).to.deep.equal({
        sessionIds: [other.id],
        userId: other.user!.id,
        redirectUrl: null,
      });
      expect(clerk.navigations).to.deep.equal([]);
      expect(clerk.session?.id).to.equal(current.id);
      expect(clerk.client!.signedInSessions.map((session) => session.id)).to.deep.equal([current.id]);
    });

    it('signs out only the current session with scope="current" in a multi-session client', async () => {
      const clerk = FakeClerk.multiSession(2);
      const [current, other] = clerk.client!.signedInSessions;
      const { el } = await withProvider(html`<clerk-sign-out-button scope="current"></clerk-sign-out-button>`, clerk);
      shadowButton(el).click();
      await until(() => events.of('signed-out').length === 1);
      expect(clerk.signOutCalls).to.deep.equal([{ sessionId: current.id }]);
      expect((events.of('signed-out')[0] as SignedOutEvent).detail.sessionIds).to.deep.equal([current.id]);
      expect(clerk.navigations).to.deep.equal([new URL('/', location.href).href]);
      // clerk-js leaves no session active until a page load; the flow activates the remaining account itself.
      expect(clerk.setActiveCalls).to.deep.equal([other.id]);
      expect(clerk.session?.id).to.equal(other.id);
    });

    it('names the active user in signed-out when every session of a multi-session client ends', async () => {
      const clerk = new FakeClerk({
        users: [fakeUser({ id: 'user_old' }), fakeUser({ id: 'user_active' })],
        activeUserId: 'user_active',
      });
      const { el } = await withProvider(button, clerk);
      shadowButton(el).click();
      await until(() => events.of('signed-out').length === 1);
      expect((events.of('signed-out')[0] as SignedOutEvent).detail.userId).to.equal('user_active');
      expect(clerk.setActiveCalls).to.deep.equal([]);
    });

    it('signs out every session with no attributes in a multi-session client', async () => {
      const clerk = FakeClerk.multiSession(3);
      const ids = clerk.client!.signedInSessions.map((session) => session.id);
      const { el } = await withProvider(button, clerk);
      shadowButton(el).click();
      await until(() => events.of('signed-out').length === 1);
      expect(clerk.signOutCalls).to.deep.equal([{}]);
      expect((events.of('signed-out')[0] as SignedOutEvent).detail.sessionIds).to.deep.equal(ids);
      expect(clerk.client!.signedInSessions).to.have.length(0);
    });

    it('can be started from script with el.signOut(), with the same events', async () => {
      const clerk = FakeClerk.signedIn();
      const { el } = await withProvider<ClerkSignOutButton>(button, clerk);
      const result = await el.signOut();
      expect(result.outcome).to.equal('signed-out');
      expect(events.events.map((event) => event.type)).to.deep.equal(['sign-out', 'signed-out']);
    });
  });

  describe('repeated activation', () => {
    it('sends ONE signOut for many fast clicks and is aria-busy meanwhile', async () => {
      const clerk = FakeClerk.signedIn();
      const release = clerk.holdNextSignOut();
      const { el } = await withProvider<ClerkSignOutButton>(button, clerk);
      const inner = shadowButton(el);
      for (let i = 0; i < 5; i++) inner.click();
      await el.updateComplete;
      expect(inner.getAttribute('aria-busy')).to.equal('true');
      expect(inner.getAttribute('aria-disabled')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[part="spinner"]')).to.not.equal(null);
      for (let i = 0; i < 5; i++) inner.click();
      release();
      await until(() => events.of('signed-out').length === 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(clerk.signOutCalls).to.have.length(1);
      expect(events.of('sign-out')).to.have.length(1);
      expect(events.of('signed-out')).to.have.length(1);
    });

    it('sends ONE signOut when two buttons on the page are clicked while one is in flight', async () => {
      const clerk = FakeClerk.signedIn();
      const release = clerk.holdNextSignOut();
      const { provider } = await withProvider(
        html`<clerk-sign-out-button></clerk-sign-out-button><clerk-sign-out-button></clerk-sign-out-button>`,
        clerk,
      );
      const [first, second] = provider.querySelectorAll('clerk-sign-out-button');
      shadowButton(first).click();
      shadowButton(second).click();
      release();
      await until(() => events.of('signed-out').length === 1);
      expect(clerk.signOutCalls).to.have.length(1);
    });
  });

  describe('failure', () => {
    it('reports sign-out-error, shows an announced message, stays signed in, never dispatches signed-out, and can retry', async () => {
      const clerk = FakeClerk.signedIn({ firstName: 'Ada' });
      const failure = new Error('Something went wrong. Please try again.');
      clerk.failNextSignOut(failure);
      const { el, provider } = await withProvider<ClerkSignOutButton>(button, clerk);
      shadowButton(el).click();
      await until(() => events.of('sign-out-error').length === 1);
      await el.updateComplete;
      expect((events.of('sign-out-error')[0] as SignOutErrorEvent).detail).to.deep.equal({
        error: failure,
        sessionId: null,
        sessionIds: [clerk.client!.signedInSessions[0].id],
      });
      expect(events.of('signed-out')).to.have.length(0);
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.equal('Sign-out failed. Please try again.');
      const inner = shadowButton(el);
      expect(inner.getAttribute('aria-busy')).to.equal('false');
      expect(inner.hasAttribute('aria-disabled')).to.equal(false);
      expect(inner.getAttribute('aria-describedby')).to.equal(alert.id);
      // The provider still shows the user, and Clerk itself was put back (clerk-js would leave it undefined).
      expect(provider.state.user?.firstName).to.equal('Ada');
      await until(() => clerk.session != null);
      expect(clerk.setActiveCalls).to.have.length(1);
      expect(clerk.navigations).to.deep.equal([]);

      inner.click();
      await until(() => events.of('signed-out').length === 1);
      expect(clerk.signOutCalls).to.have.length(2);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    });

    it('reports a sign-out that Clerk resolved without ending the session (swallowed network error) as a failure', async () => {
      const clerk = FakeClerk.signedIn({ firstName: 'Ada' });
      const session = clerk.session!;
      // clerk-js resolves after a network error and clears its state locally, though the server kept the session.
      clerk.signOut = async () => {
        clerk.session = null;
        clerk.user = null;
      };
      const { el, provider } = await withProvider<ClerkSignOutButton>(button, clerk);
      shadowButton(el).click();
      await until(() => events.of('sign-out-error').length === 1);
      const { error } = (events.of('sign-out-error')[0] as SignOutErrorEvent).detail;
      expect(error.name).to.equal('SignOutNotConfirmedError');
      expect(error.message).to.contain('still signed in');
      expect(events.of('signed-out')).to.have.length(0);
      expect(clerk.setActiveCalls).to.deep.equal([session.id]);
      await until(() => clerk.session?.id === session.id);
      expect(provider.state.user?.firstName).to.equal('Ada');
    });

    it('still ends the flow cleanly, reporting to the document, when the element is removed mid-flight', async () => {
      const clerk = FakeClerk.signedIn();
      const release = clerk.holdNextSignOut();
      const { el } = await withProvider<ClerkSignOutButton>(button, clerk);
      const pending = el.signOut();
      el.remove();
      release();
      expect((await pending).outcome).to.equal('signed-out');
      expect(events.of('signed-out')).to.have.length(1);
      expect(events.of('signed-out')[0].target).to.equal(document);
      expect(clerk.navigations).to.deep.equal([new URL('/', location.href).href]);
    });

    it('clears the error message when a new attempt starts', async () => {
      const clerk = FakeClerk.signedIn();
      clerk.failNextSignOut();
      const { el } = await withProvider<ClerkSignOutButton>(
        html`<clerk-sign-out-button when-signed-out="disable"></clerk-sign-out-button>`,
        clerk,
      );
      await el.signOut();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.not.equal('');
      const release = clerk.holdNextSignOut();
      const pending = el.signOut();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('');
      release();
      await pending;
    });

    // An invalid attribute is caught when it is set: the console names it once, the button is unavailable (a click sends
    // nothing and says so, never "Please try again"), and el.signOut() still reports it through sign-out-error.
    it('refuses an unknown session-id when it is set, naming the attribute, and never calls Clerk', async () => {
      const clerk = FakeClerk.signedIn();
      const { el, seen } = await mountRefused(
        html`<clerk-sign-out-button session-id="sess_nope"></clerk-sign-out-button>`,
        clerk,
      );
      expect(seen.error.join()).to.contain('session-id="sess_nope"');
      await expectUnavailable(el);
      await captureConsole(async () => {
        await el.signOut();
        await until(() => events.of('sign-out-error').length === 1);
      });
      const { error } = (events.of('sign-out-error')[0] as SignOutErrorEvent).detail;
      expect(error.name).to.equal('ConfigurationError');
      expect(error.message).to.contain('session-id="sess_nope"');
      expect(clerk.signOutCalls).to.have.length(0);
      expect(events.of('sign-out')).to.have.length(0);
    });

    it('refuses an empty session-id and an unknown scope', async () => {
      const clerk = FakeClerk.signedIn();
      const { provider, seen } = await mountRefused(
        html`<clerk-sign-out-button session-id=""></clerk-sign-out-button
          ><clerk-sign-out-button scope="everyone"></clerk-sign-out-button>`,
        clerk,
      );
      const [empty, badScope] = provider.querySelectorAll('clerk-sign-out-button');
      expect(seen.error.filter((message) => message.includes('session-id=""'))).to.have.length(1);
      expect(seen.error.filter((message) => message.includes('scope="everyone"'))).to.have.length(1);
      await expectUnavailable(empty);
      await expectUnavailable(badScope);
      await captureConsole(async () => {
        await empty.signOut();
        await badScope.signOut();
      });
      const messages = events.of('sign-out-error').map((event) => (event as SignOutErrorEvent).detail.error.message);
      expect(messages[0]).to.contain('session-id=""');
      expect(messages[1]).to.contain('scope="everyone"');
      expect(clerk.signOutCalls).to.have.length(0);
    });

    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'ftp://example.com/',
      '',
    ]) {
      it(`refuses redirect-url="${url}" when it is set, before any sign-out`, async () => {
        const clerk = FakeClerk.signedIn();
        const { el, seen } = await mountRefused(
          html`<clerk-sign-out-button redirect-url=${url}></clerk-sign-out-button>`,
          clerk,
        );
        const reports = seen.error.filter((message) => message.includes(`redirect-url="${url}"`));
        expect(reports, 'one console error naming the attribute').to.have.length(1);
        expect(reports[0]).to.contain('<clerk-sign-out-button>').and.contain('is unavailable until it is fixed');
        await expectUnavailable(el);
        await captureConsole(async () => {
          await el.signOut();
          await until(() => events.of('sign-out-error').length === 1);
        });
        expect((events.of('sign-out-error')[0] as SignOutErrorEvent).detail.error.message).to.contain('redirect-url=');
        expect(clerk.signOutCalls).to.have.length(0);
        expect(clerk.navigations).to.have.length(0);
      });
    }

    it('refuses a cross-origin redirect-url unless the provider allows its origin', async () => {
      const clerk = FakeClerk.signedIn();
      const { el, seen } = await mountRefused(
        html`<clerk-sign-out-button redirect-url="https://elsewhere.example/after"></clerk-sign-out-button>`,
        clerk,
      );
      expect(seen.error.join()).to.contain('allowed-redirect-origins');
      await expectUnavailable(el);
      await captureConsole(async () => {
        await el.signOut();
        await until(() => events.of('sign-out-error').length === 1);
      });
      expect((events.of('sign-out-error')[0] as SignOutErrorEvent).detail.error.message).to.contain(
        'allowed-redirect-origins',
      );

      const allowed = FakeClerk.signedIn();
      const provider = await fixture(
        html`<clerk-provider .clerk=${allowed} allowed-redirect-origins="https://elsewhere.example"
          ><clerk-sign-out-button redirect-url="https://elsewhere.example/after"></clerk-sign-out-button
        ></clerk-provider>`,
      );
      await until(() => !!shadowButtonOrNull(provider.firstElementChild!));
      shadowButton(provider.firstElementChild!).click();
      await until(() => allowed.navigations.length === 1);
      expect(allowed.navigations).to.deep.equal(['https://elsewhere.example/after']);
    });

    it('reports an invalid value once, not on every render; a fixed attribute makes the button available again', async () => {
      const clerk = FakeClerk.multiSession(2);
      const { el, seen } = await mountRefused(
        html`<clerk-sign-out-button scope="nobody"></clerk-sign-out-button>`,
        clerk,
      );
      const more = await captureConsole(async () => {
        for (let i = 0; i < 3; i++) {
          el.requestUpdate();
          await el.updateComplete;
        }
      });
      expect([...seen.error, ...more.error].filter((message) => message.includes('scope="nobody"'))).to.have.length(1);
      el.setAttribute('scope', 'current');
      await el.updateComplete;
      expect(shadowButton(el).hasAttribute('aria-disabled')).to.equal(false);
      expect(shadowButton(el).hasAttribute('title')).to.equal(false);
      shadowButton(el).click();
      await until(() => events.of('signed-out').length === 1);
      expect(clerk.signOutCalls).to.have.length(1);
    });

    it('an unavailable button passes axe, and its reason is its description', async () => {
      const { el } = await mountRefused(html`<clerk-sign-out-button scope="nobody"></clerk-sign-out-button>`);
      await expect(el).to.be.accessible();
      shadowButton(el).click();
      await el.updateComplete;
      expect(shadowButton(el).getAttribute('aria-describedby')).to.equal('error');
      await expect(el).to.be.accessible();
    });
  });

  describe("wrapping the app's own button", () => {
    it('signs out when the wrapped button is clicked, and marks it busy meanwhile', async () => {
      const clerk = FakeClerk.signedIn();
      const release = clerk.holdNextSignOut();
      const { el } = await withProvider<ClerkSignOutButton>(
        html`<clerk-sign-out-button><button class="mine">Log out</button></clerk-sign-out-button>`,
        clerk,
      );
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      const mine = el.querySelector('button')!;
      mine.click();
      mine.click();
      await el.updateComplete;
      expect(mine.getAttribute('aria-busy')).to.equal('true');
      release();
      await until(() => events.of('signed-out').length === 1);
      expect(clerk.signOutCalls).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('ignores clicks on other slotted content', async () => {
      const clerk = FakeClerk.signedIn();
      const { el } = await withProvider(
        html`<clerk-sign-out-button><button>Log out</button><span>note</span></clerk-sign-out-button>`,
        clerk,
      );
      el.querySelector('span')!.click();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(clerk.signOutCalls).to.have.length(0);
    });
  });
});

function shadowButtonOrNull(el: Element): HTMLButtonElement | null {
  return el.shadowRoot?.querySelector('[part~="button"]') ?? null;
}

/** Mounts a button with an invalid attribute, keeping what it says in the console. */
async function mountRefused(content: ReturnType<typeof html>, clerk: FakeClerk = FakeClerk.signedIn()) {
  let mounted!: Awaited<ReturnType<typeof withProvider<ClerkSignOutButton>>>;
  const seen = await captureConsole(async () => (mounted = await withProvider<ClerkSignOutButton>(content, clerk)));
  return { ...mounted, seen };
}

/** Unavailable: the control says so (aria-disabled, its reason as the title), and a click sends nothing and says so. */
async function expectUnavailable(el: ClerkSignOutButton) {
  const control = shadowButton(el);
  expect(control.getAttribute('aria-disabled'), 'aria-disabled').to.equal('true');
  expect(control.title, 'the reason').to.equal('Unavailable on this page.');
  const heard: Event[] = [];
  const listener = (event: Event) => heard.push(event);
  el.addEventListener('sign-out', listener);
  el.addEventListener('sign-out-error', listener);
  control.click();
  await el.updateComplete;
  el.removeEventListener('sign-out', listener);
  el.removeEventListener('sign-out-error', listener);
  expect(heard, 'events after a click').to.deep.equal([]);
  const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
  expect(alert.textContent).to.equal('Unavailable on this page.');
  expect(alert.textContent).not.to.contain('try again');
  expect(control.getAttribute('aria-describedby')).to.equal(alert.id);
}
