// Taking the test page offline in every engine, for a fixed window (see test/support/engine-commands.mjs):
//   Chromium, Firefox  the engine's own network emulation (navigator.onLine false, every request fails at once)
//   WebKit             simulated: WebDriver classic has no network emulation, so navigator.onLine reports false, the
//                      page gets `offline`, and every Frontend API fetch (a `/v1/` URL), including one in flight when
//                      the window starts, rejects with a TypeError as an offline browser's fetch does; the emulator's
//                      control routes still answer
// The emulator's control routes share the page's origin: in a native window they cannot be reached, so read its request
// log after `back()`.
import { executeServerCommand } from '@web/test-runner-commands';

const nativeFetch = window.fetch.bind(window);
const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
/** How to fail each Frontend API fetch in flight, as an offline browser does when the connection goes. */
const inFlight = new Set<(error: TypeError) => void>();

const isFrontendApi = (input: RequestInfo | URL) =>
  String(input instanceof Request ? input.url : input).includes('/v1/');

/** Every Frontend API fetch goes through here, so that a simulated window can fail the ones in flight. */
window.fetch = (input, init) => {
  if (!isFrontendApi(input)) return nativeFetch(input, init);
  if (simulating) return Promise.reject(new TypeError('Failed to fetch (offline)'));
  return new Promise<Response>((resolve, reject) => {
    inFlight.add(reject);
    nativeFetch(input, init)
      .then(resolve, reject)
      .finally(() => inFlight.delete(reject));
  });
};

let simulating = false;

export interface OfflineWindow {
  /** `native`: the engine's network emulation; `simulated`: WebKit (see above). */
  readonly mode: 'native' | 'simulated';
  /** Resolves once the page is online again (a native window ends by itself, after `durationMs`). */
  back(): Promise<void>;
}

/**
 * Takes the page offline for `durationMs` and resolves once `navigator.onLine` is false. Do what must happen offline
 * (without server commands or emulator calls), then `await window.back()`.
 */
export async function goOffline(durationMs: number): Promise<OfflineWindow> {
  const native = await executeServerCommand<boolean, { durationMs: number }>('offline-window', { durationMs });
  if (native) {
    const ends = performance.now() + 200 + durationMs;
    await waitFor(() => navigator.onLine === false, 'the page to go offline', 5000);
    return {
      mode: 'native',
      back: async () => {
        await waitFor(() => navigator.onLine, 'the page to come back online', ends - performance.now() + 10_000);
        // The runner's connection reopens just after the network does.
        await new Promise((resolve) => setTimeout(resolve, 300));
      },
    };
  }
  const back = simulateOffline();
  return { mode: 'simulated', back: async () => back() };
}

/**
 * The simulated offline (what WebKit gets), at once and for as long as needed; also for unit tests on the fake Clerk,
 * which sends no request: `navigator.onLine` false and `offline`, until the returned function brings it back (`online`).
 */
export function simulateOffline(): () => void {
  simulating = true;
  Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
  for (const cut of inFlight) cut(new TypeError('Failed to fetch (offline)'));
  inFlight.clear();
  window.dispatchEvent(new Event('offline'));
  return () => {
    simulating = false;
    Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    window.dispatchEvent(new Event('online'));
  };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
