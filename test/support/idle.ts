// Helpers of the <clerk-idle-sign-out> tests, on the fake Clerk and the real clerk-js alike.
import type { SessionEndDetail, SessionEndReason } from '../../src/contract/events.js';
import type { ClerkIdleSignOut } from '../../src/index.js';

/**
 * Where the idle element keeps the shared time: its channel's name as this page sees it (a test page that imports
 * src/testing/isolate-tabs.js first gets a name of its own, so pages running at once never share it).
 */
export function idleStorageKey(): string {
  const channel = new BroadcastChannel('clerk-sign-out-elements:idle');
  channel.close();
  return channel.name;
}

/** Another tab of this page was active at `at` (for `session`): stored and told, as that tab's element would. */
export function activityInAnotherTab(at: number, session: string): void {
  const record = { at, session };
  localStorage.setItem(idleStorageKey(), JSON.stringify(record));
  const channel = new BroadcastChannel('clerk-sign-out-elements:idle');
  channel.postMessage(record);
  channel.close();
}

/** What the shared record says now. */
export function storedActivity(): { at: number; session: string; signedOut?: true } | null {
  return JSON.parse(localStorage.getItem(idleStorageKey()) ?? 'null') as never;
}

/** The reasons of the `session-end` events among the recorded events (an idle sign-out's is `idle`). */
export function sessionEndsOf(events: { of(type: string): CustomEvent[] }): SessionEndReason[] {
  return events.of('session-end').map((event) => (event.detail as SessionEndDetail).reason);
}

export const idleDialog = (el: ClerkIdleSignOut) => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog');
export const idlePart = (el: ClerkIdleSignOut, part: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${part}"]`);

/** The event types the idle element may listen to on window and document. */
export const IDLE_EVENT_TYPES = [
  'pointerdown',
  'pointermove',
  'keydown',
  'wheel',
  'touchstart',
  'scroll',
  'visibilitychange',
  'resume',
  'focus',
  'pageshow',
  'online',
];

/** The listeners of `IDLE_EVENT_TYPES` added to window and document while `run` runs and still there after it. */
export async function countListeners(run: () => unknown): Promise<string[]> {
  const live = new Map<string, number>();
  let nextId = 0;
  const ids = new WeakMap<object, number>();
  const id = (listener: unknown) => {
    if (!listener || (typeof listener !== 'object' && typeof listener !== 'function')) return 0;
    if (!ids.has(listener)) ids.set(listener, ++nextId);
    return ids.get(listener)!;
  };
  const targets: Array<[string, EventTarget]> = [
    ['window', window],
    ['document', document],
  ];
  for (const [name, target] of targets) {
    const { addEventListener: add, removeEventListener: remove } = target;
    const key = (type: string, listener: unknown) => `${name} ${type} #${id(listener)}`;
    Object.assign(target, {
      addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: unknown) {
        if (IDLE_EVENT_TYPES.includes(type)) live.set(key(type, listener), 1);
        return add.call(target, type, listener, options as AddEventListenerOptions);
      },
      removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: unknown) {
        live.delete(key(type, listener));
        return remove.call(target, type, listener, options as EventListenerOptions);
      },
    });
  }
  try {
    await run();
  } finally {
    for (const [, target] of targets) {
      delete (target as Partial<EventTarget>).addEventListener;
      delete (target as Partial<EventTarget>).removeEventListener;
    }
  }
  return [...live.keys()];
}
