export type {
  ChatAdapter,
  Conversation,
  ConversationListener,
  ConversationOperationResult,
  ConversationPage,
} from './sdk/types.js';
export { MAX_IDS_PER_CALL, MARK_TYPE_UNREAD } from './sdk/types.js';
export { ChatError, ErrorCode, RETRIABLE_CODES } from './sdk/errors.js';
