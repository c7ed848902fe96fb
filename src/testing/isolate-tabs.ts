// Side-effect module: `import 'clerk-sign-out-elements/testing/isolate-tabs.js'` FIRST in a browser test file, before
// @clerk/clerk-js. clerk-js tells other tabs of the same origin about a sign-out over BroadcastChannel('clerk'), and each
// of them then asks the Frontend API for its client. Test runners run files in parallel pages of one browser, so a
// sign-out in one file would change another file's Clerk and request log. Suffixing channel names per page keeps pages apart.
const pageId = Math.random().toString(36).slice(2);
const Native = globalThis.BroadcastChannel;

globalThis.BroadcastChannel = class PageBroadcastChannel extends Native {
  constructor(name: string) {
    super(`${name}::${pageId}`);
  }
};
