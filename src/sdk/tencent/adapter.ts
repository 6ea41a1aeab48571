import { ChatError, ErrorCode, toChatError } from '../errors.js';
import { compareConversations } from '../order.js';
import {
  MAX_IDS_PER_CALL,
  type ChatAdapter,
  type Conversation,
  type ConversationListener,
  type ConversationOperationResult,
  type ConversationPage,
} from '../types.js';
import {
  EVENT_CONVERSATION_LIST_UPDATED,
  EVENT_TOTAL_UNREAD_MESSAGE_COUNT_UPDATED,
  SDK_CONVERSATION_NOT_FOUND,
  isValidWebConversationID,
} from './constants.js';
import { createMapper, isListedConversation, signatureOf } from './mapping.js';
import type {
  TencentChatAdapterOptions,
  TencentChatLike,
  TencentConversationLike,
  TencentEvent,
} from './types.js';

/** A baseline entry whose contents are unknown: never equal to a real signature. */
const UNKNOWN_SIGNATURE = '';

/** How many paging snapshots one adapter keeps (one per concurrent reader is plenty). */
const MAX_SNAPSHOTS = 4;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function invalid(message: string): ChatError {
  return new ChatError(ErrorCode.INVALID_PARAMETERS, message);
}

/**
 * Calls the SDK and normalises both ways it fails: the web SDK throws `Error("Params validate
 * failed.")` synchronously on bad parameters (sdk.md) — that becomes a rejection with
 * `INVALID_PARAMETERS` (or the error's own code if it has one) — and rejects with
 * `{ code, message, data }` otherwise, which `toChatError` turns into a `ChatError`.
 */
async function callSdk<T>(call: () => Promise<T>): Promise<T> {
  let pending: Promise<T>;
  try {
    pending = call();
  } catch (thrown) {
    const error = toChatError(thrown);
    throw error.code === -1 ? new ChatError(ErrorCode.INVALID_PARAMETERS, error.message, thrown) : error;
  }
  try {
    return await pending;
  } catch (rejected) {
    throw toChatError(rejected);
  }
}

/**
 * The contract's rules for an ID list (sdk.md "The adapter contract"): 1..100 non-empty strings,
 * no duplicates. Checked before anything reaches the SDK, so a bad call sends nothing.
 */
function validateIDList(ids: unknown, operation: string): asserts ids is string[] {
  if (!Array.isArray(ids)) throw invalid(`${operation}: conversationIDList must be an array`);
  if (ids.length === 0) throw invalid(`${operation}: conversationIDList must not be empty`);
  if (ids.length > MAX_IDS_PER_CALL) {
    throw invalid(`${operation}: at most ${MAX_IDS_PER_CALL} conversation IDs per call, got ${ids.length}`);
  }
  const seen = new Set<string>();
  for (const id of ids) {
    if (typeof id !== 'string' || id === '') {
      throw invalid(`${operation}: every conversation ID must be a non-empty string`);
    }
    if (seen.has(id)) throw invalid(`${operation}: duplicate conversation ID ${id}`);
    seen.add(id);
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `deleteConversation` resolves `{ data: { conversationIDList } }` (or `{ conversationID }` for one). */
function confirmedIDs(response: unknown): string[] {
  const data = isRecord(response) && isRecord(response.data) ? response.data : isRecord(response) ? response : {};
  if (Array.isArray(data.conversationIDList)) {
    return data.conversationIDList.filter((id): id is string => typeof id === 'string');
  }
  return typeof data.conversationID === 'string' ? [data.conversationID] : [];
}

/**
 * A `ChatAdapter` over the Tencent Cloud Chat **web** SDK (`@tencentcloud/chat` 3.x).
 *
 * ```ts
 * import TencentCloudChat from '@tencentcloud/chat';
 * const chat = TencentCloudChat.create({ SDKAppID });
 * <ConversationList adapter={createTencentChatAdapter(chat)} />
 * ```
 *
 * It turns the web SDK's quirks into the kit's contract (sdk.md):
 * - **Deleting**: at most 100 IDs per call, validated before anything is sent; sent in batches of
 *   ≤100 anyway (the SDK silently cuts longer lists). The SDK answers only with the IDs that
 *   succeeded, so the adapter rebuilds one result per ID: confirmed → 0; unconfirmed but no longer
 *   in the SDK's local list → 0 (deletion is idempotent: it is gone); unconfirmed and still there →
 *   `ErrorCode.MISSING_RESULT` (the SDK drops the server's per-item code). The SDK's "nothing
 *   deleted" rejection (2500) goes through the same per-ID rule. Synchronous throws become
 *   rejections; every rejection is a `ChatError`. IDs the SDK would refuse outright (no `C2C` /
 *   `GROUP` prefix) are not sent — the SDK would throw for the whole call — and, never being in
 *   its list, count as already gone.
 * - **Paging**: the SDK syncs the whole list itself and has no paging, so `nextSeq = '0'` takes a
 *   snapshot of the local list in kit order (`compareConversations`) and later pages walk that
 *   snapshot; a conversation deleted meanwhile is skipped, one that appears meanwhile arrives
 *   through `onNewConversation`. While the SDK is still syncing (`isSyncCompleted: false`) the
 *   pages cover what is local and `isFinished` becomes `true` at its end; conversations the sync
 *   finds later reach the listener as `onNewConversation`.
 * - **Events**: the SDK only sends full `CONVERSATION_LIST_UPDATED` lists. The adapter diffs each
 *   against the last list it knew (shared by the whole adapter, seeded by `getConversationList`
 *   or, when nothing has paged yet, by reading the list on the first subscription) into
 *   `onNewConversation`, `onConversationChanged` (a signature of every rendered field) and
 *   `onConversationDeleted` (IDs that disappeared). As with the memory server, the deleting device
 *   does not hear its own deletion: IDs this adapter is deleting are dropped from the diff silently.
 * - **System conversation** (`@TIM#SYSTEM`): not a chat; left out of pages and events.
 *
 * `@tencentcloud/chat` is an optional peer dependency: this module never imports it.
 */
export function createTencentChatAdapter(
  chat: TencentChatLike,
  options: TencentChatAdapterOptions = {},
): ChatAdapter {
  const map = createMapper(options);

  /** The last full list this adapter knows about: ID → signature. `null` until the first one. */
  let known: Map<string, string> | null = null;
  /** Bumped by every list event, so a slower read can tell that it may be stale. */
  let eventSeq = 0;
  /** IDs this adapter is deleting right now (count, for overlapping calls). */
  const ownDeletes = new Map<string, number>();
  /** Paging snapshots: generation → ordered IDs. */
  const snapshots = new Map<number, string[]>();
  let generation = 0;
  const listeners = new Set<ConversationListener>();

  // ------------------------------------------------------------------------------------------
  // Reading the SDK's list
  // ------------------------------------------------------------------------------------------

  function toKit(list: unknown[]): Conversation[] {
    const seen = new Set<string>();
    const out: Conversation[] = [];
    for (const web of list as TencentConversationLike[]) {
      if (!isListedConversation(web)) continue;
      const conversation = map(web);
      if (seen.has(conversation.conversationID)) continue; // defensive: the kit keys rows by ID
      seen.add(conversation.conversationID);
      out.push(conversation);
    }
    return out;
  }

  async function readRawList(): Promise<{ list: unknown[]; isSyncCompleted: boolean }> {
    const response = await callSdk(() => chat.getConversationList());
    const data = isRecord(response) && isRecord(response.data) ? response.data : {};
    return {
      list: Array.isArray(data.conversationList) ? data.conversationList : [],
      isSyncCompleted: data.isSyncCompleted !== false,
    };
  }

  /**
   * Reads the list, again if a list event arrived while reading: an answer older than the last
   * event could resurrect a conversation the listener was just told is deleted.
   */
  async function readList(): Promise<Conversation[]> {
    for (let attempt = 0; ; attempt++) {
      const before = eventSeq;
      const { list } = await readRawList();
      if (eventSeq === before || attempt >= 2) return toKit(list);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Events: full lists → new / changed / deleted
  // ------------------------------------------------------------------------------------------

  function emit(call: (listener: ConversationListener) => void): void {
    for (const listener of [...listeners]) {
      try {
        call(listener);
      } catch (error) {
        // One broken listener must not starve the others (nor the diff) of events.
        console.error('[convokit] a conversation listener threw', error);
      }
    }
  }

  function applyFullList(list: unknown[]): void {
    const next = toKit(list);
    const nextKnown = new Map<string, string>();
    const added: Conversation[] = [];
    const changed: Conversation[] = [];
    for (const conversation of next) {
      const signature = signatureOf(conversation);
      nextKnown.set(conversation.conversationID, signature);
      const before = known?.get(conversation.conversationID);
      if (before === undefined) added.push(conversation);
      else if (before !== signature) changed.push(conversation);
    }
    const deleted: string[] = [];
    if (known) {
      for (const id of known.keys()) {
        // The deleting device does not hear its own deletion (memory server rule).
        if (!nextKnown.has(id) && !ownDeletes.has(id)) deleted.push(id);
      }
    }
    known = nextKnown;
    if (added.length) emit((l) => l.onNewConversation?.(added));
    if (changed.length) emit((l) => l.onConversationChanged?.(changed));
    if (deleted.length) emit((l) => l.onConversationDeleted?.(deleted));
  }

  /** A baseline read started by the first subscription; list events wait for it. */
  let seeding: Promise<void> | undefined;
  const queued: unknown[][] = [];

  /**
   * A listener hears changes made after it subscribed, never the existing list as "new". So when
   * nothing has paged yet, subscribing reads the SDK's list as the baseline. The web SDK builds
   * that answer synchronously at call time (it only settles later), so it is the list as of the
   * subscription; events arriving before it settles are queued and diffed in order afterwards.
   */
  function seedBaseline(): void {
    if (known || seeding) return;
    const before = eventSeq;
    seeding = readRawList()
      .then(({ list }) => {
        if (known) return;
        // The SDK hands out its live conversation objects and updates them in place: the answer's
        // membership is as of the call, but its contents may already include a change an event
        // reported meanwhile. Then the contents cannot serve as a baseline, and every seeded
        // conversation counts as changed in the queued events (over-reporting is harmless: a
        // changed event carries the full conversation; under-reporting would lose a message).
        const exact = eventSeq === before;
        known = new Map(toKit(list).map((c) => [c.conversationID, exact ? signatureOf(c) : UNKNOWN_SIGNATURE]));
      })
      .catch(() => {
        // No baseline: the next event then reports what it holds as new, which is still correct.
      })
      .finally(() => {
        seeding = undefined;
        for (const list of queued.splice(0)) applyFullList(list);
      });
  }

  const onListUpdated = (event: TencentEvent): void => {
    eventSeq++;
    const data = isRecord(event) ? event.data : undefined;
    if (!Array.isArray(data)) return;
    if (seeding) queued.push(data);
    else applyFullList(data);
  };

  const onTotalUnread = (event: TencentEvent): void => {
    const data = isRecord(event) ? event.data : undefined;
    const total = typeof data === 'number' ? data : Number(data);
    if (Number.isFinite(total)) emit((l) => l.onTotalUnreadMessageCountChanged?.(total));
  };

  // ------------------------------------------------------------------------------------------
  // The port
  // ------------------------------------------------------------------------------------------

  const adapter: ChatAdapter = {
    async getConversationList(nextSeq, count) {
      if (typeof nextSeq !== 'string') throw invalid('getConversationList: nextSeq must be a string');
      if (!Number.isInteger(count) || count < 1) {
        throw invalid('getConversationList: count must be a positive integer');
      }
      // Cursor: '0' (or '') starts a snapshot; later cursors are "<generation>:<offset>".
      let gen = 0;
      let offset = 0;
      if (nextSeq !== '0' && nextSeq !== '') {
        const match = /^(\d+):(\d+)$/.exec(nextSeq);
        if (!match) throw invalid(`getConversationList: unknown nextSeq ${nextSeq}`);
        gen = Number(match[1]);
        offset = Number(match[2]);
      }
      const current = await readList();
      const byID = new Map(current.map((c) => [c.conversationID, c]));
      let ids = gen ? snapshots.get(gen) : undefined;
      if (!ids) {
        // A new walk, or a cursor whose snapshot was evicted: page the current list.
        ids = [...current].sort(compareConversations).map((c) => c.conversationID);
        gen = ++generation;
        snapshots.set(gen, ids);
        if (snapshots.size > MAX_SNAPSHOTS) snapshots.delete(snapshots.keys().next().value as number);
      }
      const end = Math.min(offset + count, ids.length);
      const conversationList: Conversation[] = [];
      for (let i = offset; i < end; i++) {
        const conversation = byID.get(ids[i]);
        if (conversation) conversationList.push(conversation);
      }
      // Seed the diff baseline so the first event does not report the whole list as new. Only the
      // first read adopts the whole list; later reads add just what they hand out, so that a
      // conversation they did not return is still reported by the next event.
      if (!known) {
        known = new Map(current.map((c) => [c.conversationID, signatureOf(c)]));
      } else {
        for (const c of conversationList) {
          if (!known.has(c.conversationID)) known.set(c.conversationID, signatureOf(c));
        }
      }
      const page: ConversationPage = {
        conversationList,
        nextSeq: `${gen}:${end}`,
        isFinished: end >= ids.length,
      };
      return page;
    },

    async deleteConversationList(conversationIDList, clearMessage) {
      validateIDList(conversationIDList, 'deleteConversationList');
      if (typeof clearMessage !== 'boolean') {
        throw invalid('deleteConversationList: clearMessage must be a boolean');
      }
      const ids = [...conversationIDList];
      for (const id of ids) ownDeletes.set(id, (ownDeletes.get(id) ?? 0) + 1);
      try {
        const confirmed = new Set<string>();
        const sendable = ids.filter(isValidWebConversationID);
        // Defence in depth: validation caps a call at 100, but the SDK would silently drop the
        // rest of a longer list, so never hand it one.
        for (const batch of chunk(sendable, MAX_IDS_PER_CALL)) {
          try {
            const response = await callSdk(() =>
              chat.deleteConversation({ conversationIDList: batch, clearHistoryMessage: clearMessage }),
            );
            for (const id of confirmedIDs(response)) confirmed.add(id);
          } catch (error) {
            // 2500 = nothing in this batch was deleted; each ID is judged below. Anything else
            // (network, not ready, frequency limit, bad parameters) fails the whole call.
            if ((error as ChatError).code !== SDK_CONVERSATION_NOT_FOUND) throw error;
          }
        }
        let present: Set<string> | undefined;
        if (ids.some((id) => !confirmed.has(id))) {
          try {
            const { list } = await readRawList();
            present = new Set(
              list.map((web) => (isRecord(web) && typeof web.conversationID === 'string' ? web.conversationID : '')),
            );
          } catch {
            // Cannot tell "already gone" from "refused": report unconfirmed IDs as failures; a
            // retry is safe because deletion is idempotent.
            present = undefined;
          }
        }
        const results: ConversationOperationResult[] = ids.map((conversationID) => {
          if (confirmed.has(conversationID)) return { conversationID, resultCode: 0, resultInfo: '' };
          if (present && !present.has(conversationID)) {
            return { conversationID, resultCode: 0, resultInfo: 'Already deleted' };
          }
          return {
            conversationID,
            resultCode: ErrorCode.MISSING_RESULT,
            resultInfo: 'The chat SDK did not confirm deleting this conversation; it is still in the list',
          };
        });
        // Our own deletions leave the baseline now, so a list event arriving later (or never)
        // does not report them back to this device.
        for (const r of results) if (r.resultCode === 0) known?.delete(r.conversationID);
        return results;
      } finally {
        for (const id of ids) {
          const n = (ownDeletes.get(id) ?? 1) - 1;
          if (n > 0) ownDeletes.set(id, n);
          else ownDeletes.delete(id);
        }
      }
    },

    addConversationListener(listener) {
      // Wrap so the same listener object added twice gets two independent registrations; the
      // methods are looked up at call time, as on the SDK's own listener objects.
      const wrapped: ConversationListener = {
        onNewConversation: (list) => listener.onNewConversation?.(list),
        onConversationChanged: (list) => listener.onConversationChanged?.(list),
        onConversationDeleted: (ids) => listener.onConversationDeleted?.(ids),
        onTotalUnreadMessageCountChanged: (n) => listener.onTotalUnreadMessageCountChanged?.(n),
      };
      // One SDK subscription per adapter, however many listeners: the diff baseline is shared,
      // so a second subscription would diff against an already-updated baseline and see nothing.
      if (listeners.size === 0) {
        chat.on(EVENT_CONVERSATION_LIST_UPDATED, onListUpdated);
        chat.on(EVENT_TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, onTotalUnread);
      }
      listeners.add(wrapped);
      seedBaseline();
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        listeners.delete(wrapped);
        if (listeners.size === 0) {
          chat.off(EVENT_CONVERSATION_LIST_UPDATED, onListUpdated);
          chat.off(EVENT_TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, onTotalUnread);
        }
      };
    },
  };

  if (typeof chat.pinConversation === 'function') {
    adapter.pinConversation = async (conversationID, isPinned) => {
      if (typeof conversationID !== 'string' || conversationID === '') {
        throw invalid('pinConversation: conversationID must be a non-empty string');
      }
      if (typeof isPinned !== 'boolean') throw invalid('pinConversation: isPinned must be a boolean');
      await callSdk(() => chat.pinConversation!({ conversationID, isPinned }));
    };
  }

  if (typeof chat.markConversation === 'function') {
    adapter.markConversation = async (conversationIDList, markType, enableMark) => {
      validateIDList(conversationIDList, 'markConversation');
      if (typeof markType !== 'number' || !Number.isFinite(markType)) {
        throw invalid('markConversation: markType must be a number');
      }
      if (typeof enableMark !== 'boolean') throw invalid('markConversation: enableMark must be a boolean');
      const ids = [...conversationIDList];
      const response = await callSdk(() =>
        chat.markConversation!({ conversationIDList: ids, markType, enableMark }),
      );
      // Resolves { data: { successConversationIDList, failureConversationIDList: [{ conversationID, code, message }] } }.
      const data = isRecord(response) && isRecord(response.data) ? response.data : {};
      const ok = new Set(
        Array.isArray(data.successConversationIDList)
          ? data.successConversationIDList.filter((id): id is string => typeof id === 'string')
          : [],
      );
      const failures = new Map<string, { code: number; message: string }>();
      if (Array.isArray(data.failureConversationIDList)) {
        for (const f of data.failureConversationIDList) {
          if (isRecord(f) && typeof f.conversationID === 'string') {
            const code = typeof f.code === 'number' && f.code !== 0 ? f.code : ErrorCode.MISSING_RESULT;
            failures.set(f.conversationID, { code, message: typeof f.message === 'string' ? f.message : '' });
          }
        }
      }
      return ids.map((conversationID): ConversationOperationResult => {
        if (ok.has(conversationID)) return { conversationID, resultCode: 0, resultInfo: '' };
        const failure = failures.get(conversationID);
        if (failure) return { conversationID, resultCode: failure.code, resultInfo: failure.message };
        return {
          conversationID,
          resultCode: ErrorCode.MISSING_RESULT,
          resultInfo: 'The chat SDK did not report a result for this conversation',
        };
      });
    };
  }

  return adapter;
}
