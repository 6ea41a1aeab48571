export { ConversationList } from './ConversationList.js';
export type { ConversationListProps, RowRenderState } from './ConversationList.js';
