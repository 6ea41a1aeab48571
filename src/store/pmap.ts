/**
 * A persistent (copy-on-write) string-keyed map for the store's `byID` and `hidden`.
 *
 * Why not a plain `Map`: the store's contract is "replaced, never mutated" (store/types.ts), and
 * copying a 100,000-entry `Map` costs 10–20 ms, while a deletion batch result must apply to a
 * 100,000-item list in under 2 ms (issue 3, "Speed"). Entries are spread over a fixed table of
 * small buckets; a change copies the table (8,192 pointers) and only the buckets it touches
 * (~12 entries each at 100k), so a 100-item change copies about a thousand entries.
 *
 * Bucketing: every key gets a small integer "slot" the first time it is stored, from one native
 * `Map` shared by all persistent maps (append-only; one entry per distinct ID ever stored). A
 * native `Map` hashes with the hash V8 caches in the string, whereas hashing in JS with
 * `charCodeAt` costs ~1 µs per lookup on concatenated (rope) strings such as generated IDs.
 * Inside a bucket entries are compared by slot, an integer.
 *
 * It implements `ReadonlyMap`, so readers use it like any map (`get`, `has`, `size`, iteration).
 * Iteration order is by bucket, not by insertion: the list order lives in `order`.
 */

const BITS = 13;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;

const slots = new Map<string, number>();
let nextSlot = 0;
function slotFor(key: string): number {
  let s = slots.get(key);
  if (s === undefined) slots.set(key, (s = nextSlot++));
  return s;
}

/** A bucket is a flat array of triples `[slot, key, value, slot, key, value, ...]`. */
type Bucket = unknown[];
type Buckets = ReadonlyArray<Bucket | undefined>;

function find(bucket: Bucket | undefined, slot: number): number {
  if (!bucket) return -1;
  for (let i = 0; i < bucket.length; i += 3) if (bucket[i] === slot) return i;
  return -1;
}

/** The write side of {@link PersistentMap.update}: changes collected into one new version. */
export interface PersistentMapDraft<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  set(key: string, value: V): void;
  delete(key: string): void;
  readonly size: number;
}

class Draft<V> implements PersistentMapDraft<V> {
  buckets: Array<Bucket | undefined> | undefined;
  copied: Uint8Array | undefined;
  size: number;
  constructor(private readonly source: Buckets, size: number) {
    this.size = size;
  }
  private read(): Buckets {
    return this.buckets ?? this.source;
  }
  private writable(i: number): Bucket {
    if (!this.buckets) {
      this.buckets = this.source.slice();
      this.copied = new Uint8Array(BUCKETS);
    }
    let b = this.buckets[i];
    if (!this.copied![i]) {
      b = b ? b.slice() : [];
      this.buckets[i] = b;
      this.copied![i] = 1;
    } else if (!b) {
      b = [];
      this.buckets[i] = b;
    }
    return b;
  }
  get(key: string): V | undefined {
    const s = slots.get(key);
    if (s === undefined) return undefined;
    const b = this.read()[s & MASK];
    const at = find(b, s);
    return at < 0 ? undefined : (b![at + 2] as V);
  }
  has(key: string): boolean {
    const s = slots.get(key);
    return s !== undefined && find(this.read()[s & MASK], s) >= 0;
  }
  set(key: string, value: V): void {
    const s = slotFor(key);
    const i = s & MASK;
    const current = this.read()[i];
    const at = find(current, s);
    if (at >= 0 && current![at + 2] === value) return;
    const b = this.writable(i);
    if (at >= 0) b[at + 2] = value;
    else {
      b.push(s, key, value);
      this.size++;
    }
  }
  delete(key: string): void {
    const s = slots.get(key);
    if (s === undefined) return;
    const i = s & MASK;
    const at = find(this.read()[i], s);
    if (at < 0) return;
    const b = this.writable(i);
    // Order inside a bucket does not matter: move the last triple into the hole.
    const last = b.length - 3;
    if (at !== last) {
      b[at] = b[last];
      b[at + 1] = b[last + 1];
      b[at + 2] = b[last + 2];
    }
    b.length = last;
    this.size--;
  }
}

export class PersistentMap<V> implements ReadonlyMap<string, V> {
  readonly #buckets: Buckets;
  readonly size: number;

  private constructor(buckets: Buckets, size: number) {
    this.#buckets = buckets;
    this.size = size;
  }

  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(new Array<Bucket | undefined>(BUCKETS).fill(undefined), 0);
  }

  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    return PersistentMap.empty<V>().update((d) => {
      for (const [k, v] of entries) d.set(k, v);
    });
  }

  /** Applies every change `fn` makes to a draft; returns `this` when nothing changed. */
  update(fn: (draft: PersistentMapDraft<V>) => void): PersistentMap<V> {
    const draft = new Draft<V>(this.#buckets, this.size);
    fn(draft);
    return draft.buckets ? new PersistentMap<V>(draft.buckets, draft.size) : this;
  }

  get(key: string): V | undefined {
    const s = slots.get(key);
    if (s === undefined) return undefined;
    const b = this.#buckets[s & MASK];
    if (!b) return undefined;
    for (let i = 0; i < b.length; i += 3) if (b[i] === s) return b[i + 2] as V;
    return undefined;
  }

  has(key: string): boolean {
    const s = slots.get(key);
    return s !== undefined && find(this.#buckets[s & MASK], s) >= 0;
  }

  forEach(callbackfn: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const b of this.#buckets) {
      if (b) for (let i = 0; i < b.length; i += 3) callbackfn.call(thisArg, b[i + 2] as V, b[i + 1] as string, this);
    }
  }

  *#entries(): Generator<[string, V], undefined, unknown> {
    for (const b of this.#buckets) {
      if (b) for (let i = 0; i < b.length; i += 3) yield [b[i + 1] as string, b[i + 2] as V];
    }
    return undefined;
  }

  entries(): MapIterator<[string, V]> {
    return this.#entries() as unknown as MapIterator<[string, V]>;
  }

  keys(): MapIterator<string> {
    const it = this.#entries();
    return (function* () {
      for (const [k] of it) yield k;
      return undefined;
    })() as unknown as MapIterator<string>;
  }

  values(): MapIterator<V> {
    const it = this.#entries();
    return (function* () {
      for (const [, v] of it) yield v;
      return undefined;
    })() as unknown as MapIterator<V>;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'PersistentMap';
  }
}
