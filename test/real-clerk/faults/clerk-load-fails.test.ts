import '../../../src/testing/isolate-tabs.js';
import { Clerk } from '@clerk/clerk-js';
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { ClerkErrorEvent, ClerkLike, ClerkProvider } from '../../../src/index.js';
import type { EmulatorConnection } from '../../../src/testing/index.js';
import { recordEvents, until } from '../../support/fixtures.js';
import { claimPageForClerk, signedInTenant } from '../../support/real-clerk.js';
import { STATE_CONTENT, shownStates, withoutCookies, type StateTag } from '../../support/real-load-states.js';

/**
 * The Frontend API is down when the page loads: `GET /v1/environment` and `GET /v1/client` answer 500 (clerk-js retries
 * the client once). clerk-js 5 and 6 do not reject `load()`: it resolves with `loaded === true`, `status === 'degraded'`
 * and nobody signed in, although the server still has the user signed in. The page must be told that Clerk is not
 * usable, not that nobody is signed in: `<clerk-failed>` shows, never signed-in or signed-out content.
 *
 * In degraded mode clerk-js falls back to the session token in the `__session` cookie, so this page reads no cookies
 * (`withoutCookies`): a browser that has no Clerk session cookie (e.g. a first visit).
 */

describe('Clerk fails to load: the Frontend API is down', () => {
  const seen = { errors: [] as string[], uncaught: [] as string[] };
  const events = recordEvents('clerk-error', 'clerk-loaded');
  let clerk: ClerkLike & { status?: string };
  let emulator: EmulatorConnection;
  /** What the page showed once Clerk gave up (read in `before`: the fixture is gone after the first test). */
  let shown: {
    status: string;
    buttons: Array<'hidden' | 'disabled' | 'enabled'>;
    menuTrigger: boolean;
    states: StateTag[];
  };

  before(async function () {
    this.timeout(20_000);
    ({ emulator } = await signedInTenant());
    await emulator.fault('environment', { status: 500 });
    await emulator.fault('client', { status: 500 });
    window.addEventListener('error', (event) => seen.uncaught.push(event.message));
    window.addEventListener('unhandledrejection', (event) => seen.uncaught.push(String(event.reason)));
    const consoleError = console.error;
    console.error = (...args: unknown[]) => (seen.errors.push(args.map(String).join(' ')), consoleError(...args));
    try {
      claimPageForClerk();
      withoutCookies();
      clerk = new Clerk(emulator.publishableKey, { proxyUrl: emulator.proxyUrl }) as unknown as typeof clerk;
      const provider = await fixture<ClerkProvider>(
        html`<clerk-provider .clerk=${clerk} .options=${{ telemetry: false }}>
          <clerk-sign-out-button></clerk-sign-out-button>
          <clerk-sign-out-button when-signed-out="disable"></clerk-sign-out-button>
          <clerk-user-menu></clerk-user-menu>
          ${STATE_CONTENT}
        </clerk-provider>`,
      );
      await until(() => clerk.loaded || provider.state.status === 'error', 'Clerk to give up loading', 15_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [hidden, disabled, menu] = [...provider.children] as Array<Element & { updateComplete: Promise<unknown> }>;
      await Promise.all([hidden.updateComplete, disabled.updateComplete, menu.updateComplete]);
      const button = (el: Element) => el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="button"]');
      shown = {
        status: provider.state.status,
        buttons: [hidden, disabled].map((el) =>
          !button(el) ? 'hidden' : button(el)!.disabled ? 'disabled' : 'enabled',
        ),
        menuTrigger: !!menu.shadowRoot?.querySelector('[part~="trigger"]'),
        states: shownStates(provider),
      };
    } finally {
      console.error = consoleError;
    }
    expect(clerk.status, "clerk-js's own status").to.equal('degraded');
  });
  after(async () => {
    events.stop();
    await emulator.clearFaults();
  });

  it('<clerk-provider> · FAPI down at load: clerk-error is dispatched (and not clerk-loaded)', () => {
    expect(events.events.map((event) => event.type)).to.deep.equal(['clerk-error']);
    expect((events.of('clerk-error')[0] as ClerkErrorEvent).detail.error.message)
      .to.be.a('string')
      .and.not.equal('');
    expect(shown.status, 'provider.state.status').to.equal('error');
  });

  it('<clerk-provider> · FAPI down at load: one clear console.error from the provider', () => {
    expect(seen.errors.filter((message) => message.startsWith('<clerk-provider>'))).to.have.length(1);
  });

  it('<clerk-sign-out-button> and <clerk-user-menu> · FAPI down at load: inert (button hidden or disabled, menu renders nothing)', () => {
    expect(shown.buttons, 'the default button, then when-signed-out="disable"').to.deep.equal(['hidden', 'disabled']);
    expect(shown.menuTrigger, "the menu's trigger").to.equal(false);
  });

  it('<clerk-failed> and <clerk-degraded> · FAPI down at load: their content shows; no signed-in, signed-out or loading content', () => {
    expect(shown.states).to.deep.equal(['clerk-failed', 'clerk-degraded']);
  });

  it('<clerk-provider> · FAPI down at load: no uncaught exception', () => {
    expect(seen.uncaught).to.deep.equal([]);
  });
});
