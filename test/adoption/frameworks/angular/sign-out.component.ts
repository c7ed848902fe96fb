// sign-out.component.ts
import { Component, CUSTOM_ELEMENTS_SCHEMA, Input, inject } from '@angular/core';
import { Router } from '@angular/router';
import '../../../../src/index.js';
import type { ClerkLike, SignedOutEvent } from '../../../../src/index.js';
import { routerPath } from './router-path.js';

@Component({
  selector: 'app-sign-out',
  schemas: [CUSTOM_ELEMENTS_SCHEMA], // the clerk- tags are custom elements
  template: `
    <clerk-provider [clerk]="clerk">
      <clerk-signed-in>
        <clerk-sign-out-button redirect-url="/" (signed-out)="onSignedOut($event)"></clerk-sign-out-button>
      </clerk-signed-in>
      <clerk-signed-out><p>You are signed out.</p></clerk-signed-out>
    </clerk-provider>
  `,
})
export class SignOutComponent {
  @Input({ required: true }) clerk!: ClerkLike; // your Clerk instance
  readonly #router = inject(Router);

  onSignedOut(event: SignedOutEvent) {
    const path = routerPath(event.detail.redirectUrl);
    if (path === null) return; // nothing navigates, or another origin: let the element load it
    event.preventDefault(); // no full page load: route with Angular's router
    void this.#router.navigateByUrl(path);
  }
}
