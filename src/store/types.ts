/**
 * The conversation store's public shape. A vanilla zustand store, one per list, no React.
 * Actions are the only way state changes. Components read it through narrow selectors.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { ChatAdapter, Conversation, ConversationPage } from '../sdk/types.js';

export type SelectionMode = 'none' | 'multiple';
/** React Stately's words: a set of IDs, or every conversation the server has, loaded or not. */
export type Selection = ReadonlySet<string> | 'all';
export type ClearHistory = 'ask' | 'always' | 'never';

export interface FailedItem {
  conversationID: string;
  code: number;
  /** The adapter's own message (resultInfo or error message); the UI adds a human one per code. */
  message: string;
}

export interface DeletionJob {
  id: string;
  clearMessage: boolean;
  /** Items in this job (after "all" was expanded). */
  total: number;
  /** Items settled so far, successes and failures. */
  done: number;
  /** Items that the server confirmed gone. */
  succeeded: number;
  failed: FailedItem[];
  status: 'running' | 'succeeded' | 'partial' | 'failed';
}

/** The confirmation dialog's state (interaction.md D). */
export interface PendingConfirmation {
  /** Target IDs in list order. For an "all" selection the store expands them when confirming. */
  ids: string[];
  /** True when the targets are "every selected conversation" under an `'all'` selection. */
  allSelected: boolean;
  /** Number shown in the title ("Delete 3 conversations?"); for `allSelected` it may grow as pages load. */
  count: number;
  /** The row (or control) that opened it: focus returns there on close (D4). */
  invokerID?: string;
  /**
   * True while an "all" selection's remaining pages load so that `count` becomes exact; the
   * dialog cannot be confirmed until then.
   */
  counting?: boolean;
  /**
   * Under `allSelected`: the deselected IDs as they were when the dialog opened. What gets
   * deleted is "all but these", whatever happens to the selection while the dialog is open.
   */
  excluded?: ReadonlySet<string>;
  /** The "Keep message history" checkbox (only offered under `clearHistory: 'ask'`). */
  keepHistory: boolean;
  status: 'idle' | 'pending' | 'error';
  /** The job started by confirming; set while pending and after an error. */
  jobID?: string;
  /**
   * Added: true when the targets came from the selection (`requestDelete()` without IDs). After
   * the job, succeeded rows leave the selection and failed ones stay selected (D9).
   */
  fromSelection?: boolean;
  /** Added: why the dialog is in `'error'` when no job ran (expanding "all" failed to load). */
  error?: { code: number; message: string };
}

/** A reversible removal waiting for its undo window (interaction.md E). */
export interface PendingUndo {
  id: string;
  ids: string[];
  /** Epoch ms when the removal is sent to the server unless undone or paused. */
  expiresAt: number;
  paused: boolean;
}

/** Structured announcements; the UI turns them into localised text for `role="status"`. */
export type Announcement = { id: number } & (
  | { kind: 'deleted'; count: number }
  | { kind: 'removed'; count: number }
  | { kind: 'restored'; count: number }
  | { kind: 'deleteFailed'; count: number; codes: number[] }
  | { kind: 'remoteDeleted'; count: number }
  | { kind: 'loadFailed'; code: number }
  | { kind: 'pageCapReached'; pages: number }
  /** Added (issue 7): a pin or mark failed and was rolled back. `name` is the row's name. */
  | { kind: 'actionFailed'; name: string; code: number }
  | { kind: 'selection'; name?: string; selected?: boolean; count: number | 'all' }
);
/** An announcement before the store gives it an id. */
export type AnnouncementInput = Announcement extends infer A
  ? A extends { id: number }
    ? Omit<A, 'id'>
    : never
  : never;

export interface PagingState {
  /** The `nextSeq` to ask for next; `'0'` before the first page. */
  nextSeq: string;
  isFinished: boolean;
  status: 'idle' | 'loading' | 'error';
  /** The last paging error, for the first page's error state or the end-of-list Retry. */
  error?: { code: number; message: string };
  pagesLoaded: number;
  /**
   * Added: `maxPages` was reached (or the adapter returned the same `nextSeq` again) before
   * `isFinished`; no more pages are fetched and `'pageCapReached'` was announced.
   */
  capReached: boolean;
}

export interface ConversationStoreOptions {
  /** @default 'ask' */
  clearHistory?: ClearHistory;
  /** How long a reversible removal waits for Undo before it is sent. @default 10000 */
  undoTimeoutMs?: number;
  /** A call that has not settled after this long fails its items (code 2801). @default 15000 */
  callTimeoutMs?: number;
  /** Conversations asked for per page. @default 100 */
  pageSize?: number;
  /** Guard against a `nextSeq` that never finishes. @default 2000 */
  maxPages?: number;
  /** Delete calls in flight at once. @default 2 */
  maxInFlight?: number;
  /** Tries per batch for retriable codes (2800, 2996, 10006), first try included. @default 3 */
  maxAttempts?: number;
  /** Backoff base; the n-th retry waits base·2^(n-1) plus up to 50% jitter. @default 300 */
  retryBaseMs?: number;
  /** For tests: the jitter source. @default Math.random */
  random?: () => number;
}

export interface ConversationStoreActions {
  // ---- loading (React Query calls these from its queryFn) ----
  /** Fetches one page from the adapter (with the call timeout) and feeds it in. */
  fetchNextPage(): Promise<ConversationPage>;
  /**
   * Added: fetches the page at `nextSeq`. When it is the store's own `paging.nextSeq` this is
   * `fetchNextPage()`; otherwise (a refetch of an earlier page) the page is merged in without
   * moving the paging cursor. Concurrent requests for one `nextSeq` share one adapter call.
   */
  fetchPage(nextSeq: string): Promise<ConversationPage>;
  /** Feeds a page fetched elsewhere. Duplicate IDs across pages are merged, never doubled. */
  receivePage(page: ConversationPage): void;
  setPagingError(error: { code: number; message: string } | undefined): void;
  /** Loads every remaining page (used to expand an "all" selection). */
  loadAll(): Promise<void>;

  // ---- live updates ----
  /**
   * Subscribes to the adapter's listener. Ref-counted and StrictMode safe: the last `release`
   * tears down on a later tick, and a `retain` in between cancels that.
   */
  retain(): void;
  release(): void;
  upsertConversations(list: Conversation[]): void;
  applyRemoteDeletion(ids: string[]): void;

  // ---- selection ----
  setSelectionMode(mode: SelectionMode): void;
  setSelection(selection: Selection): void;
  toggleSelected(id: string): void;
  /** Selects the range from the anchor (or `fromID`) to `toID`, in list order. */
  selectRange(toID: string, fromID?: string): void;
  selectAll(): void;
  /** Clears the selection and leaves selection mode (B3 Escape, B4). */
  clearSelection(): void;
  setAnchor(id: string | null): void;

  // ---- swipe ----
  setOpenSwipe(id: string | null): void;

  // ---- deletion ----
  /**
   * Starts deleting `ids`, or the current selection when omitted. Under `clearHistory: 'never'`
   * this is a reversible removal with Undo (no dialog). Otherwise it opens the confirmation.
   * Never clears history by itself.
   */
  requestDelete(ids?: string[], options?: { invokerID?: string }): void;
  /** Reversible removal without a dialog (keeps history; Undo offered). */
  removeWithUndo(ids: string[]): void;
  setKeepHistory(keep: boolean): void;
  /** The dialog's explicit confirmation: the only path to `clearMessage: true`. */
  confirmDelete(): void;
  cancelConfirmation(): void;
  /** Re-runs only the failed items of a job. */
  retryJob(jobID: string): void;
  dismissJob(jobID: string): void;
  undo(undoID: string): void;
  /** Pauses an undo window while the toast is hovered or focused (E3). */
  pauseUndo(undoID: string, paused: boolean): void;
  /** Sends a pending reversible removal now. */
  flushUndo(undoID?: string): void;

  // ---- optional capabilities ----
  setPinned(id: string, pinned: boolean): Promise<void>;
  setUnread(id: string, unread: boolean): Promise<void>;

  dismissAnnouncement(id: number): void;

  /** Added: updates options at runtime (the list's `clearHistory` prop may change). */
  setOptions(options: Partial<ConversationStoreOptions>): void;
}

export interface ConversationStoreState {
  adapter: ChatAdapter;
  options: Required<Omit<ConversationStoreOptions, 'random'>> & { random: () => number };
  /** Every loaded conversation, by ID, hidden ones included. Replaced, never mutated. */
  byID: ReadonlyMap<string, Conversation>;
  /** Visible IDs in list order: pinned first, then orderKey descending. */
  order: readonly string[];
  /** IDs out of the list while a deletion is in flight or an undo window is open. */
  hidden: ReadonlyMap<string, 'deleting' | 'undo'>;
  paging: PagingState;
  selectionMode: SelectionMode;
  /** With `'all'`, `excluded` holds the deselected IDs. */
  selection: Selection;
  excluded: ReadonlySet<string>;
  anchorID: string | null;
  openSwipeID: string | null;
  confirmation: PendingConfirmation | null;
  jobs: readonly DeletionJob[];
  undos: readonly PendingUndo[];
  announcements: readonly Announcement[];
  actions: ConversationStoreActions;
}

export type ConversationStore = StoreApi<ConversationStoreState>;

/** True when `id` is selected under the current selection. */
export function isSelected(state: Pick<ConversationStoreState, 'selection' | 'excluded'>, id: string) {
  return state.selection === 'all' ? !state.excluded.has(id) : state.selection.has(id);
}
