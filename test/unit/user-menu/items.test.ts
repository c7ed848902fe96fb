import { expect, html } from '@open-wc/testing';
import { frFR } from '@clerk/localizations';
import type { ClerkUserMenu } from '../../../src/index.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { captureConsole, slowClerk, until, withProvider } from '../../support/fixtures.js';
import {
  expectSame,
  item,
  itemLabels,
  menu,
  mustItem,
  openByClick,
  openMenu,
  popup,
  shadow,
  trigger,
  withMenu,
} from '../../support/fake-menu.js';

const twoAccounts = () => FakeClerk.multiSession(2);

describe('<clerk-user-menu> items', () => {
  describe('single session', () => {
    it('shows the user preview (name and email) and only "Sign out" by default', async () => {
      const clerk = new FakeClerk({
        users: [fakeUser({ id: 'user_a', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' })],
      });
      const { el } = await withMenu(undefined, clerk);
      await openByClick(el);
      expect(shadow(el).querySelector('[part~="preview-name"]')!.textContent).to.equal('Ada Lovelace');
      expect(shadow(el).querySelector('[part~="preview-detail"]')!.textContent).to.equal('ada@example.com');
      expect(itemLabels(el)).to.deep.equal(['Sign out']);
      expect(item(el, 'sign-out-all')).to.equal(null);
      expect(item(el, 'add-account')).to.equal(null);
    });

    it('shows the username when the user has neither a name nor an email', async () => {
      const user = fakeUser({ firstName: null, lastName: null, email: null, username: 'ada_l' });
      const { el } = await withMenu(undefined, new FakeClerk({ users: [user] }));
      await openMenu(el);
      expect(shadow(el).querySelector('[part~="preview-name"]')!.textContent).to.equal('ada_l');
      expect(shadow(el).querySelector('[part~="preview-detail"]')).to.equal(null);
    });

    it('shows full name with the username under it when there is no email', async () => {
      const user = fakeUser({ email: null, username: 'ada_l' });
      const { el } = await withMenu(undefined, new FakeClerk({ users: [user] }));
      await openMenu(el);
      expect(shadow(el).querySelector('[part~="preview-detail"]')!.textContent).to.equal('ada_l');
    });

    it('has no "Add account" even with sign-in-url (single-session app)', async () => {
      const { el } = await withMenu(html`<clerk-user-menu sign-in-url="/sign-in"></clerk-user-menu>`);
      await openByClick(el);
      expect(item(el, 'add-account')).to.equal(null);
      // Nothing follows "Sign out", so no separator dangles under it.
      expect(shadow(el).querySelector('[part~="separator"]')).to.equal(null);
    });

    it('shows "Add account" with sign-in-url in an app marked multi-session, even with one account', async () => {
      const { el } = await withMenu(html`<clerk-user-menu multi-session sign-in-url="/sign-in"></clerk-user-menu>`);
      await openByClick(el);
      expect(itemLabels(el)).to.deep.equal(['Sign out', 'Add account']);
      expect(mustItem(el, 'add-account').getAttribute('href')).to.equal(new URL('/sign-in', location.href).href);
      expect(item(el, 'sign-out-all')).to.equal(null, 'no other account to sign out of');
    });
  });

  describe('multi-session', () => {
    it('lists the other accounts, "Sign out" and "Sign out of all accounts"', async () => {
      const clerk = new FakeClerk({
        users: [
          fakeUser({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }),
          fakeUser({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' }),
          fakeUser({ firstName: null, lastName: null, email: null, username: 'alan' }),
        ],
      });
      const { el } = await withMenu(undefined, clerk);
      await openByClick(el);
      expect(itemLabels(el)).to.deep.equal([
        'Sign out',
        'Grace Hopper grace@example.com',
        'alan',
        'Sign out of all accounts',
      ]);
      const group = shadow(el).querySelector('[role="group"][aria-label="Active sessions"]')!;
      expect(group.querySelectorAll('[part~="switch-account"]').length).to.equal(2);
    });

    it('adds "Add account" after the accounts when sign-in-url is set', async () => {
      const { el } = await withMenu(html`<clerk-user-menu sign-in-url="/sign-in"></clerk-user-menu>`, twoAccounts());
      await openByClick(el);
      const labels = itemLabels(el);
      expect(labels.slice(-2)).to.deep.equal(['Add account', 'Sign out of all accounts']);
    });

    it('never lists the current account among the others', async () => {
      const clerk = twoAccounts();
      const { el } = await withMenu(undefined, clerk);
      const current = clerk.session!.user!.fullName!;
      await openMenu(el);
      expect(itemLabels(el).some((text) => text.startsWith(current))).to.equal(false);
      expect(shadow(el).querySelector('[part~="preview-name"]')!.textContent).to.equal(current);
    });
  });

  describe('Manage account', () => {
    it('is absent without Clerk UI and without user-profile-url', async () => {
      const { el } = await withMenu();
      await openMenu(el);
      expect(item(el, 'manage-account')).to.equal(null);
    });

    it("is a button opening Clerk's account modal when Clerk's UI is loaded", async () => {
      const clerk = new FakeClerk({ users: [fakeUser()], uiVersion: '1.36.0' });
      const { el } = await withMenu(undefined, clerk);
      await openByClick(el);
      const manage = mustItem(el, 'manage-account');
      expect(manage.localName).to.equal('button');
      expect(itemLabels(el)).to.deep.equal(['Manage account', 'Sign out']);
    });

    it('is a link to user-profile-url when Clerk has no UI', async () => {
      const { el } = await withMenu(html`<clerk-user-menu user-profile-url="/account"></clerk-user-menu>`);
      await openMenu(el);
      const manage = mustItem(el, 'manage-account');
      expect(manage.localName).to.equal('a');
      expect(manage.getAttribute('href')).to.equal(new URL('/account', location.href).href);
    });
  });

  describe('custom items', () => {
    it('places slotted links and buttons between "Manage account" and "Sign out", as menuitems', async () => {
      const clerk = new FakeClerk({ users: [fakeUser()], uiVersion: '1.36.0' });
      const { el } = await withMenu(
        html`<clerk-user-menu
          ><a slot="item" href="#billing">Billing</a><button slot="item" type="button">Help</button></clerk-user-menu
        >`,
        clerk,
      );
      await openByClick(el);
      expect(itemLabels(el)).to.deep.equal(['Manage account', 'Billing', 'Help', 'Sign out']);
      for (const custom of el.querySelectorAll('[slot="item"]')) {
        expect(custom.getAttribute('role')).to.equal('menuitem');
        expect(custom.getAttribute('tabindex')).to.equal('-1');
      }
    });

    it('keeps a role the app gave (menuitemcheckbox) and gives back the original attributes when an item leaves', async () => {
      const { el } = await withMenu(
        html`<clerk-user-menu
          ><button slot="item" role="menuitemcheckbox" aria-checked="true">Beta</button
          ><a slot="item" href="#x" tabindex="3">Extra</a></clerk-user-menu
        >`,
      );
      const [beta, extra] = [...el.querySelectorAll<HTMLElement>('[slot="item"]')];
      expect(beta.getAttribute('role')).to.equal('menuitemcheckbox');
      expect(extra.getAttribute('tabindex')).to.equal('-1');
      extra.removeAttribute('slot');
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(extra.hasAttribute('role')).to.equal(false);
      expect(extra.getAttribute('tabindex')).to.equal('3');
    });
  });

  describe('signed out, loading and live updates', () => {
    it('renders nothing while nobody is signed in, and appears when a user signs in', async () => {
      const clerk = new FakeClerk();
      const { el } = await withMenu(undefined, clerk);
      expect(shadow(el).children.length).to.equal(0);
      const session = clerk.addSession(fakeUser({ firstName: 'Grace', lastName: 'Hopper' }));
      await clerk.setActive({ session: session.id });
      await el.updateComplete;
      expect(trigger(el).getAttribute('aria-label')).to.equal('Open user menu');
      await openMenu(el);
      expect(shadow(el).querySelector('[part~="preview-name"]')!.textContent).to.equal('Grace Hopper');
    });

    it('keeps the trigger’s place while Clerk loads: an aria-hidden placeholder of its size, in the theme’s colour', async () => {
      const { clerk, finishLoading } = slowClerk();
      const provider = document.createElement('clerk-provider');
      provider.clerk = clerk;
      provider.innerHTML = `<clerk-user-menu></clerk-user-menu>
        <clerk-user-menu show-name style="--clerk-user-menu-name-width: 5em; --clerk-user-menu-placeholder-background: rgb(1, 2, 3)"></clerk-user-menu>`;
      document.body.append(provider);
      const menus = [...provider.querySelectorAll('clerk-user-menu')];
      try {
        await Promise.all(menus.map((el) => el.updateComplete));
        const placeholders = menus.map((el) => shadow(el).querySelector<HTMLElement>('[part="placeholder"]')!);
        expect(placeholders.map((placeholder) => placeholder.getAttribute('aria-hidden'))).to.deep.equal([
          'true',
          'true',
        ]);
        expect(getComputedStyle(placeholders[1], '::after').backgroundColor).to.equal('rgb(1, 2, 3)');
        for (const el of menus) await expect(el).to.be.accessible();
        const reserved = menus.map((el) => el.getBoundingClientRect().toJSON());

        finishLoading();
        await until(() => menus.every((el) => shadow(el).querySelector('[part~="trigger"]')));
        expect(menus.map((el) => el.getBoundingClientRect().toJSON())).to.deep.equal(reserved);
        expect(reserved[1].width).to.be.greaterThan(reserved[0].width);
        expect(shadow(menus[0]).querySelector('[part="placeholder"]')).to.equal(null);
      } finally {
        provider.remove();
      }
    });

    it('adds the new account and "Sign out of all accounts" while open when another account signs in', async () => {
      const clerk = FakeClerk.signedIn();
      const { el } = await withMenu(undefined, clerk);
      await openByClick(el);
      expect(itemLabels(el)).to.deep.equal(['Sign out']);
      clerk.addSession(fakeUser({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' }));
      await el.updateComplete;
      expect(itemLabels(el)).to.deep.equal(['Sign out', 'Grace Hopper grace@example.com', 'Sign out of all accounts']);
      expect(el.open).to.equal(true);
    });

    it('shows the new active user when the session changes elsewhere', async () => {
      const clerk = twoAccounts();
      const { el } = await withMenu(undefined, clerk);
      const other = clerk.client!.signedInSessions[1];
      await clerk.setActive({ session: other.id });
      await el.updateComplete;
      await openMenu(el);
      expect(shadow(el).querySelector('[part~="preview-name"]')!.textContent).to.equal(other.user!.fullName);
    });

    it('moves focus to the first item when the focused account signs out elsewhere', async () => {
      const clerk = FakeClerk.multiSession(3);
      const { el } = await withMenu(undefined, clerk);
      await openByClick(el);
      const [, second] = clerk.client!.signedInSessions;
      const accounts = shadow(el).querySelectorAll<HTMLElement>('[part~="switch-account"]');
      accounts[0].focus();
      clerk.endSessionElsewhere(second.id);
      await el.updateComplete;
      expect(shadow(el).querySelectorAll('[part~="switch-account"]').length).to.equal(1);
      expect(el.open).to.equal(true);
      expectSame(shadow(el).activeElement, mustItem(el, 'sign-out'), 'focus');
    });

    it('shows the menu again when it is moved in the DOM while open', async () => {
      const { el } = await withMenu();
      await openByClick(el);
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await el.updateComplete;
      expect(el.open).to.equal(true);
      expect(popup(el).matches(':popover-open')).to.equal(true);
    });

    it('disappears when every session ends elsewhere (e.g. another tab)', async () => {
      const clerk = FakeClerk.signedIn();
      const { el } = await withMenu(undefined, clerk);
      await openByClick(el);
      const closed = new Promise<string>((resolve) =>
        el.addEventListener('menu-close', (event) => resolve(event.detail.reason), { once: true }),
      );
      clerk.endAllSessionsElsewhere();
      await el.updateComplete;
      expect(shadow(el).querySelector('[part~="trigger"]')).to.equal(null);
      expect(el.open).to.equal(false);
      expect(await closed).to.equal('user-changed');
    });
  });

  describe('labels, text and attributes', () => {
    it('shows markup in user data as text, never as HTML', async () => {
      const evil = '<img src=x onerror="window.__menuPwned=1">';
      const user = fakeUser({
        firstName: evil,
        lastName: '<b>bold</b>',
        email: '"><script>window.__menuPwned=2</script>@x.io',
      });
      const { el } = await withMenu(
        html`<clerk-user-menu show-name></clerk-user-menu>`,
        new FakeClerk({ users: [user] }),
      );
      await openByClick(el);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(shadow(el).querySelector('[part~="preview-name"]')!.textContent).to.equal(`${evil} <b>bold</b>`);
      expect(shadow(el).querySelector('[part~="name"]')!.textContent).to.equal(`${evil} <b>bold</b>`);
      expect(shadow(el).querySelectorAll('b, script, img').length).to.equal(0);
      expect((window as { __menuPwned?: number }).__menuPwned).to.equal(undefined);
    });

    it('show-name shows the name beside the avatar and keeps it in the accessible name', async () => {
      const { el } = await withMenu(html`<clerk-user-menu show-name></clerk-user-menu>`);
      const button = trigger(el);
      expect(button.getAttribute('aria-labelledby')).to.equal('name open-label');
      expect(shadow(el).getElementById('name')!.textContent).to.equal('Ada Lovelace');
      expect(shadow(el).getElementById('open-label')!.textContent).to.equal('Open user menu');
    });

    it('uses the provider localization (Clerk frFR) for every label', async () => {
      const provider = await withProvider<ClerkUserMenu>(
        html`<clerk-user-menu user-profile-url="/account" sign-in-url="/sign-in"></clerk-user-menu>`,
        twoAccounts(),
      );
      provider.provider.localization = frFR as unknown as Record<string, unknown>;
      await provider.provider.updateComplete;
      const el = provider.el;
      await el.updateComplete;
      expect(trigger(el).getAttribute('aria-label')).to.equal(frFR.userButton!.action__openUserMenu);
      await openMenu(el);
      const labels = itemLabels(el);
      expect(labels[0]).to.equal(frFR.userButton!.action__manageAccount);
      expect(labels).to.include(frFR.userButton!.action__signOut);
      expect(labels).to.include(frFR.userButton!.action__signOutAll);
      expect(labels).to.include(frFR.userButton!.action__addAccount);
    });

    it('has the APG menu button wiring: aria-haspopup, aria-expanded, aria-controls to the role="menu"', async () => {
      const { el } = await withMenu();
      const button = trigger(el);
      expect(button.getAttribute('aria-haspopup')).to.equal('menu');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expectSame(shadow(el).getElementById(button.getAttribute('aria-controls')!), menu(el), 'aria-controls target');
      await openByClick(el);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(el.hasAttribute('open')).to.equal(true);
      expect(menu(el).getAttribute('aria-labelledby')).to.equal('preview');
      expect(popup(el).contains(shadow(el).getElementById('preview'))).to.equal(true);
      expect(menu(el).contains(shadow(el).getElementById('preview'))).to.equal(false, 'the preview is not a menu item');
    });
  });

  describe('URL attributes (refused values are reported and never used)', () => {
    for (const [attribute, value] of [
      ['sign-in-url', 'javascript:alert(1)'],
      ['sign-in-url', 'data:text/html,<script>alert(1)</script>'],
      ['sign-in-url', 'https://evil.example/sign-in'],
      ['user-profile-url', 'vbscript:msgbox(1)'],
      ['user-profile-url', ''],
    ] as const) {
      it(`${attribute}="${value}" leaves its item out and says why in the console`, async () => {
        const element = document.createElement('clerk-user-menu');
        element.setAttribute('multi-session', '');
        element.setAttribute(attribute, value);
        const seen = await captureConsole(() => withMenu(html`${element}`));
        const el = element;
        const part = attribute === 'sign-in-url' ? 'add-account' : 'manage-account';
        await openMenu(el);
        expect(item(el, part)).to.equal(null);
        if (value) expect(shadow(el).innerHTML).not.to.contain(value);
        expect(seen.error.filter((message) => message.includes(`<clerk-user-menu> ${attribute}=`))).to.have.length(1);
      });
    }

    it('allows another origin listed in the provider allowed-redirect-origins', async () => {
      const provider = await withProvider<ClerkUserMenu>(
        html`<clerk-user-menu multi-session sign-in-url="https://accounts.example.com/sign-in"></clerk-user-menu>`,
      );
      await openMenu(provider.el);
      expect(item(provider.el, 'add-account')).to.equal(null);
      provider.provider.allowedRedirectOrigins = 'https://accounts.example.com';
      await provider.provider.updateComplete;
      await provider.el.updateComplete;
      expect(mustItem(provider.el, 'add-account').getAttribute('href')).to.equal(
        'https://accounts.example.com/sign-in',
      );
    });

    it('reports a refused URL once, not on every render', async () => {
      const clerk = FakeClerk.signedIn();
      const seen = await captureConsole(async () => {
        const { el } = await withMenu(
          html`<clerk-user-menu multi-session sign-in-url="javascript:void 0"></clerk-user-menu>`,
          clerk,
        );
        for (let i = 0; i < 3; i++) {
          await openByClick(el);
          clerk.addSession();
          await el.updateComplete;
        }
      });
      expect(seen.error.filter((message) => message.includes('sign-in-url'))).to.have.length(1);
    });
  });

  describe('icons', () => {
    it("each built-in action has its icon, as in Clerk's UserButton: decorative (aria-hidden), part icon, in the text's colour", async () => {
      const clerk = new FakeClerk({ users: [fakeUser(), fakeUser({ firstName: 'Grace' })], uiVersion: '1.36.0' });
      const { el } = await withMenu(
        html`<clerk-user-menu sign-in-url="/sign-in" sign-out-other-devices></clerk-user-menu>`,
        clerk,
      );
      await openByClick(el);
      for (const part of ['manage-account', 'add-account', 'sign-out-other-devices', 'sign-out', 'sign-out-all']) {
        const icons = mustItem(el, part).querySelectorAll('svg');
        expect(icons, part).to.have.length(1);
        expect(icons[0].getAttribute('part'), part).to.equal('icon');
        expect(icons[0].getAttribute('aria-hidden'), part).to.equal('true');
        const box = icons[0].getBoundingClientRect();
        expect(box.width, `${part}: drawn`).to.be.greaterThan(8);
        expect(getComputedStyle(icons[0]).color, `${part}: the text's colour`).to.equal(
          getComputedStyle(mustItem(el, part)).color,
        );
      }
      expect(mustItem(el, 'switch-account').querySelector('svg'), 'an account shows its avatar instead').to.equal(null);
      expect(itemLabels(el)).to.include('Manage account');
      await expect(el).to.be.accessible();
    });
  });

  describe('axe', () => {
    it('has no violations closed and open, single-session', async () => {
      const { el } = await withMenu(html`<clerk-user-menu show-name></clerk-user-menu>`);
      await expect(el).to.be.accessible();
      await openByClick(el);
      await expect(el).to.be.accessible();
    });

    it('has no violations open with every item, custom items and an error message', async () => {
      const clerk = new FakeClerk({ users: [fakeUser(), fakeUser({ firstName: 'Grace' })], uiVersion: '1.36.0' });
      const { el } = await withMenu(
        html`<clerk-user-menu sign-in-url="/sign-in"><a slot="item" href="#billing">Billing</a></clerk-user-menu>`,
        clerk,
      );
      await openByClick(el);
      clerk.failNextSignOut();
      mustItem(el, 'sign-out').click();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await el.updateComplete;
      expect(shadow(el).querySelector('[part~="error"]')!.textContent).to.not.equal('');
      await expect(el).to.be.accessible();
    });
  });
});
