// Svelte 5: a compiled component (SignOutHeader.svelte, compiled on request by test/support/framework-plugins.mjs).
import { expect } from '@open-wc/testing';
import { flushSync, mount, unmount } from 'svelte';
import '../../../src/index.js';
import type { ClerkProvider, SignedOutEvent } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { shadowButton, until } from '../../support/fixtures.js';
import SignOutHeader from './SignOutHeader.svelte';

describe('Svelte 5', () => {
  it('sets {clerk} as a property, handles onsigned-out with the detail, vetoes the redirect and routes itself', async () => {
    const clerk = FakeClerk.signedIn({ id: 'user_svelte' });
    const seen: SignedOutEvent['detail'][] = [];
    const target = document.createElement('div');
    document.body.append(target);
    const component = mount(SignOutHeader, { target, props: { clerk, seen } });
    try {
      flushSync();
      // Compiled components announce their Svelte major version (svelte/internal/disclose-version).
      expect([...((window as unknown as { __svelte?: { v: Set<string> } }).__svelte?.v ?? [])]).to.deep.equal(['5']);
      expect(target.querySelector<ClerkProvider>('clerk-provider')!.clerk).to.equal(clerk);
      const button = target.querySelector('clerk-sign-out-button')!;
      await until(() => button.shadowRoot?.querySelector('button'));
      shadowButton(button).click();
      await until(() => seen.length === 1);
      flushSync();
      expect(seen[0]).to.deep.equal({
        sessionIds: ['sess_user_svelte'],
        userId: 'user_svelte',
        redirectUrl: `${location.origin}/signed-out`,
      });
      expect(target.querySelector('#route')!.textContent).to.equal('/signed-out');
      expect(clerk.navigations).to.deep.equal([]);
    } finally {
      await unmount(component);
      target.remove();
    }
  });
});
