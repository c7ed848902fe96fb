// Helpers for the `session-end` scenarios on the real clerk-js (test/real-clerk/session-ends/): the events with their
// times, the window's focus and visibility as clerk-js reads them, "another tab" (a same-origin frame with its own
// clerk-js, and the package's elements when asked), and the measured times, printed for the report.
import type { ClerkProvider, SessionEndDetail } from '../../src/index.js';
import type { EmulatorConnection, RecordedRequest } from '../../src/testing/index.js';
import { CLERK_JS, clerkScriptPath } from './clerk-js.js';
import { until } from './fixtures.js';
import { openBlankFrame } from './page-frame.js';

export interface RecordedEnd extends SessionEndDetail {
  /** `performance.now()` when it reached the document. */
  readonly at: number;
}

/** Every `session-end` that reaches the document from now on, with the time it came. */
export function recordSessionEnds(): { ends: RecordedEnd[]; stop(): void } {
  const ends: RecordedEnd[] = [];
  const listener = (event: Event) => ends.push({ ...(event as CustomEvent<SessionEndDetail>).detail, at: now() });
  document.addEventListener('session-end', listener);
  return { ends, stop: () => document.removeEventListener('session-end', listener) };
}

export const now = () => performance.now();

/**
 * The window regains focus, as clerk-js hears it (a `focus` event on `window`; it touches the session only while
 * `document.visibilityState` is `visible`, and does not check `isTrusted`). In another window (a frame), pass it.
 */
export function emitFocus(target: Window & typeof globalThis = window): void {
  target.dispatchEvent(new target.FocusEvent('focus'));
}

/**
 * The page reports itself `visible` or `hidden` from now on and fires `visibilitychange`, as a browser does on a tab
 * switch. Test pages run side by side in one browser, where all but one are background tabs (hidden): a test that
 * depends on visibility sets it first.
 */
export function setVisibility(state: 'visible' | 'hidden'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** `METHOD /path` of the requests received since `since` (epoch ms), session ids kept. */
export async function requestsSince(emulator: EmulatorConnection, since: number): Promise<string[]> {
  return (await emulator.requests())
    .filter((request: RecordedRequest) => request.time >= since)
    .map((request) => `${request.method} ${request.path}`);
}

/**
 * A measured time, printed for the report and the bench: `SESSION-END <clerk-js version> <engine> <what> <ms> ms`.
 */
export function report(what: string, ms: number): void {
  console.log(`SESSION-END clerk-js ${CLERK_JS.version} ${engine()} ${what}: ${Math.round(ms)} ms`);
}

function engine(): string {
  const agent = navigator.userAgent;
  return /Firefox\//.test(agent) ? 'firefox' : /Chrome\//.test(agent) ? 'chromium' : 'webkit';
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Another tab of this browser: its own window and clerk-js; with `elements`, the package and a provider too. */
export interface OtherTab {
  readonly window: Window & typeof globalThis;
  /** The frame's loaded clerk-js (`window.Clerk` there). */
  readonly clerk: {
    signOut(callback?: () => unknown, options?: { sessionId?: string }): Promise<void>;
    session?: { id: string } | null;
  };
  /** The frame's `<clerk-provider>` around its Clerk (with `elements`). */
  readonly provider?: ClerkProvider;
  /** The frame's own modules (with `elements`): the sign-out flow and the flow skeleton. */
  readonly kit?: {
    runFlow: typeof import('../../src/flows/flow.js').runFlow;
    signOutFlow: typeof import('../../src/flows/sign-out.js').signOutFlow;
  };
  remove(): void;
}

const url = (path: string) => new URL(path, import.meta.url).href;

/**
 * Opens "another tab": a same-origin frame (blank.html written over, so its location is an http URL) that imports the
 * tab-isolation shim first (it then shares this page's channel suffix: the two hear each other over clerk-js's channel)
 * and loads Clerk's `clerk.browser.js` of this run's major from the emulator. With `elements`, it also imports the
 * package and puts a `<clerk-provider>` around its Clerk.
 */
export async function openOtherTab(emulator: EmulatorConnection, { elements = false } = {}): Promise<OtherTab> {
  const { frame, page } = await openBlankFrame('width: 400px; height: 200px; border: 0');
  page.write(`<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module">
  try {
    await import(${JSON.stringify(url('../../src/testing/isolate-tabs.ts'))});
    await new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = ${JSON.stringify(emulator.proxyUrl + clerkScriptPath())};
      script.dataset.clerkPublishableKey = ${JSON.stringify(emulator.publishableKey)};
      script.dataset.clerkProxyUrl = ${JSON.stringify(emulator.proxyUrl)};
      script.onload = resolve;
      script.onerror = () => reject(new Error('clerk.browser.js did not load'));
      document.head.append(script);
    });
    await window.Clerk.load({ telemetry: false });
    if (${elements}) {
      await import(${JSON.stringify(url('../../src/index.ts'))});
      const [{ runFlow }, { signOutFlow }] = await Promise.all([
        import(${JSON.stringify(url('../../src/flows/flow.ts'))}),
        import(${JSON.stringify(url('../../src/flows/sign-out.ts'))}),
      ]);
      const provider = document.createElement('clerk-provider');
      provider.clerk = window.Clerk;
      provider.append(document.createElement('clerk-sign-out-button'));
      document.body.append(provider);
      window.kit = { runFlow, signOutFlow, provider };
    }
    window.tabReady = true;
  } catch (error) {
    window.tabFailed = String(error);
  }
</script></head><body></body></html>`);
  page.close();
  const win = frame.contentWindow as OtherTab['window'] & {
    tabReady?: boolean;
    tabFailed?: string;
    Clerk: OtherTab['clerk'] & { version?: string };
    kit?: OtherTab['kit'] & { provider: ClerkProvider };
  };
  await until(() => win.tabReady || win.tabFailed, 'the other tab to load Clerk', 15_000);
  if (win.tabFailed) throw new Error(`the other tab: ${win.tabFailed}`);
  if (win.Clerk.version !== CLERK_JS.version) {
    throw new Error(`the other tab runs clerk-js ${win.Clerk.version}, not ${CLERK_JS.version}`);
  }
  if (elements) await until(() => win.kit?.provider.state.status === 'ready', "the other tab's provider", 8000);
  return {
    window: win,
    clerk: win.Clerk,
    provider: win.kit?.provider,
    kit: win.kit,
    remove: () => frame.remove(),
  };
}
