// What the emulator keeps in memory, across all its tenants, within ONE budget of bytes: every tenant's state (users,
// sessions, devices, faults) and its request log. Under the vite plugin the emulator lives in the developer's dev
// server, so the budget is a total, not a per-tenant figure. Sizes are estimates of what V8 holds: strings at two bytes
// a character, plus a fixed cost per string, object, property and log entry (test/node/emulator-memory.test.mjs checks
// them against the heap).
import type { RecordedRequest } from '../emulator-protocol.js';
import { EmulatorError } from './errors.js';

/** The default budget: every tenant's state and log together. */
export const DEFAULT_MAX_RETAINED_BYTES = 16 * 1024 * 1024;
/** What the budget can never go below: room for a few tenants with some users, devices and faults. */
export const MIN_RETAINED_BYTES = 256 * 1024;
/** What a log entry costs beyond its request: its bookkeeping here. */
const ENTRY_BYTES = 64;

/** A rough, generous size of what V8 holds for a JSON-like value. */
export function estimateBytes(value: unknown, depth = 0): number {
  if (typeof value === 'string') return 16 + 2 * value.length;
  if (value === null || typeof value !== 'object' || depth > 6) return 16;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + 8 + estimateBytes(item, depth + 1), 32);
  let bytes = 48;
  for (const [key, item] of Object.entries(value)) bytes += 40 + 2 * key.length + estimateBytes(item, depth + 1);
  return bytes;
}

export function checkMaxRetainedBytes(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_RETAINED_BYTES;
  if (Number.isSafeInteger(value) && (value as number) >= MIN_RETAINED_BYTES) return value as number;
  throw new RangeError(`maxRetainedBytes must be an integer >= ${MIN_RETAINED_BYTES} (got ${String(value)}).`);
}

interface Entry {
  request: RecordedRequest | undefined;
  readonly bytes: number;
  readonly holder: Holder;
}

/** A FIFO queue that is O(1) at both ends on average (an array and the index of its head). */
class Queue<T> {
  #items: T[] = [];
  #head = 0;

  get size(): number {
    return this.#items.length - this.#head;
  }

  push(item: T): void {
    this.#items.push(item);
  }

  peek(): T | undefined {
    return this.#items[this.#head];
  }

  shift(): T | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const item = this.#items[this.#head++];
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }

  values(): T[] {
    return this.#items.slice(this.#head);
  }

  /** Keeps only the items `keep` accepts. */
  filter(keep: (item: T) => boolean): void {
    this.#items = this.values().filter(keep);
    this.#head = 0;
  }
}

interface Holder {
  readonly log: Queue<Entry>;
  stateBytes: number;
}

export interface RetentionOptions {
  /** The budget of every tenant's state and log together (default 16 MB). */
  maxBytes?: number;
  /** How many requests each tenant's log keeps: the newest ones. */
  maxRecordedRequests: number;
  /** Forgets one whole tenant other than `keep` (the least recently used); `false` when there is none to forget. */
  evictTenant?: (keep: object) => boolean;
}

/**
 * The one account of what the emulator holds. Going over the budget drops log entries first, the oldest of any tenant;
 * then, when a tenant's state grows, whole tenants (the least recently used; never the one growing). A tenant whose
 * state alone would not fit is refused (409) instead.
 */
export class Retention {
  readonly maxBytes: number;
  readonly maxRecordedRequests: number;
  #evictTenant: (keep: object) => boolean;
  #holders = new Map<object, Holder>();
  /** Tenants forgotten while a request of theirs was still in flight: what that request does is not kept. */
  #forgotten = new WeakSet<object>();
  /** Every tenant's log entries in arrival order, so the oldest of all goes first; dropped ones lose their request. */
  #log = new Queue<Entry>();
  /** Entries of `#log` dropped by their own tenant (its log full, or cleared), not yet out of the queue. */
  #shells = 0;
  #bytes = 0;

  constructor(options: RetentionOptions) {
    this.maxBytes = checkMaxRetainedBytes(options.maxBytes);
    this.maxRecordedRequests = options.maxRecordedRequests;
    this.#evictTenant = options.evictTenant ?? (() => false);
  }

  /** The estimated bytes held now: never more than `maxBytes`. */
  get retainedBytes(): number {
    return this.#bytes;
  }

  record(owner: object, request: RecordedRequest): void {
    if (this.maxRecordedRequests === 0 || this.#forgotten.has(owner)) return;
    const holder = this.#holder(owner);
    const entry: Entry = { request, bytes: ENTRY_BYTES + estimateBytes(request), holder };
    holder.log.push(entry);
    this.#log.push(entry);
    this.#bytes += entry.bytes;
    while (holder.log.size > this.maxRecordedRequests) this.#drop(holder.log.shift()!);
    while (this.#bytes > this.maxBytes && this.#dropOldestEntry());
  }

  requests(owner: object): RecordedRequest[] {
    return (this.#holders.get(owner)?.log.values() ?? []).map((entry) => entry.request!);
  }

  clearRequests(owner: object): void {
    const holder = this.#holders.get(owner);
    if (!holder) return;
    for (let entry = holder.log.shift(); entry; entry = holder.log.shift()) this.#drop(entry);
  }

  /**
   * Makes room for `bytes` more of `owner`'s state before it grows: drops log entries, then other tenants. Throws 409
   * when the owner alone would not fit.
   */
  reserve(owner: object, bytes: number): void {
    if (this.#forgotten.has(owner)) return;
    while (this.#bytes + bytes > this.maxBytes) {
      if (this.#dropOldestEntry() || this.#evictTenant(owner)) continue;
      const held = this.#holders.get(owner)?.stateBytes ?? 0;
      throw new EmulatorError(
        409,
        `The emulator keeps at most ${megabytes(this.maxBytes)} across all tenants (maxRetainedBytes), and this ` +
          `tenant alone would hold ${megabytes(held + bytes)}: reset it, or give the emulator a larger maxRetainedBytes.`,
      );
    }
  }

  /** Records the size of `owner`'s state after a change; if it grew past the budget, makes room as `reserve` does. */
  setStateBytes(owner: object, bytes: number): void {
    if (this.#forgotten.has(owner)) return;
    const holder = this.#holder(owner);
    this.#bytes += bytes - holder.stateBytes;
    holder.stateBytes = bytes;
    while (this.#bytes > this.maxBytes && (this.#dropOldestEntry() || this.#evictTenant(owner)));
  }

  /** Forgets everything of `owner` (an evicted tenant). */
  forget(owner: object): void {
    this.#forgotten.add(owner);
    const holder = this.#holders.get(owner);
    if (!holder) return;
    this.clearRequests(owner);
    this.#bytes -= holder.stateBytes;
    this.#holders.delete(owner);
  }

  #holder(owner: object): Holder {
    let holder = this.#holders.get(owner);
    if (!holder) this.#holders.set(owner, (holder = { log: new Queue(), stateBytes: 0 }));
    return holder;
  }

  /** Drops the oldest entry still logged, of whichever tenant; `false` when no log holds any. */
  #dropOldestEntry(): boolean {
    for (let entry = this.#log.shift(); entry; entry = this.#log.shift()) {
      if (!entry.request) {
        this.#shells--;
        continue;
      }
      // The oldest of all is the oldest of its tenant's log too.
      if (entry.holder.log.peek() === entry) entry.holder.log.shift();
      this.#release(entry);
      return true;
    }
    return false;
  }

  /** Takes an entry out of the account; its shell stays in the queue of all until it reaches the head, or a sweep. */
  #drop(entry: Entry): void {
    if (!entry.request) return;
    this.#release(entry);
    this.#shells++;
    if (this.#shells > 1024 && this.#shells * 2 > this.#log.size) {
      this.#log.filter((kept) => kept.request !== undefined);
      this.#shells = 0;
    }
  }

  #release(entry: Entry): void {
    entry.request = undefined;
    this.#bytes -= entry.bytes;
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
