import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, nothing } from 'lit';
import {
  ClerkProvider,
  type ClerkErrorEvent,
  type ClerkLoadedEvent,
  type ClerkSignOutButton,
} from '../../../src/index.js';
import { ClerkController } from '../../../src/clerk/clerk-controller.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { captureConsole, recordEvents, shadowButton, until, withProvider } from '../../support/fixtures.js';

/** A component with its own shadow root that puts a sign-out button inside it. */
class ShadowHost extends LitElement {
  override render() {
    return html`<div><clerk-sign-out-button></clerk-sign-out-button></div>`;
  }
}
customElements.define('test-shadow-host', ShadowHost);

/** A bare consumer, to read what the context delivers. */
class StateProbe extends LitElement {
  readonly clerk = new ClerkController(this);
}
customElements.define('test-state-probe', StateProbe);

describe('<clerk-provider>', () => {
  afterEach(() => {
    delete window.Clerk;
    document.querySelectorAll('script[data-clerk-publishable-key]').forEach((script) => script.remove());
  });

  describe('sharing one Clerk', () => {
    it('reaches consumers nested deeply and inside other components’ shadow roots', async () => {
      const clerk = FakeClerk.signedIn({ firstName: 'Grace' });
      const { provider } = await withProvider(
        html`<section>
          <div><test-state-probe></test-state-probe></div>
          <test-shadow-host></test-shadow-host>
        </section>`,
        clerk,
      );
      const probe = provider.querySelector<StateProbe>('test-state-probe')!;
      expect(probe.clerk.state?.clerk).to.equal(clerk);
      expect(probe.clerk.state?.user?.firstName).to.equal('Grace');
      const host = provider.querySelector<ShadowHost>('test-shadow-host')!;
      await host.updateComplete;
      const nested = host.shadowRoot!.querySelector<ClerkSignOutButton>('clerk-sign-out-button')!;
      await nested.updateComplete;
      expect(shadowButton(nested).textContent).to.contain('Sign out');
    });

    it('subscribes to Clerk ONCE for any number of elements', async () => {
      const clerk = FakeClerk.signedIn();
      const many = Array.from({ length: 50 }, () => html`<clerk-sign-out-button></clerk-sign-out-button>`);
      await withProvider(html`${many}<test-shadow-host></test-shadow-host>`, clerk);
      expect(clerk.listenerCount).to.equal(1);
    });

    it('updates every element from that one subscription when the user changes', async () => {
      const clerk = FakeClerk.signedIn();
      const { provider } = await withProvider(
        html`<clerk-sign-out-button></clerk-sign-out-button><clerk-sign-out-button></clerk-sign-out-button>`,
        clerk,
      );
      clerk.endAllSessionsElsewhere();
      const buttons = [...provider.querySelectorAll('clerk-sign-out-button')];
      await Promise.all(buttons.map((button) => button.updateComplete));
      expect(buttons.map((button) => button.shadowRoot!.querySelector('button'))).to.deep.equal([null, null]);
      expect(provider.state.user).to.equal(null);
    });

    it('unsubscribes when removed and subscribes again when put back', async () => {
      const clerk = FakeClerk.signedIn();
      const { provider } = await withProvider(html`<clerk-sign-out-button></clerk-sign-out-button>`, clerk);
      const parent = provider.parentNode!;
      provider.remove();
      expect(clerk.listenerCount).to.equal(0);
      parent.append(provider);
      expect(clerk.listenerCount).to.equal(1);
    });

    it('keeps the last settled user while Clerk reports undefined (a change in flight)', async () => {
      const clerk = FakeClerk.signedIn({ firstName: 'Ada' });
      const release = clerk.holdNextSignOut();
      const { provider } = await withProvider(html``, clerk);
      const pending = clerk.signOut(() => undefined);
      expect(clerk.user).to.equal(undefined);
      expect(provider.state.user?.firstName).to.equal('Ada');
      release();
      await pending;
      expect(provider.state.user).to.equal(null);
    });

    it('holds the last settled user while a sign-out is in flight, even if Clerk passes through null, then reads Clerk', async () => {
      const clerk = FakeClerk.signedIn({ firstName: 'Ada' });
      const release = clerk.holdNextSignOut();
      const { provider, el } = await withProvider<ClerkSignOutButton>(
        html`<clerk-sign-out-button></clerk-sign-out-button>`,
        clerk,
      );
      const done = el.signOut();
      // clerk-js can emit a signed-out state on its way to a restored session; that is not the outcome yet.
      clerk.endAllSessionsElsewhere();
      expect(provider.state.user?.firstName).to.equal('Ada');
      release();
      await done;
      expect(provider.state.user).to.equal(null);
    });

    it('conceal(true) hides every element: no signed-in and no signed-out content, until conceal(false)', async () => {
      const clerk = FakeClerk.signedIn({ firstName: 'Ada' });
      const { provider } = await withProvider(
        html`<clerk-signed-in><p>Private</p></clerk-signed-in><clerk-signed-out><p>Signed out</p></clerk-signed-out>
          <clerk-sign-out-button></clerk-sign-out-button><clerk-user-menu show-name></clerk-user-menu>`,
        clerk,
      );
      const [signedIn, signedOut, button, menu] = [...provider.children] as Array<LitElement & { active?: boolean }>;
      const rendered = async () => {
        await Promise.all([signedIn, signedOut, button, menu].map((el) => el.updateComplete));
        return {
          signedIn: signedIn.active,
          signedOut: signedOut.active,
          // (While concealed, as while Clerk loads, the button keeps its place invisibly.)
          button: !!button.shadowRoot!.querySelector('[part~="button"]:not([data-loading])'),
          name: menu.shadowRoot!.textContent!.includes('Ada'),
        };
      };
      expect(await rendered()).to.deep.equal({ signedIn: true, signedOut: false, button: true, name: true });
      provider.conceal(true);
      expect(provider.state.concealed).to.equal(true);
      expect(await rendered(), 'concealed').to.deep.equal({
        signedIn: false,
        signedOut: false,
        button: false,
        name: false,
      });
      clerk.endAllSessionsElsewhere();
      expect(await rendered(), 'nobody signed in, still concealed').to.deep.equal({
        signedIn: false,
        signedOut: false,
        button: false,
        name: false,
      });
      provider.conceal(false);
      expect(await rendered()).to.deep.equal({ signedIn: false, signedOut: true, button: false, name: false });
    });

    it('follows a new .clerk instance set at run time and drops the old subscription', async () => {
      const first = FakeClerk.signedIn({ firstName: 'First' });
      const second = FakeClerk.signedIn({ firstName: 'Second' });
      const { provider } = await withProvider(html``, first);
      provider.clerk = second;
      await until(() => provider.state.user?.firstName === 'Second');
      expect(provider.state.clerk).to.equal(second);
      expect(first.listenerCount).to.equal(0);
      expect(second.listenerCount).to.equal(1);
    });
  });

  describe('where Clerk comes from', () => {
    it('prefers the .clerk property over window.Clerk', async () => {
      window.Clerk = FakeClerk.signedIn({ firstName: 'Window' });
      const own = FakeClerk.signedIn({ firstName: 'Own' });
      const { provider } = await withProvider(html``, own);
      expect(provider.state.clerk).to.equal(own);
    });

    it('uses window.Clerk (Clerk’s script on the page) when no .clerk is given, and loads it with the options', async () => {
      const clerk = new FakeClerk({ users: [fakeUser({ firstName: 'Win' })], loaded: false });
      window.Clerk = clerk;
      const events = recordEvents('clerk-loaded');
      const provider = await fixture<ClerkProvider>(
        html`<clerk-provider
          after-sign-out-url="/bye"
          allowed-redirect-origins="https://a.example https://b.example:8443/x"
        ></clerk-provider>`,
      );
      await until(() => provider.state.status === 'ready');
      events.stop();
      expect(provider.state.user?.firstName).to.equal('Win');
      expect(clerk.loadOptions).to.deep.equal({
        afterSignOutUrl: new URL('/bye', location.href).href,
        allowedRedirectOrigins: [location.origin, 'https://a.example', 'https://b.example:8443'],
      });
      expect(events.events).to.have.length(1);
      expect((events.events[0] as ClerkLoadedEvent).detail.clerk).to.equal(clerk);
      expect(events.events[0].target).to.equal(provider);
    });

    it('passes options and proxy-url/domain to clerk.load()', async () => {
      const clerk = new FakeClerk({ loaded: false });
      await fixture(
        html`<clerk-provider
          .clerk=${clerk}
          .options=${{ signInUrl: '/in' }}
          proxy-url="https://example.com/__clerk"
          domain="example.com"
        ></clerk-provider>`,
      );
      await until(() => clerk.loaded);
      expect(clerk.loadOptions).to.deep.equal({
        signInUrl: '/in',
        proxyUrl: 'https://example.com/__clerk',
        domain: 'example.com',
      });
    });

    it('loads Clerk’s script from clerk-js-url with the data attributes Clerk reads, then calls load()', async () => {
      const events = recordEvents('clerk-loaded', 'clerk-error');
      const key = 'pk_live_' + btoa('clerk.example.com$');
      // A stand-in for clerk.browser.js: sets window.Clerk like the real script does.
      const script = `data:text/javascript,${encodeURIComponent(
        'window.Clerk = window.__makeClerk(document.currentScript.dataset)',
      )}`;
      let seenData: DOMStringMap | undefined;
      (window as unknown as { __makeClerk: (data: DOMStringMap) => FakeClerk }).__makeClerk = (data) => {
        seenData = { ...data };
        return new FakeClerk({ users: [fakeUser()], loaded: false });
      };
      const provider = await fixture<ClerkProvider>(
        html`<clerk-provider
          publishable-key=${key}
          proxy-url="https://example.com/__clerk"
          clerk-js-url=${script}
        ></clerk-provider>`,
      );
      await until(() => events.events.length > 0);
      events.stop();
      expect(events.events.map((event) => event.type)).to.deep.equal(['clerk-loaded']);
      expect(seenData).to.deep.equal({ clerkPublishableKey: key, clerkProxyUrl: 'https://example.com/__clerk' });
      expect(provider.state.status).to.equal('ready');
      expect((window.Clerk as FakeClerk).loaded).to.equal(true);
    });
  });

  describe('which clerk-js it loads', () => {
    for (const [version, expected] of [
      [undefined, '/no-such-proxy/npm/@clerk/clerk-js@6/dist/clerk.browser.js'],
      ['5', '/no-such-proxy/npm/@clerk/clerk-js@5/dist/clerk.browser.js'],
      ['5.128.0', '/no-such-proxy/npm/@clerk/clerk-js@5.128.0/dist/clerk.browser.js'],
    ] as const) {
      it(`clerk-js-version=${version ?? '(none)'}: ${expected}`, async () => {
        const key = 'pk_live_' + btoa('clerk.example.com$');
        // A proxy path nothing answers (the load fails and is reported): only the URL the provider chose matters here.
        await captureConsole(() =>
          fixture(
            html`<clerk-provider
              publishable-key=${key}
              proxy-url="/no-such-proxy"
              clerk-js-version=${version ?? nothing}
            ></clerk-provider>`,
          ),
        );
        const script = [...document.querySelectorAll<HTMLScriptElement>('script[data-clerk-publishable-key]')].at(-1);
        expect(new URL(script!.src).pathname).to.equal(expected);
      });
    }
  });

  describe('load errors name the attribute to fix', () => {
    async function loadError(
      template: ReturnType<typeof html>,
    ): Promise<{ error: Error; console: string[]; provider: ClerkProvider }> {
      const events = recordEvents('clerk-error');
      let provider!: ClerkProvider;
      const seen = await captureConsole(async () => {
        provider = await fixture<ClerkProvider>(template);
        await until(() => events.events.length > 0, 'clerk-error');
      });
      events.stop();
      expect(provider.state.status).to.equal('error');
      return { error: (events.events[0] as ClerkErrorEvent).detail.error, console: seen.error, provider };
    }

    for (const key of ['sk_test_secret', 'pk_test_', 'pk_live_' + btoa('localhost$'), 'pk_test_!!!', '']) {
      it(`invalid publishable-key "${key}"`, async () => {
        const { error, console } = await loadError(html`<clerk-provider publishable-key=${key}></clerk-provider>`);
        expect(error.message).to.contain('publishable-key');
        expect(console.join()).to.contain('publishable-key');
      });
    }

    it('proxy-url without a scheme', async () => {
      const key = 'pk_live_' + btoa('clerk.example.com$');
      const { error } = await loadError(
        html`<clerk-provider publishable-key=${key} proxy-url="example.com/__clerk"></clerk-provider>`,
      );
      expect(error.message).to.contain('proxy-url="example.com/__clerk"');
    });

    it('a script that cannot be loaded', async () => {
      const key = 'pk_live_' + btoa('clerk.example.com$');
      const { error } = await loadError(
        html`<clerk-provider publishable-key=${key} clerk-js-url="/no/such/clerk.browser.js"></clerk-provider>`,
      );
      expect(error.message).to.contain('clerk-js-url');
      expect(error.message).to.contain('/no/such/clerk.browser.js');
      expect(document.querySelector('script[src$="/no/such/clerk.browser.js"]')).to.equal(null);
    });

    it('clerk-js-version that is not a version', async () => {
      const key = 'pk_live_' + btoa('clerk.example.com$');
      const { error } = await loadError(
        html`<clerk-provider publishable-key=${key} clerk-js-version="../../evil"></clerk-provider>`,
      );
      expect(error.message).to.contain('clerk-js-version="../../evil"');
      expect(document.querySelector('script[src*="evil"]')).to.equal(null);
    });

    it('clerk.load() rejecting', async () => {
      const clerk = new FakeClerk({ loaded: false });
      clerk.load = () => Promise.reject(new Error('Frontend API is down'));
      const { error, console } = await loadError(html`<clerk-provider .clerk=${clerk}></clerk-provider>`);
      expect(error.message).to.equal('Frontend API is down');
      expect(console.join()).to.contain('<clerk-provider> Clerk failed to load: Frontend API is down');
    });

    it('clerk.load() resolving "degraded" with nobody signed in (Frontend API down)', async () => {
      const clerk = new FakeClerk({ loaded: false });
      clerk.degradeNextLoad();
      const { error, console } = await loadError(
        html`<clerk-provider .clerk=${clerk}><clerk-signed-out>x</clerk-signed-out></clerk-provider>`,
      );
      expect(error.message).to.contain('"degraded" mode');
      expect(console.filter((message) => message.startsWith('<clerk-provider>'))).to.have.length(1);
    });

    it('keeps elements inert after an error', async () => {
      const { provider } = await loadError(
        html`<clerk-provider publishable-key="nope"
          ><clerk-sign-out-button when-signed-out="disable"></clerk-sign-out-button
        ></clerk-provider>`,
      );
      const button = provider.querySelector('clerk-sign-out-button')!;
      await button.updateComplete;
      expect(shadowButton(button).disabled).to.equal(true);
      expect((await button.signOut()).outcome).to.equal('nothing-to-do');
    });

    it('explains when it has no Clerk at all', async () => {
      const seen = await captureConsole(() => fixture(html`<clerk-provider></clerk-provider>`));
      expect(seen.warn.join()).to.contain('publishable-key');
    });
  });

  describe('elements outside a provider', () => {
    it('warn once per element type, naming the fix, and stay inert', async () => {
      // Plain DOM (no fixture on a <div>): a fixture waits for an animation frame, which a background page may not render.
      const host = document.createElement('div');
      document.body.append(host);
      const seen = await captureConsole(async () => {
        host.innerHTML =
          '<clerk-sign-out-button when-signed-out="disable"></clerk-sign-out-button><clerk-sign-out-button></clerk-sign-out-button>';
        const first = host.querySelector('clerk-sign-out-button')!;
        await first.updateComplete;
        expect(shadowButton(first).disabled).to.equal(true);
        expect((await first.signOut()).outcome).to.equal('nothing-to-do');
      });
      const warnings = seen.warn.filter((message) =>
        message.includes('<clerk-sign-out-button> is not inside a <clerk-provider>'),
      );
      expect(warnings.length).to.be.at.most(1);
      // Earlier tests may already have used up that tag's one warning; a fresh tag proves the message itself.
      class Lonely extends StateProbe {}
      customElements.define('test-lonely-probe', Lonely);
      const again = await captureConsole(() => {
        host.innerHTML = '<test-lonely-probe></test-lonely-probe><test-lonely-probe></test-lonely-probe>';
      });
      expect(
        again.warn.filter((message) => message.includes('<test-lonely-probe> is not inside a <clerk-provider>')),
      ).to.have.length(1);
      expect(again.warn.join()).to.contain('Wrap it (or a parent element) in <clerk-provider>');
      host.remove();
    });

    it('find a provider that is defined after them (e.g. the CDN module loaded late)', async () => {
      const clerk = FakeClerk.signedIn({ firstName: 'Late' });
      const root = document.createElement('late-clerk-provider');
      root.innerHTML = '<test-state-probe></test-state-probe>';
      document.body.append(root);
      const probe = root.querySelector<StateProbe>('test-state-probe')!;
      expect(probe.clerk.state).to.equal(undefined);
      customElements.define('late-clerk-provider', class extends ClerkProvider {});
      (root as ClerkProvider).clerk = clerk;
      await until(() => probe.clerk.state?.user?.firstName === 'Late');
      root.remove();
    });
  });
});
