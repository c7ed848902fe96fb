import { expect, fixture, html } from '@open-wc/testing';
import type { ClerkProvider, ClerkSignedIn, ClerkSignedOut } from '../../../src/index.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { captureConsole, shadowButton, slowClerk, until } from '../../support/fixtures.js';

/** A provider with both elements inside; returns them once the provider's first render is done. */
async function page(clerk: FakeClerk) {
  const provider = await fixture<ClerkProvider>(html`
    <clerk-provider .clerk=${clerk}>
      <clerk-signed-in
        ><p id="in">Welcome back</p>
        <clerk-sign-out-button></clerk-sign-out-button
      ></clerk-signed-in>
      <clerk-signed-out><p id="out">You are signed out</p></clerk-signed-out>
    </clerk-provider>
  `);
  const signedIn = provider.querySelector<ClerkSignedIn>('clerk-signed-in')!;
  const signedOut = provider.querySelector<ClerkSignedOut>('clerk-signed-out')!;
  await Promise.all([signedIn.updateComplete, signedOut.updateComplete]);
  return { provider, signedIn, signedOut };
}

/** Rendered = slotted into a <slot>: without one the children have no layout box at all. */
function shown(el: Element): boolean {
  return !!el.shadowRoot?.querySelector('slot') && (el.firstElementChild as HTMLElement).getClientRects().length > 0;
}

async function settle(...els: Array<ClerkSignedIn | ClerkSignedOut>): Promise<void> {
  await Promise.all(els.map((el) => el.updateComplete));
}

describe('<clerk-signed-in> and <clerk-signed-out>', () => {
  it('show only the signed-in content while a user is signed in', async () => {
    const { signedIn, signedOut } = await page(FakeClerk.signedIn());
    expect(shown(signedIn)).to.equal(true);
    expect(shown(signedOut)).to.equal(false);
    expect(signedIn.active).to.equal(true);
    expect(signedOut.active).to.equal(false);
  });

  it('show only the signed-out content when nobody is signed in', async () => {
    const { signedIn, signedOut } = await page(new FakeClerk());
    expect(shown(signedIn)).to.equal(false);
    expect(shown(signedOut)).to.equal(true);
  });

  it('lay out their children as if they were not there (display: contents)', async () => {
    const { signedIn } = await page(FakeClerk.signedIn());
    expect(getComputedStyle(signedIn).display).to.equal('contents');
  });

  it('show neither while Clerk is loading, then the right one once it has loaded', async () => {
    const { clerk, finishLoading } = slowClerk();
    const { provider, signedIn, signedOut } = await page(clerk);
    expect(provider.state.status).to.equal('loading');
    expect(shown(signedIn)).to.equal(false);
    expect(shown(signedOut)).to.equal(false);
    finishLoading();
    await until(() => provider.state.status === 'ready');
    await settle(signedIn, signedOut);
    expect(shown(signedIn)).to.equal(true);
    expect(shown(signedOut)).to.equal(false);
  });

  it('show neither when Clerk failed to load', async () => {
    const clerk = new FakeClerk({ loaded: false });
    clerk.load = () => Promise.reject(new Error('network down'));
    let result!: Awaited<ReturnType<typeof page>>;
    await captureConsole(async () => {
      result = await page(clerk);
      await until(() => result.provider.state.status === 'error');
      await settle(result.signedIn, result.signedOut);
    });
    expect(shown(result.signedIn)).to.equal(false);
    expect(shown(result.signedOut)).to.equal(false);
  });

  it('switch live: sign-out through the button inside, sign-in from elsewhere, sign-out in another tab', async () => {
    const clerk = FakeClerk.signedIn();
    const { signedIn, signedOut } = await page(clerk);
    const button = signedIn.querySelector('clerk-sign-out-button')!;
    document.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
    shadowButton(button).click();
    await until(() => clerk.user === null);
    await settle(signedIn, signedOut);
    expect(shown(signedIn)).to.equal(false);
    expect(shown(signedOut)).to.equal(true);

    const session = clerk.addSession(fakeUser({ firstName: 'Grace' }));
    await clerk.setActive({ session: session.id });
    await settle(signedIn, signedOut);
    expect(shown(signedIn)).to.equal(true);
    expect(shown(signedOut)).to.equal(false);

    clerk.endAllSessionsElsewhere();
    await settle(signedIn, signedOut);
    expect(shown(signedIn)).to.equal(false);
    expect(shown(signedOut)).to.equal(true);
  });

  it('keep the signed-in content while a sign-out is in flight', async () => {
    const clerk = FakeClerk.signedIn();
    const { signedIn, signedOut } = await page(clerk);
    const release = clerk.holdNextSignOut();
    document.addEventListener('signed-out', (event) => event.preventDefault(), { once: true });
    shadowButton(signedIn.querySelector('clerk-sign-out-button')!).click();
    await until(() => clerk.signOutCalls.length === 1);
    await settle(signedIn, signedOut);
    expect(clerk.user).to.equal(undefined); // Clerk itself is in transition
    expect(shown(signedIn)).to.equal(true);
    expect(shown(signedOut)).to.equal(false);
    release();
    await until(() => clerk.user === null);
    await settle(signedIn, signedOut);
    expect(shown(signedOut)).to.equal(true);
  });

  it('keep the signed-in content when the sign-out fails', async () => {
    const clerk = FakeClerk.signedIn();
    const { signedIn, signedOut } = await page(clerk);
    clerk.failNextSignOut();
    const failed = new Promise((resolve) => document.addEventListener('sign-out-error', resolve, { once: true }));
    shadowButton(signedIn.querySelector('clerk-sign-out-button')!).click();
    await failed;
    await settle(signedIn, signedOut);
    expect(shown(signedIn)).to.equal(true);
    expect(shown(signedOut)).to.equal(false);
  });

  it('are inert (and show nothing) outside a provider', async () => {
    let el!: ClerkSignedOut;
    await captureConsole(async () => {
      el = await fixture<ClerkSignedOut>(html`<clerk-signed-out><p>hi</p></clerk-signed-out>`);
    });
    expect(shown(el)).to.equal(false);
  });
});
