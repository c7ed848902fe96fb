// Plain HTML: markup only (innerHTML), Clerk from `window.Clerk` as Clerk's own script provides it, a listener on document.
import { expect } from '@open-wc/testing';
import '../../../src/index.js';
import type { SignedOutEvent } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { shadowButton, until } from '../../support/fixtures.js';

describe('plain HTML', () => {
  let host: HTMLElement;
  afterEach(() => {
    host.remove();
    delete window.Clerk;
  });

  it('works from markup alone: signed-in content, the sign-out button, and the page handling signed-out', async () => {
    const clerk = FakeClerk.signedIn({ id: 'user_html' });
    window.Clerk = clerk;
    host = document.createElement('div');
    document.body.append(host);
    host.innerHTML = `
      <clerk-provider>
        <clerk-signed-in><clerk-sign-out-button redirect-url="/goodbye"></clerk-sign-out-button></clerk-signed-in>
        <clerk-signed-out><p>You are signed out</p></clerk-signed-out>
      </clerk-provider>`;
    const seen: SignedOutEvent['detail'][] = [];
    const onSignedOut = (event: SignedOutEvent) => {
      seen.push(event.detail);
      event.preventDefault(); // the page routes itself
    };
    document.addEventListener('signed-out', onSignedOut);
    try {
      const button = host.querySelector('clerk-sign-out-button')!;
      await until(() => button.shadowRoot?.querySelector('button'));
      shadowButton(button).click();
      await until(() => seen.length === 1);
    } finally {
      document.removeEventListener('signed-out', onSignedOut);
    }
    expect(seen[0]).to.deep.equal({
      sessionIds: ['sess_user_html'],
      userId: 'user_html',
      redirectUrl: new URL('/goodbye', location.href).href,
    });
    expect(clerk.navigations).to.deep.equal([]); // vetoed
    const signedOut = host.querySelector('clerk-signed-out')!;
    await until(() => signedOut.shadowRoot?.querySelector('slot'));
  });
});
