// A page (an iframe, so it has its own custom element registry) whose elements module arrives late, as on a slow
// network, behind a late CDN script or a framework's deferred import(): whatever imports it waits `delayMs` first.
// (Specifiers are rewritten to the delayed module rather than mapped with an import map: Firefox ignores an import map
// in a document written with document.write.)
import type { FakeClerk } from '../../src/testing/index.js';

export const DELAY_MS = 2000;

/** A module that waits, then imports `target` (its side effects: registering the elements). */
export function delayedModule(target: string, delayMs = DELAY_MS): string {
  const code = `await new Promise((resolve) => setTimeout(resolve, ${delayMs}));\nawait import(${JSON.stringify(new URL(target, location.href).href)});\n`;
  return URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
}

let pages = 0;

/**
 * Opens `body` in a new iframe. `clerk` becomes the frame's `window.Clerk` before anything else runs (the provider
 * takes Clerk from there). The frame is a real same-origin page (blank.html, then written over), so `location` is an
 * http URL as on any site, not about:srcdoc.
 */
export async function openPage(body: string, { clerk }: { clerk?: FakeClerk } = {}) {
  const key = `__fiveMinutesClerk${++pages}`;
  (window as unknown as Record<string, unknown>)[key] = clerk;
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px; border: 0';
  frame.src = new URL('./blank.html', import.meta.url).href;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  // A loaded machine may fire that load for the frame's first, empty document: write only into blank.html's.
  await until(() => frame.contentDocument?.URL === frame.src && frame.contentDocument.readyState === 'complete');
  const page = frame.contentDocument!;
  page.open();
  page.write(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<script>window.Clerk = parent.${key};</script></head><body>
${body}
</body></html>`);
  page.close();
  return { frame, window: frame.contentWindow!, document: page, remove: () => frame.remove() };
}

/** True when any of the element's own content (its light DOM) has a box on screen. */
export function rendersContent(element: Element): boolean {
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  return [...range.getClientRects()].some((rect) => rect.width > 0 && rect.height > 0);
}

export const TAGS = ['clerk-signed-in', 'clerk-signed-out', 'clerk-sign-out-button', 'clerk-user-menu'];

/** The elements that show content for one state only (`<clerk-loading>` aside: its content may show before). */
export const STATE_TAGS = ['clerk-signed-in', 'clerk-signed-out', 'clerk-loaded', 'clerk-failed', 'clerk-degraded'];

/** Waits until every stylesheet the page links to has loaded (it then applies, as it would before the first paint). */
export async function stylesLoaded(page: { document: Document }): Promise<void> {
  const links = [...page.document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
  await until(() => links.every((link) => link.sheet), 'the page’s stylesheets');
}

/** Each element's box (`left top width height`, to 1/100 px), by its selector: what must not move from step to step. */
export function boxes(document: Document, selectors: string[]): Record<string, string> {
  return Object.fromEntries(
    selectors.map((selector) => {
      const { left, top, width, height } = document.querySelector(selector)!.getBoundingClientRect();
      return [selector, [left, top, width, height].map((value) => value.toFixed(2)).join(' ')];
    }),
  );
}

/**
 * Until `defined` holds, checks the page every 20 ms: none of the elements (of `tags`) may render anything, neither
 * its own box nor its children. Resolves with what showed (empty when nothing did) and how long the wait was.
 */
export async function watchUntilDefined(
  page: { window: Window; document: Document },
  { tags = TAGS, defined = 'clerk-provider' } = {},
): Promise<{ shown: string[]; waitedMs: number; checks: number }> {
  const shown = new Set<string>();
  const start = performance.now();
  let checks = 0;
  while (!page.window.customElements.get(defined)) {
    for (const element of page.document.querySelectorAll(tags.join(', '))) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 || box.height > 0 || rendersContent(element)) {
        shown.add(`<${element.localName}>: ${element.textContent?.trim().replace(/\s+/g, ' ') || '(its box)'}`);
      }
    }
    checks++;
    if (performance.now() - start > 10_000) throw new Error(`<${defined}> was never defined`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { shown: [...shown], waitedMs: performance.now() - start, checks };
}

/** Waits (up to 3 s) until the condition holds. */
export async function until(condition: () => unknown, what = condition.toString()): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
