// An element removed from the page while its sign-out request is still on the wire (a slow answer).
import { expect } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { SignedOutEvent } from '../../src/index.js';
import { recordEvents, until } from './fixtures.js';
import { mountNpmClerk, signedInTenant } from './real-clerk.js';

const DELAY_MS = 1500;

/**
 * Mounts `template` on the real clerk-js, starts its sign-out with `activate`, removes the element while the request
 * waits, and checks that the flow still ends cleanly: no uncaught exception, `signed-out` once (on the document, the
 * element being gone), the sessions gone on the server, and the redirect Clerk's default asks for.
 */
export async function removedWhileSigningOut(
  template: TemplateResult,
  activate: (el: Element) => Promise<void>,
  { sessions: count = 1 } = {},
): Promise<void> {
  const { emulator } = await signedInTenant(count);
  const uncaught: string[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const events = recordEvents('signed-out', 'sign-out-error');
  try {
    const { el, navigations } = await mountNpmClerk<Element>(emulator, template);
    await emulator.fault('signOutAll', { delayMs: DELAY_MS, times: 1 });
    await emulator.clearRequests();

    await activate(el);
    await until(
      () => el.shadowRoot?.querySelector('[aria-busy="true"]'),
      'the element to show the sign-out in flight',
      8000,
    );
    for (const deadline = Date.now() + 5000; (await emulator.requests('signOutAll')).length === 0;) {
      if (Date.now() > deadline) throw new Error('the sign-out request never reached the emulator');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    el.remove();
    expect(events.events, 'no outcome yet').to.deep.equal([]);

    await until(() => events.events.length > 0, 'the outcome', DELAY_MS + 5000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      events.events.map((event) => event.type),
      'events',
    ).to.deep.equal(['signed-out']);
    expect(events.of('signed-out')[0].target, 'where signed-out was dispatched').to.equal(document);
    expect((events.of('signed-out')[0] as SignedOutEvent).detail.redirectUrl).to.equal(
      new URL('/', location.href).href,
    );
    expect(uncaught, 'uncaught exceptions').to.deep.equal([]);
    expect((await emulator.state()).sessions, 'server sessions').to.deep.equal([]);
    expect(
      (await emulator.requests('signOutAll')).map((request) => request.status),
      'one sign-out request',
    ).to.deep.equal([200]);
    await until(() => navigations.length > 0, 'the redirect', 8000);
    expect(navigations).to.deep.equal(['/']);
  } finally {
    events.stop();
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
}
