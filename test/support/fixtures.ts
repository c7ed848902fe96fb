import { fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { ClerkProvider } from '../../src/index.js';
import { FakeClerk, type FakeUserInit } from '../../src/testing/index.js';

/** A provider holding `clerk` (a signed-in fake by default) around the given content; resolves once it is ready. */
export async function withProvider<T extends Element>(
  content: ReturnType<typeof html>,
  clerk: FakeClerk = FakeClerk.signedIn(),
): Promise<{ provider: ClerkProvider; clerk: FakeClerk; el: T }> {
  const provider = await fixture<ClerkProvider>(html`<clerk-provider .clerk=${clerk}>${content}</clerk-provider>`);
  await until(() => provider.state.status === 'ready');
  const el = provider.firstElementChild as T;
  if (el && 'updateComplete' in el) await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return { provider, clerk, el };
}

/** A signed-in fake (of `user`) whose `load()` waits until `finishLoading()`: Clerk loading for as long as a test needs. */
export function slowClerk(user: FakeUserInit = {}): { clerk: FakeClerk; finishLoading: () => void } {
  const clerk = FakeClerk.signedIn(user);
  clerk.loaded = false;
  let finishLoading!: () => void;
  const loading = new Promise<void>((resolve) => (finishLoading = resolve));
  const load = clerk.load.bind(clerk);
  clerk.load = async (options) => {
    await loading;
    return load(options);
  };
  return { clerk, finishLoading };
}

/** Waits (up to `timeoutMs`) until the condition holds; fails naming `what` (default: the condition's source). */
export async function until(condition: () => unknown, what = condition.toString(), timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Records the events of the given types dispatched to `document` (where bubbling, composed events arrive). */
export function recordEvents(...types: string[]): {
  events: CustomEvent[];
  of(type: string): CustomEvent[];
  stop(): void;
} {
  const events: CustomEvent[] = [];
  const listener = (event: Event) => events.push(event as CustomEvent);
  for (const type of types) document.addEventListener(type, listener);
  return {
    events,
    of: (type) => events.filter((event) => event.type === type),
    stop: () => types.forEach((type) => document.removeEventListener(type, listener)),
  };
}

/** Captures console.warn / console.error calls while `run` executes. */
export async function captureConsole(run: () => unknown): Promise<{ warn: string[]; error: string[] }> {
  const seen = { warn: [] as string[], error: [] as string[] };
  const original = { warn: console.warn, error: console.error };
  console.warn = (...args: unknown[]) => seen.warn.push(args.join(' '));
  console.error = (...args: unknown[]) => seen.error.push(args.join(' '));
  try {
    await run();
  } finally {
    Object.assign(console, original);
  }
  return seen;
}

export function shadowButton(el: Element): HTMLButtonElement {
  const button = el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="button"]');
  if (!button) throw new Error(`<${el.localName}> renders no button`);
  return button;
}
