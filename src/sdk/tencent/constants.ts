/**
 * Values of the web SDK's enums, hard-coded because the runtime must never import
 * `@tencentcloud/chat` (an optional peer, never bundled). Each is checked against
 * `@tencentcloud/chat@3.6.6` `index.d.ts` by `test/sdk/tencent.types.test.ts`.
 */

/** `TencentCloudChat.EVENT.CONVERSATION_LIST_UPDATED`: `event.data` is the full, sorted list. */
export const EVENT_CONVERSATION_LIST_UPDATED = 'onConversationListUpdated';
/** `TencentCloudChat.EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED`: `event.data` is a number. */
export const EVENT_TOTAL_UNREAD_MESSAGE_COUNT_UPDATED = 'onTotalUnreadMessageCountUpdated';

/** `TencentCloudChat.TYPES.CONV_*`, also the conversation ID prefixes. */
export const CONV_C2C = 'C2C';
export const CONV_GROUP = 'GROUP';
export const CONV_TOPIC = 'TOPIC';
export const CONV_SYSTEM = '@TIM#SYSTEM';

/** `TencentCloudChat.TYPES.MSG_*`: `lastMessage.type`. */
export const MSG_TEXT = 'TIMTextElem';
export const MSG_IMAGE = 'TIMImageElem';
export const MSG_AUDIO = 'TIMSoundElem';
export const MSG_FILE = 'TIMFileElem';
export const MSG_FACE = 'TIMFaceElem';
export const MSG_VIDEO = 'TIMVideoFileElem';
export const MSG_LOCATION = 'TIMLocationElem';
export const MSG_GRP_TIP = 'TIMGroupTipElem';
export const MSG_GRP_SYS_NOTICE = 'TIMGroupSystemNoticeElem';
export const MSG_CUSTOM = 'TIMCustomElem';
export const MSG_MERGER = 'TIMRelayElem';

/** The SDK's `deleteConversation` rejects with this when nothing was deleted (`CONV_NOT_FOUND`). */
export const SDK_CONVERSATION_NOT_FOUND = 2500;

/**
 * The SDK's own ID check (`_isValidConvID`, runtime): anything else makes `deleteConversation`
 * throw `Error("Params validate failed.")` for the whole call.
 */
export function isValidWebConversationID(id: string): boolean {
  return id.startsWith(CONV_C2C) || id.startsWith(CONV_GROUP) || id === CONV_SYSTEM;
}
