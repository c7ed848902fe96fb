// Import FIRST in integration test files, before @clerk/clerk-js.
//
// clerk-js tells other tabs of the same origin about a sign-out over BroadcastChannel('clerk'), and each of them then asks
// the Frontend API for its client. WTR runs test files in parallel pages of one browser, so a sign-out in one file would
// add a stray GET /v1/client to another file's request log. Suffixing channel names per page keeps pages apart.
const pageId = Math.random().toString(36).slice(2);
const Native = globalThis.BroadcastChannel;

globalThis.BroadcastChannel = class PageBroadcastChannel extends Native {
  constructor(name: string) {
    super(`${name}::${pageId}`);
  }
};
