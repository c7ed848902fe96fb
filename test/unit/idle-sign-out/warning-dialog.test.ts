// The warning as a keyboard and screen-reader user meets it (WAI-ARIA APG "Alert and Message Dialogs"; WCAG 2.2 SC 2.2.1),
// with real key presses in each engine.
import '../../../src/testing/isolate-tabs.js';
import { expect, fixture, html } from '@open-wc/testing';
import type { ClerkIdleSignOut, ClerkProvider } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { focusPage, pressKeys } from '../../support/engine.js';
import { recordEvents, until } from '../../support/fixtures.js';
import { controlClock, settle, type ControlledClock } from '../../support/idle-clock.js';
import { idleDialog, idlePart, idleStorageKey } from '../../support/idle.js';

const TIMEOUT_S = 120;
const WARNING_S = 60;

async function page(timeout = TIMEOUT_S, warning = WARNING_S) {
  const clerk = FakeClerk.signedIn();
  // The provider itself is the fixture: a Lit element, so no animation frame is awaited (none comes to a test page
  // that Chromium keeps in the background beside another).
  const provider = await fixture<ClerkProvider>(
    html`<clerk-provider .clerk=${clerk}>
      <button id="outside">Edit the document</button>
      <clerk-idle-sign-out timeout=${timeout} warning=${warning}></clerk-idle-sign-out>
    </clerk-provider>`,
  );
  await until(() => provider.state.status === 'ready');
  await settle();
  const el = provider.querySelector<ClerkIdleSignOut>('clerk-idle-sign-out')!;
  return { provider, clerk, el, outside: provider.querySelector<HTMLButtonElement>('#outside')! };
}

/**
 * The part that has focus inside the idle element (`null`: focus is elsewhere). Compared as names: a failed comparison
 * of two elements never finishes in WebKit (the report tries to show them).
 */
const focused = (el: ClerkIdleSignOut) => el.shadowRoot!.activeElement?.getAttribute('part') ?? null;
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<clerk-idle-sign-out>: the warning dialog', () => {
  let time: ControlledClock;
  before(() => focusPage());
  beforeEach(() => {
    localStorage.removeItem(idleStorageKey());
    time = controlClock();
  });
  afterEach(() => time.restore());

  /** Focus on the page's own button, then the warning opens. */
  async function warned() {
    const mounted = await page();
    mounted.outside.focus();
    await time.advance((TIMEOUT_S - WARNING_S) * 1000);
    await mounted.el.updateComplete;
    const dialog = idleDialog(mounted.el)!;
    expect(dialog?.open, 'the dialog is open').to.equal(true);
    return { ...mounted, dialog };
  }

  it('is a modal alertdialog, labelled by its title and described by its sentence, that passes axe', async () => {
    const { el, dialog } = await warned();
    expect(dialog.getAttribute('role')).to.equal('alertdialog');
    expect(dialog.matches(':modal'), 'modal: the rest of the page is inert').to.equal(true);
    const root = el.shadowRoot!;
    expect(text(root.getElementById(dialog.getAttribute('aria-labelledby')!))).to.equal('Are you still there?');
    expect(text(root.getElementById(dialog.getAttribute('aria-describedby')!))).to.equal(
      'You will be signed out in 1 minute because you have been inactive.',
    );
    expect(text(idlePart(el, 'countdown'))).to.equal('1:00');
    expect(idlePart(el, 'countdown')?.getAttribute('aria-hidden'), 'the per-second countdown is not read').to.equal(
      'true',
    );
    await expect(el).to.be.accessible();
  });

  it('focuses "Stay signed in"; Tab and Shift+Tab stay on its two buttons', async () => {
    const { el } = await warned();
    const [stay, signOut] = ['stay-button', 'sign-out-button'];
    expect(focused(el), 'focused as it opens').to.equal(stay);
    await pressKeys('Tab');
    expect(focused(el)).to.equal(signOut);
    await pressKeys('Tab');
    expect(focused(el), 'Tab from the last button').to.equal(stay);
    await pressKeys('Shift+Tab');
    expect(focused(el), 'Shift+Tab from the first button').to.equal(signOut);
  });

  for (const key of ['Enter', 'Escape']) {
    it(`${key} keeps the session: the dialog closes, focus goes back where it was, the deadline moves`, async () => {
      const { el, outside, clerk } = await warned();
      const before = el.deadline!;
      await time.advance(5000);
      await pressKeys(key);
      await until(() => el.phase === 'watching', `${key} to keep the session`);
      await el.updateComplete;
      expect(!!idleDialog(el), 'the dialog').to.equal(false);
      expect(document.activeElement?.id, 'focus').to.equal(outside.id);
      expect(el.deadline).to.equal(before + 5000 + WARNING_S * 1000);
      await time.advance(WARNING_S * 1000);
      expect(clerk.signOutCalls).to.deep.equal([]);
    });
  }

  it('Enter anywhere in the dialog (not only on the button) is the default action', async () => {
    const { el, dialog } = await warned();
    dialog.focus(); // e.g. the user clicked its text
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(el.phase).to.equal('watching');
  });

  it('"Sign out now" from the keyboard signs out at once', async () => {
    const { el, clerk } = await warned();
    const events = recordEvents('sign-out', 'signed-out');
    await pressKeys('Tab');
    await pressKeys('Enter');
    await until(() => events.of('signed-out').length === 1);
    expect(clerk.signOutCalls).to.deep.equal([{}]);
    expect(el.phase).to.equal('off');
    events.stop();
  });

  it('announces once as it opens, then at coarse steps (30 s, 10 s), never every second; the countdown shows each second', async () => {
    const { el } = await warned();
    const announcer = () => text(el.shadowRoot!.querySelector('[aria-live]'));
    const region = el.shadowRoot!.querySelector('[aria-live]')!;
    expect(region.getAttribute('aria-live')).to.equal('assertive');
    expect(announcer(), 'as it opens, the dialog itself is announced (title and description)').to.equal('');
    const said: string[] = [];
    const countdowns: string[] = [];
    for (let second = 1; second < WARNING_S; second++) {
      await time.advance(1000);
      await el.updateComplete;
      if (announcer() !== said[said.length - 1]) said.push(announcer());
      countdowns.push(text(idlePart(el, 'countdown')));
    }
    expect(said).to.deep.equal([
      '',
      'You will be signed out in 30 seconds because you have been inactive.',
      'You will be signed out in 10 seconds because you have been inactive.',
    ]);
    expect(countdowns.slice(0, 3)).to.deep.equal(['0:59', '0:58', '0:57']);
    expect(countdowns[countdowns.length - 1]).to.equal('0:01');
    expect(text(idlePart(el, 'message'))).to.equal(
      'You will be signed out in 10 seconds because you have been inactive.',
    );
  });

  it('a longer warning says whole minutes (never more than is left), then each minute, without repeating itself', async () => {
    const { el } = await page(600, 150);
    await time.advance((600 - 150) * 1000);
    await el.updateComplete;
    expect(text(idlePart(el, 'message'))).to.contain('in 2 minutes');
    const said = new Set<string>();
    for (let second = 0; second < 150; second++) {
      await time.advance(1000);
      await el.updateComplete;
      const now = text(el.shadowRoot!.querySelector('[aria-live]'));
      if (now) said.add(now.replace('You will be signed out in ', '').replace(' because you have been inactive.', ''));
    }
    // 2:30 left as it opens: "2 minutes" (its description); at 2:00 the same words are not said again.
    expect([...said]).to.deep.equal(['1 minute', '30 seconds', '10 seconds']);
  });
});
