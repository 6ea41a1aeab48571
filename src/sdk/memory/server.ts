import { ChatError, ErrorCode } from '../errors.js';
import type {
  ChatAdapter,
  Conversation,
  ConversationListener,
  ConversationOperationResult,
  ConversationPage,
} from '../types.js';
import { describeCode } from './codes.js';
import { SortedList, type SortKey } from './sorted.js';
import {
  invalidParameters,
  validateBoolean,
  validateConversationID,
  validateConversationIDList,
  validateCount,
  validateMarkType,
} from './validate.js';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/** The adapter operations the server serves; the names fault injectors and the call log use. */
export type MemoryOperation =
  | 'getConversationList'
  | 'deleteConversationList'
  | 'pinConversation'
  | 'markConversation';

/**
 * Decides whether an operation fails. Called once per adapter call without an ID: a (non-zero)
 * number rejects the whole call with a `ChatError { code, message }`. Then, for per-item
 * operations (`deleteConversationList`, `markConversation`), once per conversation ID: a number
 * fails just that item with that `resultCode`, and the item is not applied. `undefined` (or 0)
 * means no fault.
 */
export type FaultInjector = (operation: MemoryOperation, conversationID?: string) => number | undefined;

export interface MemoryChatServerOptions {
  /**
   * The conversations the server starts with. The array is copied; the objects are kept as they
   * are (for fast start-up with 100k conversations), so do not mutate them afterwards.
   */
  conversations?: Conversation[];
  /** Every adapter call settles after this delay (ms); 0 still settles asynchronously. @default 0 */
  latencyMs?: number;
  /**
   * A deletion reaches the user's other devices as `onConversationDeleted` (the console's
   * "multi-device sync of deletion" switch). @default true
   */
  multiDeviceSync?: boolean;
  /** Fault injection; see {@link FaultInjector}. @default no faults */
  injectFault?: FaultInjector;
}

/** One entry of the server's call log. */
export interface MemoryServerCall {
  /** The calling device: 1 for the first `connect()`, 2 for the second, and so on. */
  readonly device: number;
  readonly operation: MemoryOperation;
  /** The IDs as the call carried them (even when invalid), for per-item operations and pin. */
  readonly ids?: readonly unknown[];
  /** `deleteConversationList`'s second argument, as sent. */
  readonly clearMessage?: unknown;
  /** `Date.now()` when the call was made. */
  readonly at: number;
}

/** What the server keeps of one conversation's messages. */
export interface MemoryHistory {
  /** Messages the server holds for the conversation. */
  messageCount: number;
  lastMessage?: Conversation['lastMessage'];
}

/** A message for {@link MemoryChatServer.receiveMessage}. */
export interface IncomingMessage {
  text: string;
  senderName?: string;
  /** @default Date.now() */
  timestamp?: number;
}

/** A device of the in-memory server: a {@link ChatAdapter} with every optional capability. */
export interface MemoryChatAdapter extends ChatAdapter {
  /** 1 for the server's first device, 2 for the second... (as in {@link MemoryServerCall.device}). */
  readonly deviceID: number;
  /** The server this device talks to, e.g. for Storybook controls (`adapter.server.setLatency`). */
  readonly server: MemoryChatServer;
  pinConversation(conversationID: string, isPinned: boolean): Promise<void>;
  markConversation(
    conversationIDList: string[],
    markType: number,
    enableMark: boolean,
  ): Promise<ConversationOperationResult[]>;
}

/**
 * An in-memory chat server with any number of devices of one user. It behaves like the real
 * service: it keeps message history, pages in list order, validates like the SDK, deletes
 * idempotently and syncs deletions across devices.
 */
export interface MemoryChatServer {
  /** Another device of the same user. Each device has its own listeners. */
  connect(): MemoryChatAdapter;
  /** The server's truth, in list order (copies). */
  getConversations(): Conversation[];
  /** One conversation on the list (a copy), or `undefined` when it is not on the list. */
  getConversation(conversationID: string): Conversation | undefined;
  /**
   * As if a message arrived or the conversation changed: every device hears `onNewConversation`
   * (it was not on the list) or `onConversationChanged`. A `lastMessage` that differs from the
   * stored one counts as one new message in the history; a conversation that was removed comes
   * back with its kept history, or with only this message when its history was cleared.
   * Throws a `ChatError` (INVALID_PARAMETERS) for a malformed conversation.
   */
  upsertConversation(conversation: Conversation): void;
  /**
   * Convenience over {@link upsertConversation}: a message arrives in `conversationID`. The
   * conversation (listed, removed, or new and built from its ID plus `init`) moves to the top with
   * one more unread message. Returns the stored conversation (a copy).
   */
  receiveMessage(
    conversationID: string,
    message: IncomingMessage,
    init?: Partial<Omit<Conversation, 'conversationID'>>,
  ): Conversation;
  /**
   * The messages the server holds for a conversation, listed or removed-with-history-kept.
   * `undefined` when the server holds nothing: never known, or deleted with `clearMessage: true`.
   */
  getHistory(conversationID: string): MemoryHistory | undefined;
  /** The sum of `unreadCount` over the list, as `onTotalUnreadMessageCountChanged` reports it. */
  getTotalUnreadCount(): number;
  /** Replaces every conversation and all history, without events (test and story setup). */
  reset(conversations?: Conversation[]): void;
  /** Changes the latency of calls made from now on (Storybook controls change it live). */
  setLatency(ms: number): void;
  /** Replaces (or with `undefined` removes) the fault injector, for calls settling from now on. */
  setFaultInjector(injector: FaultInjector | undefined): void;
  /** Turns multi-device sync of deletions on or off. */
  setMultiDeviceSync(enabled: boolean): void;
  /** Every adapter call made so far, in call order (including invalid ones). */
  readonly calls: readonly MemoryServerCall[];
  /** Empties {@link calls}. */
  clearCalls(): void;
  /** Live listeners across all devices; 0 after every component unmounted proves no leak. */
  listenerCount(): number;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type StoredConversation = Conversation & SortKey;

function cloneConversation(c: Conversation): Conversation {
  const copy: Conversation = { ...c };
  if (c.lastMessage) copy.lastMessage = { ...c.lastMessage };
  if (c.markList) copy.markList = [...c.markList];
  return copy;
}

function sameMessage(a: Conversation['lastMessage'], b: Conversation['lastMessage']): boolean {
  if (!a || !b) return a === b;
  return a.timestamp === b.timestamp && a.text === b.text && a.senderName === b.senderName;
}

/** The history of a conversation the server has not touched since it started. */
function initialHistory(c: Conversation): MemoryHistory {
  // The view model carries no message count; at least the unread ones (or the last one) exist.
  return c.lastMessage
    ? { messageCount: Math.max(1, c.unreadCount), lastMessage: { ...c.lastMessage } }
    : { messageCount: 0 };
}

/** A structural check, so a broken test fixture fails loudly at the source. */
function checkConversation(c: unknown): asserts c is Conversation {
  const bad = (what: string) => invalidParameters(`upsertConversation: ${what}`);
  if (!c || typeof c !== 'object') throw bad('conversation must be an object');
  const v = c as Partial<Conversation>;
  if (typeof v.conversationID !== 'string' || v.conversationID === '') {
    throw bad('conversationID must be a non-empty string');
  }
  if (v.type !== 'c2c' && v.type !== 'group') throw bad(`type must be 'c2c' or 'group'`);
  if (typeof v.showName !== 'string') throw bad('showName must be a string');
  if (typeof v.isPinned !== 'boolean') throw bad('isPinned must be a boolean');
  if (typeof v.orderKey !== 'number' || !Number.isFinite(v.orderKey)) throw bad('orderKey must be a finite number');
  if (typeof v.unreadCount !== 'number' || !Number.isInteger(v.unreadCount) || v.unreadCount < 0) {
    throw bad('unreadCount must be a non-negative integer');
  }
}

function typeFromID(conversationID: string): Conversation['type'] {
  return /^group_?/i.test(conversationID) ? 'group' : 'c2c';
}

// nextSeq: '0' starts; afterwards it encodes the last delivered item's sort key
// ("<pinned 0|1>:<orderKey>:<conversationID>"). The next page starts at the first item sorting
// after that key, so a deletion between pages never shifts items past the cursor (an offset
// would skip one item per deletion).
function encodeCursor(c: SortKey): string {
  return `${c.isPinned ? 1 : 0}:${c.orderKey}:${c.conversationID}`;
}

function decodeCursor(nextSeq: string): SortKey | undefined {
  const match = /^([01]):([^:]+):([\s\S]+)$/.exec(nextSeq);
  if (!match) return undefined;
  const orderKey = Number(match[2]);
  if (!Number.isFinite(orderKey)) return undefined;
  return { isPinned: match[1] === '1', orderKey, conversationID: match[3] };
}

function checkLatency(ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`latencyMs must be a finite number >= 0, got ${String(ms)}`);
  }
  return ms;
}

interface Registration {
  readonly listener: ConversationListener;
}

interface Device {
  readonly id: number;
  readonly registrations: Set<Registration>;
}

type Event =
  | { kind: 'new' | 'changed'; conversations: Conversation[] }
  | { kind: 'deleted'; ids: string[] }
  | { kind: 'total'; total: number };

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

/**
 * Creates an in-memory chat server. Use {@link MemoryChatServer.connect} for each device.
 *
 * Event semantics (as the native SDK): listener events are always delivered asynchronously (in a
 * microtask after the change is applied), never inside the call. The device that deletes does NOT
 * receive its own `onConversationDeleted`: it learns the outcome from the per-item results, and a
 * partial failure would otherwise be reported twice. Other devices hear it when multi-device sync
 * is on. `onConversationChanged` (pin, mark, new message) and `onNewConversation` reach every
 * device; `onTotalUnreadMessageCountChanged` reaches every device that learns of the change.
 */
export function createMemoryChatServer(options: MemoryChatServerOptions = {}): MemoryChatServer {
  let latencyMs = checkLatency(options.latencyMs ?? 0);
  let multiDeviceSync = options.multiDeviceSync ?? true;
  let injectFault: FaultInjector | undefined = options.injectFault;

  let list: SortedList<StoredConversation>;
  let listed: Map<string, StoredConversation>;
  /** Histories that differ from `initialHistory` of the listed conversation, or of removed ones. */
  let histories: Map<string, MemoryHistory>;
  /** The last known state of removed conversations, so a new message can bring them back. */
  let removed: Map<string, Conversation>;
  let totalUnread: number;

  const devices: Device[] = [];
  const calls: MemoryServerCall[] = [];

  function load(conversations: Conversation[]): void {
    const items: StoredConversation[] = new Array(conversations.length);
    listed = new Map();
    histories = new Map();
    removed = new Map();
    totalUnread = 0;
    for (let i = 0; i < conversations.length; i++) {
      const c = conversations[i];
      checkConversation(c);
      // Stored as given, not cloned: cloning 100k objects of mixed shapes costs more than the
      // rest of start-up. Safe because the server never mutates a stored conversation (every
      // change stores a new object) and hands out copies only; callers must not mutate them.
      items[i] = c as StoredConversation;
      listed.set(c.conversationID, c as StoredConversation);
      // One hash lookup per item instead of has() + set(): a duplicate leaves the size behind.
      if (listed.size !== i + 1) {
        throw invalidParameters(`conversations: duplicate conversation ID ${JSON.stringify(c.conversationID)}`);
      }
      totalUnread += c.unreadCount;
    }
    list = new SortedList(items);
  }
  load(options.conversations ?? []);

  function historyOf(id: string): MemoryHistory | undefined {
    const h = histories.get(id);
    if (h) return h;
    const c = listed.get(id);
    return c ? initialHistory(c) : undefined;
  }

  // --- events -------------------------------------------------------------------------------

  function deliver(targets: readonly Device[], events: Event[]): void {
    if (events.length === 0 || targets.length === 0) return;
    // Asynchronous, as the SDK's callbacks; a listener removed before delivery hears nothing.
    queueMicrotask(() => {
      for (const device of targets) {
        for (const event of events) {
          for (const registration of [...device.registrations]) {
            if (!device.registrations.has(registration)) continue;
            const l = registration.listener;
            try {
              switch (event.kind) {
                case 'new':
                  l.onNewConversation?.(event.conversations.map(cloneConversation));
                  break;
                case 'changed':
                  l.onConversationChanged?.(event.conversations.map(cloneConversation));
                  break;
                case 'deleted':
                  l.onConversationDeleted?.([...event.ids]);
                  break;
                case 'total':
                  l.onTotalUnreadMessageCountChanged?.(event.total);
                  break;
              }
            } catch (error) {
              // One broken listener must not starve the others (or the server) of events.
              console.error('[convokit] a conversation listener threw', error);
            }
          }
        }
      }
    });
  }

  /** Adds the total-unread event when the total moved since `before`. */
  function withTotal(events: Event[], before: number): Event[] {
    return totalUnread === before ? events : [...events, { kind: 'total', total: totalUnread }];
  }

  // --- list mutations -----------------------------------------------------------------------

  function put(next: StoredConversation): StoredConversation | undefined {
    const previous = listed.get(next.conversationID);
    if (previous) {
      list.replace(previous, next);
      totalUnread -= previous.unreadCount;
    } else list.insert(next);
    listed.set(next.conversationID, next);
    removed.delete(next.conversationID);
    totalUnread += next.unreadCount;
    return previous;
  }

  function upsertConversation(conversation: Conversation): void {
    checkConversation(conversation);
    const next = cloneConversation(conversation);
    const id = next.conversationID;
    const before = historyOf(id);
    if (next.lastMessage && !sameMessage(next.lastMessage, before?.lastMessage)) {
      histories.set(id, {
        messageCount: (before?.messageCount ?? 0) + 1,
        lastMessage: { ...next.lastMessage },
      });
    } else {
      histories.set(id, before ?? { messageCount: 0 });
    }
    const totalBefore = totalUnread;
    const previous = put(next);
    deliver(devices, withTotal([{ kind: previous ? 'changed' : 'new', conversations: [next] }], totalBefore));
  }

  // --- the adapter calls ---------------------------------------------------------------------

  function fault(operation: MemoryOperation, conversationID?: string): number {
    const code = injectFault?.(operation, conversationID);
    return typeof code === 'number' && code !== 0 ? code : 0;
  }

  /**
   * Runs one adapter call as a round trip: arguments are validated and copied now (misuse never
   * throws synchronously: it rejects), the server applies the call after `latencyMs`, then the
   * promise settles.
   */
  function call<T>(
    device: Device,
    entry: Omit<MemoryServerCall, 'device' | 'at'>,
    validate: () => () => T,
  ): Promise<T> {
    calls.push({ device: device.id, at: Date.now(), ...entry });
    let apply: (() => T) | undefined;
    let failure: unknown;
    try {
      apply = validate();
    } catch (error) {
      failure = error;
    }
    return new Promise<T>((resolve, reject) => {
      setTimeout(() => {
        if (!apply) return reject(failure);
        try {
          const code = fault(entry.operation);
          if (code) return reject(new ChatError(code, describeCode(code)));
          resolve(apply());
        } catch (error) {
          reject(error);
        }
      }, latencyMs);
    });
  }

  function getConversationList(device: Device, nextSeq: unknown, count: unknown): Promise<ConversationPage> {
    return call(device, { operation: 'getConversationList' }, () => {
      const op = 'getConversationList';
      if (typeof nextSeq !== 'string') throw invalidParameters(`${op}: nextSeq must be a string ('0' starts)`);
      const cursor = nextSeq === '0' ? undefined : decodeCursor(nextSeq);
      if (nextSeq !== '0' && !cursor) throw invalidParameters(`${op}: unknown nextSeq ${JSON.stringify(nextSeq)}`);
      const size = validateCount(count, op);
      return () => {
        const start = cursor ? list.upperBound(cursor) : 0;
        const page = list.items.slice(start, start + size);
        return {
          conversationList: page.map(cloneConversation),
          nextSeq: page.length > 0 ? encodeCursor(page[page.length - 1]) : nextSeq,
          isFinished: start + page.length >= list.length,
        };
      };
    });
  }

  function deleteConversationList(
    device: Device,
    conversationIDList: unknown,
    clearMessage: unknown,
  ): Promise<ConversationOperationResult[]> {
    const op = 'deleteConversationList';
    const ids = Array.isArray(conversationIDList) ? [...(conversationIDList as unknown[])] : undefined;
    return call(device, { operation: op, ids, clearMessage }, () => {
      const idList = validateConversationIDList(conversationIDList, op);
      const clear = validateBoolean(clearMessage, 'clearMessage', op);
      return () => {
        const totalBefore = totalUnread;
        const gone: StoredConversation[] = [];
        const results = idList.map((conversationID): ConversationOperationResult => {
          const code = fault(op, conversationID);
          if (code) return { conversationID, resultCode: code, resultInfo: describeCode(code) };
          const c = listed.get(conversationID);
          if (c) {
            const history = historyOf(conversationID);
            gone.push(c);
            listed.delete(conversationID);
            removed.set(conversationID, c);
            totalUnread -= c.unreadCount;
            if (!clear && history) histories.set(conversationID, history);
          }
          // Clearing also reaches a conversation already off the list whose history was kept.
          if (clear) histories.delete(conversationID);
          // Already gone is success: the caller wanted it gone, and it is (idempotent).
          return { conversationID, resultCode: 0, resultInfo: '' };
        });
        list.removeMany(gone);
        if (gone.length > 0 || totalUnread !== totalBefore) {
          const deleted: Event[] = [{ kind: 'deleted', ids: gone.map((c) => c.conversationID) }];
          if (multiDeviceSync) {
            deliver(devices.filter((d) => d !== device), withTotal(deleted, totalBefore));
            deliver([device], withTotal([], totalBefore));
          } else {
            deliver([device], withTotal([], totalBefore));
          }
        }
        return results;
      };
    });
  }

  function pinConversation(device: Device, conversationID: unknown, isPinned: unknown): Promise<void> {
    const op = 'pinConversation';
    return call(device, { operation: op, ids: [conversationID] }, () => {
      const id = validateConversationID(conversationID, op);
      const pinned = validateBoolean(isPinned, 'isPinned', op);
      return () => {
        const c = listed.get(id);
        if (!c) throw new ChatError(ErrorCode.CONVERSATION_NOT_FOUND, describeCode(ErrorCode.CONVERSATION_NOT_FOUND));
        if (c.isPinned === pinned) return;
        const next = { ...c, isPinned: pinned };
        put(next);
        deliver(devices, [{ kind: 'changed', conversations: [next] }]);
      };
    });
  }

  function markConversation(
    device: Device,
    conversationIDList: unknown,
    markType: unknown,
    enableMark: unknown,
  ): Promise<ConversationOperationResult[]> {
    const op = 'markConversation';
    const ids = Array.isArray(conversationIDList) ? [...(conversationIDList as unknown[])] : undefined;
    return call(device, { operation: op, ids }, () => {
      const idList = validateConversationIDList(conversationIDList, op);
      const type = validateMarkType(markType, op);
      const enable = validateBoolean(enableMark, 'enableMark', op);
      return () => {
        const changed: StoredConversation[] = [];
        const results = idList.map((conversationID): ConversationOperationResult => {
          const code = fault(op, conversationID);
          if (code) return { conversationID, resultCode: code, resultInfo: describeCode(code) };
          const c = listed.get(conversationID);
          if (!c) {
            const missing = ErrorCode.CONVERSATION_NOT_FOUND;
            return { conversationID, resultCode: missing, resultInfo: describeCode(missing) };
          }
          const marks = c.markList ?? [];
          const has = marks.includes(type);
          if (has !== enable) {
            const next = { ...c, markList: enable ? [...marks, type] : marks.filter((m) => m !== type) };
            put(next);
            changed.push(next);
          }
          return { conversationID, resultCode: 0, resultInfo: '' };
        });
        if (changed.length > 0) deliver(devices, [{ kind: 'changed', conversations: changed }]);
        return results;
      };
    });
  }

  // --- the server object --------------------------------------------------------------------

  const server: MemoryChatServer = {
    connect() {
      const device: Device = { id: devices.length + 1, registrations: new Set() };
      devices.push(device);
      const adapter: MemoryChatAdapter = {
        deviceID: device.id,
        server,
        getConversationList: (nextSeq, count) => getConversationList(device, nextSeq, count),
        deleteConversationList: (ids, clearMessage) => deleteConversationList(device, ids, clearMessage),
        pinConversation: (id, isPinned) => pinConversation(device, id, isPinned),
        markConversation: (ids, markType, enableMark) => markConversation(device, ids, markType, enableMark),
        addConversationListener(listener) {
          if (!listener || typeof listener !== 'object') {
            throw invalidParameters('addConversationListener: listener must be an object');
          }
          // A registration per call, so adding one listener twice needs two removes, and a
          // stale remove function cannot remove a later registration.
          const registration: Registration = { listener };
          device.registrations.add(registration);
          return () => {
            device.registrations.delete(registration);
          };
        },
      };
      return adapter;
    },
    getConversations: () => list.items.map(cloneConversation),
    getConversation(conversationID) {
      const c = listed.get(conversationID);
      return c && cloneConversation(c);
    },
    upsertConversation,
    receiveMessage(conversationID, message, init = {}) {
      validateConversationID(conversationID, 'receiveMessage');
      const current = listed.get(conversationID);
      const base: Conversation = current ??
        removed.get(conversationID) ?? {
          conversationID,
          type: typeFromID(conversationID),
          showName: conversationID,
          unreadCount: 0,
          isPinned: false,
          orderKey: 0,
        };
      const timestamp = message.timestamp ?? Date.now();
      const next: Conversation = {
        ...cloneConversation(base),
        ...init,
        conversationID,
        lastMessage: { text: message.text, timestamp, ...(message.senderName ? { senderName: message.senderName } : {}) },
        orderKey: timestamp,
        // A removed conversation restarts its unread count: deleting it read it.
        unreadCount: (current ? current.unreadCount : 0) + 1,
      };
      upsertConversation(next);
      return cloneConversation(listed.get(conversationID)!);
    },
    getHistory(conversationID) {
      const h = historyOf(conversationID);
      return h && { messageCount: h.messageCount, ...(h.lastMessage ? { lastMessage: { ...h.lastMessage } } : {}) };
    },
    getTotalUnreadCount: () => totalUnread,
    reset(conversations = []) {
      load(conversations);
    },
    setLatency(ms) {
      latencyMs = checkLatency(ms);
    },
    setFaultInjector(injector) {
      injectFault = injector;
    },
    setMultiDeviceSync(enabled) {
      multiDeviceSync = enabled;
    },
    calls,
    clearCalls() {
      calls.length = 0;
    },
    listenerCount: () => devices.reduce((n, d) => n + d.registrations.size, 0),
  };
  return server;
}

/**
 * One server, one device: the quickest way to a working {@link ChatAdapter}
 * (`createMemoryAdapter({ conversations: generateConversations(10_000) })`). Reach the server
 * through `adapter.server` for more devices, latency and faults.
 */
export function createMemoryAdapter(options?: MemoryChatServerOptions): MemoryChatAdapter {
  return createMemoryChatServer(options).connect();
}
