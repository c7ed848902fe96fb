// Clerk's own localization objects relabel the elements: French (frFR) and a right-to-left locale (arSA).
import { expect, fixture, html } from '@open-wc/testing';
import { arSA } from '@clerk/localizations/ar-SA';
import { frFR } from '@clerk/localizations/fr-FR';
import '../../../src/index.js';
import type { ClerkProvider, ClerkSignOutButton } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { shadowButton, until } from '../../support/fixtures.js';

async function render(template: ReturnType<typeof html>) {
  const provider = await fixture<ClerkProvider>(template);
  await until(() => provider.state.status === 'ready');
  const button = provider.querySelector<ClerkSignOutButton>('clerk-sign-out-button')!;
  await button.updateComplete;
  return { provider, button };
}

describe('localization', () => {
  it('labels the sign-out button in French with frFR from @clerk/localizations', async () => {
    const { button } = await render(html`
      <clerk-provider .clerk=${FakeClerk.signedIn()} .localization=${frFR}
        ><clerk-sign-out-button></clerk-sign-out-button
      ></clerk-provider>
    `);
    expect(frFR.userButton?.action__signOut).to.equal('Déconnexion');
    expect(shadowButton(button).textContent?.trim()).to.equal('Déconnexion');
  });

  it('relabels live when the localization changes, and falls back to English without one', async () => {
    const { provider, button } = await render(html`
      <clerk-provider .clerk=${FakeClerk.signedIn()}><clerk-sign-out-button></clerk-sign-out-button></clerk-provider>
    `);
    expect(shadowButton(button).textContent?.trim()).to.equal('Sign out');
    provider.localization = frFR; // typed: a Clerk LocalizationResource fits the provider's property
    await until(() => shadowButton(button).textContent?.trim() === 'Déconnexion');
    provider.localization = { userButton: { action__signOut: '  ' } }; // blank = missing
    await until(() => shadowButton(button).textContent?.trim() === 'Sign out');
  });

  it('works right to left with arSA, lang="ar" and dir="rtl": Arabic label, spinner at the inline start (right)', async () => {
    const clerk = FakeClerk.signedIn();
    // lang/dir on the provider (display: contents) apply to everything inside it. A plain <div> as the fixture root would
    // make open-wc wait for an animation frame, which never comes while another test file's page is in front.
    const { button } = await render(html`
      <clerk-provider lang="ar" dir="rtl" .clerk=${clerk} .localization=${arSA}
        ><clerk-sign-out-button></clerk-sign-out-button
      ></clerk-provider>
    `);
    const inner = shadowButton(button);
    expect(inner.textContent?.trim()).to.equal('تسجيل الخروج');
    expect(getComputedStyle(inner).direction).to.equal('rtl');

    const release = clerk.holdNextSignOut();
    document.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
    inner.click();
    await until(() => button.shadowRoot!.querySelector('[part~="spinner"]'));
    const spinner = button.shadowRoot!.querySelector('[part~="spinner"]')!.getBoundingClientRect();
    const text = fallbackRect(inner.querySelector('slot')!);
    expect(spinner.left, 'spinner right of the label').to.be.greaterThan(text.left);
    release();
  });
});

/** The box of a slot's fallback content (the default label); the slot itself has no box. */
function fallbackRect(slot: HTMLSlotElement): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(slot);
  return range.getBoundingClientRect();
}
