import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { withProvider, shadowButton } from '../support/fixtures.js';

describe('smoke', () => {
  it('renders a sign-out button inside a provider', async () => {
    const { el } = await withProvider(html`<clerk-sign-out-button></clerk-sign-out-button>`);
    expect(shadowButton(el).textContent).to.contain('Sign out');
  });
});
