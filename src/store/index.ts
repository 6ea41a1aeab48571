// The conversation store (no React): state, actions, selectors, deletion engine.
export { createConversationStore } from './createConversationStore.js';
export {
  countAllSelectedLoaded,
  isSelected,
  selectHasNextPage,
  selectLoadedSelectedCount,
  selectRunningJob,
  selectSelectedCount,
  selectSelectedIDs,
  selectVisibleCount,
} from './selectors.js';
export { PersistentMap } from './pmap.js';
export type {
  Announcement,
  AnnouncementInput,
  ClearHistory,
  ConversationStore,
  ConversationStoreActions,
  ConversationStoreOptions,
  ConversationStoreState,
  DeletionJob,
  FailedItem,
  PagingState,
  PendingConfirmation,
  PendingUndo,
  Selection,
  SelectionMode,
} from './types.js';
