/**
 * The conversation store: a vanilla zustand store, one per list, no React (style.md layout).
 * Spec: issue 3, and interaction.md B (selection), D9 (pending/error dialog), E (undo).
 */
import { createStore } from 'zustand/vanilla';
import { ChatError, ErrorCode, toChatError } from '../sdk/errors.js';
import { MARK_TYPE_UNREAD, type ChatAdapter, type Conversation, type ConversationPage } from '../sdk/types.js';
import { createDeletionEngine } from './deletion.js';
import { PersistentMap } from './pmap.js';
import { hideRows, inListOrder, positionOf, pruneSelection, removeRows, restoreRows, upsertRows, type Work } from './rows.js';
import { countAllSelectedLoaded, selectSelectedCount } from './selectors.js';
import type {
  AnnouncementInput,
  ConversationStore,
  ConversationStoreActions,
  ConversationStoreOptions,
  ConversationStoreState,
  PendingConfirmation,
} from './types.js';

type Options = ConversationStoreState['options'];

const DEFAULTS: Options = {
  clearHistory: 'ask',
  undoTimeoutMs: 10_000,
  callTimeoutMs: 15_000,
  pageSize: 100,
  maxPages: 2000,
  maxInFlight: 2,
  maxAttempts: 3,
  retryBaseMs: 300,
  random: Math.random,
};

/** The announcement queue is a live region feed; the UI dismisses what it has read. */
const MAX_ANNOUNCEMENTS = 50;
/** Page size when every page is needed at once ("select all, then delete"); the SDK's own limit. */
const LOAD_ALL_PAGE_SIZE = 1000;

function normalise(base: Options, patch: ConversationStoreOptions): Options {
  const next: Options = { ...base };
  for (const [k, v] of Object.entries(patch) as [keyof Options, unknown][]) {
    if (v !== undefined) (next as Record<string, unknown>)[k] = v;
  }
  return next;
}

function isConversation(c: unknown): c is Conversation {
  const v = c as Partial<Conversation> | null;
  return (
    !!v &&
    typeof v === 'object' &&
    typeof v.conversationID === 'string' &&
    typeof v.isPinned === 'boolean' &&
    typeof v.orderKey === 'number' &&
    Number.isFinite(v.orderKey)
  );
}

/** Runs `fn` (a sync throw counts as a rejection) with a time limit; a late answer is dropped. */
function withTimeout<T>(fn: () => Promise<T>, ms: number, what: string): Promise<T> {
  let p: Promise<T>;
  try {
    p = Promise.resolve(fn());
  } catch (error) {
    p = Promise.reject(error);
  }
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ChatError(ErrorCode.TIMEOUT, `${what} timed out`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/**
 * Creates the store behind one `ConversationList`. Nothing happens until it is used: no listener
 * is added before `retain()` and no page is fetched before `fetchNextPage()`, so creating one
 * and dropping it (StrictMode's double `useState` initialiser) leaves no trace.
 *
 * @param adapter The chat backend (sdk.md, "The adapter contract").
 * @param options Timeouts, paging and deletion tuning; see {@link ConversationStoreOptions}.
 */
export function createConversationStore(adapter: ChatAdapter, options: ConversationStoreOptions = {}): ConversationStore {
  return createStore<ConversationStoreState>()((set, get) => {
    let announcementSeq = 0;
    let undoSeq = 0;

    /** Runs a transition on a working copy and commits it as one `setState`. */
    function commit(fn: (w: Work) => void): void {
      const w: Work = { ...get() };
      fn(w);
      set(w);
      syncUndoTimers();
    }

    function announce(w: Work, a: AnnouncementInput): void {
      const next = [...w.announcements, { ...a, id: ++announcementSeq } as ConversationStoreState['announcements'][number]];
      w.announcements = next.length > MAX_ANNOUNCEMENTS ? next.slice(next.length - MAX_ANNOUNCEMENTS) : next;
    }

    /** B4: the mode ends when a non-empty selection becomes empty. */
    function endModeIfEmptied(w: Work, hadSelection: boolean): void {
      if (!hadSelection || w.selectionMode !== 'multiple') return;
      if (selectSelectedCount(w) === 0) {
        w.selectionMode = 'none';
        w.selection = new Set();
        w.excluded = new Set();
        w.anchorID = null;
      }
    }

    function refreshAllCount(w: Work): void {
      const conf = w.confirmation;
      if (conf && conf.allSelected && conf.status === 'idle') {
        const count = countAllSelectedLoaded(conf.excluded ? { ...w, excluded: conf.excluded } : w);
        if (count !== conf.count) w.confirmation = { ...conf, count };
      }
    }

    // ---- stale-page protection ----------------------------------------------------------------
    // A page answered after a listener event or a deletion may carry an older copy of a row.
    // Each such change is stamped; a page keeps its hands off rows stamped after it was asked for.
    /** The last Shift-range, so that the next one from the same anchor replaces it. */
    let lastRange: { anchor: string; to: string } | null = null;
    let opSeq = 0;
    let pagesInFlight = 0;
    const touched = new Map<string, number>();
    function touch(ids: readonly string[]): void {
      if (pagesInFlight === 0) return;
      opSeq++;
      for (const id of ids) touched.set(id, opSeq);
    }

    // ---- listener events, coalesced ------------------------------------------------------------
    // A burst of events (10,000 in one tick) becomes one setState in a microtask. Actions that
    // change rows flush the buffer first, so nothing overtakes an event that arrived before it.
    type Pending = { kind: 'upsert'; list: readonly unknown[] } | { kind: 'delete'; ids: readonly unknown[] };
    let buffer: Pending[] = [];
    let flushScheduled = false;
    function enqueue(e: Pending): void {
      buffer.push(e);
      if (!flushScheduled) {
        flushScheduled = true;
        queueMicrotask(() => {
          flushScheduled = false;
          flushEvents();
        });
      }
    }
    function flushEvents(): void {
      if (buffer.length === 0) return;
      const events = buffer;
      buffer = [];
      // Only the last thing that happened to each ID matters.
      const last = new Map<string, Conversation | null>();
      for (const e of events) {
        if (e.kind === 'upsert') {
          for (const c of e.list) if (isConversation(c)) last.set(c.conversationID, c);
        } else {
          for (const id of e.ids) if (typeof id === 'string') last.set(id, null);
        }
      }
      const deleted: string[] = [];
      const upserts: Conversation[] = [];
      for (const [id, c] of last) {
        if (c) upserts.push(c);
        else deleted.push(id);
      }
      commit((w) => {
        applyRemoteDeletion(w, deleted);
        upsertRows(w, upserts);
        refreshAllCount(w);
      });
      touch([...last.keys()]);
    }

    function applyRemoteDeletion(w: Work, ids: string[]): void {
      if (ids.length === 0) return;
      // Only rows the user could see are announced: ours in flight are not "another device".
      const visible = ids.filter((id) => w.byID.has(id) && !w.hidden.has(id)).length;
      const hadSelection = selectSelectedCount(w) !== 0;
      removeRows(w, ids);
      endModeIfEmptied(w, hadSelection);
      refreshAllCount(w);
      if (visible > 0) announce(w, { kind: 'remoteDeleted', count: visible });
    }

    // ---- subscription, ref-counted -----------------------------------------------------------------
    let refs = 0;
    let unsubscribe: (() => void) | null = null;
    function subscribe(): void {
      const token = { live: true };
      let remove: () => void;
      try {
        remove = adapter.addConversationListener({
          // Events after teardown are ignored, whatever the adapter does (issue 3 §3).
          onNewConversation: (list) => token.live && Array.isArray(list) && enqueue({ kind: 'upsert', list }),
          onConversationChanged: (list) => token.live && Array.isArray(list) && enqueue({ kind: 'upsert', list }),
          onConversationDeleted: (ids) => token.live && Array.isArray(ids) && enqueue({ kind: 'delete', ids }),
        });
      } catch (error) {
        // sdk.md: a synchronous throw is a rejection (issue 7). The list still loads and deletes,
        // without live updates; say so. `unsubscribe` is still set, so unmount still tears down
        // (and sends pending undo removals).
        const e = toChatError(error);
        commit((w) => announce(w, { kind: 'loadFailed', code: e.code }));
        remove = () => undefined;
      }
      unsubscribe = () => {
        token.live = false;
        remove();
      };
    }
    function teardown(): void {
      const un = unsubscribe;
      unsubscribe = null;
      un?.();
      flushEvents();
      // Issue 3 §4: "On unmount the pending removal is sent, because the user asked for it."
      actions.flushUndo();
      for (const t of undoTimers.values()) clearTimeout(t);
      undoTimers.clear();
    }

    // ---- undo windows -----------------------------------------------------------------------------
    const undoTimers = new Map<string, ReturnType<typeof setTimeout>>();
    const undoRemaining = new Map<string, number>();
    function scheduleUndo(id: string, ms: number): void {
      clearTimeout(undoTimers.get(id));
      undoTimers.set(
        id,
        setTimeout(() => {
          undoTimers.delete(id);
          actions.flushUndo(id);
        }, ms),
      );
    }
    /** Drops timers of undo windows that left the state (undone, flushed, emptied remotely). */
    function syncUndoTimers(): void {
      if (undoTimers.size === 0) return;
      const live = get().undos;
      for (const [id, t] of undoTimers) {
        if (!live.some((u) => u.id === id)) {
          clearTimeout(t);
          undoTimers.delete(id);
          undoRemaining.delete(id);
        }
      }
    }

    // ---- paging ---------------------------------------------------------------------------------
    const pageRequests = new Map<string, Promise<ConversationPage>>();

    function receive(page: ConversationPage, seq: string, askedAt: number): void {
      flushEvents();
      commit((w) => {
        const list = new Map<string, Conversation>();
        for (const c of page.conversationList) {
          if (!isConversation(c)) continue;
          const stamp = touched.get(c.conversationID);
          if (stamp !== undefined && stamp > askedAt) continue;
          list.set(c.conversationID, c);
        }
        upsertRows(w, [...list.values()]);
        if (seq === w.paging.nextSeq && !w.paging.isFinished) {
          const pagesLoaded = w.paging.pagesLoaded + 1;
          // A nextSeq that does not move, or too many pages, would fetch forever.
          const stalled = !page.isFinished && page.nextSeq === seq;
          const capReached = !page.isFinished && (stalled || pagesLoaded >= w.options.maxPages);
          w.paging = {
            nextSeq: page.nextSeq,
            isFinished: page.isFinished,
            status: 'idle',
            error: undefined,
            pagesLoaded,
            capReached,
          };
          if (capReached) announce(w, { kind: 'pageCapReached', pages: pagesLoaded });
        }
        refreshAllCount(w);
      });
    }

    function validPage(page: unknown): page is ConversationPage {
      const p = page as Partial<ConversationPage> | null;
      return !!p && typeof p === 'object' && Array.isArray(p.conversationList) && typeof p.nextSeq === 'string' && typeof p.isFinished === 'boolean';
    }

    function fetchPage(seq: string, count?: number): Promise<ConversationPage> {
      const existing = pageRequests.get(seq);
      if (existing) return existing;
      const s = get();
      if (seq === s.paging.nextSeq && (s.paging.isFinished || s.paging.capReached)) {
        return Promise.resolve({ conversationList: [], nextSeq: seq, isFinished: s.paging.isFinished });
      }
      const askedAt = opSeq;
      pagesInFlight++;
      if (seq === s.paging.nextSeq) commit((w) => void (w.paging = { ...w.paging, status: 'loading' }));
      const request = (async () => {
        try {
          const page = await withTimeout(
            () => adapter.getConversationList(seq, count ?? get().options.pageSize),
            get().options.callTimeoutMs,
            'Loading conversations',
          );
          if (!validPage(page)) throw new ChatError(ErrorCode.MALFORMED_RESULT, 'The adapter answered with a malformed page');
          receive(page, seq, askedAt);
          return page;
        } catch (error) {
          const e = toChatError(error);
          if (seq === get().paging.nextSeq) {
            commit((w) => {
              w.paging = { ...w.paging, status: 'error', error: { code: e.code, message: e.message } };
              announce(w, { kind: 'loadFailed', code: e.code });
            });
          }
          throw e;
        } finally {
          pageRequests.delete(seq);
          if (--pagesInFlight === 0) touched.clear();
        }
      })();
      pageRequests.set(seq, request);
      return request;
    }

    /** Loads every remaining page, in larger pages than scrolling asks for (fewer round trips). */
    async function loadAll(): Promise<void> {
      for (;;) {
        const { paging, options } = get();
        if (paging.isFinished || paging.capReached) return;
        await fetchPage(paging.nextSeq, Math.max(options.pageSize, LOAD_ALL_PAGE_SIZE));
      }
    }

    /**
     * Every loaded conversation an `'all'` selection covers, in list order. `excluded` is the set
     * the user confirmed against: the selection may change while the remaining pages load.
     */
    function expandAll(excluded: ReadonlySet<string> = get().excluded): string[] {
      const s = get();
      return excluded.size === 0 ? [...s.order] : s.order.filter((id) => !excluded.has(id));
    }

    // ---- deletion -------------------------------------------------------------------------------------
    const engine = createDeletionEngine({ get, commit, announce, adapter, flushEvents, touch });

    /** Starts the confirmed job (or the keep-history removal) for the dialog's targets. */
    function proceed(conf: PendingConfirmation, ids: string[]): void {
      const s = get();
      const keep = s.options.clearHistory === 'never' || (s.options.clearHistory === 'ask' && conf.keepHistory);
      if (keep) {
        commit((w) => void (w.confirmation = null));
        actions.removeWithUndo(ids);
        return;
      }
      // The only place a `clearMessage: true` job starts (E2: no gesture bypasses the dialog).
      const jobID = engine.start(ids, true, { confirm: true, fromSelection: !!conf.fromSelection, announceSuccess: true });
      commit((w) => {
        if (!jobID) w.confirmation = null; // everything was already being deleted
        else if (w.confirmation) w.confirmation = { ...w.confirmation, status: 'pending', jobID, ids, count: ids.length };
      });
    }

    /** A rolled-back pin or mark is told to the user, not only to the caller (issue 7). */
    function actionFailed(c: Conversation, error: unknown): ChatError {
      const e = toChatError(error);
      commit((w) => announce(w, { kind: 'actionFailed', name: c.showName || c.conversationID, code: e.code }));
      return e;
    }

    // ---- actions -----------------------------------------------------------------------------------------
    const actions: ConversationStoreActions = {
      fetchNextPage: () => fetchPage(get().paging.nextSeq),
      fetchPage,
      receivePage(page) {
        if (!validPage(page)) return;
        receive(page, get().paging.nextSeq, opSeq);
      },
      setPagingError(error) {
        commit((w) => {
          w.paging = error
            ? { ...w.paging, status: 'error', error: { ...error } }
            : { ...w.paging, status: w.paging.status === 'error' ? 'idle' : w.paging.status, error: undefined };
        });
      },
      loadAll,

      retain() {
        refs++;
        if (!unsubscribe) subscribe();
      },
      release() {
        refs = Math.max(0, refs - 1);
        if (refs > 0) return;
        // Deferred: StrictMode unmounts and remounts effects synchronously; a retain in between
        // keeps the one subscription (and the undo windows) alive.
        queueMicrotask(() => {
          if (refs === 0 && unsubscribe) teardown();
        });
      },
      upsertConversations(list) {
        flushEvents();
        enqueue({ kind: 'upsert', list });
        flushEvents();
      },
      applyRemoteDeletion(ids) {
        flushEvents();
        enqueue({ kind: 'delete', ids });
        flushEvents();
      },

      setSelectionMode(mode) {
        commit((w) => {
          w.selectionMode = mode;
          if (mode === 'none') {
            w.selection = new Set();
            w.excluded = new Set();
            w.anchorID = null;
          } else w.openSwipeID = null; // B2: no swipe in selection mode
        });
      },
      setSelection(selection) {
        commit((w) => {
          w.selection = selection === 'all' ? 'all' : new Set(selection);
          w.excluded = new Set();
        });
      },
      toggleSelected(id) {
        lastRange = null;
        const s = get();
        if (!s.byID.has(id) || s.hidden.has(id)) return;
        commit((w) => {
          const hadSelection = selectSelectedCount(w) !== 0;
          let selected: boolean;
          if (w.selection === 'all') {
            const ex = new Set(w.excluded);
            selected = ex.has(id);
            if (selected) ex.delete(id);
            else ex.add(id);
            w.excluded = ex;
          } else {
            const sel = new Set(w.selection);
            selected = !sel.has(id);
            if (selected) sel.add(id);
            else sel.delete(id);
            w.selection = sel;
          }
          w.selectionMode = 'multiple';
          w.openSwipeID = null;
          w.anchorID = id;
          endModeIfEmptied(w, hadSelection);
          // B5: "Alice selected. 3 items selected."
          announce(w, { kind: 'selection', name: w.byID.get(id)!.showName, selected, count: selectSelectedCount(w) });
        });
      },
      selectRange(toID, fromID) {
        const s = get();
        const from = fromID ?? s.anchorID ?? toID;
        const a = positionOf(s, from);
        const b = positionOf(s, toID);
        if (b < 0) return;
        const span = (to: number) => {
          const [lo, hi] = a < 0 ? [to, to] : a <= to ? [a, to] : [to, a];
          return s.order.slice(lo, hi + 1);
        };
        const range = span(b);
        // As React Aria's extendSelection: a new range from the same anchor replaces the previous
        // one, so Shift+Down then Shift+Up shrinks the selection again.
        const previous = lastRange && lastRange.anchor === from ? positionOf(s, lastRange.to) : -1;
        const dropped = previous >= 0 ? span(previous) : [];
        lastRange = { anchor: from, to: toID };
        commit((w) => {
          if (w.selection === 'all') {
            const ex = new Set(w.excluded);
            for (const id of dropped) ex.add(id);
            for (const id of range) ex.delete(id);
            w.excluded = ex;
          } else {
            const sel = new Set(w.selection);
            for (const id of dropped) sel.delete(id);
            for (const id of range) sel.add(id);
            w.selection = sel;
          }
          w.selectionMode = 'multiple';
          w.openSwipeID = null;
          if (w.anchorID === null) w.anchorID = from;
          announce(w, { kind: 'selection', count: selectSelectedCount(w) });
        });
      },
      selectAll() {
        lastRange = null;
        // O(1): "all" is a marker plus exclusions, never a set of 100,000 IDs.
        commit((w) => {
          w.selection = 'all';
          w.excluded = new Set();
          w.selectionMode = 'multiple';
          w.openSwipeID = null;
          announce(w, { kind: 'selection', count: selectSelectedCount(w) });
        });
      },
      clearSelection() {
        lastRange = null;
        commit((w) => {
          w.selection = new Set();
          w.excluded = new Set();
          w.selectionMode = 'none';
          w.anchorID = null;
        });
      },
      setAnchor(id) {
        lastRange = null;
        if (get().anchorID !== id) set({ anchorID: id });
      },

      setOpenSwipe(id) {
        const s = get();
        if (id !== null && (!s.byID.has(id) || s.hidden.has(id))) return;
        if (s.openSwipeID !== id) set({ openSwipeID: id });
      },

      requestDelete(ids, opts) {
        flushEvents();
        const s = get();
        if (s.confirmation?.status === 'pending') return;
        const fromSelection = ids === undefined;
        const never = s.options.clearHistory === 'never';
        if (fromSelection && s.selection === 'all') {
          if (never) {
            // E1: reversible, no dialog; "all" means every page, so load them first.
            const excluded = new Set(s.excluded);
            loadAll().then(
              () => actions.removeWithUndo(expandAll(excluded)),
              () => undefined, // loadFailed is announced by the pager
            );
            return;
          }
          // The dialog must state what will be deleted (D5): "all" covers pages not loaded yet, so
          // it counts them first; confirming is not possible until the count is exact.
          const counting = !(s.paging.isFinished || s.paging.capReached);
          const excluded = new Set(s.excluded);
          const conf: PendingConfirmation = {
            ids: expandAll(excluded),
            allSelected: true,
            count: countAllSelectedLoaded(s),
            counting: counting || undefined,
            excluded,
            invokerID: opts?.invokerID,
            keepHistory: false,
            status: 'idle',
            fromSelection: true,
          };
          commit((w) => void (w.confirmation = conf));
          if (counting) {
            loadAll().then(
              () => {
                const current = get().confirmation;
                if (!current || !current.allSelected || !current.counting) return;
                const ids = expandAll(current.excluded);
                commit((w) => void (w.confirmation = { ...current, counting: undefined, ids, count: ids.length }));
              },
              (error: unknown) => {
                const current = get().confirmation;
                if (!current || !current.counting) return;
                const e = toChatError(error);
                commit((w) => void (w.confirmation = { ...current, counting: undefined, status: 'error', error: { code: e.code, message: e.message } }));
              },
            );
          }
          return;
        }
        const wanted = fromSelection ? inListOrder(s.byID, s.selection as ReadonlySet<string>) : ids;
        const targets = [...new Set(wanted)].filter((id) => s.byID.has(id) && !s.hidden.has(id));
        if (targets.length === 0) return;
        if (never) {
          actions.removeWithUndo(targets);
          return;
        }
        const conf: PendingConfirmation = {
          ids: inListOrder(s.byID, targets),
          allSelected: false,
          count: targets.length,
          invokerID: opts?.invokerID,
          keepHistory: false,
          status: 'idle',
          fromSelection,
        };
        commit((w) => void (w.confirmation = conf));
      },
      removeWithUndo(ids) {
        flushEvents();
        const s = get();
        const targets = inListOrder(
          s.byID,
          [...new Set(ids)].filter((id) => s.byID.has(id) && !s.hidden.has(id) && !engine.owns(id)),
        );
        if (targets.length === 0) return;
        const id = `undo-${++undoSeq}`;
        const ms = s.options.undoTimeoutMs;
        commit((w) => {
          const hadSelection = selectSelectedCount(w) !== 0;
          hideRows(w, targets, 'undo');
          pruneSelection(w, targets);
          endModeIfEmptied(w, hadSelection);
          w.undos = [...w.undos, { id, ids: targets, expiresAt: Date.now() + ms, paused: false }];
          // C4: "Conversation removed. Undo available."
          announce(w, { kind: 'removed', count: targets.length });
        });
        scheduleUndo(id, ms);
      },
      setKeepHistory(keep) {
        const s = get();
        const conf = s.confirmation;
        if (!conf || conf.status === 'pending' || conf.keepHistory === keep) return;
        // Under 'always' there is no checkbox; history is always cleared after confirming.
        if (s.options.clearHistory === 'always' && keep) return;
        commit((w) => void (w.confirmation = { ...conf, keepHistory: keep }));
      },
      confirmDelete() {
        flushEvents();
        const conf = get().confirmation;
        // A second confirm while pending does nothing: no double requests (issue 3 §4). Nor does a
        // confirm before an "all" selection is counted: the user has not seen the number yet.
        if (!conf || conf.status === 'pending' || conf.counting) return;
        if (conf.status === 'error' && conf.jobID) {
          actions.retryJob(conf.jobID);
          return;
        }
        const { paging } = get();
        if (!conf.allSelected || paging.isFinished || paging.capReached) {
          // Everything is loaded: expand now, so the rows leave at once (optimistic).
          const ids = conf.allSelected ? expandAll(conf.excluded) : conf.ids;
          if (ids.length === 0) commit((w) => void (w.confirmation = null));
          else proceed(conf, ids);
          return;
        }
        // "All" means every conversation on the server: load the rest, then expand (issue 3 §1),
        // minus the exclusions as they were when the user confirmed (found by the property test:
        // clearing the selection meanwhile must not widen what gets deleted).
        const excluded = conf.excluded ?? new Set(get().excluded);
        const pending: PendingConfirmation = { ...conf, status: 'pending', error: undefined };
        commit((w) => void (w.confirmation = pending));
        loadAll().then(
          () => {
            if (get().confirmation !== pending) return;
            const ids = expandAll(excluded);
            if (ids.length === 0) {
              commit((w) => void (w.confirmation = null));
              return;
            }
            proceed(pending, ids);
          },
          (error: unknown) => {
            if (get().confirmation !== pending) return;
            const e = toChatError(error);
            commit((w) => void (w.confirmation = { ...pending, status: 'error', error: { code: e.code, message: e.message } }));
          },
        );
      },
      cancelConfirmation() {
        const conf = get().confirmation;
        if (!conf || conf.status === 'pending') return;
        commit((w) => void (w.confirmation = null));
      },
      retryJob: (jobID) => engine.retry(jobID),
      dismissJob: (jobID) => engine.dismiss(jobID),
      undo(undoID) {
        flushEvents();
        const u = get().undos.find((x) => x.id === undoID);
        if (!u) return;
        clearTimeout(undoTimers.get(undoID));
        undoTimers.delete(undoID);
        commit((w) => {
          w.undos = w.undos.filter((x) => x.id !== undoID);
          // E3: every item back in its original position; no server call was made.
          const back = u.ids.filter((id) => w.hidden.get(id) === 'undo');
          restoreRows(w, back);
          announce(w, { kind: 'restored', count: back.length });
        });
      },
      pauseUndo(undoID, paused) {
        const u = get().undos.find((x) => x.id === undoID);
        if (!u || u.paused === paused) return;
        if (paused) {
          clearTimeout(undoTimers.get(undoID));
          undoTimers.delete(undoID);
          undoRemaining.set(undoID, Math.max(0, u.expiresAt - Date.now()));
          commit((w) => void (w.undos = w.undos.map((x) => (x.id === undoID ? { ...x, paused: true } : x))));
        } else {
          const rest = undoRemaining.get(undoID) ?? Math.max(0, u.expiresAt - Date.now());
          undoRemaining.delete(undoID);
          commit(
            (w) =>
              void (w.undos = w.undos.map((x) => (x.id === undoID ? { ...x, paused: false, expiresAt: Date.now() + rest } : x))),
          );
          scheduleUndo(undoID, rest);
        }
      },
      flushUndo(undoID) {
        flushEvents();
        const due = get().undos.filter((u) => undoID === undefined || u.id === undoID);
        if (due.length === 0) return;
        const dueIDs = new Set(due.map((u) => u.id));
        commit((w) => void (w.undos = w.undos.filter((u) => !dueIDs.has(u.id))));
        for (const u of due) {
          const ids = u.ids.filter((id) => get().hidden.get(id) === 'undo');
          // Keep history: clearMessage false (E1, E4: the server call waits for the window).
          engine.start(ids, false, { confirm: false, fromSelection: false, announceSuccess: false });
        }
      },

      async setPinned(id, pinned) {
        const pin = adapter.pinConversation;
        if (!pin) throw new ChatError(ErrorCode.INVALID_PARAMETERS, 'This adapter cannot pin conversations');
        const before = get().byID.get(id);
        if (!before || before.isPinned === pinned) return;
        actions.upsertConversations([{ ...before, isPinned: pinned }]);
        try {
          await withTimeout(() => pin.call(adapter, id, pinned), get().options.callTimeoutMs, 'Pinning');
        } catch (error) {
          const now = get().byID.get(id);
          if (now && now.isPinned === pinned) actions.upsertConversations([{ ...now, isPinned: before.isPinned }]);
          throw actionFailed(before, error);
        }
      },
      async setUnread(id, unread) {
        const mark = adapter.markConversation;
        if (!mark) throw new ChatError(ErrorCode.INVALID_PARAMETERS, 'This adapter cannot mark conversations');
        const before = get().byID.get(id);
        if (!before) return;
        const marks = before.markList ?? [];
        if (marks.includes(MARK_TYPE_UNREAD) === unread) return;
        const withMark = (c: Conversation, on: boolean): Conversation => {
          const m = (c.markList ?? []).filter((x) => x !== MARK_TYPE_UNREAD);
          return { ...c, markList: on ? [...m, MARK_TYPE_UNREAD] : m };
        };
        actions.upsertConversations([withMark(before, unread)]);
        try {
          const results = await withTimeout(
            () => mark.call(adapter, [id], MARK_TYPE_UNREAD, unread),
            get().options.callTimeoutMs,
            'Marking',
          );
          const r = Array.isArray(results) ? results.find((x) => x && x.conversationID === id) : undefined;
          if (!r || r.resultCode !== 0) throw new ChatError(r?.resultCode ?? ErrorCode.MISSING_RESULT, r?.resultInfo ?? 'No result');
        } catch (error) {
          const now = get().byID.get(id);
          if (now) actions.upsertConversations([withMark(now, !unread)]);
          throw actionFailed(before, error);
        }
      },

      dismissAnnouncement(id) {
        const list = get().announcements;
        if (list.some((a) => a.id === id)) set({ announcements: list.filter((a) => a.id !== id) });
      },

      setOptions(patch) {
        const current = get().options;
        const next = normalise(current, patch);
        // The provider calls this on every options object; keep state (and renders) still when
        // nothing changed.
        if ((Object.keys(next) as (keyof Options)[]).some((k) => next[k] !== current[k])) set({ options: next });
      },
    };

    return {
      adapter,
      options: normalise(DEFAULTS, options),
      byID: PersistentMap.empty<Conversation>(),
      order: [],
      hidden: PersistentMap.empty<'deleting' | 'undo'>(),
      paging: { nextSeq: '0', isFinished: false, status: 'idle', error: undefined, pagesLoaded: 0, capReached: false },
      selectionMode: 'none',
      selection: new Set<string>(),
      excluded: new Set<string>(),
      anchorID: null,
      openSwipeID: null,
      confirmation: null,
      jobs: [],
      undos: [],
      announcements: [],
      actions,
    };
  });
}
