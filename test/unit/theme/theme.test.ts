// The elements take their light or dark theme from the page's `color-scheme` (as form controls do), never from the
// OS alone, and every state of every element meets WCAG AA in both: text 4.5:1 (axe's color-contrast, which must have
// checked each text named here), and 3:1 for focus rings, control borders, the avatar's error ring, the placeholder
// and spinners (measured here). Each page is a frame whose preference for light or dark the test sets (see
// test/support/page-frame.ts); an engine that cannot give a frame the preference asked for skips those pages (and
// says so). WebKit is one: it runs the OS-dark pages when started dark, e.g.
// `GTK_THEME=Adwaita:dark WTR_ENGINE=webkit npx web-test-runner test/theme/theme.test.ts` (then it skips the others).
import { expect } from '@open-wc/testing';
import type { AxeResults, NodeResult } from 'axe-core';
import { installJumpingClock } from '../../support/clock.js';
import { focusPage } from '../../support/engine.js';
import { until } from '../../support/fixtures.js';
import { openFramePage, type FramePage } from '../../support/page-frame.js';
import { backgroundOf, colourOf, contrast, css, parseColor, type Rgba } from '../../support/contrast.js';

type Scheme = 'light' | 'dark';

/** The theme's surface and text colours, as computed. */
const SURFACE = { light: 'rgb(255, 255, 255)', dark: 'rgb(31, 35, 40)' };
const TEXT = { light: 'rgb(31, 35, 40)', dark: 'rgb(240, 243, 246)' };
const HOVER = { light: 'rgb(243, 244, 246)', dark: 'rgb(47, 53, 61)' };

interface Scenario {
  name: string;
  /** The page's `color-scheme` (on `<html>`), if any. */
  root: string;
  /** What the user's system prefers. */
  os: Scheme;
  /** `color-scheme` of the part of the page the elements sit in, if it has its own. */
  subtree?: string;
  theme: Scheme;
}

const SCENARIOS: Scenario[] = [
  { name: 'a page that declares no color-scheme, the OS preferring dark', root: '', os: 'dark', theme: 'light' },
  {
    name: 'a page with color-scheme: light dark, the OS preferring dark',
    root: 'light dark',
    os: 'dark',
    theme: 'dark',
  },
  {
    name: 'a page with color-scheme: light dark, the OS preferring light',
    root: 'light dark',
    os: 'light',
    theme: 'light',
  },
  {
    name: 'a part with color-scheme: dark in a light page',
    root: '',
    os: 'light',
    subtree: 'dark',
    theme: 'dark',
  },
  {
    name: 'a part with color-scheme: light in a dark page',
    root: 'light dark',
    os: 'dark',
    subtree: 'light',
    theme: 'light',
  },
];

/** A part and the colours it must tell apart: 3:1 (a non-text part), or 4.5:1 for a text axe does not check. */
interface Part {
  what: string;
  colour: Rgba;
  behind: Rgba;
  min?: number;
}

/** What a state shows: the element (axe's context), the texts axe must pass, the theme's surface, the other parts. */
interface Shown {
  host: Element;
  texts: string[];
  surface?: Element;
  /** An element shown hovered: its background is the theme's hover colour. */
  hovered?: Element;
  parts?: Part[];
}

type Mounted = {
  provider: HTMLElement & { state?: { status: string } };
  el: HTMLElement & { updateComplete: Promise<unknown> };
};

const shadowPart = (el: Element, name: string) => {
  const found = el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`<${el.localName}> has no part ${name}`);
  return found;
};

/** Focuses `element` as the keyboard would show it (its :focus-visible ring drawn) and measures the ring. */
function focusRing(element: HTMLElement, what: string): Part {
  element.focus();
  expect(element.matches(':focus-visible'), `${what} shows its focus ring`).to.equal(true);
  const view = element.ownerDocument.defaultView!;
  const inset = parseFloat(view.getComputedStyle(element).outlineOffset) < 0;
  const behind = backgroundOf(element, { own: inset });
  return { what: `${what}'s focus ring`, colour: colourOf(element, 'outline-color', behind), behind };
}

function controlBorder(element: Element, what: string): Part {
  const behind = backgroundOf(element, { own: false });
  return { what: `${what}'s border`, colour: colourOf(element, 'border-top-color', behind), behind };
}

function spinnerOf(host: Element): Part {
  const spinner = shadowPart(host, 'spinner');
  const behind = backgroundOf(spinner);
  return { what: 'the spinner', colour: colourOf(spinner, 'border-top-color', behind), behind };
}

/** The theme as the page sees it: the element's surface and text colours. */
function expectTheme(surface: Element, theme: Scheme) {
  const style = surface.ownerDocument.defaultView!.getComputedStyle(surface);
  expect(style.backgroundColor, `the ${theme} surface`).to.equal(SURFACE[theme]);
  expect(style.color, `the ${theme} text`).to.equal(TEXT[theme]);
}

/**
 * Shows `element` as hovered, as the browser's devtools force :hover: the declarations of every `:hover` rule of its
 * shadow root that matches it go on the element. (The pointer cannot be used here: Chromium keeps a test page that
 * runs beside another in the background, where each pointer move takes 5 s.)
 */
function forceHover(element: HTMLElement) {
  const root = element.getRootNode() as ShadowRoot;
  let applied = 0;
  for (const sheet of [...root.adoptedStyleSheets, ...root.styleSheets]) {
    for (const rule of sheet.cssRules) {
      if (!('selectorText' in rule)) continue;
      const { selectorText, style } = rule as CSSStyleRule;
      const hovered = selectorText.split(',').filter((selector) => selector.includes(':hover'));
      if (!hovered.some((selector) => element.matches(selector.replaceAll(':hover', '')))) continue;
      element.style.cssText += style.cssText;
      applied++;
    }
  }
  expect(applied, 'a :hover rule styles it').to.be.greaterThan(0);
}

/**
 * The text an element shows itself, as axe reports a text per element: its own text nodes, and those its slots show
 * (slotted, or the slot's fallback), not the text of child elements.
 */
function ownText(node: NodeResult & { element?: Element }): string {
  const texts = (nodes: Iterable<Node>): string[] =>
    [...nodes].flatMap((child) =>
      child.nodeType === Node.TEXT_NODE
        ? [child.textContent ?? '']
        : child.nodeName === 'SLOT'
          ? texts(
              (child as HTMLSlotElement).assignedNodes().length
                ? (child as HTMLSlotElement).assignedNodes()
                : child.childNodes,
            )
          : [],
    );
  return texts(node.element?.childNodes ?? [])
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** axe's color-contrast rule alone, run by the frame's own axe; results name their elements (`elementRef`). */
function colorContrast(page: FramePage, host: Element): Promise<AxeResults> {
  return page.window.axe.run(host, { runOnly: { type: 'rule', values: ['color-contrast'] }, elementRef: true });
}

function describeNodes(nodes: NodeResult[]): string {
  return nodes
    .map((node) => `${JSON.stringify(ownText(node))}: ${node.failureSummary ?? node.any[0]?.message}`)
    .join('\n');
}

async function check(page: FramePage, scenario: Scenario, shown: Shown) {
  const results = await colorContrast(page, shown.host);
  expect(results.violations, describeNodes(results.violations.flatMap((rule) => rule.nodes))).to.have.length(0);
  const passed = results.passes.flatMap((rule) => rule.nodes).map(ownText);
  const unsure = results.incomplete.flatMap((rule) => rule.nodes);
  for (const text of shown.texts) {
    const found = passed.some((checked) => checked.includes(text));
    expect(found, `axe checked "${text}" and it passed (incomplete: ${describeNodes(unsure)})`).to.equal(true);
  }
  for (const part of shown.parts ?? []) {
    const ratio = contrast(part.colour, part.behind);
    expect(ratio, `${part.what}: ${css(part.colour)} on ${css(part.behind)}`).to.be.at.least(part.min ?? 3);
  }
  if (shown.surface) expectTheme(shown.surface, scenario.theme);
  if (shown.hovered) {
    const { backgroundColor } = shown.hovered.ownerDocument.defaultView!.getComputedStyle(shown.hovered);
    expect(backgroundColor, `the ${scenario.theme} hover background`).to.equal(HOVER[scenario.theme]);
  }
}

function states(page: () => FramePage, scope: () => HTMLElement) {
  const kit = () => page().kit;
  async function mount(markup: string, clerk: unknown, ready = true): Promise<Mounted> {
    const provider = page().document.createElement('clerk-provider') as Mounted['provider'];
    (provider as unknown as { clerk: unknown }).clerk = clerk;
    provider.innerHTML = markup;
    scope().replaceChildren(provider);
    if (ready) await until(() => provider.state?.status === 'ready', 'the provider to be ready');
    const el = provider.firstElementChild as Mounted['el'];
    await el.updateComplete;
    return { provider, el };
  }
  const signedIn = () =>
    new (kit().FakeClerk)({
      users: [kit().fakeUser({ id: 'user_ada', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' })],
    });
  const multiSession = () => {
    const clerk = signedIn();
    clerk.addSession(
      kit().fakeUser({ id: 'user_grace', firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' }),
    );
    return clerk;
  };
  const loading = () => {
    const clerk = signedIn();
    clerk.loaded = false;
    clerk.load = () => new Promise(() => {});
    return clerk;
  };
  const button = (el: Element) => shadowPart(el, 'button');

  const MENU = `<clerk-user-menu show-name multi-session sign-out-other-devices user-profile-url="#profile"
    sign-in-url="#sign-in"><a slot="item" href="#billing">Billing</a></clerk-user-menu>`;
  const MENU_TEXTS = [
    'Ada Lovelace',
    'ada@example.com',
    'Manage account',
    'Billing',
    'Sign out of all other devices',
    'Sign out',
    'Grace Hopper',
    'grace@example.com',
    'Add account',
    'Sign out of all accounts',
  ];
  const openMenu = async (el: Mounted['el']) => {
    (el as unknown as { open: boolean }).open = true;
    await el.updateComplete;
    return shadowPart(el, 'menu');
  };
  const devices = (init: (clerk: ReturnType<typeof signedIn>) => void = () => {}) => {
    const clerk = signedIn();
    clerk.addDevice({ activity: kit().IPHONE, lastActiveAt: new (page().window.Date)(Date.now() - 5 * 60_000) });
    clerk.addDevice({ activity: kit().MAC });
    init(clerk);
    return clerk;
  };
  const listed = (el: Element) => !el.shadowRoot!.querySelector('[part~="status"][role="status"]');

  return {
    'sign-out button: idle': async (): Promise<Shown> => {
      const { el } = await mount('<clerk-sign-out-button></clerk-sign-out-button>', signedIn());
      const parts = [controlBorder(button(el), 'the button'), focusRing(button(el), 'the button')];
      return { host: el, texts: ['Sign out'], surface: button(el), parts };
    },
    'sign-out button: hovered': async (): Promise<Shown> => {
      const { el } = await mount('<clerk-sign-out-button></clerk-sign-out-button>', signedIn());
      forceHover(button(el));
      const parts = [controlBorder(button(el), 'the hovered button')];
      return { host: el, texts: ['Sign out'], hovered: button(el), parts };
    },
    'sign-out button: busy': async (): Promise<Shown> => {
      const clerk = signedIn();
      clerk.holdNextSignOut();
      const { el } = await mount('<clerk-sign-out-button></clerk-sign-out-button>', clerk);
      button(el).click();
      await until(() => button(el).getAttribute('aria-busy') === 'true', 'the button to be busy');
      // aria-disabled while busy, so axe leaves its label out: measured here instead.
      const behind = backgroundOf(button(el));
      const label = { what: 'the busy label', colour: colourOf(button(el), 'color', behind), behind, min: 4.5 };
      return { host: el, texts: [], surface: button(el), parts: [spinnerOf(el), label] };
    },
    'sign-out button: error': async (): Promise<Shown> => {
      const clerk = signedIn();
      clerk.failNextSignOut();
      const { el } = await mount('<clerk-sign-out-button></clerk-sign-out-button>', clerk);
      button(el).click();
      await until(() => shadowPart(el, 'error').textContent, 'the error');
      // The message sits on the page, in a box of the theme's surface: it reads the same over any background.
      return { host: el, texts: ['Sign-out failed. Please try again.'], surface: shadowPart(el, 'messages') };
    },
    'sign-out button: still trying (a slow network)': async (): Promise<Shown> => {
      const clerk = signedIn();
      clerk.holdNextSignOut();
      const { el } = await mount('<clerk-sign-out-button></clerk-sign-out-button>', clerk);
      const clock = installJumpingClock(page().window);
      try {
        button(el).click();
        await until(() => button(el).getAttribute('aria-busy') === 'true', 'the button to be busy');
        clock.tick(3000);
        await until(() => shadowPart(el, 'notice').textContent, 'still trying');
      } finally {
        clock.uninstall();
      }
      return { host: el, texts: ['Still trying… the network is slow.'], surface: shadowPart(el, 'messages') };
    },
    'sign-out button: unavailable (an invalid attribute), after a click': async (): Promise<Shown> => {
      const original = page().window.console.error;
      page().window.console.error = () => undefined;
      const { el } = await mount(
        '<clerk-sign-out-button redirect-url="javascript:void 0"></clerk-sign-out-button>',
        signedIn(),
      ).finally(() => (page().window.console.error = original));
      button(el).click();
      await until(() => shadowPart(el, 'error').textContent, 'the message');
      // The button itself is inactive (aria-disabled): WCAG exempts its text, axe skips it.
      return { host: el, texts: ['Unavailable on this page.'], surface: shadowPart(el, 'messages') };
    },
    'sign-out button: disabled': async (): Promise<Shown> => {
      // WCAG exempts an inactive control's text; axe skips it. What is left: no violation, and the theme.
      const { el } = await mount(
        '<clerk-sign-out-button when-signed-out="disable"></clerk-sign-out-button>',
        new (kit().FakeClerk)(),
      );
      expect((button(el) as HTMLButtonElement).disabled).to.equal(true);
      return { host: el, texts: [], surface: button(el) };
    },
    'user menu: closed': async (): Promise<Shown> => {
      const { el } = await mount(MENU, multiSession());
      const trigger = shadowPart(el, 'trigger');
      return { host: el, texts: ['Ada Lovelace'], parts: [focusRing(trigger, 'the trigger')] };
    },
    'user menu: placeholder (Clerk loading)': async (): Promise<Shown> => {
      const { el } = await mount(MENU, loading(), false);
      const placeholder = shadowPart(el, 'placeholder');
      const behind = backgroundOf(placeholder);
      const parts = ['::before', '::after'].map((pseudo) => ({
        what: `the placeholder's ${pseudo === '::before' ? 'disc' : 'name bar'}`,
        colour: colourOf(placeholder, 'background-color', behind, pseudo),
        behind,
      }));
      return { host: el, texts: [], parts };
    },
    'user menu: open, every kind of item, an account focused': async (): Promise<Shown> => {
      const { el } = await mount(MENU, multiSession());
      const popup = await openMenu(el);
      const account = shadowPart(el, 'switch-account');
      const parts = [focusRing(account, 'the focused account')];
      return { host: el, texts: MENU_TEXTS, surface: popup, parts };
    },
    'user menu: open, a link hovered': async (): Promise<Shown> => {
      const { el } = await mount(MENU, multiSession());
      const popup = await openMenu(el);
      forceHover(shadowPart(el, 'manage-account'));
      return { host: el, texts: MENU_TEXTS, surface: popup, hovered: shadowPart(el, 'manage-account') };
    },
    'user menu: open, an app item focused': async (): Promise<Shown> => {
      const { el } = await mount(MENU, multiSession());
      await openMenu(el);
      const billing = el.querySelector<HTMLElement>('[slot="item"]')!;
      return { host: el, texts: ['Billing'], parts: [focusRing(billing, 'the app item')] };
    },
    'user menu: open, switching accounts (spinner)': async (): Promise<Shown> => {
      const clerk = multiSession();
      clerk.setActive = () => new Promise(() => {});
      const { el } = await mount(MENU, clerk);
      await openMenu(el);
      shadowPart(el, 'switch-account').click();
      await until(() => el.shadowRoot!.querySelector('[part~="spinner"]'), 'the spinner');
      return { host: el, texts: ['Grace Hopper'], parts: [spinnerOf(el)] };
    },
    'user menu: open, an action failed': async (): Promise<Shown> => {
      const clerk = multiSession();
      clerk.failNextSignOut();
      const { el } = await mount(MENU, clerk);
      const popup = await openMenu(el);
      shadowPart(el, 'sign-out').click();
      await until(() => shadowPart(el, 'error').textContent, 'the error');
      return { host: el, texts: ['Sign-out failed. Please try again.'], surface: popup };
    },
    'user menu: closed after a failed action (the avatar ring)': async (): Promise<Shown> => {
      const clerk = multiSession();
      clerk.failNextSignOut();
      const { el } = await mount(MENU, clerk);
      await openMenu(el);
      shadowPart(el, 'sign-out').click();
      await until(() => shadowPart(el, 'error').textContent, 'the error');
      (el as unknown as { open: boolean }).open = false;
      await el.updateComplete;
      const avatar = shadowPart(el, 'trigger').querySelector('[part~="avatar"]')!;
      const behind = backgroundOf(avatar, { own: false });
      const shadow = avatar.ownerDocument.defaultView!.getComputedStyle(avatar).boxShadow;
      const ring = parseColor(/^(rgba?\([^)]*\)|color\([^)]*\))/.exec(shadow)?.[1] ?? shadow);
      return { host: el, texts: ['Ada Lovelace'], parts: [{ what: "the avatar's error ring", colour: ring, behind }] };
    },
    'user menu: closed after a failed action (the message under the trigger)': async (): Promise<Shown> => {
      const clerk = multiSession();
      clerk.failNextSignOut();
      const { el } = await mount(MENU, clerk);
      await openMenu(el);
      shadowPart(el, 'sign-out').click();
      await until(() => shadowPart(el, 'error').textContent, 'the error');
      (el as unknown as { open: boolean }).open = false;
      await el.updateComplete;
      return { host: el, texts: ['Sign-out failed. Please try again.'], surface: shadowPart(el, 'messages') };
    },
    'active devices: loading': async (): Promise<Shown> => {
      const clerk = devices((c) => c.holdNextGetSessions());
      const { el } = await mount('<clerk-active-devices></clerk-active-devices>', clerk);
      return {
        host: el,
        texts: ['Active devices', 'Loading devices…'],
        surface: shadowPart(el, 'panel'),
        parts: [spinnerOf(el)],
      };
    },
    'active devices: the list': async (): Promise<Shown> => {
      const { el } = await mount('<clerk-active-devices></clerk-active-devices>', devices());
      await until(() => listed(el), 'the list');
      await el.updateComplete;
      const device = shadowPart(el, 'sign-out-device');
      const parts = [
        controlBorder(device, '"Sign out of device"'),
        controlBorder(shadowPart(el, 'sign-out-others'), '"Sign out of all other devices"'),
        focusRing(device, '"Sign out of device"'),
      ];
      const texts = ['Active devices', 'This device', 'iPhone', 'Safari 17.1', '5 minutes ago', 'Sign out of device'];
      return { host: el, texts: [...texts, 'Sign out of all other devices'], surface: shadowPart(el, 'panel'), parts };
    },
    'active devices: a button hovered': async (): Promise<Shown> => {
      const { el } = await mount('<clerk-active-devices></clerk-active-devices>', devices());
      await until(() => listed(el), 'the list');
      await el.updateComplete;
      forceHover(shadowPart(el, 'sign-out-device'));
      return { host: el, texts: ['Sign out of device'], hovered: shadowPart(el, 'sign-out-device') };
    },
    'active devices: empty': async (): Promise<Shown> => {
      const { el } = await mount('<clerk-active-devices></clerk-active-devices>', signedIn());
      await until(() => listed(el), 'the list');
      await el.updateComplete;
      return { host: el, texts: ['You are not signed in on any other device.'], surface: shadowPart(el, 'panel') };
    },
    'active devices: the list could not load': async (): Promise<Shown> => {
      const { el } = await mount(
        '<clerk-active-devices></clerk-active-devices>',
        devices((c) => c.failNextGetSessions()),
      );
      await until(() => el.shadowRoot!.querySelector('[part~="retry"]'), 'the retry button');
      const retry = shadowPart(el, 'retry');
      const parts = [controlBorder(retry, '"Try again"'), focusRing(retry, '"Try again"')];
      return {
        host: el,
        texts: ['Your devices could not be loaded.', 'Try again'],
        surface: shadowPart(el, 'panel'),
        parts,
      };
    },
    'active devices: a device could not be signed out': async (): Promise<Shown> => {
      const { el } = await mount(
        '<clerk-active-devices></clerk-active-devices>',
        devices((c) => c.failNextRevoke()),
      );
      await until(() => listed(el), 'the list');
      await el.updateComplete;
      shadowPart(el, 'sign-out-device').click();
      await until(() => el.shadowRoot!.querySelector('[part~="failed"]'), 'the failed row');
      const texts = ['Some devices could not be signed out and are still signed in. Please try again.', 'iPhone'];
      return { host: el, texts, surface: shadowPart(el, 'panel') };
    },
    'active devices: a device signed out (the status message)': async (): Promise<Shown> => {
      const { el } = await mount('<clerk-active-devices></clerk-active-devices>', devices());
      await until(() => listed(el), 'the list');
      await el.updateComplete;
      shadowPart(el, 'sign-out-device').click();
      await until(() => shadowPart(el, 'notice').textContent, 'the status message');
      return { host: el, texts: ['Signed out of iPhone, Safari 17.1'], surface: shadowPart(el, 'panel') };
    },
    'idle sign-out: the warning': async (): Promise<Shown> => {
      // A warning as long as the timeout shows at once (the frame's own clock runs).
      const { el } = await mount('<clerk-idle-sign-out timeout="30" warning="30"></clerk-idle-sign-out>', signedIn());
      await until(() => el.shadowRoot!.querySelector('dialog[open]'), 'the warning');
      await el.updateComplete;
      const dialog = shadowPart(el, 'dialog');
      const countdown = shadowPart(el, 'countdown');
      const behind = backgroundOf(countdown);
      const parts = [
        // Hidden from screen readers (it changes every second), so axe leaves it out: measured here.
        { what: 'the countdown', colour: colourOf(countdown, 'color', behind), behind, min: 4.5 },
        controlBorder(dialog, 'the dialog'),
        controlBorder(shadowPart(el, 'sign-out-button'), '"Sign out now"'),
        focusRing(shadowPart(el, 'sign-out-button'), '"Sign out now"'),
        focusRing(shadowPart(el, 'stay-button'), '"Stay signed in"'),
      ];
      const texts = ['Are you still there?', 'You will be signed out in', 'Stay signed in', 'Sign out now'];
      return { host: el, texts, surface: dialog, parts };
    },
    'idle sign-out: "Sign out now" hovered': async (): Promise<Shown> => {
      const { el } = await mount('<clerk-idle-sign-out timeout="30" warning="30"></clerk-idle-sign-out>', signedIn());
      await until(() => el.shadowRoot!.querySelector('dialog[open]'), 'the warning');
      await el.updateComplete;
      forceHover(shadowPart(el, 'sign-out-button'));
      return { host: el, texts: ['Sign out now'], hovered: shadowPart(el, 'sign-out-button') };
    },
    'idle sign-out: the notice, and a failed sign-out being retried': async (): Promise<Shown> => {
      const clerk = signedIn();
      for (let i = 0; i < 5; i++) clerk.failNextSignOut();
      const { el } = await mount('<clerk-idle-sign-out></clerk-idle-sign-out>', clerk);
      (el as unknown as { signOutNow(): void }).signOutNow();
      await until(() => shadowPart(el, 'error').textContent, 'the error');
      const texts = [
        'For your security, you are signed out after 15 minutes without activity.',
        'Signing you out because you have been inactive…',
        'Could not sign you out yet. Trying again…',
      ];
      return { host: el, texts };
    },
    'signed-in and signed-out content': async (): Promise<Shown> => {
      const { provider } = await mount(
        '<clerk-signed-in><p>Welcome back</p></clerk-signed-in><clerk-signed-out><p>Goodbye</p></clerk-signed-out>',
        signedIn(),
      );
      return { host: provider, texts: ['Welcome back'] };
    },
  };
}

describe('themes follow the page', () => {
  before(() => focusPage());

  for (const scenario of SCENARIOS) {
    describe(`${scenario.name}: ${scenario.theme}`, () => {
      let page: FramePage;
      let scope: HTMLElement;

      before(async function () {
        const root = scenario.root ? `color-scheme: ${scenario.root};` : '';
        // Every page paints its own background (Canvas: white, or the engine's dark): what axe measures against.
        page = await openFramePage({
          rootStyle: `${root} background: Canvas; color: CanvasText`,
          prefers: scenario.os,
        });
        if (page.prefers !== scenario.os) {
          page.remove();
          console.log(
            `(${engine()}: a framed page cannot be made to prefer ${scenario.os}: "${scenario.name}" not run)`,
          );
          this.skip();
        }
        const part = scenario.subtree
          ? `color-scheme: ${scenario.subtree}; background: Canvas; color: CanvasText;`
          : '';
        page.document.body.innerHTML = `<div id="scope" style="${part} padding: 24px; min-height: 500px"></div>`;
        scope = page.document.getElementById('scope')!;
      });

      after(() => page?.remove());

      for (const [name, show] of Object.entries(
        states(
          () => page,
          () => scope,
        ),
      )) {
        it(name, async () => check(page, scenario, await show()));
      }
    });
  }
});

function engine(): string {
  return /Firefox|Chrome/.exec(navigator.userAgent)?.[0] ?? 'WebKit';
}
