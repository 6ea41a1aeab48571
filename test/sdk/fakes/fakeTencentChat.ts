/**
 * A faithful fake of the Tencent Cloud Chat **web** SDK instance (`@tencentcloud/chat` 3.6.6), for
 * testing `createTencentChatAdapter` without a network. It reproduces every quirk sdk.md lists,
 * read off the SDK's runtime (`index.es.js`):
 *
 * - `deleteConversation` silently keeps only the first 100 IDs (and, like the SDK, writes the cut
 *   list back into the caller's options object);
 * - per-item failures are dropped: a failed ID is simply missing from `data.conversationIDList`;
 *   the call rejects (code 2500) only when nothing was deleted; IDs not in the device's local list
 *   are never sent to the server;
 * - bad parameters throw synchronously: `Error("Params validate failed.")`;
 * - there is no deleted event: every change emits `onConversationListUpdated` with the full, sorted
 *   local list (the same conversation objects, mutated in place, as the SDK does), synchronously
 *   before the call's promise settles;
 * - `lastMessage.lastTime` is in seconds; the list is sorted by it, pinned first (`_sortConvList`).
 *
 * One {@link FakeTencentServer} holds the user's conversations; each {@link FakeTencentChat} from
 * `server.connect()` is a device with its own local copy and listeners, so "another device"
 * is just another `connect()` (or the server's helpers, which act as one).
 */
import type {
  TencentChatLike,
  TencentDeleteConversationOptions,
  TencentEvent,
  TencentEventHandler,
  TencentMarkConversationOptions,
  TencentPinConversationOptions,
} from '../../../src/sdk/tencent/index.js';
import type { Conversation } from '../../../src/sdk/types.js';

// ---------------------------------------------------------------------------------------------
// Web SDK shapes
// ---------------------------------------------------------------------------------------------

/** `lastMessage` as the SDK builds it (runtime `pn()`). */
export interface WebLastMessage {
  lastTime: number;
  lastSequence: number;
  fromAccount: string;
  messageForShow: string;
  payload: Record<string, unknown> | null;
  type: string;
  isRevoked: boolean;
  cloudCustomData: string;
  nick: string;
  nameCard: string;
  version: number;
  isPeerRead: boolean;
  revoker: string | null;
}

/** A web SDK `Conversation` (index.d.ts). */
export interface WebConversation {
  conversationID: string;
  type: string;
  unreadCount: number;
  lastMessage: WebLastMessage;
  groupProfile?: { groupID: string; name: string; avatar: string; type: string };
  userProfile?: { userID: string; nick: string; avatar: string };
  groupAtInfoList: unknown[];
  remark: string;
  isPinned: boolean;
  messageRemindType: string;
  markList: number[];
  customData: string;
  conversationGroupList: string[];
  draftText: string;
}

export const EVENT = {
  CONVERSATION_LIST_UPDATED: 'onConversationListUpdated',
  TOTAL_UNREAD_MESSAGE_COUNT_UPDATED: 'onTotalUnreadMessageCountUpdated',
} as const;

/** The SDK's error class (`ni`): an `Error` with `{ code, message, data }`. */
export class FakeSdkError extends Error {
  readonly code: number;
  readonly data: unknown;
  constructor(code: number, message = `Error ${code}`, data?: unknown) {
    super(message);
    this.code = code;
    this.data = data;
  }
}

const CONV_NOT_FOUND = 2500;
const INVALID_CONV_ID = 2503;

/** The SDK's message for a conversation it cannot find. */
const NOT_FOUND_MESSAGE = 'Conversation not found';

/** The SDK's empty `lastMessage` for a conversation without messages. */
export function emptyLastMessage(): WebLastMessage {
  return {
    lastTime: 0,
    lastSequence: 0,
    fromAccount: '',
    messageForShow: '',
    payload: null,
    type: '',
    isRevoked: false,
    cloudCustomData: '',
    nick: '',
    nameCard: '',
    version: 0,
    isPeerRead: false,
    revoker: null,
  };
}

/** A web last message; `type` is a `TencentCloudChat.TYPES.MSG_*` value. */
export function webMessage(type: string, init: Partial<WebLastMessage> = {}): WebLastMessage {
  return { ...emptyLastMessage(), type, lastTime: 1_700_000_000, lastSequence: 1, ...init };
}

/** A text last message. */
export function webText(text: string, init: Partial<WebLastMessage> = {}): WebLastMessage {
  return webMessage('TIMTextElem', { payload: { text }, messageForShow: text, ...init });
}

/**
 * A web conversation for `C2C<userID>` or `GROUP<groupID>` with SDK defaults: empty profiles,
 * no message. `init` overrides anything (including with partial or broken data, to test defence).
 */
export function webConversation(conversationID: string, init: Partial<WebConversation> = {}): WebConversation {
  const isGroup = conversationID.startsWith('GROUP');
  const base: WebConversation = {
    conversationID,
    type: isGroup ? 'GROUP' : conversationID.startsWith('C2C') ? 'C2C' : conversationID,
    unreadCount: 0,
    lastMessage: emptyLastMessage(),
    groupAtInfoList: [],
    remark: '',
    isPinned: false,
    messageRemindType: '',
    markList: [],
    customData: '',
    conversationGroupList: [],
    draftText: '',
  };
  if (isGroup) base.groupProfile = { groupID: conversationID.slice(5), name: '', avatar: '', type: 'Work' };
  else if (conversationID.startsWith('C2C')) base.userProfile = { userID: conversationID.slice(3), nick: '', avatar: '' };
  return { ...base, ...init };
}

function clone(c: WebConversation): WebConversation {
  return structuredClone(c);
}

/** The SDK's `_isValidConvID`. */
function isValidConvID(id: unknown): boolean {
  return typeof id === 'string' && (id.startsWith('C2C') || id.startsWith('GROUP') || id === '@TIM#SYSTEM');
}

/** The SDK's `_sortConvList`: pinned by lastTime desc, pinned without time, then the same unpinned. */
function sortWeb(list: WebConversation[]): WebConversation[] {
  const rank = (c: WebConversation) => (c.isPinned ? 0 : 2) + (c.lastMessage?.lastTime ? 0 : 1);
  // Array.prototype.sort is stable, so equal times keep insertion order, as in the SDK's Map.
  return [...list].sort((a, b) => rank(a) - rank(b) || (b.lastMessage?.lastTime ?? 0) - (a.lastMessage?.lastTime ?? 0));
}

function paramsValidateFailed(): Error {
  // Exactly what the SDK throws (`_errorLog`): a plain Error, no code.
  return new Error('Params validate failed.');
}

// ---------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------

export type FakeOperation = 'deleteConversation' | 'pinConversation' | 'markConversation' | 'getConversationList';

/**
 * Fault injection, as the memory server's: called once per call without an ID (a number rejects
 * the whole call with that code), then once per conversation ID for per-item operations (a number
 * fails that item on the server — which the web SDK then silently drops from its answer).
 */
export type FakeFaultInjector = (operation: FakeOperation, conversationID?: string) => number | undefined;

export interface FakeTencentServerOptions {
  conversations?: WebConversation[];
  /** Server round trips (delete, pin, mark) settle after this many ms. @default 0 */
  latencyMs?: number;
  /** A deletion reaches the user's other devices. @default true */
  multiDeviceSync?: boolean;
  injectFault?: FakeFaultInjector;
}

export interface FakeServerCall {
  device: number;
  method: FakeOperation;
  /** A deep copy of the options as received (before the SDK cut them to 100). */
  options: unknown;
}

export interface FakeHistory {
  messageCount: number;
}

export class FakeTencentServer {
  private readonly truth = new Map<string, WebConversation>();
  private readonly histories = new Map<string, FakeHistory>();
  private readonly devices: FakeTencentChat[] = [];
  latencyMs: number;
  multiDeviceSync: boolean;
  injectFault: FakeFaultInjector | undefined;
  readonly calls: FakeServerCall[] = [];
  private clock = 1_700_000_000;

  constructor(options: FakeTencentServerOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.multiDeviceSync = options.multiDeviceSync ?? true;
    this.injectFault = options.injectFault;
    for (const c of options.conversations ?? []) this.put(c);
  }

  private put(c: WebConversation): void {
    this.truth.set(c.conversationID, clone(c));
    if (!this.histories.has(c.conversationID)) {
      this.histories.set(c.conversationID, { messageCount: c.lastMessage?.lastTime ? Math.max(1, c.unreadCount) : 0 });
    }
    if (c.lastMessage?.lastTime) this.clock = Math.max(this.clock, c.lastMessage.lastTime);
  }

  /** A new device of the same user; `syncedCount` < total starts it mid-sync (`isSyncCompleted: false`). */
  connect(options: { syncedCount?: number } = {}): FakeTencentChat {
    const device = new FakeTencentChat(this, this.devices.length + 1, this.list(), options.syncedCount);
    this.devices.push(device);
    return device;
  }

  /** The server's truth in SDK order (copies). */
  list(): WebConversation[] {
    return sortWeb([...this.truth.values()]).map(clone);
  }

  has(conversationID: string): boolean {
    return this.truth.has(conversationID);
  }

  /** Message history the server holds; `undefined` once deleted with `clearHistoryMessage`. */
  history(conversationID: string): FakeHistory | undefined {
    const h = this.histories.get(conversationID);
    return h && { ...h };
  }

  /** @internal faults for one call / one item. */
  fault(operation: FakeOperation, conversationID?: string): number {
    const code = this.injectFault?.(operation, conversationID);
    return typeof code === 'number' && code !== 0 ? code : 0;
  }

  /** @internal a server round trip. */
  roundTrip<T>(run: () => T): Promise<T> {
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        try {
          resolve(run());
        } catch (error) {
          reject(error);
        }
      }, this.latencyMs);
    });
  }

  /** @internal applies a deletion from `origin` and syncs devices. Returns the IDs deleted. */
  applyDelete(origin: FakeTencentChat | undefined, ids: string[], clearHistory: boolean): void {
    for (const id of ids) {
      this.truth.delete(id);
      if (clearHistory) this.histories.delete(id);
    }
    for (const device of this.devices) {
      if (device === origin || this.multiDeviceSync) device.syncFromServer();
    }
  }

  /** @internal changes one conversation (pin, mark) and syncs every device. */
  applyChange(conversationID: string, change: (c: WebConversation) => void): void {
    const c = this.truth.get(conversationID);
    if (!c) return;
    change(c);
    for (const device of this.devices) device.syncFromServer();
  }

  // --- "another device" / the outside world --------------------------------------------------

  /**
   * Another device of the user deletes conversations: the server drops them and, with
   * multi-device sync on, every connected device hears only a new full list (no deleted event).
   */
  deleteFromOtherDevice(conversationIDs: string[], clearHistory = true): void {
    this.applyDelete(undefined, conversationIDs.filter((id) => this.truth.has(id)), clearHistory);
  }

  /** Something changed a conversation elsewhere (a remark, a profile, a pin on another device). */
  updateConversation(conversationID: string, patch: Partial<WebConversation>): void {
    this.applyChange(conversationID, (c) => Object.assign(c, structuredClone(patch)));
  }

  /**
   * Stores `conversation` (new, or replacing the one with its ID) as the server's truth and syncs
   * every device, as a message or a profile change would. Counts one more message in history.
   */
  upsertConversation(conversation: WebConversation): void {
    const h = this.histories.get(conversation.conversationID) ?? { messageCount: 0 };
    this.truth.set(conversation.conversationID, clone(conversation));
    this.histories.set(conversation.conversationID, { messageCount: h.messageCount + 1 });
    if (conversation.lastMessage?.lastTime) this.clock = Math.max(this.clock, conversation.lastMessage.lastTime);
    for (const device of this.devices) device.syncFromServer();
  }

  /** Replaces every conversation and all history, without events (test setup). */
  reset(conversations: WebConversation[]): void {
    this.truth.clear();
    this.histories.clear();
    for (const c of conversations) this.put(c);
    for (const device of this.devices) device.resetFromServer();
  }

  /**
   * A message arrives: the conversation (created from `init` if new, or brought back if deleted)
   * gets it as `lastMessage` with a fresh `lastTime`, one more unread message, and every device
   * hears the new full list (and the total unread count).
   */
  deliverMessage(conversationID: string, message: Partial<WebLastMessage> = {}, init: Partial<WebConversation> = {}): void {
    this.clock += 1;
    const existing = this.truth.get(conversationID);
    const c = existing ?? webConversation(conversationID, init);
    c.lastMessage = webText('hello', { lastTime: this.clock, lastSequence: (existing?.lastMessage.lastSequence ?? 0) + 1, ...message });
    c.unreadCount = (existing?.unreadCount ?? 0) + 1;
    this.truth.set(conversationID, c);
    const h = this.histories.get(conversationID) ?? { messageCount: 0 };
    this.histories.set(conversationID, { messageCount: h.messageCount + 1 });
    for (const device of this.devices) device.syncFromServer();
  }
}

// ---------------------------------------------------------------------------------------------
// Device (the SDK instance)
// ---------------------------------------------------------------------------------------------

export class FakeTencentChat implements TencentChatLike {
  /** The device's local conversation objects, mutated in place like the SDK's `_convMap`. */
  private readonly local = new Map<string, WebConversation>();
  private readonly handlers = new Map<string, Set<TencentEventHandler>>();
  private synced: boolean;
  private lastTotal: number;

  constructor(
    readonly server: FakeTencentServer,
    readonly deviceID: number,
    initial: WebConversation[],
    syncedCount?: number,
  ) {
    const visible = syncedCount === undefined ? initial : initial.slice(0, syncedCount);
    for (const c of visible) this.local.set(c.conversationID, c);
    this.synced = visible.length === initial.length;
    this.lastTotal = this.totalUnread();
  }

  // --- the SDK API the adapter uses -----------------------------------------------------------

  getConversationList(options?: string[]): Promise<unknown> {
    this.server.calls.push({ device: this.deviceID, method: 'getConversationList', options: structuredClone(options) });
    const code = this.server.fault('getConversationList');
    if (code) return Promise.reject(new FakeSdkError(code));
    // A local read: computed now, settled in a microtask (the SDK's `ci()`).
    let list = this.localList();
    if (Array.isArray(options)) list = list.filter((c) => options.includes(c.conversationID));
    return Promise.resolve({ code: 0, data: { conversationList: list, isSyncCompleted: this.synced } });
  }

  deleteConversation(options: string | TencentDeleteConversationOptions): Promise<unknown> {
    this.server.calls.push({ device: this.deviceID, method: 'deleteConversation', options: structuredClone(options) });
    // Synchronous validation, as the SDK's `deleteConversation` (throws, does not reject).
    let single = false;
    if (typeof options === 'string') {
      if (!isValidConvID(options)) throw paramsValidateFailed();
      single = true;
      options = { conversationIDList: [options] };
    } else {
      if (!options || typeof options !== 'object' || !Array.isArray(options.conversationIDList)) throw paramsValidateFailed();
      if (options.conversationIDList.length === 0) throw paramsValidateFailed();
      if (!options.conversationIDList.every(isValidConvID)) throw paramsValidateFailed();
      if ('clearHistoryMessage' in options && typeof options.clearHistoryMessage !== 'boolean') throw paramsValidateFailed();
      // The silent cut, written back into the caller's object exactly like the SDK does.
      if (options.conversationIDList.length > 100) options.conversationIDList = options.conversationIDList.slice(0, 100);
    }
    const ids = [...options.conversationIDList];
    const clear = options.clearHistoryMessage ?? true;
    return this.server.roundTrip(() => {
      const code = this.server.fault('deleteConversation');
      if (code) throw new FakeSdkError(code);
      // Only IDs in the local list are sent (`rmLocalAndRemoteConvList`); the server answers per
      // item, and the SDK keeps only the successes.
      const deleted: string[] = [];
      for (const id of ids) {
        if (!this.local.has(id)) continue;
        if (this.server.fault('deleteConversation', id)) continue;
        if (!deleted.includes(id)) deleted.push(id);
      }
      if (deleted.length === 0) throw new FakeSdkError(CONV_NOT_FOUND, NOT_FOUND_MESSAGE);
      this.server.applyDelete(this, deleted, clear);
      // A conversation already gone from the server but still local also leaves the local list.
      for (const id of deleted) this.local.delete(id);
      return single ? { code: 0, data: { conversationID: deleted[0] } } : { code: 0, data: { conversationIDList: deleted } };
    });
  }

  pinConversation(options: TencentPinConversationOptions): Promise<unknown> {
    this.server.calls.push({ device: this.deviceID, method: 'pinConversation', options: structuredClone(options) });
    const { conversationID, isPinned } = options ?? ({} as TencentPinConversationOptions);
    if (typeof conversationID !== 'string' || typeof isPinned !== 'boolean') throw paramsValidateFailed();
    const local = this.local.get(conversationID);
    if (local && local.isPinned === isPinned) return Promise.resolve({ code: 0, data: { conversationID } });
    if (!conversationID.startsWith('C2C') && !conversationID.startsWith('GROUP')) {
      return Promise.reject(new FakeSdkError(INVALID_CONV_ID, 'Invalid conversation ID'));
    }
    return this.server.roundTrip(() => {
      const code = this.server.fault('pinConversation');
      if (code) throw new FakeSdkError(code);
      if (!this.server.has(conversationID)) throw new FakeSdkError(CONV_NOT_FOUND, NOT_FOUND_MESSAGE);
      this.server.applyChange(conversationID, (c) => {
        c.isPinned = isPinned;
      });
      return { code: 0, data: { conversationID } };
    });
  }

  markConversation(options: TencentMarkConversationOptions): Promise<unknown> {
    this.server.calls.push({ device: this.deviceID, method: 'markConversation', options: structuredClone(options) });
    const { conversationIDList, markType, enableMark } = options ?? ({} as TencentMarkConversationOptions);
    if (!Array.isArray(conversationIDList) || typeof markType !== 'number' || typeof enableMark !== 'boolean') {
      throw paramsValidateFailed();
    }
    const ids = [...conversationIDList];
    return this.server.roundTrip(() => {
      const code = this.server.fault('markConversation');
      if (code) throw new FakeSdkError(code);
      const successConversationIDList: string[] = [];
      const failureConversationIDList: { conversationID: string; code: number; message: string }[] = [];
      for (const id of ids) {
        if (!this.local.has(id)) {
          failureConversationIDList.push({ conversationID: id, code: CONV_NOT_FOUND, message: NOT_FOUND_MESSAGE });
          continue;
        }
        const itemCode = this.server.fault('markConversation', id);
        if (itemCode) {
          failureConversationIDList.push({ conversationID: id, code: itemCode, message: `Error ${itemCode}` });
          continue;
        }
        successConversationIDList.push(id);
        this.server.applyChange(id, (c) => {
          const has = c.markList.includes(markType);
          if (enableMark && !has) c.markList.push(markType);
          if (!enableMark && has) c.markList = c.markList.filter((m) => m !== markType);
        });
      }
      return { code: 0, data: { successConversationIDList, failureConversationIDList } };
    });
  }

  on(eventName: string, handler: TencentEventHandler): void {
    let set = this.handlers.get(eventName);
    if (!set) this.handlers.set(eventName, (set = new Set()));
    set.add(handler);
  }

  off(eventName: string, handler: TencentEventHandler): void {
    this.handlers.get(eventName)?.delete(handler);
  }

  // --- test helpers ---------------------------------------------------------------------------

  /** Handlers registered for one event, or for all events. */
  listenerCount(eventName?: string): number {
    if (eventName) return this.handlers.get(eventName)?.size ?? 0;
    let n = 0;
    for (const set of this.handlers.values()) n += set.size;
    return n;
  }

  /** The device's local IDs in SDK order. */
  localIDs(): string[] {
    return this.localList().map((c) => c.conversationID);
  }

  /** Finishes a mid-sync start: the rest of the server's list arrives in one full-list event. */
  completeSync(): void {
    this.synced = true;
    this.syncFromServer();
  }

  /** @internal replaces the local list with the server's, silently (test setup). */
  resetFromServer(): void {
    this.local.clear();
    for (const c of this.server.list()) this.local.set(c.conversationID, c);
    this.synced = true;
    this.lastTotal = this.totalUnread();
  }

  /** @internal brings the local list in line with the server and emits the full list. */
  syncFromServer(): void {
    const truth = this.server.list();
    const ids = new Set(truth.map((c) => c.conversationID));
    let changed = false;
    for (const id of [...this.local.keys()]) {
      if (!ids.has(id)) {
        this.local.delete(id);
        changed = true;
      }
    }
    for (const c of truth) {
      const mine = this.local.get(c.conversationID);
      if (!mine) {
        if (!this.synced) continue; // still syncing: the rest arrives with completeSync()
        this.local.set(c.conversationID, c);
        changed = true;
      } else if (JSON.stringify(mine) !== JSON.stringify(c)) {
        // In place, as the SDK updates its conversation objects.
        for (const key of Object.keys(mine)) delete (mine as unknown as Record<string, unknown>)[key];
        Object.assign(mine, c);
        changed = true;
      }
    }
    if (changed) this.emitListUpdated();
  }

  private localList(): WebConversation[] {
    return sortWeb([...this.local.values()]);
  }

  private totalUnread(): number {
    let n = 0;
    for (const c of this.local.values()) n += c.unreadCount;
    return n;
  }

  private emit(eventName: string, data: unknown): void {
    const event: TencentEvent = { name: eventName, data };
    for (const handler of [...(this.handlers.get(eventName) ?? [])]) handler(event);
  }

  private emitListUpdated(): void {
    this.emit(EVENT.CONVERSATION_LIST_UPDATED, this.localList());
    const total = this.totalUnread();
    if (total !== this.lastTotal) {
      this.lastTotal = total;
      this.emit(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, total);
    }
  }
}

/** One server, one device: `createFakeTencentChat({ conversations })`; `chat.server` for more. */
export function createFakeTencentChat(options: FakeTencentServerOptions = {}): FakeTencentChat {
  return new FakeTencentServer(options).connect();
}

/**
 * The web-SDK shape of a kit `Conversation`, for seeding the fake from kit fixtures
 * (`generateConversations`). Lossy exactly where the web SDK is: `lastTime` is whole seconds, and
 * a conversation without a last message has no time to sort by.
 */
export function toWebConversation(c: Conversation): WebConversation {
  const isGroup = c.type === 'group';
  const bare = isGroup ? (c.groupID ?? c.conversationID.replace(/^GROUP/, '')) : (c.userID ?? c.conversationID.replace(/^C2C/, ''));
  const web = webConversation(c.conversationID, {
    type: isGroup ? 'GROUP' : 'C2C',
    unreadCount: c.unreadCount,
    isPinned: c.isPinned,
    draftText: c.draftText ?? '',
    markList: [...(c.markList ?? [])],
    groupAtInfoList: c.hasAtMention ? [{ messageSequence: 1, atTypeArray: [1] }] : [],
  });
  if (isGroup) web.groupProfile = { groupID: bare, name: c.showName, avatar: c.faceUrl ?? '', type: 'Work' };
  else web.userProfile = { userID: bare, nick: c.showName, avatar: c.faceUrl ?? '' };
  if (c.lastMessage) {
    web.lastMessage = webText(c.lastMessage.text, {
      lastTime: Math.floor(c.lastMessage.timestamp / 1000),
      fromAccount: isGroup ? (c.lastMessage.senderName ?? '') : bare,
      nick: c.lastMessage.senderName ?? '',
    });
  }
  return web;
}
