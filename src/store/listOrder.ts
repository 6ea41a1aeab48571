/**
 * The sorted list of visible IDs (`order`), kept sorted without re-sorting it on every change.
 *
 * `order` is always sorted by `compareConversations` (sdk/order.ts) over the values in `byID`.
 * Removals find each ID by binary search and splice the gaps out with one copy; insertions sort
 * only the newcomers and merge them in. A full sort of 100k IDs on every event would cost ~50 ms;
 * this costs one array copy (~0.3 ms at 100k). Issue 3 "Speed": a batch result in under 2 ms.
 */
import { compareConversations } from '../sdk/order.js';
import type { Conversation } from '../sdk/types.js';

type ByID = ReadonlyMap<string, Conversation>;

/** First index whose conversation sorts at or after `c`. */
export function lowerBound(order: readonly string[], byID: ByID, c: Conversation): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareConversations(byID.get(order[mid])!, c) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of `id` in `order`, or -1. `byID` must hold the value `id` was sorted by. */
export function indexOfID(order: readonly string[], byID: ByID, id: string): number {
  const c = byID.get(id);
  if (!c) return -1;
  const i = lowerBound(order, byID, c);
  return order[i] === id ? i : -1;
}

/** Joins the runs between sorted, distinct `cut` indices into one new array (one copy). */
function withoutIndices(order: readonly string[], cut: number[]): string[] {
  const parts: (readonly string[])[] = [];
  let from = 0;
  for (const i of cut) {
    if (i > from) parts.push(order.slice(from, i));
    from = i + 1;
  }
  if (from < order.length) parts.push(order.slice(from));
  return ([] as string[]).concat(...parts);
}

/**
 * `order` without `ids` (those not in it are ignored); the same array when nothing changed.
 * `byID` must still hold the values the IDs were sorted by.
 */
export function removeFromOrder(order: readonly string[], byID: ByID, ids: Iterable<string>): readonly string[] {
  const list = Array.isArray(ids) ? (ids as string[]) : [...ids];
  if (list.length === 0 || order.length === 0) return order;
  // Many removals (select-all delete): one pass beats k binary searches.
  if (list.length > order.length >>> 5) {
    const drop = new Set(list);
    const next = order.filter((id) => !drop.has(id));
    return next.length === order.length ? order : next;
  }
  const cut: number[] = [];
  for (const id of list) {
    const i = indexOfID(order, byID, id);
    if (i >= 0) cut.push(i);
  }
  if (cut.length === 0) return order;
  cut.sort((a, b) => a - b);
  let w = 0;
  for (let r = 0; r < cut.length; r++) if (r === 0 || cut[r] !== cut[r - 1]) cut[w++] = cut[r];
  cut.length = w;
  return withoutIndices(order, cut);
}

/**
 * `order` with `items` merged in at their sorted positions. The items must not be in `order`
 * already, and `byID` must hold the current values of everything in `order`.
 */
export function insertIntoOrder(order: readonly string[], byID: ByID, items: readonly Conversation[]): readonly string[] {
  if (items.length === 0) return order;
  const sorted = items.length === 1 ? items : [...items].sort(compareConversations);
  if (order.length === 0) return sorted.map((c) => c.conversationID);
  // Few items: binary-search each position and copy the runs between them once.
  if (sorted.length * 20 < order.length) {
    const parts: (readonly string[])[] = [];
    let from = 0;
    for (const c of sorted) {
      const at = lowerBound(order, byID, c);
      if (at > from) parts.push(order.slice(from, at));
      parts.push([c.conversationID]);
      from = at;
    }
    if (from < order.length) parts.push(order.slice(from));
    return ([] as string[]).concat(...parts);
  }
  // Many items (a page into a short list, a big restore): a linear merge.
  const out = new Array<string>(order.length + sorted.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < order.length && j < sorted.length) {
    if (compareConversations(byID.get(order[i])!, sorted[j]) <= 0) out[k++] = order[i++];
    else out[k++] = sorted[j++].conversationID;
  }
  while (i < order.length) out[k++] = order[i++];
  while (j < sorted.length) out[k++] = sorted[j++].conversationID;
  return out;
}

/** True when a change to a conversation moves it in the list. */
export function sortKeyChanged(a: Conversation, b: Conversation): boolean {
  return a.isPinned !== b.isPinned || a.orderKey !== b.orderKey;
}
