/**
 * Generated hostile URLs, with fast-check, for every URL attribute and `allowed-redirect-origins`.
 *
 * The invariant, for `redirect-url` (<clerk-sign-out-button>, <clerk-user-menu>), `after-sign-out-url`
 * (<clerk-provider>), `user-profile-url`, `sign-in-url` and `after-switch-session-url` (<clerk-user-menu>): the URL the
 * element uses is an absolute http(s) URL, in canonical form, on this page's origin or on an origin listed in
 * `allowed-redirect-origins`, without a user name or password; otherwise the value is refused with a ConfigurationError
 * whose message contains `<tag> attribute="`.
 *
 * Seeded: every property runs from DEFAULT_SEED, so a run is the same everywhere. To try another seed (or replay one
 * that fast-check reported), put the number in test/unit/urls/hostile-urls.seed (an untracked file; delete it afterwards)
 * and run `npx web-test-runner test/unit/urls/hostile-urls.test.ts`. On failure fast-check's report (seed, path, shrunk
 * counterexample) is the test's error message. The file logs its run counts (`urls: …`) as browser logs, which the
 * default reporter prints in the terminal; a violation stops its property (fast-check then shrinks it), so each
 * property reports 0 or 1.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import fc from 'fast-check';
import type { ClerkProvider, ClerkSignOutButton, ClerkUserMenu, SignedOutEvent } from '../../../src/index.js';
import { FakeClerk, fakeUser } from '../../../src/testing/index.js';
import { ConfigurationError } from '../../../src/contract/errors.js';
import { checkNavigableUrl, parseOrigins } from '../../../src/internal/urls.js';
import { until } from '../../support/fixtures.js';
import { openMenu } from '../../support/fake-menu.js';

const DEFAULT_SEED = 20_100_010;
/** Runs per property (direct: per attribute): the direct checks are cheap, the end-to-end ones build elements. */
const RUNS = { direct: 2000, origins: 2000, acceptance: 500, endToEnd: 100 };

/** Every URL attribute and the element that checks it (grep checkNavigableUrl in src/ when adding one). */
const URL_ATTRIBUTES = [
  { tag: 'clerk-sign-out-button', attribute: 'redirect-url' },
  { tag: 'clerk-user-menu', attribute: 'redirect-url' },
  { tag: 'clerk-provider', attribute: 'after-sign-out-url' },
  { tag: 'clerk-user-menu', attribute: 'user-profile-url' },
  { tag: 'clerk-user-menu', attribute: 'sign-in-url' },
  { tag: 'clerk-user-menu', attribute: 'after-switch-session-url' },
] as const;

// ---------------------------------------------------------------- generators

const ALLOWED = ['https://allowed.example', 'http://allowed.example:8080', 'https://xn--exmple-4nf.com'];

/** Characters that browsers strip, skip or misread in URLs, and look-alikes. */
const C0 = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code));
const ODD_SPACES = [' ', '\u00a0', '\u1680', '\u2000', '\u200b', '\u2028', '\u3000', '\ufeff', '\u00ad', '\u034f'];
const HOSTILE_CHARS = [
  ...C0,
  ...ODD_SPACES,
  '\\',
  '/',
  '@',
  ':',
  '#',
  '?',
  '%',
  '.',
  '&',
  ';',
  '[',
  ']',
  '\u3002',
  '\uff0f',
  '\uff3c',
  '\uff20',
  '\uff1a',
  'a',
  'e',
  'j',
  's',
];

const fullWidth = (text: string) => text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
const entity = (char: string, hex: boolean) =>
  hex ? `&#x${char.charCodeAt(0).toString(16)};` : `&#${char.charCodeAt(0)};`;

/** `text` with characters from `alphabet` inserted at generated positions. */
function withInserted(text: fc.Arbitrary<string>, alphabet: fc.Arbitrary<string>, max = 3): fc.Arbitrary<string> {
  return fc.tuple(text, fc.array(fc.tuple(fc.nat(), alphabet), { maxLength: max })).map(([base, inserts]) =>
    inserts.reduce((acc, [at, char]) => {
      const i = at % (acc.length + 1);
      return acc.slice(0, i) + char + acc.slice(i);
    }, base),
  );
}

const schemeName = fc.constantFrom(
  'javascript',
  'JaVaScRiPt',
  'data',
  'vbscript',
  'VBScript',
  'file',
  'blob',
  'ftp',
  'ws',
  'wss',
  'http',
  'https',
  'HTTP',
  'hTtPs',
);

/** A scheme, plain or obfuscated: case, tabs/newlines/control characters inside, full-width letters, HTML entities, percent-encoding. */
const scheme = fc.oneof(
  { weight: 3, arbitrary: schemeName },
  { weight: 3, arbitrary: withInserted(schemeName, fc.constantFrom(...C0, ...ODD_SPACES)) },
  { weight: 1, arbitrary: schemeName.map(fullWidth) },
  {
    weight: 1,
    arbitrary: fc.tuple(schemeName, fc.boolean()).map(([name, hex]) => entity(name[0], hex) + name.slice(1)),
  },
  { weight: 1, arbitrary: schemeName.map((name) => `%${name.charCodeAt(0).toString(16)}${name.slice(1)}`) },
);

/** What follows the scheme (`:`, `://`, backslashes, tabs, an HTML-entity colon), or a scheme-less start. */
const start = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        scheme,
        fc.constantFrom(':', '://', ':/', ':///', ':\\\\', ':/\\', ':\t//', ': //', '&colon;//', '&#58;//', '\uff1a//'),
      )
      .map(([s, sep]) => s + sep),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      '/',
      '//',
      '///',
      '/\\',
      '\\\\',
      '\\/',
      '/\t/',
      '/%2F',
      '%2F%2F',
      './',
      '../',
      '?',
      '#',
      '\uff0f\uff0f',
      ' //',
      '\t//',
    ),
  },
);

const credentials = fc.constantFrom(
  '',
  '',
  '',
  'user@',
  'user:pass@',
  ':pass@',
  '@',
  ':@',
  'evil.com@',
  `${location.host}@`,
  'allowed.example@',
  'a%40b@',
  'user:p%40ss@',
  'user%3Apass@',
);

const host = fc.constantFrom(
  location.hostname,
  location.hostname.toUpperCase(),
  `${location.hostname}.`,
  fullWidth(location.hostname),
  [...location.hostname].map((char) => `%${char.charCodeAt(0).toString(16)}`).join(''),
  `${location.hostname.slice(0, 2)}\u00ad${location.hostname.slice(2)}`,
  'evil.com',
  'EVIL.COM',
  'evil.com.',
  '%65vil.com',
  'ev%69l.com',
  'evil%2Ecom',
  fullWidth('evil.com'),
  'evil\u3002com',
  'allowed.example',
  'ALLOWED.example',
  'allowed.example.evil.com',
  'evilallowed.example',
  'xn--exmple-4nf.com',
  'ex\u0430mple.com',
  '127.0.0.1',
  '2130706433',
  '0x7f.1',
  '0177.0.0.1',
  '0x7f000001',
  '127.1',
  '[::1]',
  '[::ffff:127.0.0.1]',
  '[0:0:0:0:0:0:0:1]',
  '',
);

const port = fc.constantFrom(
  '',
  '',
  `:${location.port}`,
  `:0${location.port}`,
  ':80',
  ':443',
  ':8080',
  ':0',
  ':65535',
  ':99999',
  ':',
);

const rest = fc.constantFrom(
  '',
  '/',
  '/after?x=1#y',
  '/@evil.com',
  '/\\evil.com',
  '//evil.com',
  '?next=https://evil.com',
  '#javascript:alert(1)',
  'alert(1)',
  '/%2F%2Fevil.com',
  ':alert(1)',
  ',<script>alert(1)</script>',
  '/%0a%0d',
  '/..%2F..%2F',
);

/** Leading or trailing characters: none, or C0 controls and Unicode spaces (the URL parser strips the former only). */
const edge = fc.oneof(fc.constant(''), fc.string({ unit: fc.constantFrom(...C0, ...ODD_SPACES), maxLength: 3 }));

/** A URL built from parts, each plain or hostile. */
const builtUrl = fc
  .tuple(edge, start, credentials, host, port, rest, edge)
  .map(
    ([lead, begin, userinfo, hostname, portPart, tail, trail]) =>
      lead + begin + userinfo + hostname + portPart + tail + trail,
  );

/** Hand-picked dangerous values, always tried before the generated ones (fast-check `examples`). */
const DANGEROUS = [
  'javascript:alert(1)',
  ' javascript:alert(1)',
  '\u0000javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '\u0001\u0002javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.com',
  '/\\evil.com',
  '\\\\evil.com',
  '\\/evil.com',
  'https:evil.com',
  'https:\\\\evil.com',
  `https://evil.com@${location.host}/`,
  `http://user:pass@${location.host}/`,
  `http://${location.host}@evil.com/`,
  'https://%65vil.com/',
  `https://ex\u0430mple.com/`,
  'http://2130706433/',
  'http://0x7f.1/',
  `http://[::1]:${location.port}/`,
];

const hostileUrl = fc.oneof(
  { weight: 8, arbitrary: builtUrl },
  { weight: 2, arbitrary: withInserted(builtUrl, fc.constantFrom(...HOSTILE_CHARS), 4) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...HOSTILE_CHARS), maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
);

/** An `allowed-redirect-origins` value: good origins, hostile entries and odd separators. */
const allowedOriginsAttribute = fc
  .array(
    fc.constantFrom(
      ...ALLOWED,
      'https://evil.com@allowed.example',
      'javascript:alert(1)',
      'allowed.example',
      '//evil.com',
      'https://allowed.example/path',
      'HTTPS://ALLOWED.EXAMPLE:443',
    ),
    { maxLength: 4 },
  )
  .chain((entries) =>
    fc.tuple(
      fc.constant(entries),
      fc.array(fc.constantFrom(' ', ',', ', ', '\n', '\t'), { minLength: entries.length, maxLength: entries.length }),
    ),
  )
  .map(([entries, separators]) => entries.map((entry, i) => entry + separators[i]).join(''));

// ---------------------------------------------------------------- the invariant

/** Why `href` must not be used, or null when it is a safe navigation target. */
function unsafe(href: string, allowed: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `has the scheme ${url.protocol}`;
  if (url.origin !== location.origin && !allowed.includes(url.origin))
    return `is on ${url.origin}, neither this origin nor an allowed one`;
  if (url.username || url.password) return 'carries a user name or password';
  if (url.href !== href) return `is not canonical (${url.href})`;
  return null;
}

function refusalProblem(error: unknown, where: { tag: string; attribute: string }): string | null {
  if (!(error instanceof ConfigurationError)) return `threw ${String(error)} instead of a ConfigurationError`;
  if (!error.message.includes(`<${where.tag}> ${where.attribute}="`))
    return `refusal does not name <${where.tag}> ${where.attribute}: ${error.message}`;
  return null;
}

/** checkNavigableUrl's answer for `value`, or throws an assertion error naming the broken invariant. */
function verdict(
  value: string,
  where: { tag: string; attribute: string },
  allowed: readonly string[],
): 'accepted' | 'refused' {
  let href: string;
  try {
    href = checkNavigableUrl(value, where, allowed);
  } catch (error) {
    const problem = refusalProblem(error, where);
    if (problem) throw new Error(problem, { cause: error });
    return 'refused';
  }
  const problem = unsafe(href, allowed);
  if (problem)
    throw new Error(
      `<${where.tag}> ${where.attribute}=${JSON.stringify(value)} was accepted as ${JSON.stringify(href)}, which ${problem}`,
    );
  return 'accepted';
}

// ---------------------------------------------------------------- running and counting

let seed = DEFAULT_SEED;
let seedSource = 'the default';
const totals = { runs: 0, properties: 0, violations: 0, ms: 0 };

/**
 * Runs a property from the seed; logs `urls: <name>: N runs, 0 violations` to the terminal and, on failure, throws
 * fast-check's report (seed, path, shrunk counterexample) as the test's error.
 */
async function check<Ts extends [unknown, ...unknown[]]>(
  name: string,
  property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>,
  numRuns: number,
  options: { examples?: Ts[]; stats?: () => string } = {},
): Promise<void> {
  const started = performance.now();
  const details = await fc.check(property as fc.IAsyncProperty<Ts>, {
    seed,
    numRuns,
    examples: options.examples ?? [],
  });
  const ms = performance.now() - started;
  const violations = details.failed ? 1 : 0;
  totals.runs += details.numRuns;
  totals.properties++;
  totals.violations += violations;
  totals.ms += ms;
  const stats = options.stats ? ` (${options.stats()})` : '';
  console.log(
    `urls: ${name}: ${details.numRuns.toLocaleString('en')} runs, ${violations} violations${stats}, ${Math.round(ms)} ms`,
  );
  if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? `${name} failed (seed ${seed})`);
}

/** Collects console.error/warn while installed (refusals are reported there; thousands of them would flood the log). */
function consoleTrap(): { messages: string[]; restore(): void } {
  const messages: string[] = [];
  const original = { warn: console.warn, error: console.error };
  console.warn = console.error = (...args: unknown[]) => void messages.push(args.map(String).join(' '));
  return { messages, restore: () => Object.assign(console, original) };
}

function quietParseOrigins(value: string): { origins: string[]; reports: string[] } {
  const trap = consoleTrap();
  try {
    return { origins: parseOrigins(value), reports: trap.messages };
  } finally {
    trap.restore();
  }
}

function shadowButton(el: Element): HTMLButtonElement {
  const button = el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="button"]');
  if (!button) throw new Error(`<${el.localName}> renders no button`);
  return button;
}

function menuItem(el: Element, part: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="item"][part~="${part}"]`);
}

function fail(message: string): never {
  throw new Error(message);
}

/** Records the given events at the document while a run lasts. */
function listen(...types: string[]): { events: CustomEvent[]; stop(): void } {
  const events: CustomEvent[] = [];
  const listener = (event: Event) => events.push(event as CustomEvent);
  types.forEach((type) => document.addEventListener(type, listener));
  return { events, stop: () => types.forEach((type) => document.removeEventListener(type, listener)) };
}

/**
 * After a sign-out attempt: either Clerk was never called and `sign-out-error` carries a ConfigurationError naming the
 * attribute, or the one navigation went to a safe URL (the one announced in `signed-out`).
 */
function expectSafeSignOut(
  clerk: FakeClerk,
  events: CustomEvent[],
  where: { tag: string; attribute: string },
  allowed: readonly string[],
  value: string,
): void {
  const at = `<${where.tag}> ${where.attribute}=${JSON.stringify(value)}`;
  const error = events.find((event) => event.type === 'sign-out-error');
  if (error) {
    const problem = refusalProblem(error.detail.error, where);
    if (problem) fail(`${at}: ${problem}`);
    if (clerk.signOutCalls.length || clerk.navigations.length) fail(`${at}: refused, yet Clerk was called`);
    return;
  }
  const signedOut = events.find((event) => event.type === 'signed-out') as SignedOutEvent | undefined;
  if (!signedOut) fail(`${at}: neither signed-out nor sign-out-error`);
  if (clerk.navigations.length !== 1) fail(`${at}: navigated ${clerk.navigations.length} times`);
  const problem = unsafe(clerk.navigations[0], allowed);
  if (problem) fail(`${at}: navigated to ${JSON.stringify(clerk.navigations[0])}, which ${problem}`);
  if (signedOut.detail.redirectUrl !== clerk.navigations[0])
    fail(`${at}: signed-out announced ${signedOut.detail.redirectUrl}`);
}

// ---------------------------------------------------------------- the tests

describe('hostile URLs (fast-check)', function () {
  this.timeout(30_000);

  before(async () => {
    const override = await readFile({ path: 'hostile-urls.seed' }).catch(() => undefined);
    if (override?.trim()) {
      seed = Number(override.trim());
      seedSource = 'test/unit/urls/hostile-urls.seed';
      if (!Number.isSafeInteger(seed))
        throw new Error(`test/unit/urls/hostile-urls.seed holds "${override.trim()}", not an integer seed`);
    }
    console.log(
      `urls: seed ${seed} (from ${seedSource}; put another integer in test/unit/urls/hostile-urls.seed to change it)`,
    );
  });

  after(() => {
    console.log(
      `urls: ${totals.runs.toLocaleString('en')} runs in ${totals.properties} properties, ${totals.violations} violations, ` +
        `${(totals.ms / 1000).toFixed(1)} s, seed ${seed}`,
    );
  });

  describe('checkNavigableUrl, for every URL attribute', () => {
    it('uses only safe URLs, and refuses the rest naming the element and attribute', async () => {
      // One property over every attribute, so each gets different values from the one seed.
      const seen = new Map(URL_ATTRIBUTES.map((where) => [where, { accepted: 0, refused: 0 }]));
      const examples = DANGEROUS.flatMap((value, i) =>
        [ALLOWED.join(' '), ''].map(
          (raw) =>
            [value, raw, URL_ATTRIBUTES[i % URL_ATTRIBUTES.length]] as [
              string,
              string,
              (typeof URL_ATTRIBUTES)[number],
            ],
        ),
      );
      await check(
        'checkNavigableUrl, every attribute',
        fc.property(hostileUrl, allowedOriginsAttribute, fc.constantFrom(...URL_ATTRIBUTES), (value, raw, where) => {
          seen.get(where)![verdict(value, where, quietParseOrigins(raw).origins)]++;
        }),
        RUNS.direct * URL_ATTRIBUTES.length,
        {
          examples,
          stats: () =>
            [...seen]
              .map(([where, { accepted, refused }]) => `${where.tag} ${where.attribute} ${accepted}+${refused}`)
              .join(', ') + ' accepted+refused',
        },
      );
      // Every attribute got its share, and the generators reach both sides, or the property says little.
      for (const [where, { accepted, refused }] of seen) {
        expect(accepted, `${where.tag} ${where.attribute} accepted`).to.be.greaterThan(RUNS.direct / 10);
        expect(refused, `${where.tag} ${where.attribute} refused`).to.be.greaterThan(RUNS.direct / 10);
      }
    });

    it('accepts what is plainly safe: paths, and URLs on this origin or an allowed one, resolved as the browser would', async () => {
      // One leading slash: `//x` would be protocol-relative, not a path.
      const safePath = fc.webPath().map((path) => `/${path.replace(/^\/+/, '')}`);
      const safeUrl = fc.oneof(
        safePath,
        fc
          .tuple(fc.constantFrom(location.origin, ...ALLOWED), safePath, fc.webQueryParameters(), fc.webFragments())
          .map(
            ([origin, path, query, fragment]) =>
              `${origin}${path}${query ? `?${query}` : ''}${fragment ? `#${fragment}` : ''}`,
          ),
      );
      await check(
        'checkNavigableUrl accepts safe values',
        fc.property(safeUrl, fc.constantFrom(...URL_ATTRIBUTES), (value, where) => {
          expect(checkNavigableUrl(value, where, ALLOWED)).to.equal(new URL(value, location.href).href);
        }),
        RUNS.acceptance,
      );
    });
  });

  describe('parseOrigins (allowed-redirect-origins)', () => {
    /**
     * What a careful reader of the attribute expects from one entry: `scheme://host[:port]` when it starts with
     * http(s) (any case) and a colon, has no user name or password, a valid host and port; the path, query and fragment
     * do not matter; C0 control characters at either end are dropped (the URL parser does it). Anything else is not an
     * origin: reported and ignored. The host alone goes through the URL parser (IDN, percent-encoding, IPv4 forms,
     * full-width letters are its business); scheme, credentials, port and the rest are modelled here.
     */
    const entry = fc.record({
      lead: fc.constantFrom('', '', '\u0000', '\u001f', '\u0001\u0002'),
      scheme: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('http', 'https', 'HTTPS', 'hTTp') },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'javascript',
            'data',
            'ftp',
            'ws',
            'ht\u0001tp',
            fullWidth('https'),
            '&#104;ttps',
            '%68ttps',
          ),
        },
      ),
      separator: fc.oneof(
        { weight: 3, arbitrary: fc.constant('://') },
        { weight: 1, arbitrary: fc.constantFrom(':', ':\\\\', ':/\\', ':///', '//', '') },
      ),
      userinfo: fc.oneof(
        { weight: 3, arbitrary: fc.constant('') },
        {
          weight: 1,
          arbitrary: fc.constantFrom('user@', 'user:pass@', ':pass@', 'evil.com@', 'allowed.example@', '@'),
        },
      ),
      host: fc.constantFrom(
        'allowed.example',
        'allowed.example',
        'ALLOWED.Example',
        'ex\u0430mple.com',
        'xn--exmple-4nf.com',
        '%65vil.com',
        fullWidth('evil.com'),
        'evil\u3002com',
        '2130706433',
        '0x7f.1',
        '[::1]',
        '[0:0::1]',
        'evil.com.',
        'bad\u0000host',
        'a%00b',
        'a<b',
      ),
      port: fc.constantFrom('', '', '', ':443', ':80', ':8443', ':08443', ':99999', ':x'),
      tail: fc.constantFrom('', '', '/', '/path', '?q=1', '#frag', '/@evil.com', '\\evil.com', '/\\evil.com'),
      trail: fc.constantFrom('', '', '\u0000', '\u001f'),
    });
    type Entry = typeof entry extends fc.Arbitrary<infer T> ? T : never;

    function expectedOrigin(e: Entry): string | null {
      const scheme = e.scheme.toLowerCase();
      if (scheme !== 'http' && scheme !== 'https') return null;
      if (!e.separator.startsWith(':')) return null;
      if (e.userinfo !== '' && e.userinfo !== '@') return null;
      let hostname: string;
      try {
        hostname = new URL(`http://${e.host}/`).hostname;
      } catch {
        return null;
      }
      if (!/^:\d*$/.test(e.port || ':')) return null;
      const number = e.port.length > 1 ? Number(e.port.slice(1)) : null;
      if (number !== null && number > 65535) return null;
      const implicit = number === null || number === (scheme === 'https' ? 443 : 80);
      return `${scheme}://${hostname}${implicit ? '' : `:${number}`}`;
    }

    const join = (entries: string[], separators: string[]) =>
      entries.map((text, i) => text + (separators[i] ?? ' ')).join('');
    const separators = fc.array(fc.constantFrom(' ', ',', ', ', ' ,', '\n', '\t', '\r\n', '\u00a0', '\u3000', ',,'), {
      minLength: 6,
      maxLength: 6,
    });

    it('yields exactly the origins a careful reader expects, and reports every other entry', async () => {
      let kept = 0;
      let ignored = 0;
      await check(
        'parseOrigins entries',
        fc.property(
          fc.array(entry, { minLength: 1, maxLength: 6 }),
          separators,
          fc.constantFrom('', ' ', ','),
          (entries, seps, lead) => {
            const texts = entries.map(
              (e) => e.lead + e.scheme + e.separator + e.userinfo + e.host + e.port + e.tail + e.trail,
            );
            const expected = entries.map(expectedOrigin);
            const { origins, reports } = quietParseOrigins(lead + join(texts, seps));
            expect(origins, JSON.stringify(texts)).to.deep.equal(expected.filter((origin) => origin !== null));
            const refused = texts.filter((_, i) => expected[i] === null);
            expect(reports.length, `reports for ${JSON.stringify(texts)}`).to.equal(refused.length);
            refused.forEach((text, i) => expect(reports[i]).to.contain(`allowed-redirect-origins contains "${text}"`));
            kept += origins.length;
            ignored += refused.length;
          },
        ),
        RUNS.origins,
        { stats: () => `${kept} origins kept, ${ignored} entries ignored` },
      );
    });

    it('never yields anything but canonical http(s) origins without credentials, whatever the value', async () => {
      const value = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.string({ unit: fc.constantFrom(...HOSTILE_CHARS, 'h', 't', 'p', 'x', '1'), maxLength: 40 }),
        fc.array(hostileUrl, { maxLength: 4 }).map((urls) => urls.join(' ')),
      );
      await check(
        'parseOrigins random values',
        fc.property(value, (raw) => {
          const { origins, reports } = quietParseOrigins(raw);
          const entries = raw.split(/[\s,]+/).filter(Boolean);
          expect(origins.length + reports.length, 'every entry is kept or reported').to.equal(entries.length);
          for (const origin of origins) {
            const url = new URL(origin);
            expect(url.origin, 'canonical').to.equal(origin);
            expect(['http:', 'https:']).to.include(url.protocol);
          }
          // Each kept origin comes from an entry without credentials.
          let next = 0;
          for (const text of entries) {
            let url: URL | null = null;
            try {
              url = new URL(text);
            } catch {
              /* reported */
            }
            if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password)
              continue;
            expect(origins[next++], JSON.stringify(text)).to.equal(url.origin);
          }
          expect(next, 'no extra origins').to.equal(origins.length);
        }),
        RUNS.origins,
      );
    });

    // Written down: what a maintainer expects from each entry.
    for (const [value, expected] of [
      ['https://a.example', ['https://a.example']],
      ['https://a.example/path?x=1#y', ['https://a.example']], // the path is dropped, as in the provider tests
      ['HTTPS://A.EXAMPLE:443', ['https://a.example']],
      ['http://a.example:8080, https://b.example', ['http://a.example:8080', 'https://b.example']],
      ['https://evil.com@good.example', []], // credentials: which host did the author mean? neither is allowed
      ['https://good.example@evil.com', []],
      ['https://user:pass@good.example', []],
      ['javascript:alert(1)', []],
      ['data:text/html,x', []],
      ['good.example', []], // no scheme
      ['//good.example', []],
      ['/path', []],
      ['https://go\u0000od.example', []],
      ['\u0000https://good.example\u001f', ['https://good.example']], // the URL parser drops C0 controls at the ends
      ['https://good.example\u00a0https://other.example', ['https://good.example', 'https://other.example']], // a no-break space separates
      ['https://ex\u0430mple.com', ['https://xn--exmple-4nf.com']], // Cyrillic а: punycode, never example.com
      ['https://%65vil.com', ['https://evil.com']],
      ['https:\\\\good.example', ['https://good.example']],
      ['http://2130706433', ['http://127.0.0.1']],
      ['https://good.example:99999', []],
      ['\uff48\uff54\uff54\uff50\uff53://good.example', []], // full-width scheme
    ] as const) {
      it(`allowed-redirect-origins=${JSON.stringify(value)} yields ${JSON.stringify(expected)}`, () => {
        const { origins, reports } = quietParseOrigins(value);
        expect(origins).to.deep.equal(expected);
        const entries = value.split(/[\s,]+/).filter(Boolean).length;
        expect(reports, 'ignored entries are reported').to.have.length(entries - expected.length);
      });
    }
  });

  describe('credentials (user:pass@) are refused', () => {
    for (const where of URL_ATTRIBUTES) {
      it(`<${where.tag}> ${where.attribute} with a user name or password on this origin is refused, naming the attribute`, () => {
        for (const value of [
          `${location.protocol}//user:pass@${location.host}/account`,
          `//evil.com@${location.host}/`,
          `${location.protocol}//${location.hostname}@${location.host}/`,
        ]) {
          let error: unknown;
          try {
            checkNavigableUrl(value, where, []);
          } catch (thrown) {
            error = thrown;
          }
          expect(error, value).to.be.instanceOf(ConfigurationError);
          expect((error as Error).message).to.contain(`<${where.tag}> ${where.attribute}="${value}"`);
          expect((error as Error).message).to.contain('user name or password');
        }
      });
    }

    it('<clerk-sign-out-button redirect-url="http://user:pass@this-origin/"> does not sign out or navigate', async () => {
      const clerk = FakeClerk.signedIn();
      const events = listen('signed-out', 'sign-out-error');
      const trap = consoleTrap();
      try {
        const value = `${location.protocol}//user:pass@${location.host}/`;
        const provider = await fixture<ClerkProvider>(
          html`<clerk-provider .clerk=${clerk}
            ><clerk-sign-out-button redirect-url=${value}></clerk-sign-out-button
          ></clerk-provider>`,
        );
        await until(
          () => provider.state.status === 'ready' && !!provider.firstElementChild?.shadowRoot?.querySelector('button'),
        );
        // Refused when it is set: the button is unavailable, and a click sends nothing.
        const button = provider.firstElementChild as ClerkSignOutButton;
        await button.updateComplete;
        expect(shadowButton(button).getAttribute('aria-disabled')).to.equal('true');
        expect(trap.messages.filter((message) => message.includes(`redirect-url="${value}"`))).to.have.length(1);
        shadowButton(button).click();
        await button.updateComplete;
        expect(events.events).to.deep.equal([]);
        await button.signOut();
        expect(events.events.map((event) => event.type)).to.deep.equal(['sign-out-error']);
        expect(clerk.signOutCalls).to.have.length(0);
        expect(clerk.navigations).to.have.length(0);
      } finally {
        trap.restore();
        events.stop();
      }
    });
  });

  it('values from HTML source arrive decoded (&#106;, &Tab;, &colon;) and are refused like the plain ones', async () => {
    const clerk = FakeClerk.signedIn();
    const trap = consoleTrap();
    try {
      const provider = await fixture<ClerkProvider>(html`<clerk-provider .clerk=${clerk}></clerk-provider>`);
      provider.innerHTML =
        '<clerk-user-menu multi-session user-profile-url="&#106;ava&Tab;script&colon;alert(1)" sign-in-url="&#x2F;&#x2F;evil.com"></clerk-user-menu>';
      const menu = provider.firstElementChild as ClerkUserMenu;
      expect(menu.getAttribute('user-profile-url')).to.equal('java\tscript:alert(1)');
      await until(() => !!menu.shadowRoot?.querySelector('[part~="trigger"]'));
      await menu.updateComplete;
      await openMenu(menu);
      expect(menuItem(menu, 'manage-account')).to.equal(null);
      expect(menuItem(menu, 'add-account')).to.equal(null);
      expect(
        trap.messages.filter((message) =>
          message.includes('<clerk-user-menu> user-profile-url="java\tscript:alert(1)"'),
        ),
      ).to.have.length(1);
      expect(
        trap.messages.filter((message) => message.includes('<clerk-user-menu> sign-in-url="//evil.com"')),
      ).to.have.length(1);
    } finally {
      trap.restore();
    }
  });

  describe('end to end, through the elements', () => {
    let trap: ReturnType<typeof consoleTrap>;
    beforeEach(() => (trap = consoleTrap()));
    afterEach(() => trap.restore());

    for (const tag of ['clerk-sign-out-button', 'clerk-user-menu'] as const) {
      it(`<${tag} redirect-url>: signs out and navigates only to a safe URL, or refuses before calling Clerk`, async () => {
        const where = { tag, attribute: 'redirect-url' };
        const seen = { navigated: 0, refused: 0 };
        await check(
          `end to end <${tag}> redirect-url`,
          fc.asyncProperty(hostileUrl, allowedOriginsAttribute, async (value, raw) => {
            const clerk = FakeClerk.signedIn();
            const events = listen('signed-out', 'sign-out-error');
            const logged = trap.messages.length;
            try {
              const provider = await fixture<ClerkProvider>(
                tag === 'clerk-sign-out-button'
                  ? html`<clerk-provider .clerk=${clerk} allowed-redirect-origins=${raw}
                      ><clerk-sign-out-button redirect-url=${value}></clerk-sign-out-button
                    ></clerk-provider>`
                  : html`<clerk-provider .clerk=${clerk} allowed-redirect-origins=${raw}
                      ><clerk-user-menu redirect-url=${value}></clerk-user-menu
                    ></clerk-provider>`,
              );
              const el = provider.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
              await until(() => provider.state.status === 'ready' && !!el.shadowRoot?.querySelector('button'));
              await el.updateComplete;
              let control: HTMLElement;
              if (tag === 'clerk-sign-out-button') control = shadowButton(el);
              else {
                el.shadowRoot!.querySelector<HTMLElement>('[part~="trigger"]')!.click();
                await el.updateComplete;
                control = menuItem(el, 'sign-out')!;
              }
              const unavailable = control.getAttribute('aria-disabled') === 'true';
              control.click();
              if (unavailable) {
                // Refused when it was set: said once in the console, naming the attribute; a click sends nothing and
                // says "unavailable"; the button's el.signOut() still reports the ConfigurationError.
                await el.updateComplete;
                const at = `<${tag}> redirect-url=${JSON.stringify(value)}`;
                const said = trap.messages
                  .slice(logged)
                  .filter((message) => message.includes(`<${tag}> redirect-url="`));
                if (said.length !== 1) fail(`${at}: refused, said ${said.length} times in the console`);
                if (events.events.length || clerk.signOutCalls.length || clerk.navigations.length)
                  fail(`${at}: refused when set, yet a click did something`);
                if (el.shadowRoot!.querySelector('[role="alert"]')!.textContent !== 'Unavailable on this page.')
                  fail(`${at}: a click on the unavailable control does not say so`);
                if (tag === 'clerk-sign-out-button') await (el as unknown as ClerkSignOutButton).signOut();
              } else {
                await until(() => events.events.length > 0);
              }
              if (!unavailable || tag === 'clerk-sign-out-button')
                expectSafeSignOut(clerk, events.events, where, quietParseOrigins(raw).origins, value);
              seen[clerk.navigations.length ? 'navigated' : 'refused']++;
            } finally {
              events.stop();
              fixtureCleanup();
            }
          }),
          RUNS.endToEnd,
          {
            examples: [
              [`${location.protocol}//user:pass@${location.host}/`, ''],
              ['java\tscript:alert(1)', ''],
              ['/\\evil.com', ''],
            ],
            stats: () => `${seen.navigated} navigated, ${seen.refused} refused`,
          },
        );
      });
    }

    it('<clerk-provider after-sign-out-url>: Clerk is loaded with a safe URL and goes there, or the provider refuses to load', async () => {
      const where = { tag: 'clerk-provider', attribute: 'after-sign-out-url' };
      const seen = { navigated: 0, refused: 0 };
      await check(
        'end to end <clerk-provider> after-sign-out-url',
        fc.asyncProperty(hostileUrl, allowedOriginsAttribute, async (value, raw) => {
          const clerk = new FakeClerk({ users: [fakeUser()], loaded: false });
          const events = listen('signed-out', 'sign-out-error', 'clerk-error');
          try {
            const provider = await fixture<ClerkProvider>(
              html`<clerk-provider .clerk=${clerk} allowed-redirect-origins=${raw} after-sign-out-url=${value}
                ><clerk-sign-out-button></clerk-sign-out-button
              ></clerk-provider>`,
            );
            await until(() => provider.state.status !== 'loading');
            const allowed = quietParseOrigins(raw).origins;
            if (provider.state.status === 'error') {
              const problem = refusalProblem(
                events.events.find((event) => event.type === 'clerk-error')?.detail.error,
                where,
              );
              if (problem) fail(`${JSON.stringify(value)}: ${problem}`);
              if (clerk.loaded || clerk.loadOptions) fail(`${JSON.stringify(value)}: refused, yet Clerk was loaded`);
              seen.refused++;
              return;
            }
            const given =
              clerk.loadOptions?.afterSignOutUrl ?? fail(`${JSON.stringify(value)}: accepted but not passed to load()`);
            const problem = unsafe(given, allowed);
            if (problem)
              fail(
                `after-sign-out-url=${JSON.stringify(value)} reached clerk.load() as ${JSON.stringify(given)}, which ${problem}`,
              );
            const button = provider.firstElementChild!;
            await until(() => !!button.shadowRoot?.querySelector('button'));
            shadowButton(button).click();
            await until(() => events.events.some((event) => event.type === 'signed-out'));
            expect(clerk.navigations).to.deep.equal([given]);
            seen.navigated++;
          } finally {
            events.stop();
            fixtureCleanup();
          }
        }),
        RUNS.endToEnd,
        {
          examples: [
            [`${location.protocol}//user:pass@${location.host}/`, ''],
            ['javascript:alert(1)', ''],
          ],
          stats: () => `${seen.navigated} navigated, ${seen.refused} refused`,
        },
      );
    });

    for (const [attribute, part] of [
      ['user-profile-url', 'manage-account'],
      ['sign-in-url', 'add-account'],
    ] as const) {
      it(`<clerk-user-menu ${attribute}>: its link has a safe href, or it is left out and the console names the attribute`, async () => {
        const clerk = FakeClerk.signedIn();
        const provider = await fixture<ClerkProvider>(
          html`<clerk-provider .clerk=${clerk}><clerk-user-menu multi-session></clerk-user-menu></clerk-provider>`,
        );
        const menu = provider.firstElementChild as ClerkUserMenu;
        await until(() => provider.state.status === 'ready');
        await openMenu(menu);
        const seen = { linked: 0, refused: 0 };
        await check(
          `end to end <clerk-user-menu> ${attribute}`,
          fc.asyncProperty(hostileUrl, allowedOriginsAttribute, async (value, raw) => {
            provider.allowedRedirectOrigins = raw;
            menu.removeAttribute(attribute);
            await provider.updateComplete;
            await menu.updateComplete;
            trap.messages.length = 0;
            menu.setAttribute(attribute, value);
            await menu.updateComplete;
            const allowed = quietParseOrigins(raw).origins;
            for (const link of menu.shadowRoot!.querySelectorAll('a')) {
              const problem = unsafe(link.getAttribute('href') ?? '', allowed);
              if (problem)
                fail(
                  `${attribute}=${JSON.stringify(value)} rendered a link to ${JSON.stringify(link.getAttribute('href'))}, which ${problem}`,
                );
            }
            const reported = trap.messages.filter((message) => message.includes(`<clerk-user-menu> ${attribute}="`));
            if (menuItem(menu, part)) {
              if (reported.length) fail(`${attribute}=${JSON.stringify(value)} is linked and reported`);
              seen.linked++;
            } else {
              if (reported.length !== 1)
                fail(
                  `${attribute}=${JSON.stringify(value)} is left out but reported ${reported.length} times: ${trap.messages.join(' | ')}`,
                );
              seen.refused++;
            }
          }),
          RUNS.endToEnd * 3,
          {
            examples: [
              [`${location.protocol}//user:pass@${location.host}/`, ''],
              ['\\\\evil.com', ''],
            ],
            stats: () => `${seen.linked} linked, ${seen.refused} refused`,
          },
        );
      });
    }

    it('<clerk-user-menu after-switch-session-url>: switching navigates only to a safe URL, or the accounts are inert', async () => {
      const seen = { navigated: 0, inert: 0 };
      await check(
        'end to end <clerk-user-menu> after-switch-session-url',
        fc.asyncProperty(hostileUrl, allowedOriginsAttribute, async (value, raw) => {
          const clerk = FakeClerk.multiSession(2);
          const events = listen('session-switched');
          try {
            trap.messages.length = 0;
            const provider = await fixture<ClerkProvider>(
              html`<clerk-provider .clerk=${clerk} allowed-redirect-origins=${raw}
                ><clerk-user-menu after-switch-session-url=${value}></clerk-user-menu
              ></clerk-provider>`,
            );
            const menu = provider.firstElementChild as ClerkUserMenu;
            await until(
              () => provider.state.status === 'ready' && !!menu.shadowRoot?.querySelector('[part~="trigger"]'),
            );
            menu.shadowRoot!.querySelector<HTMLElement>('[part~="trigger"]')!.click();
            await menu.updateComplete;
            const item = menuItem(menu, 'switch-account') ?? fail('no switch-account item');
            const reported = trap.messages.filter((message) =>
              message.includes('<clerk-user-menu> after-switch-session-url="'),
            );
            const at = `after-switch-session-url=${JSON.stringify(value)}`;
            item.click();
            if (item.getAttribute('aria-disabled') === 'true') {
              if (reported.length !== 1) fail(`${at}: inert but reported ${reported.length} times`);
              await new Promise((resolve) => setTimeout(resolve, 0));
              if (clerk.setActiveCalls.length || clerk.navigations.length)
                fail(`${at}: inert, yet it switched or navigated`);
              seen.inert++;
              return;
            }
            if (reported.length) fail(`${at}: reported, yet the accounts are not inert`);
            await until(() => events.events.length > 0);
            const allowed = quietParseOrigins(raw).origins;
            if (clerk.navigations.length !== 1) fail(`${at}: navigated ${clerk.navigations.length} times`);
            const problem = unsafe(clerk.navigations[0], allowed);
            if (problem) fail(`${at}: navigated to ${JSON.stringify(clerk.navigations[0])}, which ${problem}`);
            expect(events.events[0].detail.redirectUrl).to.equal(clerk.navigations[0]);
            seen.navigated++;
          } finally {
            events.stop();
            fixtureCleanup();
          }
        }),
        RUNS.endToEnd,
        {
          examples: [
            [`${location.protocol}//user:pass@${location.host}/`, ''],
            ['//evil.com', ''],
          ],
          stats: () => `${seen.navigated} navigated, ${seen.inert} inert`,
        },
      );
    });
  });
});
