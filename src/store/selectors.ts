/**
 * Selectors over the store state. Cheap enough to run on every store change: none is O(N) except
 * {@link selectSelectedIDs}, which is meant for one-off reads (callbacks), not for rendering.
 */
import type { ConversationStoreState, DeletionJob } from './types.js';

export { isSelected } from './types.js';

type S = Pick<ConversationStoreState, 'selection' | 'excluded' | 'order' | 'byID' | 'hidden' | 'paging'>;

/** Loaded, visible conversations that an `'all'` selection covers (the list minus exclusions). */
export function countAllSelectedLoaded(state: Omit<S, 'paging'>): number {
  let n = state.order.length;
  for (const id of state.excluded) if (state.byID.has(id) && !state.hidden.has(id)) n--;
  return n;
}

/**
 * How many conversations are selected. With `'all'` the answer is a number once every page is
 * loaded; before that the total is unknown and the result is `'all'` ("every conversation the
 * server has, loaded or not": spec issue 3 §1). O(exclusions), never O(N).
 */
export function selectSelectedCount(state: S): number | 'all' {
  if (state.selection !== 'all') return state.selection.size;
  return state.paging.isFinished ? countAllSelectedLoaded(state) : 'all';
}

/** Selected conversations among the loaded ones (a lower bound while pages remain). */
export function selectLoadedSelectedCount(state: S): number {
  if (state.selection !== 'all') return state.selection.size;
  return countAllSelectedLoaded(state);
}

/** Selected IDs among the loaded, visible rows, in list order. O(N) for `'all'`. */
export function selectSelectedIDs(state: S): string[] {
  if (state.selection === 'all') return state.order.filter((id) => !state.excluded.has(id));
  const sel = state.selection;
  if (sel.size === 0) return [];
  return state.order.filter((id) => sel.has(id));
}

/** True while more pages can be loaded (not finished, page cap not reached). */
export function selectHasNextPage(state: Pick<ConversationStoreState, 'paging'>): boolean {
  return !state.paging.isFinished && !state.paging.capReached;
}

/** The first running deletion job, for a progress bar. */
export function selectRunningJob(state: Pick<ConversationStoreState, 'jobs'>): DeletionJob | undefined {
  return state.jobs.find((j) => j.status === 'running');
}

/** Visible rows in the list. */
export function selectVisibleCount(state: Pick<ConversationStoreState, 'order'>): number {
  return state.order.length;
}
