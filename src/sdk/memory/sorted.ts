import { compareConversations } from '../order.js';

/** The part of a conversation that decides its list position. */
export interface SortKey {
  isPinned: boolean;
  orderKey: number;
  conversationID: string;
}

/**
 * Conversations kept in list order (compareConversations is a total order thanks to its ID
 * tie-break), so paging is a binary search plus a slice and one update is O(log N + move),
 * never a re-sort of 100k items.
 */
export class SortedList<T extends SortKey> {
  items: T[];

  /** Takes ownership of `items`; sorts only when they are not already in list order. */
  constructor(items: T[]) {
    this.items = items;
    for (let i = 1; i < items.length; i++) {
      if (compareConversations(items[i - 1], items[i]) > 0) {
        items.sort(compareConversations);
        break;
      }
    }
  }

  get length(): number {
    return this.items.length;
  }

  /** First index whose item sorts at or after `key`. */
  lowerBound(key: SortKey): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareConversations(this.items[mid], key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose item sorts strictly after `key`: where the next page starts. */
  upperBound(key: SortKey): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareConversations(this.items[mid], key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of this exact item (by identity), or -1. */
  indexOf(item: T): number {
    const i = this.lowerBound(item);
    return this.items[i] === item ? i : -1;
  }

  insert(item: T): void {
    this.items.splice(this.lowerBound(item), 0, item);
  }

  remove(item: T): void {
    const i = this.indexOf(item);
    if (i >= 0) this.items.splice(i, 1);
  }

  /** Replaces an item whose sort key did not change, in place. */
  replace(previous: T, next: T): void {
    const i = this.indexOf(previous);
    if (i >= 0 && compareConversations(previous, next) === 0) this.items[i] = next;
    else {
      this.remove(previous);
      this.insert(next);
    }
  }

  /**
   * Removes many items with one compaction pass from the first removed position, instead of one
   * splice (an O(N) move) per item: deleting 100 from 100k stays well under a millisecond.
   */
  removeMany(items: readonly T[]): void {
    if (items.length === 0) return;
    if (items.length === 1) return this.remove(items[0]);
    const positions = items
      .map((item) => this.indexOf(item))
      .filter((i) => i >= 0)
      .sort((a, b) => a - b);
    if (positions.length === 0) return;
    const list = this.items;
    let write = positions[0];
    let p = 0;
    for (let read = positions[0]; read < list.length; read++) {
      if (p < positions.length && positions[p] === read) {
        p++;
        continue;
      }
      list[write++] = list[read];
    }
    list.length = write;
  }
}
