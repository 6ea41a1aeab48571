/**
 * The slice of the Tencent Cloud Chat web SDK (`@tencentcloud/chat` 3.x) the adapter touches,
 * written structurally so that (a) an app passes its real `TencentCloudChat.create(...)` instance,
 * (b) a test passes a fake, and (c) nothing here imports `@tencentcloud/chat`: it is an optional
 * peer, and a `.d.ts` that referenced it would break type-checking for apps without it.
 * `test/sdk/tencent.types.test.ts` proves the real `ChatSDK` type is assignable to
 * `TencentChatLike`.
 *
 * Shapes are read off `@tencentcloud/chat@3.6.6` `index.d.ts` and its runtime (`index.es.js`);
 * every field is optional because the adapter must not crash on a partial or older SDK object.
 */

/** The SDK's event object: handlers receive `{ name, data }`. */
export interface TencentEvent<T = unknown> {
  name?: string;
  data?: T;
}

/** Handler shape the adapter registers with `chat.on` / `chat.off`. */
export type TencentEventHandler = (event: TencentEvent) => void;

/** `deleteConversation`'s object form (`DELETE_CONVERSATION_OPTIONS`). */
export interface TencentDeleteConversationOptions {
  conversationIDList: string[];
  /** SDK default `true`: also clears local and cloud history. */
  clearHistoryMessage?: boolean;
}

/** `pinConversation`'s options (`PIN_CONVERSATION_OPTIONS`). */
export interface TencentPinConversationOptions {
  conversationID: string;
  isPinned: boolean;
}

/** `markConversation`'s options (`MARK_CONVERSATION_OPTIONS`). */
export interface TencentMarkConversationOptions {
  conversationIDList: string[];
  markType: number;
  enableMark: boolean;
}

/**
 * The minimal structural subset of the web SDK instance (`ChatSDK`) the adapter uses.
 * Method syntax on purpose: the SDK declares `Promise<any>` results and `Function` handlers, and
 * method parameters are checked bivariantly, so the real instance fits without casts.
 */
export interface TencentChatLike {
  /** Called without options: "all conversations". Resolves `{ code, data: { conversationList, isSyncCompleted } }`. */
  getConversationList(): Promise<unknown>;
  /**
   * Resolves `{ code: 0, data: { conversationIDList } }` with only the IDs that succeeded; rejects
   * with code 2500 when nothing was deleted; throws synchronously on bad parameters; silently
   * keeps only the first 100 IDs. The adapter hides all of that.
   */
  deleteConversation(options: TencentDeleteConversationOptions): Promise<unknown>;
  on(eventName: string, handler: TencentEventHandler, context?: unknown): void;
  off(eventName: string, handler: TencentEventHandler, context?: unknown): void;
  /** Optional so that a minimal fake may leave it out; the adapter then lacks `pinConversation`. */
  pinConversation?(options: TencentPinConversationOptions): Promise<unknown>;
  /** Flagship edition only on the real SDK; resolves `{ data: { successConversationIDList, failureConversationIDList } }`. */
  markConversation?(options: TencentMarkConversationOptions): Promise<unknown>;
}

/** `Conversation.lastMessage` as the web SDK builds it (runtime `pn()`; typed `any` in the typings). */
export interface TencentLastMessageLike {
  /** Seconds since the epoch; `0` or `''` when the conversation has no message. */
  lastTime?: number | string;
  /** Per-conversation sequence: not comparable across conversations, so not used for order. */
  lastSequence?: number | string;
  fromAccount?: string;
  /** The SDK's own preview text (localised Chinese/English by the SDK, not by the kit). */
  messageForShow?: string;
  /** A `TencentCloudChat.TYPES.MSG_*` value such as `'TIMTextElem'`. */
  type?: string | null;
  payload?: Record<string, unknown> | null;
  isRevoked?: boolean;
  /** Deprecated userID string on older SDKs; `{ userID, nick }` on some builds. */
  revoker?: string | { userID?: string; nick?: string } | null;
  revokerInfo?: { userID?: string; nick?: string } | null;
  nick?: string;
  nameCard?: string;
}

/** A web SDK `Conversation` (index.d.ts), every field optional for defensiveness. */
export interface TencentConversationLike {
  /** `C2C<userID>`, `GROUP<groupID>` or `@TIM#SYSTEM`. */
  conversationID?: string;
  /** `TencentCloudChat.TYPES.CONV_*`: `'C2C'`, `'GROUP'`, `'TOPIC'`, `'@TIM#SYSTEM'`. */
  type?: string;
  unreadCount?: number;
  lastMessage?: TencentLastMessageLike | null;
  groupProfile?: { groupID?: string; name?: string; avatar?: string } | null;
  userProfile?: { userID?: string; nick?: string; avatar?: string } | null;
  groupAtInfoList?: unknown[] | null;
  remark?: string;
  isPinned?: boolean;
  messageRemindType?: string;
  markList?: number[] | null;
  customData?: string;
  conversationGroupList?: string[];
  draftText?: string;
}

/**
 * Preview texts for non-text last messages. English defaults; pass your own for another locale
 * (the SDK's own `messageForShow` is used only for unknown types, because its language is fixed
 * by the SDK build, not by the kit's `locale`).
 */
export interface LastMessageLabels {
  image: string;
  /** Followed by a space and the file name when known. */
  file: string;
  voice: string;
  video: string;
  /** Used when a custom message carries no `description`. */
  custom: string;
  face: string;
  /** Followed by a space and the location's description when known. */
  location: string;
  merger: string;
  groupTip: string;
  groupSystemNotice: string;
  /** `who` is the sender's display name, or `'You'`-style text from `you`. */
  recalled: (who: string) => string;
  /** The current user, as the subject of `recalled` in one-to-one chats. */
  you: string;
  /** The peer, as the subject of `recalled` when no name is known. */
  someone: string;
}

/** Options of {@link createTencentChatAdapter}. */
export interface TencentChatAdapterOptions {
  /** Override some or all preview texts (e.g. Chinese labels). @default English labels */
  labels?: Partial<LastMessageLabels>;
  /**
   * Full control over the preview text. Return `undefined` to fall back to the built-in text.
   * @default undefined
   */
  formatLastMessage?: (
    lastMessage: TencentLastMessageLike,
    conversation: TencentConversationLike,
  ) => string | undefined;
}
