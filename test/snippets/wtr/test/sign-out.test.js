// test/sign-out.test.js
import 'clerk-sign-out-elements/testing/isolate-tabs.js'; // first: test pages running at once do not hear each other's sign-outs
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import 'clerk-sign-out-elements';
import { connectEmulator } from 'clerk-sign-out-elements/testing';

it('shows the signed-in user, then signs out on the server', async () => {
  const emulator = connectEmulator(); // a tenant of its own, with nobody signed in
  await emulator.signIn(await emulator.createUser({ firstName: 'Ada', lastName: 'Lovelace' }));
  const { publishableKey, proxyUrl } = emulator; // give them to the provider, as a page would
  const provider = await fixture(html`
    <clerk-provider publishable-key=${publishableKey} proxy-url=${proxyUrl}>
      <clerk-signed-in><clerk-sign-out-button></clerk-sign-out-button></clerk-signed-in>
      <clerk-signed-out><p>You are signed out.</p></clerk-signed-out>
    </clerk-provider>
  `);
  await waitUntil(() => provider.querySelector('clerk-signed-in').active, 'Ada is signed in', { timeout: 5000 });
  expect(provider.state.user.firstName).to.equal('Ada');

  const button = provider.querySelector('clerk-sign-out-button');
  button.addEventListener('signed-out', (event) => event.preventDefault()); // stay on the test page
  expect((await button.signOut()).outcome).to.equal('signed-out');
  expect((await emulator.state()).sessions).to.have.length(0);
  await waitUntil(() => provider.querySelector('clerk-signed-out').active, 'the signed-out content shows');
});
