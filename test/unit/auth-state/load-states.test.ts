// <clerk-loading>, <clerk-loaded>, <clerk-failed> and <clerk-degraded> beside <clerk-signed-in> and <clerk-signed-out>:
// in each state of the provider exactly the right ones show their children, and they follow every transition.
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import type { ClerkLike, ClerkProvider, ClerkResources } from '../../../src/index.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { captureConsole, slowClerk, until } from '../../support/fixtures.js';

const TAGS = [
  'clerk-loading',
  'clerk-loaded',
  'clerk-failed',
  'clerk-degraded',
  'clerk-signed-in',
  'clerk-signed-out',
] as const;
type Tag = (typeof TAGS)[number];

/** A provider holding one of each, every one with a paragraph naming it. */
async function page(clerk: ClerkLike | undefined) {
  const provider = await fixture<ClerkProvider>(html`
    <clerk-provider .clerk=${clerk}>
      <clerk-loading><p>Loading…</p></clerk-loading>
      <clerk-loaded><p>Loaded.</p></clerk-loaded>
      <clerk-failed><p>Sign-in is unavailable right now.</p></clerk-failed>
      <clerk-degraded><p>Some account features are unavailable right now.</p></clerk-degraded>
      <clerk-signed-in><p>Welcome back.</p></clerk-signed-in>
      <clerk-signed-out><p>You are signed out.</p></clerk-signed-out>
    </clerk-provider>
  `);
  return { provider, shown: () => shownTags(provider) };
}

/** The tags whose children are rendered: slotted, with a layout box (hidden ones have no slot at all). */
async function shownTags(provider: ClerkProvider): Promise<Tag[]> {
  const elements = TAGS.map((tag) => provider.querySelector(tag) as LitElement & { active: boolean });
  await Promise.all(elements.map((element) => element.updateComplete));
  const rendered = elements.filter(
    (element) => !!element.shadowRoot?.querySelector('slot') && element.firstElementChild!.getClientRects().length > 0,
  );
  const active = elements.filter((element) => element.active);
  expect(
    rendered.map((element) => element.localName),
    '`active` says what renders',
  ).to.deep.equal(active.map((element) => element.localName));
  return rendered.map((element) => element.localName as Tag);
}

/** A Clerk whose load() fails (script or Frontend API unreachable, as clerk-js rejects). */
function failingClerk(): FakeClerk {
  const clerk = new FakeClerk({ loaded: false });
  clerk.failNextLoad();
  return clerk;
}

/** Opens the page, hiding the provider's console error (a failed load reports one). */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  let result!: T;
  await captureConsole(async () => (result = await run()));
  return result;
}

describe('<clerk-loading>, <clerk-loaded>, <clerk-failed>, <clerk-degraded>', () => {
  it('while Clerk loads: only <clerk-loading>', async () => {
    const { clerk } = slowClerk();
    const { provider, shown } = await page(clerk);
    expect(provider.state.status).to.equal('loading');
    expect(await shown()).to.deep.equal(['clerk-loading']);
  });

  it('loaded, signed in: <clerk-loaded> and <clerk-signed-in>', async () => {
    const { shown } = await page(FakeClerk.signedIn());
    expect(await shown()).to.deep.equal(['clerk-loaded', 'clerk-signed-in']);
  });

  it('loaded, nobody signed in: <clerk-loaded> and <clerk-signed-out>', async () => {
    const { shown } = await page(new FakeClerk());
    expect(await shown()).to.deep.equal(['clerk-loaded', 'clerk-signed-out']);
  });

  it('Clerk could not load: only <clerk-failed>, never signed-in or signed-out content', async () => {
    const { provider, shown } = await quietly(async () => {
      const opened = await page(failingClerk());
      await until(() => opened.provider.state.status === 'error');
      return opened;
    });
    expect(provider.state.degraded).to.equal(false);
    expect(await shown()).to.deep.equal(['clerk-failed']);
  });

  it('Frontend API down at load, nobody known (clerk-js "degraded", no session cookie): <clerk-failed> and <clerk-degraded>', async () => {
    const clerk = new FakeClerk({ loaded: false });
    clerk.degradeNextLoad();
    const { provider, shown } = await quietly(async () => {
      const opened = await page(clerk);
      await until(() => opened.provider.state.status === 'error');
      return opened;
    });
    expect(clerk.status).to.equal('degraded');
    expect(provider.state.degraded).to.equal(true);
    expect(await shown()).to.deep.equal(['clerk-failed', 'clerk-degraded']);
  });

  it('degraded with a user known (clerk-js read the session cookie): <clerk-loaded>, <clerk-degraded>, <clerk-signed-in>', async () => {
    const clerk = new FakeClerk({ users: [fakeUser()], loaded: false });
    clerk.degradeNextLoad();
    const { provider, shown } = await page(clerk);
    await until(() => provider.state.status === 'ready');
    expect(provider.state.degraded).to.equal(true);
    expect(await shown()).to.deep.equal(['clerk-loaded', 'clerk-degraded', 'clerk-signed-in']);
  });

  it('follows every transition: loading → signed in → degraded → signed out; a new Clerk starts over', async () => {
    const { clerk, finishLoading } = slowClerk();
    const { provider, shown } = await page(clerk);
    expect(await shown()).to.deep.equal(['clerk-loading']);

    finishLoading();
    await until(() => provider.state.status === 'ready');
    expect(await shown()).to.deep.equal(['clerk-loaded', 'clerk-signed-in']);

    clerk.degrade(); // e.g. a session token could not be refreshed
    expect(await shown()).to.deep.equal(['clerk-loaded', 'clerk-degraded', 'clerk-signed-in']);

    clerk.endAllSessionsElsewhere();
    expect(await shown()).to.deep.equal(['clerk-loaded', 'clerk-degraded', 'clerk-signed-out']);

    const next = slowClerk();
    provider.clerk = next.clerk;
    await until(() => provider.state.clerk === next.clerk);
    expect(provider.state.degraded, 'a new Clerk is not degraded').to.equal(false);
    expect(await shown()).to.deep.equal(['clerk-loading']);
    await quietly(async () => {
      next.clerk.degrade();
      provider.clerk = failingClerk();
      await until(() => provider.state.status === 'error');
    });
    expect(await shown()).to.deep.equal(['clerk-failed']);
  });

  it('"loading" is whether anyone is signed in is known, not the status alone: ready with no user reported yet is loading', async () => {
    // A loaded Clerk in transition (user and session `undefined`, as clerk-js reports them mid-change, and as the
    // provider reports them while it settles after an action), which tells its listener later.
    const signedIn = FakeClerk.signedIn();
    const { user, session } = signedIn;
    let report!: (resources: ClerkResources) => void;
    const clerk = Object.assign(signedIn, {
      user: undefined,
      session: undefined,
      addListener(listener: (resources: ClerkResources) => void) {
        report = listener;
        return () => undefined;
      },
    });
    const { provider, shown } = await page(clerk);
    expect(provider.state.status).to.equal('ready');
    expect(provider.state.user).to.equal(undefined);
    expect(await shown()).to.deep.equal(['clerk-loading']);
    report({ client: clerk.client, session, user });
    expect(await shown()).to.deep.equal(['clerk-loaded', 'clerk-signed-in']);
  });

  it('stop following Clerk when the provider leaves the page, and follow again when it returns', async () => {
    const clerk = FakeClerk.signedIn();
    const { provider, shown } = await page(clerk);
    const parent = provider.parentNode!;
    provider.remove();
    clerk.degrade();
    expect(provider.state.degraded, 'not heard while out of the page').to.equal(false);
    parent.append(provider);
    await until(() => provider.state.degraded);
    expect(await shown()).to.deep.equal(['clerk-loaded', 'clerk-degraded', 'clerk-signed-in']);
  });

  it('are display: contents, and pass axe in each state', async () => {
    const states: Array<() => Promise<ClerkProvider>> = [
      async () => (await page(slowClerk().clerk)).provider,
      async () => (await page(FakeClerk.signedIn())).provider,
      async () =>
        quietly(async () => {
          const { provider } = await page(failingClerk());
          await until(() => provider.state.status === 'error');
          return provider;
        }),
    ];
    for (const open of states) {
      const provider = await open();
      await shownTags(provider);
      for (const tag of TAGS) expect(getComputedStyle(provider.querySelector(tag)!).display).to.equal('contents');
      await expect(provider).to.be.accessible();
    }
  });

  it('without a provider: <clerk-loading> keeps showing (Clerk never loads there) and the others show nothing', async () => {
    // (Not fixture(): for a plain <div> it waits for an animation frame, which a page in the background never gets.)
    const el = document.createElement('div');
    el.innerHTML = '<clerk-loading><p>Loading…</p></clerk-loading><clerk-failed><p>Unavailable</p></clerk-failed>';
    const [loading, failed] = [...el.children] as Array<LitElement & { active: boolean }>;
    try {
      const seen = await captureConsole(async () => {
        document.body.append(el);
        await Promise.all([loading.updateComplete, failed.updateComplete]);
      });
      expect([loading.active, failed.active]).to.deep.equal([true, false]);
      expect(seen.warn.join('\n')).to.contain('<clerk-loading> is not inside a <clerk-provider>');
    } finally {
      el.remove();
    }
  });
});
