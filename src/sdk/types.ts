/**
 * The kit's port: one small interface that mirrors the native V2TIM conversation manager,
 * Promise-based, so Tencent users recognise every name. Every adapter (memory, Tencent web,
 * your own) implements it and passes the contract suite in `convokit/testing`.
 * Source: shared spec sdk.md, "The adapter contract".
 */

/** The kit's own conversation view model, named after `V2TIMConversation`. */
export interface Conversation {
  /** `C2C<userID>` / `GROUP<groupID>` (web) or `c2c_<userID>` / `group_<groupID>` (native). */
  conversationID: string;
  type: 'c2c' | 'group';
  userID?: string;
  groupID?: string;
  /** Display name: remark, then nickname, then group name, then ID. */
  showName: string;
  faceUrl?: string;
  unreadCount: number;
  isPinned: boolean;
  /** List order: pinned first, then `orderKey` descending. */
  orderKey: number;
  draftText?: string;
  lastMessage?: {
    text: string;
    /** Milliseconds since the epoch. */
    timestamp: number;
    senderName?: string;
  };
  markList?: number[];
  /** Set when the current user was @-mentioned in a group (`groupAtInfoList` on the web SDK). */
  hasAtMention?: boolean;
}

/** One result per conversation of a per-item operation. `resultCode 0` is success. */
export interface ConversationOperationResult {
  conversationID: string;
  resultCode: number;
  resultInfo: string;
}

export interface ConversationListener {
  onNewConversation?(conversationList: Conversation[]): void;
  onConversationChanged?(conversationList: Conversation[]): void;
  onConversationDeleted?(conversationIDList: string[]): void;
  onTotalUnreadMessageCountChanged?(totalUnreadCount: number): void;
}

export interface ConversationPage {
  conversationList: Conversation[];
  nextSeq: string;
  isFinished: boolean;
}

export interface ChatAdapter {
  /** Pages in list order. Start with `nextSeq = '0'`. */
  getConversationList(nextSeq: string, count: number): Promise<ConversationPage>;
  /**
   * Deletes at most 100 conversations. `clearMessage: true` also deletes the message history on
   * the device and on the server, irreversibly. Resolves one result per ID; a conversation that is
   * already gone succeeds (deletion is idempotent). Rejects the whole call with a `ChatError` for
   * invalid parameters or transport failures.
   */
  deleteConversationList(
    conversationIDList: string[],
    clearMessage: boolean,
  ): Promise<ConversationOperationResult[]>;
  /** Returns the function that removes the listener. */
  addConversationListener(listener: ConversationListener): () => void;
  // Optional capabilities, used when present.
  pinConversation?(conversationID: string, isPinned: boolean): Promise<void>;
  markConversation?(
    conversationIDList: string[],
    markType: number,
    enableMark: boolean,
  ): Promise<ConversationOperationResult[]>;
}

/** The most IDs one `deleteConversationList` call may carry (SDK limit). */
export const MAX_IDS_PER_CALL = 100;

/** `markType` for "unread" (V2TIM_CONVERSATION_MARK_TYPE_UNREAD). */
export const MARK_TYPE_UNREAD = 0x2;
