// Side-effect module: `import 'clerk-sign-out-elements/testing/isolate-tabs.js'` FIRST in a browser test file, before
// @clerk/clerk-js. clerk-js tells other tabs of the same origin about a sign-out over BroadcastChannel('clerk'), and each
// of them then asks the Frontend API for its client. Test runners run files in parallel pages of one browser, so a
// sign-out in one file would change another file's Clerk and request log. Suffixing channel names per page keeps pages apart.
const PAGE_ID = '__clerkIsolateTabsPageId';
type Shared = Window & { [PAGE_ID]?: string };

/**
 * One suffix per test page. A same-origin frame of that page that imports this module too (e.g. a second "tab" in an
 * iframe, to test cross-tab sign-out) reuses the top page's suffix, so the two still hear each other.
 */
function pageId(): string {
  try {
    const shared = (window.top as Shared | null)?.[PAGE_ID];
    if (shared) return shared;
  } catch {
    // A cross-origin top page: this frame keeps its own suffix.
  }
  return ((window as Shared)[PAGE_ID] = Math.random().toString(36).slice(2));
}

// Imported on a server (an SSR build of the tests' pages), there are no tabs: nothing to do.
if (typeof window != 'undefined') {
  const suffix = pageId();
  const Native = globalThis.BroadcastChannel;

  globalThis.BroadcastChannel = class PageBroadcastChannel extends Native {
    constructor(name: string) {
      super(`${name}::${suffix}`);
    }
  };
}
