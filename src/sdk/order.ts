/** List order (sdk.md): pinned first, then `orderKey` descending; ties by ID for stability. */
export function compareConversations(
  a: { isPinned: boolean; orderKey: number; conversationID: string },
  b: { isPinned: boolean; orderKey: number; conversationID: string },
): number {
  if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1;
  if (a.orderKey !== b.orderKey) return b.orderKey - a.orderKey;
  return a.conversationID < b.conversationID ? -1 : a.conversationID > b.conversationID ? 1 : 0;
}
