/** A count-dependent message, chosen with `Intl.PluralRules` (`zero` also matches a count of 0). */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/**
 * Every string the kit shows or announces. Placeholders: `{count}`, `{name}`, `{done}`,
 * `{total}`, `{reason}`, `{code}`, `{text}`, `{pages}`. Plural messages take `count`.
 */
export interface Messages {
  // ---- list and toolbar ----
  /** Accessible name of the grid. */
  listLabel: string;
  select: string;
  selectAll: string;
  cancel: string;
  /** Toolbar: "3 selected". */
  selectedCount: PluralMessage;
  /** Toolbar under a Select-all selection. */
  allSelected: string;
  /** Toolbar button: "Delete 3". */
  deleteCount: PluralMessage;
  /** Toolbar button under clearHistory 'never': "Remove 3". */
  removeCount: PluralMessage;
  /** Bulk job progress: `{done}`, `{total}`. */
  deletingProgress: string;
  retry: string;
  dismiss: string;
  loadError: string;
  loadMoreError: string;
  loading: string;
  loadingMore: string;
  empty: string;
  // ---- row and its actions ----
  moreActions: string;
  delete: string;
  remove: string;
  pin: string;
  unpin: string;
  markRead: string;
  markUnread: string;
  undo: string;
  draftPrefix: string;
  mention: string;
  pinned: string;
  /** Group preview: `{name}` the sender, `{text}` the message. */
  senderPreview: string;
  /** Row label part: "3 unread messages". */
  unreadCount: PluralMessage;
  /** State of a selected row (for labels). */
  selectedRow: string;
  // ---- confirmation dialog (interaction.md D) ----
  /** Title for one named conversation: `{name}`. */
  dialogTitleSingle: string;
  /** Title by count. */
  dialogTitle: PluralMessage;
  /** Title with "Keep message history" checked, one named conversation. */
  dialogRemoveTitleSingle: string;
  dialogRemoveTitle: PluralMessage;
  /** D6: scope and irreversibility. */
  dialogBodyClear: PluralMessage;
  /** D7: the reversible removal. */
  dialogBodyKeep: PluralMessage;
  keepHistory: string;
  /** Confirm button when clearing history. */
  dialogConfirmClear: PluralMessage;
  /** Confirm button when keeping history. */
  dialogConfirmKeep: string;
  dialogPending: string;
  /** Confirm button while an "all" selection is still being counted. */
  dialogCounting: string;
  /** D8: the phrase to type before deleting every conversation. */
  deleteAllPhrase: string;
  /** D8: the instruction above the text field: `{phrase}`. */
  dialogTypeToConfirm: string;
  /** D9: `{count}` failed, `{reason}` per code. */
  dialogError: PluralMessage;
  // ---- undo toast (interaction.md E) ----
  toastRemoved: PluralMessage;
  // ---- announcements (role="status"), one per store Announcement kind ----
  announceDeleted: PluralMessage;
  announceRemoved: PluralMessage;
  announceRestored: PluralMessage;
  announceDeleteFailed: PluralMessage;
  announceRemoteDeleted: PluralMessage;
  announceLoadFailed: string;
  /** `{pages}` loaded before giving up. */
  announcePageCap: string;
  /** A pin or mark that failed and was undone: `{name}`, `{reason}`. */
  announceActionFailed: string;
  announceSelected: string;
  announceDeselected: string;
  announceSelectionCount: PluralMessage;
  announceAllSelected: string;
  // ---- a human reason per error code ----
  error2500: string;
  error2503: string;
  error2800: string;
  error2801: string;
  error2802: string;
  error2803: string;
  error2996: string;
  error2999: string;
  error6017: string;
  error10006: string;
  /** Any other code: `{code}`. */
  errorUnknown: string;
}

export type MessageKey = keyof Messages;
/** Keys whose message is plural (takes `count`). */
export type PluralKey = { [K in MessageKey]: Messages[K] extends PluralMessage ? K : never }[MessageKey];
