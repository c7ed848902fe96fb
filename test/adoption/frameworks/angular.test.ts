// Angular 21: the frameworks page's standalone component (test/adoption/frameworks/angular/sign-out.component.ts, the docs block with the
// package name for the source import; test/node/framework-snippets.test.mjs checks they match), JIT-compiled in the page
// (@angular/compiler first), zoneless, with Angular's router on a mock location (the test page's URL stays).
import '@angular/compiler';
import { expect } from '@open-wc/testing';
import { provideLocationMocks } from '@angular/common/testing';
import {
  ApplicationRef,
  Component,
  InjectionToken,
  VERSION,
  inject,
  provideZonelessChangeDetection,
} from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { Router, provideRouter } from '@angular/router';
import type { ClerkProvider, ClerkSignOutButton, SignedOutEvent } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';
import { captureConsole, shadowButton, until } from '../../support/fixtures.js';
import { SignOutComponent } from './angular/sign-out.component.js';

const CLERK = new InjectionToken<FakeClerk>('the Clerk instance of the app');

/** The app around the docs component: it binds its Clerk instance with `[clerk]`, as a parent component does. */
@Component({ selector: 'test-app', imports: [SignOutComponent], template: `<app-sign-out [clerk]="clerk" />` })
class TestApp {
  readonly clerk = inject(CLERK);
}

describe('Angular 21', () => {
  let app: ApplicationRef | undefined;
  let host: HTMLElement | undefined;
  afterEach(() => {
    app?.destroy();
    host?.remove();
  });

  async function mount(clerk: FakeClerk): Promise<Router> {
    app = await createApplication({
      providers: [
        provideZonelessChangeDetection(),
        provideRouter([{ path: '**', children: [] }]),
        provideLocationMocks(),
        { provide: CLERK, useValue: clerk },
      ],
    });
    host = document.createElement('test-app');
    document.body.append(host);
    app.bootstrap(TestApp, host);
    await app.whenStable();
    return app.injector.get(Router);
  }

  it('binds [clerk] as a property, handles (signed-out) with the detail, vetoes the redirect and routes with the router', async () => {
    expect(VERSION.major).to.equal('21');
    const clerk = FakeClerk.signedIn({ id: 'user_angular' });
    const { warn, error } = await captureConsole(async () => {
      const router = await mount(clerk);
      await router.navigateByUrl('/account');
      expect(router.url).to.equal('/account');

      const provider = host!.querySelector<ClerkProvider>('clerk-provider')!;
      expect(provider.clerk).to.equal(clerk); // a property, not an attribute
      expect(provider.hasAttribute('clerk')).to.equal(false);
      const button = host!.querySelector<ClerkSignOutButton>('clerk-sign-out-button')!;
      expect(button.getAttribute('redirect-url')).to.equal('/');
      await until(() => button.shadowRoot?.querySelector('button'));

      const seen: Array<{ detail: SignedOutEvent['detail']; vetoed: boolean }> = [];
      const record = (event: SignedOutEvent) => seen.push({ detail: event.detail, vetoed: event.defaultPrevented });
      document.addEventListener('signed-out', record); // after the component's handler (the event bubbles up to here)
      try {
        shadowButton(button).click();
        await until(() => seen.length === 1);
      } finally {
        document.removeEventListener('signed-out', record);
      }
      expect(seen).to.deep.equal([
        {
          detail: {
            sessionIds: ['sess_user_angular'],
            userId: 'user_angular',
            redirectUrl: new URL('/', location.href).href,
          },
          vetoed: true,
        },
      ]);
      await until(() => router.url === '/');
      expect(clerk.navigations).to.deep.equal([]); // Angular routed; Clerk did not load a page
      const signedOut = host!.querySelector('clerk-signed-out')!;
      await until(() => signedOut.shadowRoot?.querySelector('slot'));
    });
    expect({ warn, error }, 'console warnings and errors').to.deep.equal({ warn: [], error: [] });
  });
});
