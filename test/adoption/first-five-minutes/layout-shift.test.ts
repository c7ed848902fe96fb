// Layout shift: a header with text, the menu and the button, and a line of text with them, must not move from
// the first paint (elements undefined, no-flash.css) through their definition (Clerk loading) to Clerk ready, signed in.
// Measured as geometry, so it runs in every engine; where the Layout Instability API exists (Chromium), CLS must be 0.
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { FakeClerk } from '../../../src/testing/index.js';
import { slowClerk } from '../../support/fixtures.js';
import { openPage, until } from '../../support/slow-page.js';

/** `nameStyle`: the style of the menu that shows the name. */
const body = (nameStyle: string) => `
<clerk-provider publishable-key="pk_live_…" style="font: 16px/1.5 sans-serif">
  <header style="display: flex; align-items: center; gap: 12px">
    <strong id="logo">Acme</strong>
    <clerk-user-menu id="header-menu"></clerk-user-menu>
    <clerk-sign-out-button id="header-button"></clerk-sign-out-button>
    <span id="header-after">Help</span>
  </header>
  <p id="line">
    <span id="line-before">Signed in as</span>
    <clerk-user-menu id="line-menu" show-name style="${nameStyle}"></clerk-user-menu>
    <clerk-sign-out-button id="line-button"><button type="button">Log out</button></clerk-sign-out-button>
    <span id="line-after">· Help</span>
  </p>
  <header id="spread" style="display: flex; justify-content: space-between; align-items: center">
    <strong id="spread-logo">Acme</strong>
    <div><clerk-user-menu id="spread-menu"></clerk-user-menu> <clerk-sign-out-button id="spread-button"></clerk-sign-out-button></div>
  </header>
  <p id="content">Welcome back.</p>
</clerk-provider>`;

const MEASURED = [
  ...['logo', 'header-menu', 'header-button', 'header-after'],
  ...['line-before', 'line-menu', 'line-button', 'line-after'],
  ...['spread-logo', 'spread-menu', 'spread-button', 'content'],
];

type Page = Awaited<ReturnType<typeof openPage>>;

function geometry(page: Page): Record<string, string> {
  return Object.fromEntries(
    MEASURED.map((id) => {
      const { left, top, width, height } = page.document.getElementById(id)!.getBoundingClientRect();
      return [id, [left, top, width, height].map((value) => value.toFixed(2)).join(' ')];
    }),
  );
}

/** Two rendered frames; false when none came (a test page in the background is not rendered). */
const frames = (page: Page) =>
  new Promise<boolean>((resolve) => {
    page.window.requestAnimationFrame(() => page.window.requestAnimationFrame(() => resolve(true)));
    setTimeout(() => resolve(false), 500);
  });

/** Layout shifts the Layout Instability API reports in the page (null where the engine has no such API). */
function watchLayoutShifts(page: Page): () => number | null {
  const { PerformanceObserver } = page.window as unknown as typeof globalThis;
  if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) return () => null;
  let score = 0;
  const add = (entries: PerformanceEntryList) => {
    for (const entry of entries) score += (entry as PerformanceEntry & { value: number }).value;
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ type: 'layout-shift', buffered: true });
  // Entries reach the callback later, in a task of their own: take the ones still queued.
  return () => (add(observer.takeRecords()), score);
}

/** Opens the page with `css` in its <style>; returns the geometry at each step until Clerk is ready, and the CLS. */
async function loadPage(css: string, nameStyle = '--clerk-user-menu-name-width: 7em') {
  const { clerk, finishLoading } = slowClerk({ firstName: 'Augusta Ada', lastName: 'King' });
  const page = await openPage(`<style>${css}</style>${body(nameStyle)}`, { clerk });
  try {
    // In view: the Layout Instability API reports only what moves on screen. (It reports nothing when the provider is
    // defined: its shadow root gives everything inside it new boxes. The geometry below covers that step.)
    Object.assign(page.frame.style, { position: 'fixed', top: '0', left: '0', zIndex: '1' });
    const layoutShift = watchLayoutShifts(page);
    let rendered = await frames(page);
    const firstPaint = geometry(page);

    const script = Object.assign(page.document.createElement('script'), { type: 'module', src: '/src/index.ts' });
    page.document.head.append(script);
    await until(() => page.window.customElements.get('clerk-provider'), 'the elements are defined');
    const menus = [...page.document.querySelectorAll('clerk-user-menu')];
    const buttons = [...page.document.querySelectorAll('clerk-sign-out-button')];
    await Promise.all([...menus, ...buttons].map((element) => (element as LitElement).updateComplete));
    rendered &&= await frames(page);
    expect(page.document.querySelector('clerk-provider')!.state.status).to.equal('loading');
    const placeholders = menus.map((menu) => menu.shadowRoot!.querySelector('[part~="placeholder"]'));
    expect(placeholders.every((placeholder) => placeholder?.getAttribute('aria-hidden') === 'true')).to.equal(true);
    const clerkLoading = geometry(page);

    finishLoading();
    // The menu's trigger, the built-in button, or the page's own button inside the element.
    const control = (element: Element) =>
      element.shadowRoot!.querySelector('[part~="trigger"], [part~="button"]') ?? element.querySelector('button');
    const shown = (element: Element) => !!control(element)?.checkVisibility({ visibilityProperty: true });
    await until(() => [...menus, ...buttons].every(shown), 'the menus and buttons show');
    rendered &&= await frames(page);
    // Shifts are found when frames are rendered: without them, no CLS to check.
    return { firstPaint, clerkLoading, clerkReady: geometry(page), cls: rendered ? layoutShift() : null, page };
  } catch (error) {
    page.remove();
    throw error;
  }
}

const noFlash = fetch('/src/no-flash.css').then((response) => response.text());

describe('layout shift: a page with the menu and the button, from first paint to Clerk ready', () => {
  let page: Page | undefined;
  afterEach(() => page?.remove());

  it('with no-flash.css nothing moves: first paint, elements defined while Clerk loads, Clerk ready (CLS 0)', async function () {
    this.timeout(15000);
    const steps = await loadPage(await noFlash);
    page = steps.page;
    expect(steps.clerkLoading, 'defined, Clerk loading vs first paint').to.deep.equal(steps.firstPaint);
    expect(steps.clerkReady, 'Clerk ready vs first paint').to.deep.equal(steps.firstPaint);
    expect(steps.firstPaint['header-menu']).to.match(/ 32\.00 32\.00$/, 'the avatar (2rem) is reserved');
    if (steps.cls !== null) expect(steps.cls, 'CLS').to.equal(0);
  });

  it('a justify-content: space-between header keeps the menu and the button together in an element of their own (the pattern of docs/getting-started.md)', async function () {
    this.timeout(15000);
    const steps = await loadPage(await noFlash);
    page = steps.page;
    expect(steps.clerkReady, 'Clerk ready vs first paint').to.deep.equal(steps.firstPaint);
    const box = (id: string) => page!.document.getElementById(id)!.getBoundingClientRect();
    const header = page.document.getElementById('spread')!.getBoundingClientRect();
    expect(box('spread-button').left - box('spread-menu').right, 'a space apart').to.be.within(0, 8);
    expect(box('spread-button').right, 'at the end of the header').to.be.closeTo(header.right, 0.5);
    expect(box('spread-logo').left, 'the logo at its start').to.be.closeTo(header.left, 0.5);
  });

  it('in such a header, <clerk-signed-in> around them (display: contents) makes each its own item: spread apart (what the pattern avoids)', async function () {
    this.timeout(15000);
    page = await openPage(
      `<clerk-provider publishable-key="pk_live_…" style="font: 16px/1.5 sans-serif">
        <header id="spread" style="display: flex; justify-content: space-between; align-items: center">
          <strong>Acme</strong>
          <clerk-signed-in><clerk-user-menu></clerk-user-menu> <clerk-sign-out-button></clerk-sign-out-button></clerk-signed-in>
        </header>
      </clerk-provider>`,
      { clerk: FakeClerk.signedIn() },
    );
    page.document.head.append(
      Object.assign(page.document.createElement('script'), { type: 'module', src: '/src/index.ts' }),
    );
    const trigger = () =>
      page!.document.querySelector('clerk-user-menu')!.shadowRoot?.querySelector('[part~="trigger"]');
    await until(() => trigger()?.checkVisibility(), 'the menu shows');
    const menu = page.document.querySelector('clerk-user-menu')!.getBoundingClientRect();
    const button = page.document.querySelector('clerk-sign-out-button')!.getBoundingClientRect();
    expect(button.left - menu.right, 'the gap between the menu and the button').to.be.greaterThan(100);
  });

  it('a name wider than the reserved 6em (no --clerk-user-menu-name-width) moves what follows it when Clerk is ready', async function () {
    this.timeout(15000);
    const steps = await loadPage(await noFlash, '');
    page = steps.page;
    expect(steps.clerkLoading).to.deep.equal(steps.firstPaint);
    expect(steps.clerkReady['header-after'], 'the header has no name').to.equal(steps.firstPaint['header-after']);
    expect(steps.clerkReady['line-after']).not.to.equal(steps.firstPaint['line-after']);
    if (steps.cls !== null) expect(steps.cls, 'CLS').to.be.greaterThan(0);
  });
});
