import type { Conversation } from '../types.js';
import {
  CONV_C2C,
  CONV_GROUP,
  CONV_SYSTEM,
  CONV_TOPIC,
  MSG_AUDIO,
  MSG_CUSTOM,
  MSG_FACE,
  MSG_FILE,
  MSG_GRP_SYS_NOTICE,
  MSG_GRP_TIP,
  MSG_IMAGE,
  MSG_LOCATION,
  MSG_MERGER,
  MSG_TEXT,
  MSG_VIDEO,
} from './constants.js';
import type {
  LastMessageLabels,
  TencentChatAdapterOptions,
  TencentConversationLike,
  TencentLastMessageLike,
} from './types.js';

/** English preview texts, close to the SDK's own `isIntl` strings but shorter. */
export const DEFAULT_LAST_MESSAGE_LABELS: LastMessageLabels = {
  image: '[Image]',
  file: '[File]',
  voice: '[Voice]',
  video: '[Video]',
  custom: '[Custom]',
  face: '[Sticker]',
  location: '[Location]',
  merger: '[Chat History]',
  groupTip: '[Group Notification]',
  groupSystemNotice: '[Group System Message]',
  recalled: (who) => `${who} recalled a message`,
  you: 'You',
  someone: 'Someone',
};

// ---------------------------------------------------------------------------------------------
// Small defensive readers: the SDK object may be partial, older, or (in tests) hand-written.
// ---------------------------------------------------------------------------------------------

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function num(value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Whether a web conversation belongs in the kit's list. `@TIM#SYSTEM` (group system notices) has
 * no peer and no name and is not a chat, so the kit leaves it out; so does anything without an ID.
 */
export function isListedConversation(web: TencentConversationLike): boolean {
  if (!isRecord(web)) return false;
  const id = str(web.conversationID);
  return id !== '' && id !== CONV_SYSTEM && web.type !== CONV_SYSTEM;
}

/** `'group'` for `GROUP…` IDs and topic conversations (`GROUP@TGS#…@TOPIC#…`), else `'c2c'`. */
function kitType(web: TencentConversationLike): 'c2c' | 'group' {
  if (web.type === CONV_GROUP || web.type === CONV_TOPIC) return 'group';
  if (web.type === CONV_C2C) return 'c2c';
  return str(web.conversationID).startsWith(CONV_GROUP) ? 'group' : 'c2c';
}

/** The group member's display name of the last message's sender. */
function senderNameOf(last: TencentLastMessageLike): string {
  return str(last.nameCard) || str(last.nick) || str(last.fromAccount);
}

function revokerName(last: TencentLastMessageLike): string {
  const info = isRecord(last.revokerInfo) ? last.revokerInfo : isRecord(last.revoker) ? last.revoker : undefined;
  if (info) return str(info.nick) || str(info.userID);
  return str(last.revoker);
}

/**
 * The preview text of a last message, per message type (`TencentCloudChat.TYPES.MSG_*`).
 * Unknown types fall back to the SDK's own `messageForShow`.
 */
export function lastMessageText(
  last: TencentLastMessageLike,
  web: TencentConversationLike,
  labels: LastMessageLabels = DEFAULT_LAST_MESSAGE_LABELS,
): string {
  const payload = isRecord(last.payload) ? last.payload : {};
  if (last.isRevoked === true) {
    if (kitType(web) === 'group') {
      return labels.recalled(revokerName(last) || senderNameOf(last) || labels.someone);
    }
    // One-to-one: the only two people are the peer and me. The SDK's lastMessage has no `flow`,
    // so "from the peer" is decided by `fromAccount === peer userID`.
    const peer = str(web.userProfile?.userID) || str(web.conversationID).slice(CONV_C2C.length);
    const from = str(last.fromAccount);
    if (from && from !== peer) return labels.recalled(labels.you);
    return labels.recalled(str(web.remark) || str(web.userProfile?.nick) || peer || labels.someone);
  }
  const withDetail = (label: string, detail: unknown) => (str(detail) ? `${label} ${str(detail)}` : label);
  switch (last.type) {
    case MSG_TEXT:
      return str(payload.text) || str(last.messageForShow);
    case MSG_IMAGE:
      return labels.image;
    case MSG_FILE:
      return withDetail(labels.file, payload.fileName);
    case MSG_AUDIO:
      return labels.voice;
    case MSG_VIDEO:
      return labels.video;
    case MSG_CUSTOM:
      // Apps put a human-readable summary in `description` (e.g. "[Order #42]").
      return str(payload.description) || labels.custom;
    case MSG_FACE:
      return labels.face;
    case MSG_LOCATION:
      return withDetail(labels.location, payload.description);
    case MSG_MERGER:
      return withDetail(labels.merger, payload.title);
    case MSG_GRP_TIP:
      return labels.groupTip;
    case MSG_GRP_SYS_NOTICE:
      return labels.groupSystemNotice;
    default:
      return str(last.messageForShow);
  }
}

/** Resolved options the mapper needs; built once per adapter. */
export interface Mapper {
  (web: TencentConversationLike): Conversation;
}

/**
 * Builds the web-conversation → kit-`Conversation` mapper.
 * - `showName`: remark, then nickname, then group name, then the bare user/group ID (the `C2C` /
 *   `GROUP` prefix is stripped: people recognise `alice`, not `C2Calice`).
 * - `orderKey`: `lastMessage.lastTime` in ms, the key the web SDK sorts its own list by
 *   (`_sortConvList`); `lastSequence` is per conversation and not comparable. No message → 0, which
 *   puts it last in its pinned/unpinned section, as the SDK does.
 * - `lastMessage.timestamp`: `lastTime` seconds → ms; `senderName` only in groups.
 * - `hasAtMention`: `groupAtInfoList` is non-empty.
 */
export function createMapper(options: TencentChatAdapterOptions = {}): Mapper {
  const labels: LastMessageLabels = { ...DEFAULT_LAST_MESSAGE_LABELS, ...options.labels };
  const format = options.formatLastMessage;
  return (input) => {
    const web: TencentConversationLike = isRecord(input) ? input : {};
    const conversationID = str(web.conversationID);
    const type = kitType(web);
    const conversation: Conversation = {
      conversationID,
      type,
      showName: '',
      unreadCount: Math.max(0, Math.trunc(num(web.unreadCount))),
      isPinned: web.isPinned === true,
      orderKey: 0,
    };
    let bareID: string;
    if (type === 'group') {
      bareID = str(web.groupProfile?.groupID) || conversationID.replace(/^GROUP/, '');
      conversation.groupID = bareID;
    } else {
      bareID = str(web.userProfile?.userID) || conversationID.replace(/^C2C/, '');
      conversation.userID = bareID;
    }
    conversation.showName =
      str(web.remark) ||
      str(web.userProfile?.nick) ||
      str(web.groupProfile?.name) ||
      bareID ||
      conversationID;
    const faceUrl = type === 'group' ? str(web.groupProfile?.avatar) : str(web.userProfile?.avatar);
    if (faceUrl) conversation.faceUrl = faceUrl;

    const last = isRecord(web.lastMessage) ? web.lastMessage : undefined;
    const timestamp = last ? Math.max(0, num(last.lastTime)) * 1000 : 0;
    conversation.orderKey = timestamp;
    // The SDK fills an empty lastMessage (lastTime 0, type '') for conversations without messages.
    if (last && (timestamp > 0 || str(last.type) || str(last.messageForShow))) {
      const text = format?.(last, web) ?? lastMessageText(last, web, labels);
      conversation.lastMessage = { text, timestamp };
      if (type === 'group' && last.type !== MSG_GRP_TIP && last.type !== MSG_GRP_SYS_NOTICE) {
        const senderName = senderNameOf(last);
        if (senderName) conversation.lastMessage.senderName = senderName;
      }
    }
    const draftText = str(web.draftText);
    if (draftText) conversation.draftText = draftText;
    if (Array.isArray(web.markList) && web.markList.length > 0) {
      conversation.markList = web.markList.filter((m): m is number => typeof m === 'number');
    }
    if (Array.isArray(web.groupAtInfoList) && web.groupAtInfoList.length > 0) {
      conversation.hasAtMention = true;
    }
    return conversation;
  };
}

/**
 * A cheap change signature: every field the kit renders. Built from the mapped conversation, not
 * the SDK object, because the SDK mutates its conversation objects in place (identity says nothing)
 * and carries fields the kit ignores (a change there must not re-render a row).
 */
export function signatureOf(c: Conversation): string {
  return JSON.stringify([
    c.type,
    c.showName,
    c.faceUrl,
    c.unreadCount,
    c.isPinned,
    c.orderKey,
    c.draftText,
    c.lastMessage?.text,
    c.lastMessage?.timestamp,
    c.lastMessage?.senderName,
    c.markList,
    c.hasAtMention,
    c.userID,
    c.groupID,
  ]);
}

/**
 * Maps one web SDK conversation to the kit's `Conversation`, exactly as the adapter does; handy
 * for apps that render a conversation outside the list (a header, a search result).
 */
export function mapTencentConversation(
  web: TencentConversationLike,
  options?: TencentChatAdapterOptions,
): Conversation {
  return createMapper(options)(web);
}
