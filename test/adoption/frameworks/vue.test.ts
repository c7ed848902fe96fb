// Vue 3: a template using the elements, with `isCustomElement` for clerk- tags and the `@signed-out` listener.
// `vue` is served as its full browser build (it includes the template compiler) by test/support/framework-plugins.mjs.
import { expect } from '@open-wc/testing';
import { createApp, nextTick, ref, version, type App } from 'vue';
import '../../../src/index.js';
import type { ClerkSignOutButton, SignedOutEvent } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { captureConsole, shadowButton, until } from '../../support/fixtures.js';

const template = `
  <clerk-provider :clerk="clerk">
    <p id="route">{{ route }}</p>
    <clerk-signed-in>
      <clerk-sign-out-button redirect-url="/signed-out" :scope="scope" @signed-out="onSignedOut"></clerk-sign-out-button>
    </clerk-signed-in>
    <clerk-signed-out><p id="goodbye">You are signed out</p></clerk-signed-out>
  </clerk-provider>`;

describe('Vue 3', () => {
  let container: HTMLElement;
  let app: App;
  afterEach(() => {
    app.unmount();
    container.remove();
  });

  it('binds .clerk, handles @signed-out with the detail, vetoes the redirect and routes itself', async () => {
    expect(version).to.match(/^3\./);
    const clerk = FakeClerk.signedIn({ id: 'user_vue' });
    const seen: SignedOutEvent['detail'][] = [];
    const route = ref('/account');
    app = createApp({
      template,
      setup: () => ({
        clerk, // Clerk stays a plain object: a reactive() proxy would break its private fields (use markRaw in real apps)
        route,
        scope: 'current',
        onSignedOut(event: SignedOutEvent) {
          seen.push(event.detail);
          event.preventDefault();
          route.value = new URL(event.detail.redirectUrl ?? '/', location.href).pathname;
        },
      }),
    });
    // Needed in SFC builds (the compiler runs before the elements exist); Vue's in-browser compiler would also accept
    // them because they are already registered, so this test keeps the option as apps set it.
    app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('clerk-');
    container = document.createElement('div');
    document.body.append(container);
    const { warn } = await captureConsole(() => app.mount(container));
    expect(warn.filter((message) => message.includes('[Vue warn]'))).to.deep.equal([]);

    const button = container.querySelector<ClerkSignOutButton>('clerk-sign-out-button')!;
    expect(button.scope).to.equal('current'); // :scope set the property
    await until(() => button.shadowRoot?.querySelector('button'));
    shadowButton(button).click();
    await until(() => seen.length === 1);
    await nextTick();
    expect(seen[0]).to.deep.equal({
      sessionIds: ['sess_user_vue'],
      userId: 'user_vue',
      redirectUrl: `${location.origin}/signed-out`,
    });
    expect(container.querySelector('#route')!.textContent).to.equal('/signed-out');
    expect(clerk.navigations).to.deep.equal([]);
    const signedOut = container.querySelector('clerk-signed-out')!;
    await until(() => signedOut.shadowRoot?.querySelector('slot'));
  });
});
