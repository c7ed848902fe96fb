// The minified CDN module keeps the names of its public classes, so the console shows `SignedOutEvent`, not
// `t`. The module is the CDN build of the current source (vite.cdn.config.ts, served by test/support/framework-plugins.mjs).
// The npm build's names are checked in test/snippets/snippets.test.mjs (it builds the package).
import { expect } from '@open-wc/testing';

const CDN_MODULE = '/__cdn__/clerk-sign-out-elements.js';

/** Classes src/index.ts exports (at least these; the second test checks every exported class). */
const PUBLIC_CLASSES = [
  'ClerkProvider',
  'ClerkSignOutButton',
  'ClerkSignedIn',
  'ClerkSignedOut',
  'ClerkUserMenu',
  'SignOutEvent',
  'SignedOutEvent',
  'SignOutErrorEvent',
  'ClerkLoadedEvent',
  'ClerkErrorEvent',
  'MenuOpenEvent',
  'MenuCloseEvent',
  'SessionSwitchedEvent',
  'SignOutNotConfirmedError',
  'ConfigurationError',
];

const isClass = (value: unknown): value is abstract new (...args: never[]) => unknown =>
  typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));

describe('CDN module: class names', () => {
  let cdn: Record<string, unknown>;
  before(async function () {
    this.timeout(60000); // built on first request
    const url = CDN_MODULE; // not a literal: the test server leaves the import alone
    cdn = await import(url);
  });

  it('every public class is exported under its own name and keeps it after minification', () => {
    for (const name of PUBLIC_CLASSES) {
      expect(isClass(cdn[name]), `${name} is a class`).to.equal(true);
      expect((cdn[name] as { name: string }).name, name).to.equal(name);
    }
  });

  it('no exported class is renamed, including any not listed above', () => {
    const classes = Object.entries(cdn).filter(([, value]) => isClass(value));
    expect(classes.length).to.be.at.least(PUBLIC_CLASSES.length);
    for (const [name, value] of classes) expect((value as { name: string }).name, name).to.equal(name);
  });

  it('what the console shows: an event, an error and a registered element by their names', () => {
    const SignedOutEvent = cdn.SignedOutEvent as new (detail: object) => Event;
    const event = new SignedOutEvent({ sessionIds: [], userId: null, redirectUrl: null });
    expect(event.constructor.name).to.equal('SignedOutEvent');
    expect(Object.prototype.toString.call(event)).to.equal('[object CustomEvent]');
    const SignOutNotConfirmedError = cdn.SignOutNotConfirmedError as new () => Error;
    expect(String(new SignOutNotConfirmedError())).to.match(/^SignOutNotConfirmedError: /);
    expect(customElements.get('clerk-sign-out-button')!.name).to.equal('ClerkSignOutButton');
    expect(document.createElement('clerk-user-menu').constructor.name).to.equal('ClerkUserMenu');
  });
});
