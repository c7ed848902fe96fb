// Not a test of its own: test/node/framework-snippets.test.mjs expects Angular's strict template check (ngc) to REFUSE
// this handler, which proves that `$event` of `(signed-out)` is typed as the package's SignedOutEvent (not `any`).
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import type {} from '../../../../src/index.js';

@Component({
  selector: 'app-wrong-event-type',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<clerk-sign-out-button (signed-out)="takesANumber($event)"></clerk-sign-out-button>`,
})
export class WrongEventType {
  takesANumber(value: number) {
    return value;
  }
}
