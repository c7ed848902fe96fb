import '../../../src/testing/isolate-tabs.js';
import { html } from 'lit';
import { shadowButton } from '../../support/fixtures.js';
import { removedWhileSigningOut } from '../../support/real-removed-in-flight.js';

describe('element removed while signing out', () => {
  it('<clerk-sign-out-button> · removed while its sign-out is in flight: no exception, signed-out reaches the document once, sessions gone', () =>
    removedWhileSigningOut(html`<clerk-sign-out-button></clerk-sign-out-button>`, async (el) =>
      shadowButton(el).click(),
    ));
});
