// The user menu in Clerk's own locales: French labels (frFR), and Arabic (arSA) right to left, where the popup extends
// towards the inline end (left) from the trigger and the arrow keys still follow the visual (top-to-bottom) order.
import { expect, fixture, html } from '@open-wc/testing';
import { arSA } from '@clerk/localizations/ar-SA';
import { frFR } from '@clerk/localizations/fr-FR';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { ClerkProvider, ClerkUserMenu } from '../../../src/index.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { until } from '../../support/fixtures.js';

function anchorRightHalf(element: Element): boolean {
  return element.getBoundingClientRect().left > innerWidth / 2;
}

/** A multi-session fake, so every built-in item is there (manage, sign out, switch, add, sign out of all). */
function twoAccounts(): FakeClerk {
  const clerk = FakeClerk.signedIn({ firstName: 'Ada' });
  clerk.addSession(fakeUser({ firstName: 'Grace' }));
  return clerk;
}

async function menuIn(template: ReturnType<typeof html>) {
  const provider = await fixture<ClerkProvider>(template);
  await until(() => provider.state.status === 'ready');
  const menu = provider.querySelector<ClerkUserMenu>('clerk-user-menu')!;
  await menu.updateComplete;
  const part = (name: string) => menu.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  return { menu, part, text: (name: string) => part(name)?.textContent?.replace(/\s+/g, ' ').trim() };
}

describe('<clerk-user-menu> localization', () => {
  afterEach(() => Object.assign(document.documentElement, { lang: '', dir: '' }));

  it('labels the trigger and every item in French with frFR', async () => {
    const { menu, part, text } = await menuIn(html`
      <clerk-provider .clerk=${twoAccounts()} .localization=${frFR}>
        <clerk-user-menu user-profile-url="/profile" sign-in-url="/sign-in"></clerk-user-menu>
      </clerk-provider>
    `);
    expect(part('trigger')!.getAttribute('aria-label')).to.equal('Ouvrir le menu utilisateur');
    part('trigger')!.click();
    await until(() => menu.open);
    await menu.updateComplete;
    expect(text('manage-account')).to.equal('Gérer mon compte');
    expect(text('sign-out')).to.equal('Déconnexion');
    expect(text('add-account')).to.equal('Ajouter un compte');
    expect(text('sign-out-all')).to.equal('Se déconnecter de tous les comptes');
  });

  it('works right to left with arSA: Arabic labels, the popup extends leftwards from the trigger, arrows go down', async () => {
    // An Arabic page: <html lang="ar" dir="rtl">, so the menu sits at the right edge of its (right-to-left) block.
    Object.assign(document.documentElement, { lang: 'ar', dir: 'rtl' });
    const { menu, part, text } = await menuIn(html`
      <clerk-provider .clerk=${twoAccounts()} .localization=${arSA}>
        <clerk-user-menu user-profile-url="/profile"></clerk-user-menu>
      </clerk-provider>
    `);
    const trigger = part('trigger')!;
    expect(trigger.getAttribute('aria-label')).to.equal('فتح قائمة المستخدم');
    trigger.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => menu.open);
    await menu.updateComplete;
    expect(text('manage-account')).to.equal('إدارة الحساب');
    expect(text('sign-out-all')).to.equal('تسجيل الخروج من جميع الحسابات');

    // Aligned on the inline start (the right edge), extending left, inside the viewport.
    expect(anchorRightHalf(trigger), 'the trigger is on the right').to.equal(true);
    const popup = part('menu')!.getBoundingClientRect();
    const anchor = trigger.getBoundingClientRect();
    expect(Math.abs(popup.right - anchor.right), 'right edges line up').to.be.below(1);
    expect(popup.left).to.be.at.least(0);

    // The vertical menu keeps its top-to-bottom order for ArrowDown/ArrowUp in RTL.
    const focused = () => menu.shadowRoot!.activeElement as HTMLElement | null;
    await until(() => focused()?.matches('[part~="manage-account"]'));
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()!.matches('[part~="sign-out"]')).to.equal(true);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused()!.matches('[part~="manage-account"]')).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => !menu.open);
    expect(menu.shadowRoot!.activeElement).to.equal(trigger);
  });
});
