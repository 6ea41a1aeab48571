/**
 * The Tencent Cloud Chat web SDK adapter. `@tencentcloud/chat` is an optional peer dependency:
 * nothing under this folder imports it at runtime or in its types.
 */
export { createTencentChatAdapter } from './adapter.js';
export { DEFAULT_LAST_MESSAGE_LABELS, mapTencentConversation } from './mapping.js';
export type {
  LastMessageLabels,
  TencentChatAdapterOptions,
  TencentChatLike,
  TencentConversationLike,
  TencentDeleteConversationOptions,
  TencentEvent,
  TencentEventHandler,
  TencentLastMessageLike,
  TencentMarkConversationOptions,
  TencentPinConversationOptions,
} from './types.js';
