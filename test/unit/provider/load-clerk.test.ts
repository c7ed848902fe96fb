/**
 * Where the provider loads Clerk's script from, and what it says when it cannot.
 *
 * - A publishable key encodes the Frontend API host the script comes from. Only a plain host name is taken: one that
 *   `new URL` keeps unchanged, so no user name (`clerk.example.com@evil.example` would load from evil.example), fragment
 *   (`evil.example#.x` would load the site's root), query or backslash/slash (a rewritten path). Hand-written hosts,
 *   then a seeded fast-check property over generated ones (its run count is logged as `keys: …`).
 * - When the script's server says why it failed in a Clerk error body (the emulator does, e.g. "@clerk/clerk-js is not
 *   installed"), the console error gives that cause, not a guess.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import type { ClerkErrorEvent, ClerkProvider } from '../../../src/index.js';
import { ConfigurationError } from '../../../src/contract/errors.js';
import { frontendApiFromKey } from '../../../src/provider/load-clerk.js';
import { connectEmulator } from '../../../src/testing/index.js';
import { captureConsole, recordEvents, until } from '../../support/fixtures.js';

const SEED = 20_260_521;
const RUNS = 3000;
const SCRIPT_PATH = '/npm/@clerk/clerk-js@6/dist/clerk.browser.js';

/** A key for `host`: `pk_live_` + base64 of its bytes (UTF-8) and `$`, as Clerk builds them. */
function keyFor(host: string): string {
  const bytes = new TextEncoder().encode(`${host}$`);
  return `pk_live_${btoa(String.fromCharCode(...bytes))}`;
}

/** Mounts a provider, waits for its clerk-error; records every <script> added to the page meanwhile. */
async function loadError(template: ReturnType<typeof html>) {
  const scripts: string[] = [];
  const observer = new MutationObserver((records) =>
    records.forEach((record) =>
      record.addedNodes.forEach((node) => node instanceof HTMLScriptElement && scripts.push(node.src)),
    ),
  );
  observer.observe(document, { childList: true, subtree: true });
  const events = recordEvents('clerk-error');
  let provider!: ClerkProvider;
  const seen = await captureConsole(async () => {
    provider = await fixture<ClerkProvider>(template);
    await until(() => events.events.length > 0, 'clerk-error', 8000);
  });
  events.stop();
  observer.disconnect();
  return { error: (events.events[0] as ClerkErrorEvent).detail.error, console: seen.error, scripts, provider };
}

describe('publishable-key: the Frontend API host must be a plain host name', () => {
  afterEach(() => delete window.Clerk);

  const HOSTILE = [
    ['clerk.example.com@evil.example', 'a user name: the script would come from evil.example'],
    ['user:pass@clerk.example.com', 'a user name and password'],
    ['evil.example#.x', "a fragment: the script would be evil.example's root"],
    ['evil.example?.x', 'a query'],
    ['evil.example\\x.y', 'a backslash: a rewritten path'],
    ['evil.example/x.y', 'a path'],
    ['clerk.example.com:443', 'a default port a URL drops'],
    ['Clerk.Example.com', 'capitals a URL lowers'],
    ['clerk.exa mple.com', 'a space'],
    ['%65vil.example', 'a percent-escape'],
  ];
  for (const [host, what] of HOSTILE) {
    it(`refuses ${JSON.stringify(host)} (${what}), naming the key and what it encodes, and loads no script`, async () => {
      const key = keyFor(host);
      const { error, console, scripts } = await loadError(
        html`<clerk-provider publishable-key=${key}></clerk-provider>`,
      );
      expect(error).to.be.instanceOf(ConfigurationError);
      expect(error.message).to.contain(`<clerk-provider> publishable-key="${key}" does not encode a Frontend API host`);
      expect(error.message).to.contain(`it encodes ${JSON.stringify(host)}`);
      expect(console.join('\n')).to.contain(error.message);
      expect(scripts, 'no script was added').to.deep.equal([]);
    });
  }

  it('still takes plain hosts: with a port, a trailing dot, an IP address', () => {
    for (const host of [
      'clerk.example.com',
      'clerk.my-app.example.co.uk',
      'clerk.example.com:8443',
      'clerk.example.com.',
    ])
      expect(frontendApiFromKey(keyFor(host))).to.equal(host);
    expect(frontendApiFromKey('pk_test_' + btoa('clerk.example.com$').replace(/=+$/, ''))).to.equal(
      'clerk.example.com',
    );
  });

  it('generated hosts: every host taken is the host a script URL built from it goes to (fast-check)', () => {
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
    // The last label starts with a letter, as a top-level domain does (an all-digit one reads as an IPv4 address).
    const tld = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}[a-z0-9]$/);
    const plain = fc
      .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld)
      .map(([labels, last]) => [...labels, last].join('.'));
    const hostile = fc.constantFrom(
      ...['@', ':', '?', '#', '\\', '/', '%', '%2e', '%40', ' ', '\t', '\n', '\0', '.', '..', '[', ']', '$', '^', '|'],
      ...['\u3002', '\uff0e', '\uff20', '\u00e4', '\u0430', '\u00ad', '\u200b', 'A', 'Z', ':443', ':0', ':99999'],
      ...['user@', 'a:b@', '@evil.example', '#x', '?x=1', '/x', '\\x'],
    );
    const withInserted = fc
      .tuple(plain, fc.array(fc.tuple(fc.nat(), hostile), { minLength: 1, maxLength: 3 }))
      .map(([base, inserts]) =>
        inserts.reduce((text, [at, bit]) => {
          const i = at % (text.length + 1);
          return text.slice(0, i) + bit + text.slice(i);
        }, base),
      );
    let taken = 0;
    let refused = 0;
    const property = fc.property(fc.oneof(plain, withInserted, fc.string({ maxLength: 30 })), (host) => {
      const key = keyFor(host);
      let found: string;
      try {
        found = frontendApiFromKey(key);
      } catch (error) {
        refused++;
        expect(error).to.be.instanceOf(ConfigurationError);
        expect((error as Error).message).to.contain(`publishable-key="${key}" does not encode a Frontend API host`);
        return;
      }
      taken++;
      const url = new URL(`https://${found}${SCRIPT_PATH}`);
      expect(found).to.equal(host);
      expect([url.host, url.username, url.password, url.pathname, url.search, url.hash]).to.deep.equal([
        found,
        '',
        '',
        SCRIPT_PATH,
        '',
        '',
      ]);
      expect(found).to.contain('.');
    });
    const plainAccepted = fc.property(plain, (host) => {
      expect(frontendApiFromKey(keyFor(host))).to.equal(host);
    });
    const details = fc.check(property, { seed: SEED, numRuns: RUNS });
    const plainDetails = fc.check(plainAccepted, { seed: SEED, numRuns: 500 });
    console.log(
      `keys: ${details.numRuns} runs (${taken} hosts taken, ${refused} refused), ${details.failed ? 1 : 0} violations; ` +
        `${plainDetails.numRuns} plain hosts, ${plainDetails.failed ? 1 : 0} violations (seed ${SEED})`,
    );
    if (details.failed) throw new Error(fc.defaultReportMessage(details));
    if (plainDetails.failed) throw new Error(fc.defaultReportMessage(plainDetails));
    expect(taken).to.be.greaterThan(100);
    expect(refused).to.be.greaterThan(100);
  });
});

describe('a script that cannot be loaded: the console says why, when the server says so', () => {
  afterEach(() => delete window.Clerk);

  it("gives the emulator's reason (its Clerk error body), not a guess", async () => {
    const emulator = connectEmulator();
    await emulator.reset();
    const because =
      "@clerk/clerk-js is not installed, so Clerk's browser script cannot be served. Install it: npm install -D @clerk/clerk-js@6";
    await emulator.fault('script', { status: 404, errors: [{ code: 'not_installed', long_message: because }] });
    try {
      const { error, console } = await loadError(
        html`<clerk-provider
          publishable-key=${emulator.publishableKey}
          proxy-url=${emulator.proxyUrl}
        ></clerk-provider>`,
      );
      const url = `${emulator.proxyUrl}${SCRIPT_PATH}`;
      expect(error.message).to.equal(`<clerk-provider> could not load Clerk's script from ${url}: ${because}`);
      expect(console.join('\n')).to.contain(because);
      expect(document.querySelector(`script[src="${url}"]`), 'the failed script is taken out').to.equal(null);
    } finally {
      await emulator.clearFaults();
    }
  });

  it('guesses, naming the attributes to check, when the answer says nothing (not a Clerk error body)', async () => {
    const key = keyFor('clerk.example.com');
    const { error } = await loadError(
      html`<clerk-provider publishable-key=${key} clerk-js-url="/no/such/clerk.browser.js"></clerk-provider>`,
    );
    expect(error.message).to.match(
      /could not load Clerk's script from .*\/no\/such\/clerk\.browser\.js\. Check clerk-js-url/,
    );
  });
});
