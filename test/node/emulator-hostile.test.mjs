// The standalone emulator (startClerkEmulator) under generated hostile requests: request lines, headers and bodies
// (sizes, encodings, nesting) sent over a raw socket. It never crashes, never hangs, answers within a bound (or, for a
// request cut short, closes), never answers 5xx, and its state stays consistent: a request from a page it does not
// allow changes nothing at all (state, faults, log, tenants, memory), reads change no user, session or cookie (a fault
// they hit only counts down), every tenant's users, sessions, faults and log keep their invariants, and what it holds
// stays within its memory budget. A third property sends only reads from other pages (<img>, navigations, fetches) at
// tenants armed with one-shot faults and a cookie about to expire, and at tenant names it has never seen.
//
// Seeded: FC_SEED=<integer> replays a run (fast-check prints the seed and the shrunk request of any failure);
// FC_RUNS=<n> sets the number of well-framed runs (default 400; a quarter as many cut-short runs and as many
// foreign reads follow).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { startClerkEmulator } from 'clerk-sign-out-elements/testing/node';
import { rawRequest } from './support/raw-http.mjs';

const parsedSeed = Number.parseInt(process.env.FC_SEED ?? '', 10);
const SEED = Number.isSafeInteger(parsedSeed) ? parsedSeed : 20251007;
const parsedRuns = Number.parseInt(process.env.FC_RUNS ?? '', 10);
const RUNS = Number.isSafeInteger(parsedRuns) && parsedRuns > 0 ? parsedRuns : 400;
const CUT_RUNS = Math.max(1, Math.round(RUNS / 4));
/** Per request: an answer (or, cut short, a close) within this. */
const ANSWER_MS = 5000;
/** Per property: fast-check stops generating (and says so) past this, so the suite stays under a minute on 2 busy cores. */
const PROPERTY_MS = 35_000;
const MAX_RECORDED = 40;
const MAX_RETAINED_BYTES = 1024 * 1024;
const VALUE_LIMIT = 2048 + 64; // a recorded value, with its truncation marker
const TENANTS = ['fuzz', 'default'];
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

// ---------------------------------------------------------------------------------------------------------------------
// Generators. A request is a plain, printable spec (fast-check shows it shrunk on failure); placeholders ({port},
// {sid}) are filled in when it is sent. Framing headers (Content-Length, Transfer-Encoding) always match the body here:
// a request that promises more than it sends is the cut-short property's job.

/** Bits Node's parser lets through in a request target, so the emulator itself has to cope with them. */
const pathBits = [
  '%',
  '%2',
  '%zz',
  '%00',
  '%2e%2e',
  '%2F',
  '%5C',
  '%E0%A4%A',
  '%C0%AF',
  '%FF',
  '%F0%9F%92%A5',
  '..',
  '.',
  '/',
  '//',
  '\\',
  '?',
  '#',
  '&',
  '=',
  ';',
  '@',
  ':',
  '~',
  'a',
  'Z',
  '0',
  "'",
  '"',
  '<',
  '>',
  '{',
  '}',
  '|',
  '^',
  '`',
  '[',
  ']',
  '!',
  '$',
  '*',
  '+',
  ',',
];
/** Bits that make the request line malformed (Node answers 400 before the emulator sees it). */
const breakingBits = ['é', '💥', '\u202e', '\ufeff', ' ', '\t', '\x00', '\x7f', '\r', '\n'];

/** A path or query segment: only bits the parser accepts, or (`breaking`) now and then one it does not. */
const segment = (breaking, maxLength = 10) =>
  fc
    .array(
      breaking
        ? fc.oneof(
            { weight: 10, arbitrary: fc.constantFrom(...pathBits) },
            { weight: 1, arbitrary: fc.constantFrom(...breakingBits) },
          )
        : fc.constantFrom(...pathBits),
      {
        minLength: 1,
        maxLength,
      },
    )
    .map((bits) => bits.join(''));

/** Method, path and query of calls the emulator knows, so a good share of runs reach its routes rather than its 404. */
const MATCHED_ROUTES = [
  ['GET', '/v1/client', ''],
  ['GET', '/v1/environment', ''],
  ['PATCH', '/v1/environment', ''],
  ['POST', '/v1/environment', '?_method=PATCH'],
  ['POST', '/v1/client/sessions', '?_method=DELETE'],
  ['DELETE', '/v1/client/sessions', ''],
  ['POST', '/v1/client/sessions/{sid}/remove', ''],
  ['POST', '/v1/client/sessions/{sid}/touch', ''],
  ['POST', '/v1/client/sessions/{sid}/tokens', ''],
  ['POST', '/v1/client/sessions/{sid}/tokens/tpl', ''],
  ['GET', '/v1/client/touch', '?redirect_url=http%3A%2F%2Flocalhost%3A3000%2Fafter'],
  ['GET', '/v1/client/touch', '?redirect_url=https%3A%2F%2Fevil.example%2F'],
  ['POST', '/v1/dev_browser', ''],
  ['GET', '/__control/state', ''],
  ['GET', '/__control/requests', ''],
  ['POST', '/__control/reset', ''],
  ['POST', '/__control/users', ''],
  ['POST', '/__control/sign-in', ''],
  ['POST', '/__control/faults', ''],
  ['POST', '/__control/faults/clear', ''],
  ['POST', '/__control/requests/clear', ''],
  ['POST', '/__control/cookie-expires-at', ''],
  ['GET', '/npm/@clerk/clerk-js@6/dist/clerk.browser.js', ''],
  // Other devices: the user's sessions everywhere, revoking one, and a device's own client.
  ['GET', '/v1/me/sessions/active', '?_clerk_session_id={sid}'],
  ['GET', '/v1/me/sessions/active', ''],
  ['POST', '/v1/me/sessions/{dsid}/revoke', ''],
  ['POST', '/v1/me/sessions/{sid}/revoke', '?_clerk_session_id={sid}'],
  ['GET', '/device/{device}/v1/client', ''],
  ['POST', '/device/{device}/v1/client/sessions/{dsid}/tokens', ''],
  ['POST', '/device/{device}/v1/client/sessions', '?_method=DELETE'],
  ['GET', '/device/{device}/v1/me/sessions/active', ''],
  ['GET', '/__control/devices', ''],
  ['POST', '/__control/devices', ''],
  ['POST', '/__control/sessions/revoke', ''],
  ['POST', '/__control/faults/release', ''],
  // Sessions ended or made pending from outside, and the token lifetime.
  ['POST', '/__control/sessions/expire', ''],
  ['POST', '/__control/sessions/tasks', ''],
  ['POST', '/__control/token-lifetime', ''],
];

const KNOWN_TAILS = [
  '/v1/client',
  '/v1/environment',
  '/v1/client/sessions',
  '/v1/client/sessions/{sid}/remove',
  '/v1/client/sessions/{sid}/touch',
  '/v1/client/sessions/{sid}/tokens',
  '/v1/client/sessions/{sid}/tokens/tpl',
  '/v1/client/sessions/sess_nope/remove',
  '/v1/client/touch',
  '/v1/dev_browser',
  '/v1/me',
  '/__control/state',
  '/__control/reset',
  '/__control/users',
  '/__control/sign-in',
  '/__control/requests',
  '/__control/requests/clear',
  '/__control/faults',
  '/__control/faults/clear',
  '/__control/cookie-expires-at',
  '/__control/',
  '/__control/constructor',
  '/__control/__proto__',
  '/npm/@clerk/clerk-js@6/dist/clerk.browser.js',
  '/npm/@clerk/clerk-js@6/dist/../../package.json',
  '/npm/@clerk/clerk-js@6/dist/%2e%2e%2fpackage.json',
  '/npm/@clerk/clerk-js@6/dist/%00',
  '',
  '/v1/me/sessions/active',
  '/v1/me/sessions/{dsid}/revoke',
  '/v1/me/sessions/sess_nope/revoke',
  '/v1/me/sessions//revoke',
  '/device/{device}/v1/client',
  '/device/{device}/v1/client/sessions/{dsid}/touch',
  '/device/client_nope/v1/client',
  '/device/%zz/v1/client',
  '/device/{device}/__control/state',
  '/device/{device}',
  '/device/',
  '/__control/devices',
  '/__control/sessions/revoke',
  '/__control/faults/release',
  '/__control/sessions/expire',
  '/__control/sessions/tasks',
  '/__control/token-lifetime',
];

/** Host headers, with how the emulator should take them: true (loopback, IP) or false (refused with 403). */
const HOSTS = {
  '127.0.0.1:{port}': true,
  'localhost:{port}': true,
  localhost: true,
  'localhost:3000': true,
  '[::1]:80': true,
  'app.localhost': true,
  '10.0.0.7:5173': true,
  'evil.example': false,
  'evil.example:{port}': false,
  'localhost.evil.example': false,
  '127.0.0.1.nip.io': false,
  '': false,
  'a b': false,
};
/** Origins, with whether the emulator may take a write from them by default. */
const ORIGINS = {
  'http://127.0.0.1:{port}': true,
  'HTTP://127.0.0.1:{port}': true,
  'http://localhost:3000': true,
  'http://[::1]:9': true,
  'https://evil.example': false,
  null: false,
  'http://localhost.evil.example': false,
  garbage: false,
  '': false,
};

const faultSpecs = fc.oneof(
  fc.record(
    { status: fc.oneof(fc.integer({ min: 100, max: 700 }), fc.constantFrom(500.5, '500', null)) },
    { requiredKeys: [] },
  ),
  fc.record({
    status: fc.constant(500),
    errors: fc.oneof(
      fc.constant([null]),
      fc.array(
        fc.dictionary(fc.constantFrom('code', 'message', 'long_message', 'meta'), fc.oneof(fc.string(), fc.integer())),
        { maxLength: 3 },
      ),
    ),
  }),
  fc.record({ delayMs: fc.oneof(fc.integer({ min: -5, max: 70000 }), fc.constantFrom(3e9, Number.NaN, '100')) }),
  fc.record(
    {
      drop: fc.oneof(fc.boolean(), fc.constant('yes')),
      times: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constant(1.5)),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      reverificationRequired: fc.oneof(fc.boolean(), fc.constant('yes')),
      status: fc.constantFrom(403, 500),
      delayMs: fc.constantFrom(0, 5),
    },
    { requiredKeys: ['reverificationRequired'] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);
const controlBodies = fc.oneof(
  fc.record(
    {
      endpoint: fc.constantFrom(
        'client',
        'environment',
        'signOutAll',
        'activeSessions',
        'revokeSession',
        'script',
        'nope',
        5,
      ),
      fault: faultSpecs,
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      userId: fc.oneof(fc.constantFrom('user_first', 'user_nope'), fc.jsonValue({ maxDepth: 1 })),
      activity: fc.oneof(
        fc.dictionary(
          fc.constantFrom('browserName', 'isMobile', 'city', 'os', '__proto__'),
          fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.integer()),
        ),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      lastActiveAt: fc.oneof(fc.integer(), fc.double(), fc.constantFrom('now', null)),
      owner: fc.string(),
    },
    { requiredKeys: [] },
  ),
  fc.record({ sessionId: fc.oneof(fc.constantFrom('sess_nope', ''), fc.jsonValue({ maxDepth: 1 })) }),
  fc.record({ userId: fc.oneof(fc.constantFrom('user_first', 'user_nope', ''), fc.jsonValue({ maxDepth: 2 })) }),
  fc.dictionary(
    fc.constantFrom('id', 'firstName', 'lastName', 'username', 'email', 'imageUrl', '__proto__', 'x'),
    fc.oneof(fc.string(), fc.constant(null), fc.jsonValue({ maxDepth: 2 })),
  ),
  fc.record({ at: fc.oneof(fc.integer(), fc.double(), fc.constantFrom('soon', null)) }),
  fc.record(
    {
      sessionId: fc.oneof(fc.constantFrom('sess_nope', ''), fc.jsonValue({ maxDepth: 1 })),
      tasks: fc.oneof(fc.array(fc.string(), { maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })),
      at: fc.oneof(fc.integer(), fc.double(), fc.constantFrom('soon', null)),
      seconds: fc.oneof(fc.integer({ min: -10, max: 100_000 }), fc.double(), fc.constantFrom('60', null)),
    },
    { requiredKeys: [] },
  ),
);

/** What the body is made of; the bytes are built when sent (a 1 MB body would make an unreadable counterexample). */
const bodies = (breaking) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant({ kind: 'none' }) },
    {
      weight: 4,
      arbitrary: fc
        .array(
          fc.tuple(
            fc.oneof(fc.constantFrom('organization_id', '_method', 'token'), segment(breaking, 4)),
            fc.oneof(fc.constantFrom('DELETE', 'x', ''), segment(breaking, 6)),
          ),
          { maxLength: 6 },
        )
        .map((fields) => ({ kind: 'form', fields })),
    },
    { weight: 5, arbitrary: controlBodies.map((value) => ({ kind: 'json', value })) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'json', value })) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 120000 }).map((depth) => ({ kind: 'nested', depth })) },
    {
      weight: 2,
      arbitrary: fc
        .uint8Array({ maxLength: 3000 })
        .map((bytes) => ({ kind: 'bytes', hex: Buffer.from(bytes).toString('hex') })),
    },
    { weight: 1, arbitrary: controlBodies.map((value) => ({ kind: 'utf16', value })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(1024 * 1024 - 64, 1024 * 1024 + 1, 1536 * 1024).map((size) => ({ kind: 'big', size })),
    },
  );

/**
 * A request spec. Plausible ones (`breaking` false) only hold what Node's HTTP parser accepts, so they reach the emulator
 * with hostile paths, queries, hosts, origins, content types and bodies; breaking ones also mangle the request line and
 * headers (methods, versions, control bytes, oversized parts), which Node itself must answer.
 */
function requestSpecs(breaking) {
  const roots = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom('/__clerk/t/fuzz', '/__clerk') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '/__clerk/t/%66uzz',
        '/__clerk/t/',
        '/__clerk/t/..',
        '/__clerk/t/%zz',
        '/__clerk/t/' + 'x'.repeat(101),
      ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom('', '/', '//', '/other', '/__clerkx', '/__CLERK', 'http://evil.example/__clerk', '*'),
    },
    { weight: 1, arbitrary: segment(breaking).map((bits) => `/__clerk/t/${bits}`) },
  );
  const tails = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...KNOWN_TAILS) },
    { weight: 3, arbitrary: segment(breaking).map((bits) => `/v1/${bits}`) },
    {
      weight: breaking ? 2 : 1,
      arbitrary: fc.integer({ min: 1, max: breaking ? 12000 : 3000 }).map((count) => 'a/'.repeat(count)),
    },
  );
  const queryValues = fc.oneof(
    fc.constantFrom(
      'DELETE',
      'PATCH',
      'delete',
      'GET',
      'http%3A%2F%2Flocalhost%3A3000%2Fafter',
      'https%3A%2F%2Fevil.example%2F',
      'javascript:alert(1)',
      '%2F%2Fevil.example',
      '6.40.0',
      '',
    ),
    segment(breaking, 6),
    fc.integer({ min: 1, max: breaking ? 9000 : 3000 }).map((count) => 'v'.repeat(count)),
  );
  const query = fc.option(
    fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom('_method', 'redirect_url', '_clerk_js_version', 'x'), segment(breaking, 4)),
          queryValues,
        ),
        { maxLength: 4 },
      )
      .map((pairs) => '?' + pairs.map(([key, value]) => `${key}=${value}`).join('&')),
    { nil: '' },
  );
  const standardMethods = fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS');
  const methods = breaking
    ? fc.oneof(
        { weight: 3, arbitrary: standardMethods },
        {
          weight: 1,
          arbitrary: fc.constantFrom('CONNECT', 'TRACE', 'PROPFIND', 'get', 'FOO', 'G ET', '', '\x00', 'POST /x'),
        },
      )
    : standardMethods;
  const versions = breaking
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constant('HTTP/1.1') },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'HTTP/1.0',
            'HTTP/2.0',
            'HTTP/9.9',
            'http/1.1',
            'HTTP/1.1 extra',
            '',
            'HTTP/1.1\x00',
          ),
        },
      )
    : fc.oneof({ weight: 12, arbitrary: fc.constant('HTTP/1.1') }, { weight: 1, arbitrary: fc.constant('HTTP/1.0') });
  const hosts = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom('127.0.0.1:{port}', 'localhost:{port}') },
    { weight: 4, arbitrary: fc.constantFrom(...Object.keys(HOSTS)) },
    { weight: breaking ? 2 : 0, arbitrary: fc.constant(undefined) },
  );
  const headerNames = breaking
    ? fc.oneof(
        {
          weight: 4,
          arbitrary: fc.constantFrom('X-Test', 'Cookie', 'Expect', 'Upgrade', 'Connection', 'Content-Encoding'),
        },
        { weight: 1, arbitrary: fc.constantFrom('x y', 'X-É', '') },
      )
    : fc.constantFrom(
        'X-Test',
        'Cookie',
        'Accept',
        'Content-Encoding',
        'Upgrade',
        'Connection',
        'Referer',
        'X-Forwarded-Host',
        'Accept-Charset',
      );
  const headerValues = breaking
    ? fc.oneof(
        fc.constantFrom(
          'gzip',
          '100-continue',
          'websocket',
          'Upgrade',
          'keep-alive',
          'é',
          '\t',
          '',
          'a\r\nX-Injected: 1',
          '\x00',
        ),
        fc.string({ maxLength: 40 }),
        fc.integer({ min: 1, max: 20000 }).map((count) => 'h'.repeat(count)),
      )
    : fc.oneof(
        fc.constantFrom(
          'gzip',
          'br',
          'websocket',
          'Upgrade',
          'keep-alive',
          '__session=abc; __client_uat=1',
          'évil',
          '',
          'evil.example',
        ),
        fc.string({ maxLength: 40 }),
        fc.integer({ min: 1, max: 4000 }).map((count) => 'h'.repeat(count)),
      );
  const routes = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.tuple(fc.constantFrom(...MATCHED_ROUTES), query).map(([[method, tail, known], extra]) => ({
        method,
        tail,
        query: known && extra ? `${known}&${extra.slice(1)}` : known || extra,
      })),
    },
    { weight: 2, arbitrary: fc.record({ method: methods, tail: tails, query }) },
  );
  const goodOrigins = Object.keys(ORIGINS).filter((origin) => ORIGINS[origin]);
  return fc
    .record({
      route: routes,
      root: roots,
      version: versions,
      host: hosts,
      origin: fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 2, arbitrary: fc.constantFrom(...goodOrigins) },
        { weight: 2, arbitrary: fc.constantFrom(...Object.keys(ORIGINS)) },
      ),
      fetchSite: fc.option(fc.constantFrom('cross-site', 'same-site', 'same-origin', 'none'), { nil: undefined }),
      contentType: fc.option(
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'APPLICATION/JSON',
          'application/json; charset=utf-16le',
          'application/x-www-form-urlencoded',
          'text/plain',
          'text/plain; charset=utf-8',
          'multipart/form-data; boundary=x',
          'application/jsonp',
          'application/json-patch+json',
          'garbage',
          '',
        ),
        { nil: undefined },
      ),
      extra: fc.array(fc.tuple(headerNames, headerValues), { maxLength: breaking ? 3 : 2 }),
      body: bodies(breaking),
      framing: fc.oneof(
        { weight: 4, arbitrary: fc.constant({ kind: 'length' }) },
        {
          weight: 1,
          arbitrary: fc
            .array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 4 })
            .map((sizes) => ({ kind: 'chunked', sizes })),
        },
      ),
    })
    .map(({ route, ...rest }) => ({ ...route, ...rest }));
}

const requests = fc.oneof({ weight: 3, arbitrary: requestSpecs(false) }, { weight: 1, arbitrary: requestSpecs(true) });

/**
 * Pages the emulator does not allow, as a browser describes them: by Origin (a fetch), by Referer (an <img>, a <script>,
 * a navigation), or only by Sec-Fetch-Site (the page withholds its Referer).
 */
const FOREIGN_PAGES = [
  { origin: 'https://evil.example', fetchSite: 'cross-site' },
  { origin: 'null', fetchSite: 'cross-site' },
  { origin: 'http://localhost.evil.example' },
  { referer: 'https://evil.example/page?x=1', fetchSite: 'cross-site' },
  { referer: 'http://evil.example:{port}/', fetchSite: 'same-site' },
  { referer: 'https://evil.example/' },
  { referer: 'file:///home/user/page.html' },
  { fetchSite: 'cross-site' },
  { fetchSite: 'same-site' },
];

/** A read (GET, HEAD, OPTIONS) from such a page: at known routes, generated ones, and tenant names never seen. */
const foreignReads = fc
  .record({
    spec: requestSpecs(false),
    page: fc.constantFrom(...FOREIGN_PAGES),
    method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'OPTIONS'),
    host: fc.constantFrom('127.0.0.1:{port}', 'localhost:{port}', 'localhost'),
    tenant: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('/__clerk/t/fuzz', '/__clerk') },
      {
        weight: 2,
        arbitrary: fc.stringMatching(/^[a-z0-9._-]{1,24}$/).map((name) => `/__clerk/t/new-${name}`),
      },
    ),
  })
  .map(({ spec, page, method, host, tenant }) => ({
    ...spec,
    method,
    host,
    root: tenant,
    origin: page.origin,
    fetchSite: page.fetchSite,
    extra: [
      ...(page.referer ? [['Referer', page.referer]] : []),
      ...spec.extra.filter(([name]) => name.toLowerCase() !== 'referer'),
    ],
    body: { kind: 'none' },
    contentType: undefined,
  }));

/** Where to cut a request short: a fraction of its bytes, and what else the broken request does. */
const cuts = fc.record({
  request: requests,
  keep: fc.double({ min: 0, max: 1, noNaN: true }),
  mode: fc.constantFrom('cut', 'cut', 'longer-length', 'garbage-after'),
});

// ---------------------------------------------------------------------------------------------------------------------
// Turning a spec into bytes, and predicting what the emulator must refuse.

function bodyBytes(body) {
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'form':
      return Buffer.from(body.fields.map(([key, value]) => `${key}=${value}`).join('&'));
    case 'json':
      return Buffer.from(JSON.stringify(body.value) ?? 'null');
    case 'utf16':
      return Buffer.from(JSON.stringify(body.value) ?? 'null', 'utf16le');
    case 'nested':
      return Buffer.from(`{"deep":${'['.repeat(body.depth)}${']'.repeat(body.depth)}}`);
    case 'bytes':
      return Buffer.from(body.hex, 'hex');
    case 'big':
      return Buffer.concat([Buffer.from('token='), Buffer.alloc(body.size - 6, 0x61)]);
  }
}

function fill(text, context, ids = {}) {
  return text
    .replaceAll('{port}', String(context.port))
    .replaceAll('{sid}', ids.sid ?? '')
    .replaceAll('{dsid}', ids.dsid ?? '')
    .replaceAll('{device}', ids.device ?? '');
}

function toBytes(spec, context) {
  const ids = spec.root.startsWith('/__clerk/t/fuzz') ? context.ids.fuzz : context.ids.default;
  const target = fill(spec.root === '*' ? '*' : spec.root + spec.tail + spec.query, context, ids);
  const lines = [`${spec.method} ${target} ${spec.version}`.replace(/ $/, '')];
  const headers = [];
  if (spec.host !== undefined) headers.push(['Host', fill(spec.host, context)]);
  if (spec.origin !== undefined) headers.push(['Origin', fill(String(spec.origin), context)]);
  if (spec.fetchSite !== undefined) headers.push(['Sec-Fetch-Site', spec.fetchSite]);
  if (spec.contentType !== undefined) headers.push(['Content-Type', spec.contentType]);
  headers.push(...spec.extra.map(([name, value]) => [name, fill(value, context)]));
  if (!spec.extra.some(([name]) => name.toLowerCase() === 'connection')) headers.push(['Connection', 'close']);
  let body = bodyBytes(spec.body);
  if (body && spec.framing.kind === 'chunked') {
    const parts = [];
    let at = 0;
    for (const size of [...spec.framing.sizes, body.length]) {
      if (at >= body.length) break;
      const part = body.subarray(at, at + size);
      parts.push(Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n'));
      at += part.length;
    }
    parts.push(Buffer.from('0\r\n\r\n'));
    headers.push(['Transfer-Encoding', 'chunked']);
    body = Buffer.concat(parts);
  } else if (body) {
    headers.push(['Content-Length', String(body.length)]);
  }
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  const head = Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'utf8');
  return body ? Buffer.concat([head, body]) : head;
}

function mediaType(type) {
  return type?.split(';')[0].trim().toLowerCase();
}

/** The first Referer a request carries (Node keeps the first of duplicates), as Node presents it. */
function refererOf(spec) {
  return spec.extra.find(([name]) => name.toLowerCase() === 'referer')?.[1].trim();
}

/**
 * Whether the page that sent it is one the emulator may take a request from: named by Origin, else by Referer's origin;
 * a browser saying it is this origin or no page (address bar) is; one saying it is another site without naming a page is
 * not; no browser at all (Node, curl) is. `undefined` = no page named, taken.
 */
function pageAllowed(spec, context) {
  const host = spec.host === undefined ? undefined : fill(spec.host, context).toLowerCase();
  const allowed = (page) =>
    page !== 'null' &&
    (page.toLowerCase() === `http://${host}` || page.toLowerCase() === `https://${host}` || isLoopback(page));
  if (spec.origin !== undefined) return allowed(fill(String(spec.origin), context));
  if (spec.fetchSite === 'same-origin' || spec.fetchSite === 'none') return true;
  let referer;
  try {
    referer = new URL(refererOf(spec) ?? '').origin;
  } catch {
    referer = undefined;
  }
  if (referer !== undefined) return allowed(referer);
  return spec.fetchSite !== 'cross-site' && spec.fetchSite !== 'same-site';
}

function isLoopback(origin) {
  try {
    return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(origin).hostname);
  } catch {
    return false;
  }
}

/**
 * The path under a tenant (and device) as the server reads the request target, e.g. `/v1/client` or `/__control/state`:
 * a path (even one starting with //) or an absolute URL, dot segments resolved; `undefined` outside `/__clerk`.
 */
function tenantPath(spec, context) {
  const target = fill(spec.root + spec.tail + spec.query, context);
  let path;
  try {
    path = (target.startsWith('/') ? new URL(`http://x${target}`) : new URL(target)).pathname;
  } catch {
    return undefined;
  }
  if (path !== '/__clerk' && !path.startsWith('/__clerk/')) return undefined;
  const scoped = /^\/t\/[^/]+(\/.*)?$/.exec(path.slice('/__clerk'.length));
  const inTenant = scoped ? (scoped[1] ?? '/') : path.slice('/__clerk'.length) || '/';
  const device = /^\/device\/[^/]+(\/.*)?$/.exec(inTenant);
  return device ? (device[1] ?? '/') : inTenant;
}

/** Whether it asks for Clerk's script, which any page may load (a GET or HEAD of `…/npm/@clerk/clerk-js@…/dist/…`). */
function isScriptRead(spec, context) {
  const path = tenantPath(spec, context);
  return ['GET', 'HEAD'].includes(spec.method) && !!path && /^\/npm\/@clerk\/clerk-js(?:@[^/]+)?\/dist\/./.test(path);
}

/** Why the emulator must refuse this request without touching any state, or `undefined` when it may act on it. */
function mustRefuse(spec, context) {
  if (spec.host !== undefined && !HOSTS[spec.host]) return `host ${JSON.stringify(spec.host)}`;
  if (!pageAllowed(spec, context))
    return isScriptRead(spec, context) ? 'SCRIPT' : `a ${spec.method} from a page it does not allow`;
  if (READS.has(spec.method)) return undefined;
  // As the server counts one: chunked (even empty), or a Content-Length above 0.
  const bytes = bodyBytes(spec.body);
  const hasBody = bytes !== undefined && (spec.framing.kind === 'chunked' || bytes.length > 0);
  if (
    tenantPath(spec, context)?.startsWith('/__control/') &&
    mediaType(spec.contentType) !== 'application/json' &&
    (spec.contentType !== undefined || hasBody)
  ) {
    return 'a control write that is not JSON';
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------------
// The server, its state, and the checks.

let running;
let port;
const emulatorErrors = [];
let consoleError;
const totals = { runs: 0, violations: 0 };
/** Answers by status (`dropped` for none), per property: shows what the generated requests reached. */
let statuses = {};

function snapshot() {
  // Tenant names first: looking a tenant up counts as using it.
  const tenants = running.emulator.tenantNames();
  const retainedBytes = running.emulator.retainedBytes;
  return {
    tenants,
    retainedBytes,
    ...Object.fromEntries(
      TENANTS.map((name) => {
        const tenant = running.emulator.tenant(name);
        return [name, { state: tenant.state(), requests: tenant.requests() }];
      }),
    ),
  };
}

/** Each tenant: two users (`user_first`, `user_second`), both signed in, `user_first` also on a device, a clean log and no faults. */
function seedTenants() {
  const ids = {};
  for (const name of TENANTS) {
    const tenant = running.emulator.tenant(name);
    tenant.reset();
    tenant.createUser({ id: 'user_first' });
    tenant.createUser({ id: 'user_second' });
    const sid = tenant.signIn('user_first').id;
    tenant.signIn('user_second');
    const device = tenant.addDevice({ userId: 'user_first', activity: { browserName: 'Safari', isMobile: true } });
    ids[name] = { sid, device: device.clientId, dsid: device.sessions[0].id };
    // A test's instruments: one-shot faults (4xx, so an answer of 5xx still means a bug) and a cookie about to expire.
    tenant.setFault('client', { status: 429, times: 1 });
    tenant.setFault('activeSessions', { status: 401, times: 2 });
    tenant.setFault('script', { status: 404, times: 1 });
    tenant.setCookieExpiresAt(Date.now() + 3600_000);
  }
  return { port, ids };
}

function checkInvariants(name, { state, requests }) {
  const users = new Set(state.users.map((user) => user.id));
  assert.equal(users.size, state.users.length, `${name}: user ids are unique`);
  const sessionUsers = state.sessions.map((session) => session.userId);
  assert.equal(new Set(sessionUsers).size, sessionUsers.length, `${name}: one session per user`);
  for (const userId of sessionUsers) assert.ok(users.has(userId), `${name}: every session's user exists`);
  const active = state.lastActiveSessionId;
  assert.ok(
    active === null ? true : state.sessions.some((session) => session.id === active),
    `${name}: the active session is signed in`,
  );
  if (state.sessions.length === 0) assert.equal(active, null, `${name}: no sessions, no active one`);
  const clients = [
    {
      clientId: state.clientId,
      sessions: state.sessions,
      endedSessions: state.endedSessions,
      lastActiveSessionId: active,
    },
    ...state.devices,
  ];
  const allIds = clients.flatMap((client) =>
    [...client.sessions, ...client.endedSessions].map((session) => session.id),
  );
  assert.equal(new Set(allIds).size, allIds.length, `${name}: a session lives on one client`);
  assert.equal(
    new Set(clients.map((client) => client.clientId)).size,
    clients.length,
    `${name}: client ids are unique`,
  );
  for (const client of clients) {
    for (const session of client.sessions) {
      assert.ok(['active', 'pending'].includes(session.status), `${name}: a signed-in session is active or pending`);
      assert.equal(session.status === 'pending', session.tasks.length > 0, `${name}: pending while it has tasks`);
      assert.equal(session.clientId, client.clientId, `${name}: a session names its client`);
      assert.ok(users.has(session.userId), `${name}: every device session's user exists`);
    }
    for (const session of client.endedSessions)
      assert.ok(['revoked', 'expired'].includes(session.status), `${name}: an ended session says how it ended`);
    const deviceUsers = client.sessions.map((session) => session.userId);
    assert.equal(new Set(deviceUsers).size, deviceUsers.length, `${name}: one session per user and client`);
    const current = client.lastActiveSessionId;
    assert.ok(
      current === null || client.sessions.some((session) => session.id === current),
      `${name}: a client's active session is signed in`,
    );
  }
  for (const [endpoint, fault] of Object.entries(state.faults)) {
    assert.ok(
      fault.remaining === null || (Number.isInteger(fault.remaining) && fault.remaining > 0),
      `${name}/${endpoint}: remaining`,
    );
    assert.ok(
      fault.delayMs === undefined || (fault.delayMs >= 0 && fault.delayMs <= 60000),
      `${name}/${endpoint}: delayMs bounded`,
    );
    assert.ok(
      fault.status === undefined || (fault.status >= 400 && fault.status <= 599),
      `${name}/${endpoint}: status`,
    );
    assert.ok(
      fault.status !== undefined ||
        fault.drop === true ||
        fault.delayMs !== undefined ||
        fault.reverificationRequired === true,
      `${name}/${endpoint}: does something`,
    );
    assert.ok(
      !(fault.reverificationRequired && (fault.status !== undefined || fault.drop)),
      `${name}/${endpoint}: reverification is its own answer`,
    );
  }
  assert.ok(requests.length <= MAX_RECORDED, `${name}: the log keeps at most ${MAX_RECORDED}`);
  assert.ok(running.emulator.retainedBytes <= MAX_RETAINED_BYTES, `${running.emulator.retainedBytes} bytes held`);
  for (const logged of requests) {
    assert.ok(logged.path.length <= VALUE_LIMIT, `${name}: a recorded path of ${logged.path.length} chars`);
    for (const field of [logged.query, logged.body]) {
      assert.ok(
        JSON.stringify(field).length <= 16 * 1024,
        `${name}: recorded fields of ${JSON.stringify(field).length} chars`,
      );
      for (const [key, value] of Object.entries(field)) {
        assert.equal(typeof value, 'string');
        assert.ok(
          key.length <= VALUE_LIMIT && value.length <= VALUE_LIMIT,
          `${name}: a recorded field of ${key.length}+${value.length} chars`,
        );
      }
    }
  }
}

/** A read changes no user, session, device or cookie; a fault it hits only counts down. */
function checkReadChangedNothing(name, method, before, after) {
  const { faults: faultsBefore, ...stateBefore } = before.state;
  const { faults: faultsAfter, ...stateAfter } = after.state;
  assert.deepEqual(stateAfter, stateBefore, `a ${method} changed ${name}'s state`);
  for (const [endpoint, fault] of Object.entries(faultsAfter)) {
    const was = faultsBefore[endpoint];
    assert.ok(was, `a ${method} set a fault on ${endpoint}`);
    assert.deepEqual({ ...fault, remaining: 0 }, { ...was, remaining: 0 }, `a ${method} changed a fault`);
    assert.ok(was.remaining === null || fault.remaining <= was.remaining, `a ${method} added hits to a fault`);
  }
}

/** The server still answers, promptly: a plain FAPI read on a freshly reset tenant. */
async function checkHealthy() {
  seedTenants();
  const health = await rawRequest(
    port,
    Buffer.from(`GET /__clerk/t/fuzz/v1/environment HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`),
    { timeoutMs: ANSWER_MS },
  );
  assert.equal(health.status, 200, 'the server still answers');
}

function checkNoEmulatorErrors() {
  if (emulatorErrors.length) {
    const logged = emulatorErrors.splice(0).map((args) => args.map(String).join(' ').slice(0, 300));
    assert.fail(`the emulator logged an unexpected error: ${logged.join(' | ')}`);
  }
}

function count(answer) {
  const key = answer.dropped ? 'closed' : String(answer.status);
  statuses[key] = (statuses[key] ?? 0) + 1;
}

async function runProperty(label, property, numRuns) {
  statuses = {};
  const details = await fc.check(property, {
    seed: SEED,
    numRuns,
    interruptAfterTimeLimit: PROPERTY_MS,
    markInterruptAsFailure: false,
    verbose: process.env.FC_VERBOSE ? 1 : 0,
  });
  const runs = details.numRuns;
  const violations = details.failed ? 1 : 0;
  totals.runs += runs;
  totals.violations += violations;
  console.log(
    `emulator: ${runs} runs, ${violations} violations (${label}, seed ${SEED}${details.interrupted ? `, stopped at the ${PROPERTY_MS / 1000} s limit` : ''})`,
  );
  const seen = Object.entries(statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, times]) => `${status}×${times}`);
  console.log(`  answers (shrinking included): ${seen.join(' ')}`);
  if (details.failed) assert.fail(`${fc.defaultReportMessage(details)}\n${details.errorInstance}`);
}

describe('emulator under hostile requests (fast-check)', () => {
  before(async () => {
    running = await startClerkEmulator({
      maxRecordedRequests: MAX_RECORDED,
      maxRetainedBytes: MAX_RETAINED_BYTES,
    });
    port = Number(new URL(running.url).port);
    consoleError = console.error;
    console.error = (...args) => {
      if (String(args[0]).includes('[clerk emulator]')) emulatorErrors.push(args);
      else consoleError(...args);
    };
  });
  after(async () => {
    console.error = consoleError;
    await running?.close();
    console.log(`emulator: ${totals.runs} runs, ${totals.violations} violations (seed ${SEED})`);
  });

  it('answers every well-framed request within the bound, never 5xx, and keeps its state consistent', async () => {
    const property = fc.asyncProperty(requests, async (spec) => {
      const context = seedTenants();
      const before = snapshot();
      const answer = await rawRequest(port, toBytes(spec, context), {
        timeoutMs: ANSWER_MS,
        head: spec.method === 'HEAD',
      });
      count(answer);
      assert.ok(!answer.dropped, `the connection was dropped without an answer (${answer.error ?? 'closed'})`);
      assert.ok(
        Number.isInteger(answer.status) && answer.status >= 100 && answer.status < 500,
        `answered ${answer.status} ${answer.body?.slice(0, 200) ?? ''}`,
      );
      checkNoEmulatorErrors();
      const after = snapshot();
      for (const name of TENANTS) checkInvariants(name, after[name]);
      const refusal = mustRefuse(spec, context);
      if (refusal) {
        if (refusal !== 'SCRIPT') assert.ok(answer.status >= 400, `${refusal} was answered ${answer.status}`);
        assert.deepEqual(after, before, `${refusal} changed the emulator's state, log, tenants or memory`);
      } else if (READS.has(spec.method)) {
        for (const name of TENANTS) checkReadChangedNothing(name, spec.method, before[name], after[name]);
      }
      await checkHealthy();
    });
    await runProperty('well-framed requests', property, RUNS);
  });

  it('changes nothing (state, faults, cookie, log, tenants, memory) for a read from a page it does not allow', async () => {
    const property = fc.asyncProperty(foreignReads, async (spec) => {
      const context = seedTenants();
      const before = snapshot();
      const answer = await rawRequest(port, toBytes(spec, context), {
        timeoutMs: ANSWER_MS,
        head: spec.method === 'HEAD',
      });
      count(answer);
      assert.ok(!answer.dropped, `the connection was dropped without an answer (${answer.error ?? 'closed'})`);
      assert.ok(answer.status < 500, `answered ${answer.status}`);
      checkNoEmulatorErrors();
      const refusal = mustRefuse(spec, context);
      assert.ok(refusal, 'the oracle knows this page is not allowed');
      if (refusal !== 'SCRIPT') assert.ok(answer.status >= 400, `${refusal} was answered ${answer.status}`);
      assert.deepEqual(snapshot(), before, `${refusal} changed the emulator's state, log, tenants or memory`);
      await checkHealthy();
    });
    await runProperty('reads from pages it does not allow', property, RUNS);
  });

  it('closes or answers a request cut short (or with bytes past its end) within the bound, and keeps answering', async () => {
    const property = fc.asyncProperty(cuts, async ({ request: spec, keep, mode }) => {
      const context = seedTenants();
      const before = snapshot();
      let bytes = toBytes(spec, context);
      if (mode === 'cut') bytes = bytes.subarray(0, Math.floor(bytes.length * keep));
      if (mode === 'longer-length')
        bytes = Buffer.from(
          bytes
            .toString('latin1')
            .replace(
              /\r\nContent-Length: (\d+)/i,
              (_, n) => `\r\nContent-Length: ${Number(n) + 1 + Math.floor(keep * 100)}`,
            ),
          'latin1',
        );
      if (mode === 'garbage-after')
        bytes = Buffer.concat([bytes, Buffer.from(`\x00GET / HTTP/1.1\r\n${'z'.repeat(Math.floor(keep * 500))}`)]);
      // Half-closed after writing: the server sees the end of the stream and must not wait for the rest.
      const answer = await rawRequest(port, bytes, { timeoutMs: ANSWER_MS, end: true, head: spec.method === 'HEAD' });
      count(answer);
      assert.ok(answer.dropped || answer.status < 500, `answered ${answer.status}`);
      checkNoEmulatorErrors();
      const after = snapshot();
      for (const name of TENANTS) checkInvariants(name, after[name]);
      const refusal = mustRefuse(spec, context);
      if (refusal) assert.deepEqual(after, before, `${refusal} changed the emulator's state, log, tenants or memory`);
      await checkHealthy();
    });
    await runProperty('requests cut short', property, CUT_RUNS);
  });
});
