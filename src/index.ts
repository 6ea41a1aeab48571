// convokit: the public surface (api.md). Client components: the build puts 'use client' on top.

// ---- React ----
export { ConversationList } from './components/ConversationList/index.js';
export type { ConversationListProps, RowRenderState } from './components/ConversationList/index.js';
export { ConfirmDeleteDialog } from './components/ConfirmDeleteDialog/index.js';
export type { ConfirmDeleteDialogProps } from './components/ConfirmDeleteDialog/index.js';
export { ConversationRow, ConversationRowSkeleton, Avatar, getRowLabel } from './components/ConversationRow/index.js';
export type { ConversationRowProps, AvatarProps } from './components/ConversationRow/index.js';
export { SwipeActions, SWIPE } from './components/SwipeActions/index.js';
export type { SwipeAction, SwipeActionsProps, SwipeSide, FullSwipeMode } from './components/SwipeActions/index.js';
export { SelectionToolbar } from './components/SelectionToolbar/index.js';
export type { SelectionToolbarProps } from './components/SelectionToolbar/index.js';
export { UndoToast } from './components/UndoToast/index.js';
export type { UndoToastProps } from './components/UndoToast/index.js';
export { ActionMenu } from './components/ActionMenu/index.js';
export type { ActionMenuItem, ActionMenuProps } from './components/ActionMenu/index.js';
export {
  ConversationStoreProvider,
  useConversationStore,
  useConversationStoreApi,
} from './hooks/ConversationStoreProvider.js';
export type { ConversationStoreProviderProps } from './hooks/ConversationStoreProvider.js';

// ---- theme and i18n ----
export { lightTheme, darkTheme, themeToStyle } from './theme/index.js';
export type { ThemeTokens } from './theme/index.js';
export { en, zhCN, createTranslator } from './i18n/index.js';
export type { Messages, PluralMessage, Translator } from './i18n/index.js';

// ---- store (no React) ----
export { createConversationStore, isSelected, selectSelectedCount } from './store/index.js';
export type {
  Announcement,
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
} from './store/index.js';

// ---- data layer (no React) ----
export type {
  ChatAdapter,
  Conversation,
  ConversationListener,
  ConversationOperationResult,
  ConversationPage,
} from './sdk/types.js';
export { MAX_IDS_PER_CALL, MARK_TYPE_UNREAD } from './sdk/types.js';
export { ChatError, ErrorCode, RETRIABLE_CODES, toChatError } from './sdk/errors.js';
export { compareConversations } from './sdk/order.js';
export { createMemoryAdapter, createMemoryChatServer, describeCode } from './sdk/memory/index.js';
export type {
  FaultInjector,
  IncomingMessage,
  MemoryChatAdapter,
  MemoryChatServer,
  MemoryChatServerOptions,
  MemoryHistory,
  MemoryOperation,
  MemoryServerCall,
} from './sdk/memory/index.js';
export { generateConversations } from './sdk/generate.js';
export type { GenerateConversationsOptions } from './sdk/generate.js';
export { createTencentChatAdapter, mapTencentConversation, DEFAULT_LAST_MESSAGE_LABELS } from './sdk/tencent/index.js';
export type {
  LastMessageLabels,
  TencentChatAdapterOptions,
  TencentChatLike,
  TencentConversationLike,
} from './sdk/tencent/index.js';
