import '../../../src/testing/isolate-tabs.js';
import { html } from 'lit';
import type { ClerkUserMenu } from '../../../src/index.js';
import { menuItem } from '../../support/fake-menu.js';
import { removedWhileSigningOut } from '../../support/real-removed-in-flight.js';

describe('element removed while signing out', () => {
  it('<clerk-user-menu> · removed (open) while "Sign out of all accounts" is in flight: no exception, signed-out reaches the document once, sessions gone', () =>
    removedWhileSigningOut(
      html`<clerk-user-menu></clerk-user-menu>`,
      async (el) => (await menuItem(el as ClerkUserMenu, 'sign-out-all')).click(),
      { sessions: 2 },
    ));
});
