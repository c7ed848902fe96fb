// clerk-js 5 (Core 2) bundles Clerk's UI and reports no `uiVersion`: its UI must still be found.
import { expect, html } from '@open-wc/testing';
import { reverifyWithClerkUi } from '../../../src/flows/devices/reverify.js';
import { ReverificationRequiredError } from '../../../src/contract/errors.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { item, openMenu, withMenu } from '../../support/fake-menu.js';

const withVersion = (version: string) => Object.assign(FakeClerk.signedIn(), { version });

describe('Clerk UI on clerk-js 5 (Core 2), which has no uiVersion', () => {
  it('the menu offers "Manage account" (Clerk\'s modal) on clerk-js 5, not on clerk-js 6 without @clerk/ui', async () => {
    const { el: core2 } = await withMenu(html`<clerk-user-menu open></clerk-user-menu>`, withVersion('5.128.0'));
    await openMenu(core2);
    expect(item(core2, 'manage-account')?.localName).to.equal('button');
    const { el: core3 } = await withMenu(html`<clerk-user-menu open></clerk-user-menu>`, withVersion('6.40.0'));
    await openMenu(core3);
    expect(item(core3, 'manage-account')).to.equal(null);
  });

  it("reverifyWithClerkUi opens Clerk's reverification on clerk-js 5", async () => {
    const clerk = withVersion('5.128.0');
    let opened = 0;
    Object.assign(clerk, {
      __internal_openReverification: ({ afterVerification }: { afterVerification: () => void }) => {
        opened++;
        afterVerification();
      },
    });
    const error = new ReverificationRequiredError();
    expect(await reverifyWithClerkUi({ clerk, error, sessionIds: [] })).to.equal(true);
    expect(opened).to.equal(1);
  });
});
