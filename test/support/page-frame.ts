// A page of its own inside the test page: an iframe with its own viewport (as small as a test wants), its own custom
// element registry with the elements and the fake Clerk loaded in it, axe, and a preference for light or dark.
// The preference: an embedded document prefers the scheme its iframe element is in (Chromium and Firefox: the iframe's
// `color-scheme` is the page's `prefers-color-scheme`, and `color-scheme: light dark` follows it, as it follows the OS;
// Firefox takes it when the frame loads). WebKit does not pass it on; there the page gets the browser's own preference
// (WebKitGTK follows GTK_THEME, e.g. `GTK_THEME=Adwaita:dark`), and `prefers` says which one the page got.
import type * as Testing from '../../src/testing/index.js';
import type * as Activities from './sample-activities.js';

/** What the frame's own module graph exports: made in the frame, its objects belong to the frame's realm. */
export type FrameKit = typeof Testing & typeof Activities;

export interface FramePage {
  frame: HTMLIFrameElement;
  window: Window & typeof globalThis & { axe: typeof import('axe-core'); kit: FrameKit };
  document: Document;
  kit: FrameKit;
  /** What the page prefers (`prefers-color-scheme`): the scheme asked for, or the browser's where it cannot be. */
  prefers: 'light' | 'dark';
  remove(): void;
}

const url = (path: string) => new URL(path, import.meta.url).href;

/**
 * A same-origin iframe (styled `cssText`) whose document is opened for writing: blank.html loaded first, so its
 * location is an http URL of this origin (module imports and Clerk's cookies work in it).
 */
export async function openBlankFrame(cssText = ''): Promise<{ frame: HTMLIFrameElement; page: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = cssText;
  frame.src = url('./blank.html');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const page = frame.contentDocument!;
  page.open();
  return { frame, page };
}

/**
 * Opens a page whose `<html>` has `rootStyle` and whose `<body>` is `body`, in an iframe of `width` × `height` px
 * preferring `prefers` (light or dark; see above), once the elements (all registered) and the fake Clerk are loaded.
 */
export async function openFramePage({
  rootStyle = '',
  body = '',
  width = 800,
  height = 600,
  prefers = 'light' as 'light' | 'dark',
} = {}): Promise<FramePage> {
  const { frame, page } = await openBlankFrame(
    `display: block; width: ${width}px; height: ${height}px; border: 0; color-scheme: ${prefers}`,
  );
  page.write(`<!doctype html><html lang="en" style="${rootStyle}"><head><meta charset="utf-8">
<style>body { margin: 0; font: 16px/1.5 sans-serif; }</style>
<script src="${new URL('/node_modules/axe-core/axe.min.js', location.href).href}"></script>
<script type="module">
  import * as testing from ${JSON.stringify(url('../../src/testing/index.ts'))};
  import * as activities from ${JSON.stringify(url('./sample-activities.ts'))};
  await import(${JSON.stringify(url('../../src/index.ts'))});
  window.kit = { ...testing, ...activities };
</script></head><body>${body}</body></html>`);
  page.close();
  const win = frame.contentWindow as FramePage['window'];
  const deadline = Date.now() + 8000;
  while (!win.kit) {
    if (Date.now() > deadline) throw new Error('the framed page did not load the elements within 8 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {
    frame,
    window: win,
    document: page,
    kit: win.kit,
    prefers: win.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
    remove: () => frame.remove(),
  };
}
