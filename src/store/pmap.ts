/**
 * A persistent (copy-on-write) string-keyed map for the store's `byID` and `hidden`.
 *
 * Why not a plain `Map`: the store's contract is "replaced, never mutated" (store/types.ts), and
 * copying a 100,000-entry `Map` costs 10–20 ms, while a deletion batch result must apply to a
 * 100,000-item list in under 2 ms (issue 3, "Speed"). Keys are spread over a fixed number of
 * buckets by a string hash; a change copies the bucket table (4,096 pointers) and only the buckets
 * it touches (~25 entries each at 100k), so a 100-item change copies a few thousand entries.
 *
 * It implements `ReadonlyMap`, so readers use it like any map (`get`, `has`, `size`, iteration).
 * Iteration order is by bucket, not by insertion: the list order lives in `order`.
 */

const BITS = 12;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;

function bucketOf(key: string): number {
  // FNV-1a, folded: cheap, and good enough to spread conversation IDs evenly.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (h >>> 15)) & MASK;
}

type Buckets<V> = ReadonlyArray<Map<string, V> | undefined>;

/** The write side of {@link PersistentMap.update}: changes collected into one new version. */
export interface PersistentMapDraft<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  set(key: string, value: V): void;
  delete(key: string): void;
  readonly size: number;
}

class Draft<V> implements PersistentMapDraft<V> {
  buckets: Array<Map<string, V> | undefined> | undefined;
  copied: Uint8Array | undefined;
  size: number;
  constructor(private readonly source: Buckets<V>, size: number) {
    this.size = size;
  }
  private read(): Buckets<V> {
    return this.buckets ?? this.source;
  }
  private writable(i: number): Map<string, V> {
    if (!this.buckets) {
      this.buckets = this.source.slice();
      this.copied = new Uint8Array(BUCKETS);
    }
    let m = this.buckets[i];
    if (!this.copied![i]) {
      m = m ? new Map(m) : new Map();
      this.buckets[i] = m;
      this.copied![i] = 1;
    } else if (!m) {
      m = new Map();
      this.buckets[i] = m;
    }
    return m;
  }
  get(key: string): V | undefined {
    return this.read()[bucketOf(key)]?.get(key);
  }
  has(key: string): boolean {
    return this.read()[bucketOf(key)]?.has(key) ?? false;
  }
  set(key: string, value: V): void {
    const i = bucketOf(key);
    const current = this.read()[i];
    if (current && current.get(key) === value && current.has(key)) return;
    const m = this.writable(i);
    if (!m.has(key)) this.size++;
    m.set(key, value);
  }
  delete(key: string): void {
    const i = bucketOf(key);
    if (!this.read()[i]?.has(key)) return;
    this.writable(i).delete(key);
    this.size--;
  }
}

export class PersistentMap<V> implements ReadonlyMap<string, V> {
  readonly #buckets: Buckets<V>;
  readonly size: number;

  private constructor(buckets: Buckets<V>, size: number) {
    this.#buckets = buckets;
    this.size = size;
  }

  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(new Array<Map<string, V> | undefined>(BUCKETS).fill(undefined), 0);
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
    return this.#buckets[bucketOf(key)]?.get(key);
  }

  has(key: string): boolean {
    return this.#buckets[bucketOf(key)]?.has(key) ?? false;
  }

  forEach(callbackfn: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const m of this.#buckets) {
      if (m) for (const [k, v] of m) callbackfn.call(thisArg, v, k, this);
    }
  }

  *#entries(): Generator<[string, V], undefined, unknown> {
    for (const m of this.#buckets) if (m) yield* m.entries();
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
