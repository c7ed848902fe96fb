// Visits the built docs site (npm run docs:build writes dist/docs/) page by page in a same-origin iframe, and checks
// each page: console errors, the live examples in every state their controls offer, axe, and every internal link and
// anchor. Shared by the site's test files (each takes a share of the pages, to stay within a test file's time).
import { expect } from '@open-wc/testing';

export const SITE = '/dist/docs/';

interface Frame {
  iframe: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
  errors: string[];
}

/** Every page of the site: the pages linked from the home page's navigation, and the search page. */
export async function sitePages(): Promise<string[]> {
  const response = await fetch(SITE);
  if (!response.ok) throw new Error(`${SITE} is not there: run \`npm run docs:build\` first (npm test does).`);
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  const base = new URL(SITE, location.href);
  const urls = [...doc.querySelectorAll<HTMLAnchorElement>('.site-nav a[href]')].map(
    (a) => new URL(a.getAttribute('href')!, base).pathname,
  );
  return [...new Set([SITE, ...urls, `${SITE}search/`])];
}

/**
 * Loads a page in an iframe, recording its console errors and uncaught errors from its first script on: the iframe's
 * initial about:blank window is patched, and a same-origin navigation from it keeps that window (HTML's window reuse).
 */
export async function openPage(path: string): Promise<Frame> {
  const iframe = document.createElement('iframe');
  iframe.style.cssText = 'width: 1280px; height: 900px; border: 0';
  document.body.append(iframe);
  const errors: string[] = [];
  const record = (win: Window & typeof globalThis) => {
    const original = win.console.error.bind(win.console);
    win.console.error = Object.assign(
      (...args: unknown[]) => {
        errors.push(args.map(String).join(' '));
        original(...args);
      },
      { recorder: true },
    );
    win.addEventListener('error', (event) => errors.push(`uncaught: ${event.message}`));
    win.addEventListener('unhandledrejection', (event) => errors.push(`unhandled rejection: ${event.reason}`));
  };
  record(iframe.contentWindow as Window & typeof globalThis);
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = path;
  await loaded;
  const win = iframe.contentWindow as Window & typeof globalThis;
  // An engine that did not reuse the window: record from now on (the test of the unavailable state would then fail).
  if (!(win.console.error as { recorder?: boolean }).recorder) record(win);
  await until(() => win.customElements.get('docs-example') || path.includes('/search/'), `${path} ran its script`);
  return { iframe, win, doc: iframe.contentDocument!, errors };
}

export async function until(condition: () => unknown, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let axeSource: Promise<string> | undefined;

/** axe-core run inside the page: serious and critical violations, as `rule: selector` lines. */
export async function seriousViolations(frame: Frame): Promise<string[]> {
  axeSource ??= fetch('/node_modules/axe-core/axe.min.js').then((response) => response.text());
  const win = frame.win as Window & typeof globalThis & { axe?: { run: (...args: unknown[]) => Promise<AxeResults> } };
  if (!win.axe) {
    const script = frame.doc.createElement('script');
    script.textContent = await axeSource;
    frame.doc.head.append(script);
  }
  const results = await win.axe!.run(frame.doc, { resultTypes: ['violations'] });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

interface AxeResults {
  violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
}

const pageCache = new Map<string, Promise<Document | null>>();

/** Every same-origin link of the page leads to a page of the site, and its #anchor to an element with that id. */
export async function brokenLinks(frame: Frame): Promise<string[]> {
  const broken: string[] = [];
  for (const link of frame.doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const url = new URL(link.href);
    if (url.origin !== location.origin) continue;
    const target = url.pathname === new URL(frame.win.location.href).pathname ? Promise.resolve(frame.doc) : load(url);
    const doc = await target;
    if (!doc) broken.push(`${link.getAttribute('href')}: no page at ${url.pathname}`);
    else if (url.hash && !doc.getElementById(decodeURIComponent(url.hash.slice(1))))
      broken.push(`${link.getAttribute('href')}: no #${url.hash.slice(1)} on ${url.pathname}`);
  }
  return broken;
}

function load(url: URL): Promise<Document | null> {
  const path = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
  if (!pageCache.has(path)) {
    pageCache.set(
      path,
      fetch(path).then(async (response) => {
        if (!response.ok) return null;
        const type = response.headers.get('content-type') ?? '';
        return type.includes('html')
          ? new DOMParser().parseFromString(await response.text(), 'text/html')
          : document.implementation.createHTMLDocument();
      }),
    );
  }
  return pageCache.get(path)!;
}

interface ProviderLike extends HTMLElement {
  state: { status: string; user: unknown; client?: { signedInSessions: unknown[] } };
}
export interface ExampleLike extends HTMLElement {
  stage: ShadowRoot;
  state: string;
}

const SIGNED_IN = ['signed-in', 'two-accounts', 'devices', 'failing', 'degraded'];

/** The example shows what its chosen state says: the provider's status and user, and each element accordingly. */
export async function expectState(example: ExampleLike, state: string, label: string): Promise<void> {
  const providers = [...example.stage.querySelectorAll<ProviderLike>('clerk-provider')];
  expect(providers.length, `${label}: a provider`).to.be.greaterThan(0);
  const status = state === 'slow' ? 'loading' : state === 'unavailable' ? 'error' : 'ready';
  await until(() => providers.every((p) => p.state.status === status), `${label}: status ${status}`);
  const signedIn = SIGNED_IN.includes(state);
  if (status === 'ready') await until(() => providers.every((p) => !!p.state.user === signedIn), `${label}: user`);
  if (state === 'two-accounts') expect(providers[0].state.client?.signedInSessions.length, label).to.equal(2);
  const all = (selector: string) => [...example.stage.querySelectorAll<HTMLElement & { active?: boolean }>(selector)];
  const part = (el: Element, name: string) => !!el.shadowRoot?.querySelector(`[part~="${name}"]`);
  await until(
    () =>
      all('clerk-signed-in').every((el) => el.active === signedIn) &&
      all('clerk-signed-out').every((el) => el.active === (status === 'ready' && !signedIn)) &&
      all('clerk-loading').every((el) => el.active === (status === 'loading')) &&
      all('clerk-loaded').every((el) => el.active === (status === 'ready')) &&
      all('clerk-failed').every((el) => el.active === (status === 'error')) &&
      all('clerk-degraded').every((el) => el.active === (state === 'degraded')) &&
      all('clerk-user-menu').every(
        (el) => part(el, 'trigger') === signedIn && part(el, 'placeholder') === (status === 'loading'),
      ) &&
      all('clerk-active-devices').every((el) => part(el, 'panel') === signedIn),
    `${label}: the elements show ${state}`,
  );
  if (state === 'devices' || state === 'failing') {
    for (const el of all('clerk-active-devices'))
      await until(() => el.shadowRoot!.querySelectorAll('[part~="device"]').length === 3, `${label}: three devices`);
  }
}

/** Chooses each state an example offers (its radio), checks it, and lets a slow Clerk finish loading. */
export async function driveExample(example: ExampleLike, label: string): Promise<string[]> {
  const states: string[] = [];
  for (const radio of example.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
    radio.click();
    expect(example.state, label).to.equal(radio.value);
    await expectState(example, radio.value, `${label} [${radio.value}]`);
    if (radio.value === 'slow') {
      example.querySelector<HTMLButtonElement>('[data-finish-loading]')!.click();
      await expectState(example, 'signed-in', `${label} [slow, then loaded]`);
    }
    if (radio.value === 'failing') await expectFailure(example, `${label} [failing]`);
    states.push(radio.value);
  }
  return states;
}

/** With a failing Clerk, a sign-out reports sign-out-error and the user stays signed in and shown. */
async function expectFailure(example: ExampleLike, label: string): Promise<void> {
  const button = example.stage.querySelector('clerk-sign-out-button');
  const inner =
    button?.querySelector('button') ?? button?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="button"]');
  if (!inner) return;
  inner.click();
  const log = example.querySelector('[data-log]')!;
  await until(() => log.textContent!.includes('sign-out-error'), `${label}: sign-out-error in the log`);
  await expectState(example, 'failing', `${label} after the failed sign-out`);
  expect(log.textContent, label).not.to.contain('signed-out {');
}
