/**
 * Row-level transitions on a working copy of the state. Each one replaces the fields it changes
 * (never mutates them), and leaves every untouched conversation object as it was, so a row that
 * selects `byID.get(id)` re-renders only when its own conversation changed.
 *
 * Invariant kept by all of them: the IDs in `order` are exactly the keys of `byID` that are not
 * in `hidden`, sorted by `compareConversations`.
 */
import { compareConversations } from '../sdk/order.js';
import type { Conversation } from '../sdk/types.js';
import { indexOfID, insertIntoOrder, removeFromOrder, sortKeyChanged } from './listOrder.js';
import { PersistentMap } from './pmap.js';
import type { ConversationStoreState } from './types.js';

/** A shallow copy of the state whose fields are replaced as a transition goes. */
export type Work = { -readonly [K in keyof ConversationStoreState]: ConversationStoreState[K] };

type ByID = PersistentMap<Conversation>;
type Hidden = PersistentMap<'deleting' | 'undo'>;

/** New and changed conversations (unique IDs): stored, and placed or moved in the list. */
export function upsertRows(w: Work, list: readonly Conversation[]): void {
  if (list.length === 0) return;
  const byID = w.byID as ByID;
  const moved: string[] = [];
  const place: Conversation[] = [];
  for (const c of list) {
    const prev = byID.get(c.conversationID);
    if (prev === c) continue;
    if (w.hidden.has(c.conversationID)) continue; // stored below, stays out of the list
    if (!prev) place.push(c);
    else if (sortKeyChanged(prev, c)) {
      moved.push(c.conversationID);
      place.push(c);
    }
  }
  // Remove moved rows while `byID` still holds the values they were sorted by.
  const order = removeFromOrder(w.order, byID, moved);
  const next = byID.update((d) => {
    for (const c of list) d.set(c.conversationID, c);
  });
  w.byID = next;
  w.order = insertIntoOrder(order, next, place);
}

/**
 * Conversations that are gone (deleted here or elsewhere): out of the list, the maps, the
 * selection, the swipe tray, the confirmation and any undo window. Unknown IDs are ignored.
 */
export function removeRows(w: Work, ids: readonly string[]): string[] {
  const byID = w.byID as ByID;
  const present = ids.filter((id) => byID.has(id));
  if (present.length === 0) {
    pruneSelection(w, ids);
    return present;
  }
  w.order = removeFromOrder(w.order, byID, present.filter((id) => !w.hidden.has(id)));
  w.byID = byID.update((d) => {
    for (const id of present) d.delete(id);
  });
  w.hidden = (w.hidden as Hidden).update((d) => {
    for (const id of present) d.delete(id);
  });
  pruneSelection(w, present);
  const gone = new Set(present);
  if (w.openSwipeID !== null && gone.has(w.openSwipeID)) w.openSwipeID = null;
  if (w.anchorID !== null && gone.has(w.anchorID)) w.anchorID = null;
  // spec issue 3 §3: removed from a pending confirmation's targets, which closes if empty.
  const conf = w.confirmation;
  if (conf && conf.ids.some((id) => gone.has(id))) {
    const left = conf.ids.filter((id) => !gone.has(id));
    if (left.length === 0 && !conf.allSelected && conf.status !== 'pending') w.confirmation = null;
    else w.confirmation = { ...conf, ids: left, count: conf.allSelected ? conf.count : left.length };
  }
  if (w.undos.some((u) => u.ids.some((id) => gone.has(id)))) {
    w.undos = w.undos
      .map((u) => (u.ids.some((id) => gone.has(id)) ? { ...u, ids: u.ids.filter((id) => !gone.has(id)) } : u))
      .filter((u) => u.ids.length > 0);
  }
  return present;
}

/** Deselects IDs that no longer exist (with `'all'`, drops them from the exclusions). */
export function pruneSelection(w: Work, ids: readonly string[]): void {
  if (w.selection === 'all') {
    const ex = w.excluded;
    if (ex.size > 0 && ids.some((id) => ex.has(id))) {
      const next = new Set(ex);
      for (const id of ids) next.delete(id);
      w.excluded = next;
    }
    return;
  }
  const sel = w.selection;
  if (sel.size > 0 && ids.some((id) => sel.has(id))) {
    const next = new Set(sel);
    for (const id of ids) next.delete(id);
    w.selection = next;
  }
}

/** Takes visible rows out of the list (optimistic delete, undo window); they stay in `byID`. */
export function hideRows(w: Work, ids: readonly string[], tag: 'deleting' | 'undo'): void {
  const byID = w.byID as ByID;
  const ids2 = ids.filter((id) => byID.has(id) && w.hidden.get(id) !== tag);
  if (ids2.length === 0) return;
  w.order = removeFromOrder(w.order, byID, ids2.filter((id) => !w.hidden.has(id)));
  w.hidden = (w.hidden as Hidden).update((d) => {
    for (const id of ids2) d.set(id, tag);
  });
  if (w.openSwipeID !== null && ids2.includes(w.openSwipeID)) w.openSwipeID = null;
}

/** Brings hidden rows back at their sorted (original) position. */
export function restoreRows(w: Work, ids: readonly string[]): void {
  const byID = w.byID as ByID;
  const back = ids.filter((id) => w.hidden.has(id) && byID.has(id));
  if (back.length === 0) return;
  w.hidden = (w.hidden as Hidden).update((d) => {
    for (const id of back) d.delete(id);
  });
  w.order = insertIntoOrder(
    w.order,
    byID,
    back.map((id) => byID.get(id)!),
  );
}

/** Sorts IDs into list order (loaded ones by their sort key, unknown ones last). */
export function inListOrder(byID: ReadonlyMap<string, Conversation>, ids: Iterable<string>): string[] {
  const known: Conversation[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const c = byID.get(id);
    if (c) known.push(c);
    else unknown.push(id);
  }
  known.sort(compareConversations);
  return [...known.map((c) => c.conversationID), ...unknown];
}

/** Position of a visible row, or -1. */
export function positionOf(w: Pick<Work, 'order' | 'byID'>, id: string): number {
  return indexOfID(w.order, w.byID, id);
}
