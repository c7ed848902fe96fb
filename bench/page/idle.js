// In-page half of row 8 (<clerk-idle-sign-out>): against the SHIPPED CDN module and the fake Clerk.
// bench/lib/idle.mjs calls these through puppeteer; every function returns plain data.
import '/cdn/clerk-sign-out-elements.js';
import { FakeClerk } from '/fake/fake-clerk.js';

// Every timer the page sets from here on, while it is pending (the idle element's clock uses setTimeout).
const pendingTimers = new Set();
const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout } = window;
window.setTimeout = (callback, ms, ...args) => {
  const id = realSetTimeout(
    () => {
      pendingTimers.delete(id);
      if (typeof callback === 'function') callback(...args);
    },
    ms,
    ...args,
  );
  pendingTimers.add(id);
  return id;
};
window.clearTimeout = (id) => {
  pendingTimers.delete(id);
  realClearTimeout(id);
};

// Writes of the shared time and messages to the other tabs.
let writes = 0;
let messages = 0;
const { setItem } = Storage.prototype;
Storage.prototype.setItem = function (key, value) {
  if (key.startsWith('clerk-sign-out-elements:idle')) writes++;
  return setItem.call(this, key, value);
};
const { postMessage } = BroadcastChannel.prototype;
BroadcastChannel.prototype.postMessage = function (message) {
  if (this.name.startsWith('clerk-sign-out-elements:idle')) messages++;
  return postMessage.call(this, message);
};

let mounted;

/** A provider with a fake Clerk (someone signed in, or nobody), with or without the idle element. */
export async function mount({ signedIn, idle }) {
  unmount();
  localStorage.clear();
  const provider = document.createElement('clerk-provider');
  provider.clerk = signedIn ? FakeClerk.signedIn() : new FakeClerk();
  if (idle) provider.innerHTML = '<clerk-idle-sign-out timeout="900" warning="60"></clerk-idle-sign-out>';
  document.body.append(provider);
  const el = provider.firstElementChild;
  while (provider.state?.status !== 'ready') await new Promise((resolve) => realSetTimeout(resolve, 1));
  await el?.updateComplete;
  mounted = { provider, el, timersBefore: pendingTimers.size };
  return { phase: el?.phase ?? null };
}

export function unmount() {
  mounted?.provider.remove();
  mounted = undefined;
}

/** Timers pending now (set by anything on the page since the bench started). */
export const timers = () => pendingTimers.size;

/** The time per `pointermove` dispatched to the document, in µs: `events` in a row, `runs` times. */
export function inputCost(events, runs) {
  const samples = [];
  // One event object, dispatched again and again: what is timed is the dispatch and its listeners, not making events.
  const event = new PointerEvent('pointermove', { bubbles: true });
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    for (let i = 0; i < events; i++) document.dispatchEvent(event);
    samples.push(((performance.now() - start) * 1000) / events);
  }
  return samples;
}

/** Input every `everyMs` for `seconds`: how many times the shared time was written and the other tabs told. */
export async function continuousInput(seconds, everyMs) {
  writes = 0;
  messages = 0;
  const end = performance.now() + seconds * 1000;
  let events = 0;
  while (performance.now() < end) {
    document.dispatchEvent(new PointerEvent('pointermove', { bubbles: true }));
    events++;
    await new Promise((resolve) => realSetTimeout(resolve, everyMs));
  }
  return { events, writes, messages };
}
