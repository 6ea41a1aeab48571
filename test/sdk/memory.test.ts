import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatError, ErrorCode } from '../../src/sdk/errors.js';
import { generateConversations } from '../../src/sdk/generate.js';
import { createMemoryAdapter, createMemoryChatServer, describeCode, MAX_PAGE_SIZE } from '../../src/sdk/memory/index.js';
import type { MemoryChatServer } from '../../src/sdk/memory/index.js';
import { compareConversations } from '../../src/sdk/order.js';
import { MARK_TYPE_UNREAD, type ChatAdapter, type Conversation } from '../../src/sdk/types.js';

const NOW = Date.UTC(2025, 0, 15);

function conv(id: string, orderKey: number, extra: Partial<Conversation> = {}): Conversation {
  return {
    conversationID: id,
    type: id.startsWith('GROUP') ? 'group' : 'c2c',
    showName: id,
    unreadCount: 0,
    isPinned: false,
    orderKey,
    lastMessage: { text: `last of ${id}`, timestamp: orderKey },
    ...extra,
  };
}

/** Lets microtask-delivered events and 0 ms calls run (real timers). */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function rejection(promise: Promise<unknown>): Promise<ChatError> {
  try {
    await promise;
  } catch (error) {
    return error as ChatError;
  }
  throw new Error('expected the call to reject');
}

function listen(adapter: ChatAdapter) {
  const events = {
    added: vi.fn(),
    changed: vi.fn(),
    deleted: vi.fn(),
    total: vi.fn(),
  };
  const remove = adapter.addConversationListener({
    onNewConversation: events.added,
    onConversationChanged: events.changed,
    onConversationDeleted: events.deleted,
    onTotalUnreadMessageCountChanged: events.total,
  });
  return { ...events, remove };
}

describe('given a memory server with three conversations', () => {
  let server: MemoryChatServer;
  let a: ChatAdapter;
  beforeEach(() => {
    server = createMemoryChatServer({
      conversations: [conv('C2Cann', 100, { unreadCount: 2 }), conv('C2Cbob', 300), conv('GROUPteam', 200, { unreadCount: 5 })],
    });
    a = server.connect();
  });

  it('returns the truth in list order', () => {
    expect(server.getConversations().map((c) => c.conversationID)).toEqual(['C2Cbob', 'GROUPteam', 'C2Cann']);
  });

  it('hands out copies, so callers cannot change the truth', async () => {
    server.getConversations()[0].showName = 'hacked';
    const page = await a.getConversationList('0', 10);
    page.conversationList[0].lastMessage!.text = 'hacked';
    expect(server.getConversation('C2Cbob')).toMatchObject({ showName: 'C2Cbob', lastMessage: { text: 'last of C2Cbob' } });
  });

  it('reports the total unread count', () => {
    expect(server.getTotalUnreadCount()).toBe(7);
  });

  describe('getHistory', () => {
    it('starts from the last message', () => {
      expect(server.getHistory('GROUPteam')).toEqual({ messageCount: 5, lastMessage: { text: 'last of GROUPteam', timestamp: 200 } });
      expect(server.getHistory('C2Cbob')?.messageCount).toBe(1);
      expect(server.getHistory('C2Cnobody')).toBeUndefined();
    });
  });

  describe('after deleting with clearMessage: false', () => {
    beforeEach(async () => {
      await a.deleteConversationList(['C2Cann'], false);
    });
    it('the conversation leaves the list but its history stays', () => {
      expect(server.getConversation('C2Cann')).toBeUndefined();
      expect(server.getHistory('C2Cann')).toEqual({ messageCount: 2, lastMessage: { text: 'last of C2Cann', timestamp: 100 } });
    });
    it('a new message brings it back and the count continues', () => {
      server.upsertConversation(conv('C2Cann', 400, { lastMessage: { text: 'back', timestamp: 400 } }));
      expect(server.getConversations()[0].conversationID).toBe('C2Cann');
      expect(server.getHistory('C2Cann')).toEqual({ messageCount: 3, lastMessage: { text: 'back', timestamp: 400 } });
    });
    it('a later delete with clearMessage: true clears the kept history', async () => {
      const [result] = await a.deleteConversationList(['C2Cann'], true);
      expect(result.resultCode).toBe(0);
      expect(server.getHistory('C2Cann')).toBeUndefined();
    });
  });

  describe('after deleting with clearMessage: true', () => {
    beforeEach(async () => {
      await a.deleteConversationList(['C2Cann'], true);
    });
    it('the history is gone', () => {
      expect(server.getHistory('C2Cann')).toBeUndefined();
    });
    it('a new message brings it back with only that message', () => {
      server.upsertConversation(conv('C2Cann', 400, { lastMessage: { text: 'hello again', timestamp: 400 } }));
      expect(server.getHistory('C2Cann')).toEqual({ messageCount: 1, lastMessage: { text: 'hello again', timestamp: 400 } });
    });
    it('receiveMessage revives it from its last known profile with one unread', () => {
      const back = server.receiveMessage('C2Cann', { text: 'ping', timestamp: 500 });
      expect(back).toMatchObject({ conversationID: 'C2Cann', showName: 'C2Cann', unreadCount: 1, orderKey: 500 });
      expect(server.getHistory('C2Cann')?.messageCount).toBe(1);
    });
  });

  describe('upsertConversation', () => {
    it('a change without a new last message does not add to the history', () => {
      const bob = server.getConversation('C2Cbob')!;
      server.upsertConversation({ ...bob, draftText: 'typing…' });
      expect(server.getHistory('C2Cbob')?.messageCount).toBe(1);
      expect(server.getConversation('C2Cbob')?.draftText).toBe('typing…');
    });
    it('rejects malformed conversations synchronously with INVALID_PARAMETERS', () => {
      for (const bad of [null, {}, { ...conv('C2Cx', 1), conversationID: '' }, { ...conv('C2Cx', 1), type: 'room' },
        { ...conv('C2Cx', 1), orderKey: Number.NaN }, { ...conv('C2Cx', 1), unreadCount: -1 }, { ...conv('C2Cx', 1), isPinned: 'no' }]) {
        expect(() => server.upsertConversation(bad as Conversation)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_PARAMETERS }));
      }
    });
    it('fires onNewConversation for a new one and onConversationChanged for a listed one, asynchronously', async () => {
      const l = listen(a);
      server.upsertConversation(conv('C2Cnew', 999));
      server.upsertConversation(conv('C2Cbob', 1000));
      expect(l.added).not.toHaveBeenCalled();
      expect(l.changed).not.toHaveBeenCalled();
      await tick();
      expect(l.added).toHaveBeenCalledWith([expect.objectContaining({ conversationID: 'C2Cnew' })]);
      expect(l.changed).toHaveBeenCalledWith([expect.objectContaining({ conversationID: 'C2Cbob', orderKey: 1000 })]);
    });
    it('fires onTotalUnreadMessageCountChanged only when the total changes', async () => {
      const l = listen(a);
      server.receiveMessage('C2Cbob', { text: 'hi', timestamp: 1000 });
      server.upsertConversation({ ...server.getConversation('C2Cbob')!, draftText: 'x' });
      await tick();
      expect(l.total).toHaveBeenCalledTimes(1);
      expect(l.total).toHaveBeenCalledWith(8);
    });
  });

  describe('receiveMessage', () => {
    it('moves the conversation to the top with one more unread', () => {
      const team = server.receiveMessage('GROUPteam', { text: 'standup?', senderName: 'Ann', timestamp: 5000 });
      expect(team).toMatchObject({ unreadCount: 6, orderKey: 5000, lastMessage: { text: 'standup?', senderName: 'Ann', timestamp: 5000 } });
      expect(server.getConversations()[0].conversationID).toBe('GROUPteam');
      expect(server.getHistory('GROUPteam')?.messageCount).toBe(6);
    });
    it('creates an unknown conversation from its ID and init', () => {
      const g = server.receiveMessage('GROUPnew', { text: 'welcome' }, { showName: 'New group' });
      expect(g).toMatchObject({ type: 'group', showName: 'New group', unreadCount: 1 });
    });
  });
});

describe('given a memory adapter', () => {
  describe('deleteConversationList', () => {
    it('results are per ID, in request order, including gone and unknown IDs', async () => {
      const adapter = createMemoryAdapter({ conversations: [conv('C2Ca', 1), conv('C2Cb', 2)] });
      const results = await adapter.deleteConversationList(['C2Cb', 'C2Cghost', 'C2Ca'], true);
      expect(results).toEqual([
        { conversationID: 'C2Cb', resultCode: 0, resultInfo: '' },
        { conversationID: 'C2Cghost', resultCode: 0, resultInfo: '' },
        { conversationID: 'C2Ca', resultCode: 0, resultInfo: '' },
      ]);
      expect(adapter.server.getConversations()).toEqual([]);
    });

    it.each([
      ['101 IDs', Array.from({ length: 101 }, (_, i) => `C2C${i}`), true, /at most 100/],
      ['an empty list', [], true, /must not be empty/],
      ['a duplicate', ['C2Ca', 'C2Ca'], true, /duplicate conversation ID "C2Ca"/],
      ['a number', ['C2Ca', 7], true, /conversationIDList\[1\] must be a non-empty string, got 7/],
      ['an empty string', [''], true, /conversationIDList\[0\]/],
      ['a string list', 'C2Ca', true, /must be an array/],
      ['a non-boolean clearMessage', ['C2Ca'], 'yes', /clearMessage must be a boolean/],
    ])('%s rejects the whole call with a clear ChatError and applies nothing', async (_label, ids, clear, message) => {
      const adapter = createMemoryAdapter({ conversations: [conv('C2Ca', 1), conv('C2Cb', 2)] });
      let promise!: Promise<unknown>;
      expect(() => {
        promise = adapter.deleteConversationList(ids as string[], clear as boolean);
      }).not.toThrow();
      const error = await rejection(promise);
      expect(error).toBeInstanceOf(ChatError);
      expect(error.code).toBe(ErrorCode.INVALID_PARAMETERS);
      expect(error.message).toMatch(message);
      expect(adapter.server.getConversations()).toHaveLength(2);
    });

    it('logs every call, even invalid ones, with its IDs and clearMessage', async () => {
      const adapter = createMemoryAdapter({ conversations: [conv('C2Ca', 1)] });
      await adapter.deleteConversationList(['C2Ca'], true);
      await rejection(adapter.deleteConversationList([], false));
      await adapter.getConversationList('0', 5);
      expect(adapter.server.calls).toEqual([
        { device: 1, operation: 'deleteConversationList', ids: ['C2Ca'], clearMessage: true, at: expect.any(Number) },
        { device: 1, operation: 'deleteConversationList', ids: [], clearMessage: false, at: expect.any(Number) },
        { device: 1, operation: 'getConversationList', at: expect.any(Number) },
      ]);
      adapter.server.clearCalls();
      expect(adapter.server.calls).toEqual([]);
    });

    it('the call log keeps the IDs as sent, even if the caller mutates its array afterwards', async () => {
      const adapter = createMemoryAdapter({ conversations: [conv('C2Ca', 1), conv('C2Cb', 2)] });
      const ids = ['C2Ca'];
      const pending = adapter.deleteConversationList(ids, true);
      ids.push('C2Cb');
      await pending;
      expect(adapter.server.calls[0].ids).toEqual(['C2Ca']);
      expect(adapter.server.getConversation('C2Cb')).toBeDefined();
    });

    it('deleting reduces the total unread count and tells the deleting device', async () => {
      const adapter = createMemoryAdapter({ conversations: [conv('C2Ca', 1, { unreadCount: 3 }), conv('C2Cb', 2, { unreadCount: 4 })] });
      const l = listen(adapter);
      await adapter.deleteConversationList(['C2Ca'], false);
      await tick();
      expect(l.total).toHaveBeenCalledWith(4);
      expect(l.deleted).not.toHaveBeenCalled();
    });
  });

  describe('getConversationList', () => {
    const data = generateConversations(250, { seed: 3, now: NOW });

    it('pages in list order, with an opaque cursor, until finished', async () => {
      const adapter = createMemoryAdapter({ conversations: [...data].reverse() });
      const seen: string[] = [];
      let nextSeq = '0';
      for (;;) {
        const page = await adapter.getConversationList(nextSeq, 64);
        expect(page.conversationList.length).toBeLessThanOrEqual(64);
        seen.push(...page.conversationList.map((c) => c.conversationID));
        nextSeq = page.nextSeq;
        if (page.isFinished) break;
      }
      expect(seen).toEqual([...data].sort(compareConversations).map((c) => c.conversationID));
      // Asking past the end is an empty finished page.
      expect(await adapter.getConversationList(nextSeq, 10)).toEqual({ conversationList: [], nextSeq, isFinished: true });
    });

    it('an empty server answers one empty finished page', async () => {
      expect(await createMemoryAdapter().getConversationList('0', 10)).toEqual({ conversationList: [], nextSeq: '0', isFinished: true });
    });

    it(`caps count at ${MAX_PAGE_SIZE}`, async () => {
      const adapter = createMemoryAdapter({ conversations: generateConversations(1200, { seed: 4, now: NOW }) });
      const page = await adapter.getConversationList('0', 5000);
      expect(page.conversationList).toHaveLength(MAX_PAGE_SIZE);
      expect(page.isFinished).toBe(false);
    });

    it('a conversation that moves to the top between pages does not shift the cursor', async () => {
      const adapter = createMemoryAdapter({ conversations: data });
      const first = await adapter.getConversationList('0', 100);
      adapter.server.receiveMessage(data[150].conversationID, { text: 'bump', timestamp: NOW + 1 });
      const second = await adapter.getConversationList(first.nextSeq, 100);
      const expected = data.slice(100, 201).map((c) => c.conversationID).filter((id) => id !== data[150].conversationID);
      expect(second.conversationList.map((c) => c.conversationID)).toEqual(expected);
    });

    it.each([
      ['a garbage nextSeq', 'garbage', 10, /unknown nextSeq/],
      ['a numeric nextSeq', 5, 10, /nextSeq must be a string/],
      ['a zero count', '0', 0, /count must be a positive integer/],
      ['an Infinity count', '0', Number.POSITIVE_INFINITY, /count/],
    ])('%s rejects with INVALID_PARAMETERS', async (_label, nextSeq, count, message) => {
      const error = await rejection(createMemoryAdapter().getConversationList(nextSeq as string, count));
      expect(error.code).toBe(ErrorCode.INVALID_PARAMETERS);
      expect(error.message).toMatch(message);
    });
  });

  describe('pinConversation', () => {
    it('moves the conversation into the pinned section and tells every device', async () => {
      const a = createMemoryAdapter({ conversations: [conv('C2Ca', 1), conv('C2Cb', 2)] });
      const b = a.server.connect();
      const la = listen(a);
      const lb = listen(b);
      await a.pinConversation('C2Ca', true);
      expect(a.server.getConversations().map((c) => [c.conversationID, c.isPinned])).toEqual([['C2Ca', true], ['C2Cb', false]]);
      await tick();
      for (const l of [la, lb]) expect(l.changed).toHaveBeenCalledWith([expect.objectContaining({ conversationID: 'C2Ca', isPinned: true })]);
    });
    it('pinning an already pinned conversation is a quiet no-op', async () => {
      const a = createMemoryAdapter({ conversations: [conv('C2Ca', 1, { isPinned: true })] });
      const l = listen(a);
      await a.pinConversation('C2Ca', true);
      await tick();
      expect(l.changed).not.toHaveBeenCalled();
    });
    it('an unknown conversation rejects with CONVERSATION_NOT_FOUND', async () => {
      const error = await rejection(createMemoryAdapter().pinConversation('C2Cghost', true));
      expect(error).toMatchObject({ code: ErrorCode.CONVERSATION_NOT_FOUND, message: 'Conversation not found' });
    });
  });

  describe('markConversation', () => {
    it('adds and removes the mark per ID, failing unknown IDs with 2500', async () => {
      const a = createMemoryAdapter({ conversations: [conv('C2Ca', 1), conv('C2Cb', 2)] });
      const l = listen(a);
      const results = await a.markConversation(['C2Cb', 'C2Cghost', 'C2Ca'], MARK_TYPE_UNREAD, true);
      expect(results.map((r) => r.resultCode)).toEqual([0, ErrorCode.CONVERSATION_NOT_FOUND, 0]);
      expect(results[1].resultInfo).toBe('Conversation not found');
      expect(a.server.getConversation('C2Ca')?.markList).toEqual([MARK_TYPE_UNREAD]);
      await tick();
      expect(l.changed).toHaveBeenCalledTimes(1);
      expect(l.changed.mock.calls[0][0].map((c: Conversation) => c.conversationID)).toEqual(['C2Cb', 'C2Ca']);
      await a.markConversation(['C2Ca'], MARK_TYPE_UNREAD, false);
      expect(a.server.getConversation('C2Ca')?.markList).toEqual([]);
    });
    it.each([
      ['markType 0', ['C2Ca'], 0, true, /markType/],
      ['markType as a string', ['C2Ca'], '2', true, /markType/],
      ['enableMark as a number', ['C2Ca'], 2, 1, /enableMark/],
      ['101 IDs', Array.from({ length: 101 }, (_, i) => `C2C${i}`), 2, true, /at most 100/],
    ])('%s rejects with INVALID_PARAMETERS', async (_label, ids, markType, enable, message) => {
      const a = createMemoryAdapter({ conversations: [conv('C2Ca', 1)] });
      const error = await rejection(a.markConversation(ids as string[], markType as number, enable as boolean));
      expect(error.code).toBe(ErrorCode.INVALID_PARAMETERS);
      expect(error.message).toMatch(message);
    });
  });
});

describe('given two devices of one user', () => {
  it.each([true, false])('with multiDeviceSync %s, the other device hears deletions only when on', async (sync) => {
    const server = createMemoryChatServer({
      conversations: [conv('C2Ca', 1, { unreadCount: 2 }), conv('C2Cb', 2)],
      multiDeviceSync: sync,
    });
    const a = server.connect();
    const b = server.connect();
    const la = listen(a);
    const lb = listen(b);
    await a.deleteConversationList(['C2Ca', 'C2Cghost'], true);
    await tick();
    // The deleting device learns from its results, never from its own event.
    expect(la.deleted).not.toHaveBeenCalled();
    expect(la.total).toHaveBeenCalledWith(0);
    if (sync) {
      // Only what was actually removed, not the IDs that were already gone.
      expect(lb.deleted).toHaveBeenCalledWith(['C2Ca']);
      expect(lb.total).toHaveBeenCalledWith(0);
    } else {
      expect(lb.deleted).not.toHaveBeenCalled();
      expect(lb.total).not.toHaveBeenCalled();
    }
    // Either way the server's truth is the same for both devices.
    expect((await b.getConversationList('0', 10)).conversationList.map((c) => c.conversationID)).toEqual(['C2Cb']);
  });

  it('multi-device sync can be switched at run time', async () => {
    const server = createMemoryChatServer({ conversations: [conv('C2Ca', 1)], multiDeviceSync: false });
    const a = server.connect();
    const lb = listen(server.connect());
    server.setMultiDeviceSync(true);
    await a.deleteConversationList(['C2Ca'], false);
    await tick();
    expect(lb.deleted).toHaveBeenCalledWith(['C2Ca']);
  });

  it('device IDs count from 1 in connect order', () => {
    const server = createMemoryChatServer();
    expect([server.connect().deviceID, server.connect().deviceID]).toEqual([1, 2]);
  });

  it('a new message reaches every device', async () => {
    const server = createMemoryChatServer();
    const la = listen(server.connect());
    const lb = listen(server.connect());
    server.receiveMessage('C2Cz', { text: 'hi' });
    await tick();
    expect(la.added).toHaveBeenCalledTimes(1);
    expect(lb.added).toHaveBeenCalledTimes(1);
  });
});

describe('listeners', () => {
  it('listenerCount counts live registrations across devices; remove is idempotent', () => {
    const server = createMemoryChatServer();
    const a = server.connect();
    const b = server.connect();
    const listener = {};
    const r1 = a.addConversationListener(listener);
    const r2 = a.addConversationListener(listener); // the same object twice is two registrations
    const r3 = b.addConversationListener({});
    expect(server.listenerCount()).toBe(3);
    r1();
    r1();
    expect(server.listenerCount()).toBe(2);
    r2();
    r3();
    expect(server.listenerCount()).toBe(0);
  });

  it('a listener removed after the change but before delivery hears nothing', async () => {
    const server = createMemoryChatServer();
    const l = listen(server.connect());
    server.receiveMessage('C2Cz', { text: 'hi' });
    l.remove();
    await tick();
    expect(l.added).not.toHaveBeenCalled();
  });

  it('a throwing listener does not starve the others', async () => {
    const server = createMemoryChatServer();
    const a = server.connect();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    a.addConversationListener({
      onNewConversation: () => {
        throw new Error('boom');
      },
    });
    const l = listen(a);
    server.receiveMessage('C2Cz', { text: 'hi' });
    await tick();
    expect(l.added).toHaveBeenCalled();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('a non-object listener throws INVALID_PARAMETERS', () => {
    const a = createMemoryAdapter();
    expect(() => a.addConversationListener(null as never)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_PARAMETERS }));
  });
});

describe('given latency', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a call settles after latencyMs and applies only then', async () => {
    const adapter = createMemoryAdapter({ conversations: [conv('C2Ca', 1)], latencyMs: 300 });
    const settled = vi.fn();
    void adapter.deleteConversationList(['C2Ca'], true).then(settled);
    await vi.advanceTimersByTimeAsync(299);
    expect(settled).not.toHaveBeenCalled();
    expect(adapter.server.getConversation('C2Ca')).toBeDefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toHaveBeenCalledTimes(1);
    expect(adapter.server.getConversation('C2Ca')).toBeUndefined();
  });

  it('latency 0 still settles asynchronously, after a timer', async () => {
    const adapter = createMemoryAdapter({ conversations: [conv('C2Ca', 1)] });
    const settled = vi.fn();
    void adapter.getConversationList('0', 1).then(settled);
    await Promise.resolve();
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toHaveBeenCalled();
  });

  it('invalid calls also settle after the latency', async () => {
    const adapter = createMemoryAdapter({ latencyMs: 100 });
    const failed = vi.fn();
    adapter.deleteConversationList([], true).catch(failed);
    await vi.advanceTimersByTimeAsync(99);
    expect(failed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(failed).toHaveBeenCalled();
  });

  it('setLatency changes the delay of later calls', async () => {
    const adapter = createMemoryAdapter({ latencyMs: 1000 });
    adapter.server.setLatency(10);
    const settled = vi.fn();
    void adapter.getConversationList('0', 1).then(settled);
    await vi.advanceTimersByTimeAsync(10);
    expect(settled).toHaveBeenCalled();
  });

  it('rejects a negative or non-finite latency', () => {
    expect(() => createMemoryChatServer({ latencyMs: -1 })).toThrow(RangeError);
    expect(() => createMemoryChatServer().setLatency(Number.NaN)).toThrow(RangeError);
  });
});

describe('given fault injection', () => {
  it('a number for the call rejects the whole call with a ChatError and applies nothing', async () => {
    const injectFault = vi.fn((operation: string, id?: string) => (operation === 'deleteConversationList' && id === undefined ? ErrorCode.NETWORK : undefined));
    const adapter = createMemoryAdapter({ conversations: [conv('C2Ca', 1)], injectFault });
    const error = await rejection(adapter.deleteConversationList(['C2Ca'], true));
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toMatchObject({ code: 2800, message: 'Network error' });
    expect(adapter.server.getConversation('C2Ca')).toBeDefined();
    // Per-item faults are not consulted once the call failed.
    expect(injectFault).toHaveBeenCalledTimes(1);
  });

  it('a number for an ID fails just that item, which stays', async () => {
    const adapter = createMemoryAdapter({
      conversations: [conv('C2Ca', 1), conv('C2Cb', 2), conv('C2Cc', 3)],
      injectFault: (_op, id) => (id === 'C2Cb' ? ErrorCode.SERVER_FREQUENCY_LIMIT : undefined),
    });
    const results = await adapter.deleteConversationList(['C2Ca', 'C2Cb', 'C2Cc'], true);
    expect(results).toEqual([
      { conversationID: 'C2Ca', resultCode: 0, resultInfo: '' },
      { conversationID: 'C2Cb', resultCode: 10006, resultInfo: 'Server frequency limit exceeded' },
      { conversationID: 'C2Cc', resultCode: 0, resultInfo: '' },
    ]);
    expect(adapter.server.getConversations().map((c) => c.conversationID)).toEqual(['C2Cb']);
    expect(adapter.server.getHistory('C2Cb')?.messageCount).toBe(1);
  });

  it('is consulted once per call and once per ID, with the operation name', async () => {
    const injectFault = vi.fn(() => undefined);
    const adapter = createMemoryAdapter({ conversations: [conv('C2Ca', 1), conv('C2Cb', 2)], injectFault });
    await adapter.deleteConversationList(['C2Ca', 'C2Cgone'], false);
    await adapter.getConversationList('0', 5);
    await adapter.markConversation(['C2Cb'], MARK_TYPE_UNREAD, true);
    await adapter.pinConversation('C2Cb', true);
    expect(injectFault.mock.calls).toEqual([
      ['deleteConversationList', undefined],
      ['deleteConversationList', 'C2Ca'],
      ['deleteConversationList', 'C2Cgone'],
      ['getConversationList', undefined],
      ['markConversation', undefined],
      ['markConversation', 'C2Cb'],
      ['pinConversation', undefined],
    ]);
  });

  it('per-item faults apply to markConversation too', async () => {
    const adapter = createMemoryAdapter({
      conversations: [conv('C2Ca', 1)],
      injectFault: (op, id) => (op === 'markConversation' && id ? ErrorCode.NETWORK : undefined),
    });
    const [result] = await adapter.markConversation(['C2Ca'], MARK_TYPE_UNREAD, true);
    expect(result).toMatchObject({ resultCode: 2800, resultInfo: 'Network error' });
    expect(adapter.server.getConversation('C2Ca')?.markList).toBeUndefined();
  });

  it.each([
    ['getConversationList', (a: ChatAdapter) => a.getConversationList('0', 10)],
    ['pinConversation', (a: ChatAdapter) => a.pinConversation!('C2Ca', true)],
    ['markConversation', (a: ChatAdapter) => a.markConversation!(['C2Ca'], 2, true)],
  ])('%s can fail as a whole', async (operation, run) => {
    const adapter = createMemoryAdapter({
      conversations: [conv('C2Ca', 1)],
      injectFault: (op, id) => (op === operation && !id ? ErrorCode.SDK_NOT_READY : undefined),
    });
    expect(await rejection(run(adapter))).toMatchObject({ code: 2999, message: 'SDK not ready' });
  });

  it('parameter errors win over injected faults (they are found before the request leaves)', async () => {
    const adapter = createMemoryAdapter({ injectFault: () => ErrorCode.NETWORK });
    expect((await rejection(adapter.deleteConversationList([], true))).code).toBe(ErrorCode.INVALID_PARAMETERS);
  });

  it('0 means no fault', async () => {
    const adapter = createMemoryAdapter({ conversations: [conv('C2Ca', 1)], injectFault: () => 0 });
    expect(await adapter.deleteConversationList(['C2Ca'], true)).toEqual([{ conversationID: 'C2Ca', resultCode: 0, resultInfo: '' }]);
  });

  it('setFaultInjector replaces and removes the injector at run time', async () => {
    const adapter = createMemoryAdapter({ conversations: [conv('C2Ca', 1)], injectFault: () => ErrorCode.NETWORK });
    adapter.server.setFaultInjector(() => ErrorCode.CLIENT_FREQUENCY_LIMIT);
    expect(await rejection(adapter.getConversationList('0', 1))).toMatchObject({ code: 2996, message: 'Client frequency limit' });
    adapter.server.setFaultInjector(undefined);
    await expect(adapter.getConversationList('0', 1)).resolves.toMatchObject({ isFinished: true });
  });
});

describe('describeCode', () => {
  it.each([
    [2800, 'Network error'],
    [10006, 'Server frequency limit exceeded'],
    [2996, 'Client frequency limit'],
    [2999, 'SDK not ready'],
    [2500, 'Conversation not found'],
    [2503, 'Invalid conversation ID'],
    [12345, 'Error 12345'],
    [0, ''],
  ])('%i reads %s', (code, message) => {
    expect(describeCode(code)).toBe(message);
  });
});

describe('reset and construction', () => {
  it('reset replaces conversations and history without events', async () => {
    const server = createMemoryChatServer({ conversations: [conv('C2Ca', 1)] });
    const l = listen(server.connect());
    server.reset([conv('C2Cb', 2)]);
    await tick();
    expect(server.getConversations().map((c) => c.conversationID)).toEqual(['C2Cb']);
    expect(server.getHistory('C2Ca')).toBeUndefined();
    expect(l.added).not.toHaveBeenCalled();
    expect(server.listenerCount()).toBe(1);
  });

  it('duplicate initial IDs throw', () => {
    expect(() => createMemoryChatServer({ conversations: [conv('C2Ca', 1), conv('C2Ca', 2)] })).toThrow(/duplicate conversation ID "C2Ca"/);
  });

  it('sorts unsorted input into list order', () => {
    const server = createMemoryChatServer({ conversations: [conv('C2Ca', 1), conv('C2Cb', 3, { isPinned: true }), conv('C2Cc', 2)] });
    expect(server.getConversations().map((c) => c.conversationID)).toEqual(['C2Cb', 'C2Cc', 'C2Ca']);
  });
});
