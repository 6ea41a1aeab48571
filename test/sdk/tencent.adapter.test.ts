// Each web-SDK quirk (sdk.md "The web SDK differs") has a case here that fails if the adapter
// stops hiding it. The fake reproduces the quirk; the first case of each block proves it does.
import { ChatError, ErrorCode } from '../../src/sdk/errors.js';
import { compareConversations } from '../../src/sdk/order.js';
import { createTencentChatAdapter } from '../../src/sdk/tencent/index.js';
import type { TencentChatLike } from '../../src/sdk/tencent/index.js';
import type { ChatAdapter, Conversation, ConversationListener } from '../../src/sdk/types.js';
import {
  EVENT,
  FakeTencentServer,
  webConversation,
  webText,
  type FakeTencentServerOptions,
  type WebConversation,
} from './fakes/fakeTencentChat.js';

const T0 = 1_700_000_000;

/** `count` one-to-one conversations, newest first: C2Cu000 (newest) … */
function makeConversations(count: number): WebConversation[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `u${String(i).padStart(3, '0')}`;
    return webConversation(`C2C${id}`, {
      userProfile: { userID: id, nick: `User ${i}`, avatar: '' },
      unreadCount: i % 3,
      lastMessage: webText(`message ${i}`, { lastTime: T0 - i, fromAccount: id }),
    });
  });
}

function setup(count = 10, options: Omit<FakeTencentServerOptions, 'conversations'> = {}) {
  const server = new FakeTencentServer({ conversations: makeConversations(count), ...options });
  const chat = server.connect();
  const adapter = createTencentChatAdapter(chat);
  const ids = server.list().map((c) => c.conversationID);
  return { server, chat, adapter, ids };
}

function record(adapter: ChatAdapter) {
  const heard = { added: [] as Conversation[], changed: [] as Conversation[], deleted: [] as string[][], totals: [] as number[] };
  const listener: ConversationListener = {
    onNewConversation: (list) => heard.added.push(...list),
    onConversationChanged: (list) => heard.changed.push(...list),
    onConversationDeleted: (list) => heard.deleted.push(list),
    onTotalUnreadMessageCountChanged: (n) => heard.totals.push(n),
  };
  const remove = adapter.addConversationListener(listener);
  return { heard, remove };
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

async function rejection(promise: Promise<unknown>): Promise<ChatError> {
  try {
    await promise;
  } catch (error) {
    return error as ChatError;
  }
  throw new Error('expected a rejection');
}

async function pageAll(adapter: ChatAdapter, count: number): Promise<Conversation[]> {
  const all: Conversation[] = [];
  let nextSeq = '0';
  for (;;) {
    const page = await adapter.getConversationList(nextSeq, count);
    all.push(...page.conversationList);
    if (page.isFinished) return all;
    nextSeq = page.nextSeq;
  }
}

// ---------------------------------------------------------------------------------------------
describe('given the SDK silently cuts deletions at 100 IDs', () => {
  it('the fake reproduces it: 150 IDs straight into the SDK delete only the first 100', async () => {
    const { server, chat, ids } = setup(150);
    const options = { conversationIDList: ids, clearHistoryMessage: true };
    const answer = (await chat.deleteConversation(options)) as { data: { conversationIDList: string[] } };
    expect(answer.data.conversationIDList).toEqual(ids.slice(0, 100));
    expect(server.list().map((c) => c.conversationID)).toEqual(ids.slice(100));
    expect(options.conversationIDList).toHaveLength(100); // the SDK even rewrites the caller's list
  });

  it('through the adapter, 150 IDs reject with INVALID_PARAMETERS and nothing is sent or dropped', async () => {
    const { server, adapter, ids } = setup(150);
    const error = await rejection(adapter.deleteConversationList(ids, true));
    expect(error).toBeInstanceOf(ChatError);
    expect(error.code).toBe(ErrorCode.INVALID_PARAMETERS);
    expect(server.calls.filter((c) => c.method === 'deleteConversation')).toHaveLength(0);
    expect(server.list()).toHaveLength(150);
  });

  it('100 IDs go out in one SDK call, every ID gets a result, and the caller’s array is untouched', async () => {
    const { server, adapter, ids } = setup(150);
    const request = ids.slice(20, 120);
    const copy = [...request];
    const results = await adapter.deleteConversationList(request, false);
    expect(results.map((r) => r.conversationID)).toEqual(copy);
    expect(results.every((r) => r.resultCode === 0)).toBe(true);
    const sent = server.calls.filter((c) => c.method === 'deleteConversation');
    expect(sent).toHaveLength(1);
    expect(sent[0].options).toEqual({ conversationIDList: copy, clearHistoryMessage: false });
    expect(request).toEqual(copy);
  });
});

// ---------------------------------------------------------------------------------------------
describe('given the SDK drops per-item failures from its answer', () => {
  it('the fake reproduces it: a failed ID is simply missing from the resolved list', async () => {
    const { chat, ids } = setup(5, { injectFault: (_op, id) => (id === 'C2Cu001' ? 10006 : undefined) });
    const answer = (await chat.deleteConversation({ conversationIDList: ids.slice(0, 3) })) as {
      code: number;
      data: { conversationIDList: string[] };
    };
    expect(answer.code).toBe(0);
    expect(answer.data.conversationIDList).toEqual(['C2Cu000', 'C2Cu002']);
  });

  it('through the adapter, the failed ID gets a non-zero resultCode; the others succeed', async () => {
    const { server, adapter } = setup(5, { injectFault: (_op, id) => (id === 'C2Cu001' ? 10006 : undefined) });
    const results = await adapter.deleteConversationList(['C2Cu000', 'C2Cu001', 'C2Cu002'], true);
    expect(results).toEqual([
      { conversationID: 'C2Cu000', resultCode: 0, resultInfo: '' },
      { conversationID: 'C2Cu001', resultCode: ErrorCode.MISSING_RESULT, resultInfo: expect.stringMatching(/.+/) },
      { conversationID: 'C2Cu002', resultCode: 0, resultInfo: '' },
    ]);
    expect(server.has('C2Cu001')).toBe(true);
  });

  it('the fake reproduces it: when every item fails the SDK rejects with 2500', async () => {
    const { chat } = setup(5, { injectFault: (_op, id) => (id ? 10006 : undefined) });
    await expect(chat.deleteConversation({ conversationIDList: ['C2Cu000'] })).rejects.toMatchObject({ code: 2500 });
  });

  it('through the adapter, an all-failed call resolves one failure per ID instead of rejecting', async () => {
    const { server, adapter } = setup(5, { injectFault: (_op, id) => (id ? 10006 : undefined) });
    const results = await adapter.deleteConversationList(['C2Cu000', 'C2Cu001'], true);
    expect(results.map((r) => [r.conversationID, r.resultCode])).toEqual([
      ['C2Cu000', ErrorCode.MISSING_RESULT],
      ['C2Cu001', ErrorCode.MISSING_RESULT],
    ]);
    expect(server.list()).toHaveLength(5);
  });

  it('an ID already gone (missing from the answer and from the local list) succeeds idempotently', async () => {
    const { adapter } = setup(5, { injectFault: (_op, id) => (id === 'C2Cu001' ? 10006 : undefined) });
    const results = await adapter.deleteConversationList(['C2Cgone', 'C2Cu001'], true);
    expect(results.map((r) => [r.conversationID, r.resultCode])).toEqual([
      ['C2Cgone', 0],
      ['C2Cu001', ErrorCode.MISSING_RESULT],
    ]);
  });

  it('an ID deleted by another device (multi-device sync off) still reports success', async () => {
    const { server, adapter } = setup(5, { multiDeviceSync: false });
    server.deleteFromOtherDevice(['C2Cu002']); // this device still lists it
    const results = await adapter.deleteConversationList(['C2Cu002'], true);
    expect(results).toEqual([expect.objectContaining({ conversationID: 'C2Cu002', resultCode: 0 })]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('given the SDK throws synchronously on bad parameters', () => {
  it('the fake reproduces it', () => {
    const { chat } = setup(2);
    expect(() => chat.deleteConversation({ conversationIDList: ['not-an-id'] })).toThrow('Params validate failed.');
    expect(() => chat.deleteConversation({ conversationIDList: [] })).toThrow('Params validate failed.');
  });

  it('an ID the SDK would refuse is never sent (it cannot exist there) and counts as already gone', async () => {
    const { server, adapter } = setup(3);
    const results = await adapter.deleteConversationList(['not-an-id', 'C2Cu000'], true);
    expect(results.map((r) => [r.conversationID, r.resultCode])).toEqual([
      ['not-an-id', 0],
      ['C2Cu000', 0],
    ]);
    const sent = server.calls.filter((c) => c.method === 'deleteConversation');
    expect(sent.map((c) => c.options)).toEqual([{ conversationIDList: ['C2Cu000'], clearHistoryMessage: true }]);
  });

  it('a synchronous throw from the SDK becomes a rejected promise with INVALID_PARAMETERS, not a throw', async () => {
    const { chat } = setup(3);
    const throwing: TencentChatLike = {
      getConversationList: () => chat.getConversationList(),
      on: (n, h) => chat.on(n, h),
      off: (n, h) => chat.off(n, h),
      deleteConversation: () => {
        throw new Error('Params validate failed.');
      },
      pinConversation: () => {
        throw new Error('Params validate failed.');
      },
    };
    const adapter = createTencentChatAdapter(throwing);
    let pending: Promise<unknown> | undefined;
    expect(() => (pending = adapter.deleteConversationList(['C2Cu000'], true))).not.toThrow();
    const error = await rejection(pending!);
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toMatchObject({ code: ErrorCode.INVALID_PARAMETERS, message: 'Params validate failed.' });
    let pin: Promise<unknown> | undefined;
    expect(() => (pin = adapter.pinConversation!('C2Cu000', true))).not.toThrow();
    expect(await rejection(pin!)).toMatchObject({ code: ErrorCode.INVALID_PARAMETERS });
  });

  it('a synchronous throw that carries a code keeps it', async () => {
    const { chat } = setup(1);
    const adapter = createTencentChatAdapter({
      getConversationList: () => chat.getConversationList(),
      on: () => {},
      off: () => {},
      deleteConversation: () => {
        throw Object.assign(new Error('SDK not ready'), { code: ErrorCode.SDK_NOT_READY });
      },
    });
    expect(await rejection(adapter.deleteConversationList(['C2Cu000'], true))).toMatchObject({
      code: ErrorCode.SDK_NOT_READY,
    });
  });
});

// ---------------------------------------------------------------------------------------------
describe('given the SDK rejects with { code, message, data }', () => {
  it('a whole-call failure (network) rejects with a ChatError carrying the code', async () => {
    const { server, adapter } = setup(3, { injectFault: (op, id) => (op === 'deleteConversation' && !id ? 2800 : undefined) });
    const error = await rejection(adapter.deleteConversationList(['C2Cu000'], true));
    expect(error).toBeInstanceOf(ChatError);
    expect(error.code).toBe(ErrorCode.NETWORK);
    expect(server.has('C2Cu000')).toBe(true);
  });

  it('getConversationList failures are ChatErrors too', async () => {
    const { adapter } = setup(3, { injectFault: (op) => (op === 'getConversationList' ? 2999 : undefined) });
    const error = await rejection(adapter.getConversationList('0', 10));
    expect(error).toBeInstanceOf(ChatError);
    expect(error.code).toBe(ErrorCode.SDK_NOT_READY);
  });

  it('when the list cannot be read after a partial delete, unconfirmed IDs fail (retry is safe)', async () => {
    let failReads = false;
    const { adapter } = setup(3, {
      injectFault: (op, id) => (op === 'getConversationList' && failReads ? 2800 : id === 'C2Cu001' ? 10006 : undefined),
    });
    failReads = true;
    const results = await adapter.deleteConversationList(['C2Cu000', 'C2Cgone'], true);
    expect(results.map((r) => [r.conversationID, r.resultCode])).toEqual([
      ['C2Cu000', 0],
      ['C2Cgone', ErrorCode.MISSING_RESULT],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('given clearMessage', () => {
  it.each([
    [true, undefined],
    [false, { messageCount: 1 }],
  ])('clearMessage %s is sent as clearHistoryMessage (history after: %j)', async (clearMessage, history) => {
    const { server, adapter } = setup(3);
    await adapter.deleteConversationList(['C2Cu001'], clearMessage);
    expect(server.history('C2Cu001')).toEqual(history);
  });
});

// ---------------------------------------------------------------------------------------------
describe('given the SDK has no deleted event, only full lists', () => {
  it('the fake reproduces it: a remote deletion arrives as a list without the conversation', () => {
    const { server, chat } = setup(3);
    const events: unknown[] = [];
    chat.on(EVENT.CONVERSATION_LIST_UPDATED, (e) => events.push(e));
    server.deleteFromOtherDevice(['C2Cu001']);
    expect(events).toHaveLength(1);
    const list = (events[0] as { data: WebConversation[] }).data.map((c) => c.conversationID);
    expect(list).toEqual(['C2Cu000', 'C2Cu002']);
  });

  it('a deletion on another device becomes onConversationDeleted with exactly that ID', async () => {
    const { server, adapter } = setup(5);
    await adapter.getConversationList('0', 2);
    const { heard } = record(adapter);
    server.deleteFromOtherDevice(['C2Cu003']);
    await tick();
    expect(heard.deleted).toEqual([['C2Cu003']]);
    expect(heard.added).toEqual([]);
    expect(heard.changed).toEqual([]);
  });

  it('a listener added before any paging still learns of a remote deletion', async () => {
    const { server, adapter } = setup(5);
    const { heard } = record(adapter);
    await tick();
    server.deleteFromOtherDevice(['C2Cu000', 'C2Cu004']);
    await tick();
    expect(heard.deleted).toEqual([['C2Cu000', 'C2Cu004']]);
    expect(heard.added).toEqual([]);
  });

  it('the device that deletes does not hear its own deletion; the other device does', async () => {
    const { server, adapter } = setup(5);
    const other = createTencentChatAdapter(server.connect());
    const mine = record(adapter);
    const theirs = record(other);
    await tick();
    const results = await adapter.deleteConversationList(['C2Cu001', 'C2Cu002'], false);
    expect(results.every((r) => r.resultCode === 0)).toBe(true);
    await tick();
    expect(mine.heard.deleted).toEqual([]);
    expect(theirs.heard.deleted).toEqual([['C2Cu001', 'C2Cu002']]);
    // …and a later, unrelated event does not bring the own deletion back either.
    server.deliverMessage('C2Cu000', { payload: { text: 'later' } });
    await tick();
    expect(mine.heard.deleted).toEqual([]);
  });

  it('a failed own deletion is not reported as deleted (the conversation stays)', async () => {
    const { adapter } = setup(3, { injectFault: (_op, id) => (id === 'C2Cu001' ? 10006 : undefined) });
    const { heard } = record(adapter);
    await tick();
    await adapter.deleteConversationList(['C2Cu001'], true);
    await tick();
    expect(heard.deleted).toEqual([]);
  });

  it('the first event after paging does not report the whole list as new', async () => {
    const { server, adapter } = setup(30);
    await adapter.getConversationList('0', 10); // only one page seen
    const { heard } = record(adapter);
    server.deliverMessage('C2Cu020', { payload: { text: 'bump' } });
    await tick();
    expect(heard.added).toEqual([]);
    expect(heard.changed.map((c) => c.conversationID)).toEqual(['C2Cu020']);
    expect(heard.changed[0].lastMessage?.text).toBe('bump');
  });

  it('a brand-new conversation is onNewConversation', async () => {
    const { server, adapter } = setup(3);
    const { heard } = record(adapter);
    await tick();
    server.deliverMessage('GROUPnew', { payload: { text: 'welcome' }, nick: 'Ann' }, {
      groupProfile: { groupID: 'new', name: 'New Group', avatar: '', type: 'Work' },
    });
    await tick();
    expect(heard.added).toEqual([
      expect.objectContaining({ conversationID: 'GROUPnew', type: 'group', showName: 'New Group', lastMessage: expect.objectContaining({ text: 'welcome', senderName: 'Ann' }) }),
    ]);
  });

  it('changes made in place on the SDK’s own objects are still detected', async () => {
    const { server, chat, adapter } = setup(3);
    const before = (await chat.getConversationList()) as { data: { conversationList: WebConversation[] } };
    const object = before.data.conversationList.find((c) => c.conversationID === 'C2Cu001')!;
    const { heard } = record(adapter);
    await tick();
    server.updateConversation('C2Cu001', { remark: 'Best friend' });
    expect(object.remark).toBe('Best friend'); // same object, mutated: identity tells nothing
    await tick();
    expect(heard.changed.map((c) => [c.conversationID, c.showName])).toEqual([['C2Cu001', 'Best friend']]);
  });

  it('a change the kit does not render (customData) is not reported', async () => {
    const { server, adapter } = setup(3);
    const { heard } = record(adapter);
    await tick();
    server.updateConversation('C2Cu001', { customData: 'x' });
    await tick();
    expect(heard.changed).toEqual([]);
  });

  it('TOTAL_UNREAD_MESSAGE_COUNT_UPDATED becomes onTotalUnreadMessageCountChanged', async () => {
    const { server, adapter } = setup(3); // unread 0 + 1 + 2
    const { heard } = record(adapter);
    await tick();
    server.deliverMessage('C2Cu000');
    await tick();
    expect(heard.totals).toEqual([4]);
  });

  it('one SDK subscription serves every listener; removing the last calls chat.off', async () => {
    const { server, chat, adapter } = setup(3);
    const a = record(adapter);
    const b = record(adapter);
    expect(chat.listenerCount(EVENT.CONVERSATION_LIST_UPDATED)).toBe(1);
    expect(chat.listenerCount(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED)).toBe(1);
    await tick();
    server.deleteFromOtherDevice(['C2Cu002']);
    expect(a.heard.deleted).toEqual([['C2Cu002']]);
    expect(b.heard.deleted).toEqual([['C2Cu002']]);
    a.remove();
    expect(chat.listenerCount()).toBe(2);
    b.remove();
    b.remove();
    expect(chat.listenerCount()).toBe(0);
  });

  it('a listener that throws does not stop the others', async () => {
    const { server, adapter } = setup(3);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    adapter.addConversationListener({
      onConversationDeleted: () => {
        throw new Error('boom');
      },
    });
    const { heard } = record(adapter);
    await tick();
    server.deleteFromOtherDevice(['C2Cu000']);
    expect(heard.deleted).toEqual([['C2Cu000']]);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

// ---------------------------------------------------------------------------------------------
describe('given the SDK has no paging and syncs the whole list itself', () => {
  it('pages the local list in kit order (compareConversations), covering each conversation once', async () => {
    const conversations = [
      ...makeConversations(6),
      webConversation('C2Cpinned', { isPinned: true, lastMessage: webText('pinned', { lastTime: T0 - 100 }) }),
      webConversation('C2Cquiet'), // no message: last
      webConversation('C2Ctie_b', { lastMessage: webText('tie', { lastTime: T0 - 2 }) }),
    ];
    const server = new FakeTencentServer({ conversations });
    const adapter = createTencentChatAdapter(server.connect());
    const paged = await pageAll(adapter, 4);
    const expected = server.list().map((c) => c.conversationID);
    expect(paged.map((c) => c.conversationID).sort()).toEqual([...expected].sort());
    expect(paged.map((c) => c.conversationID)).toEqual([...paged].sort(compareConversations).map((c) => c.conversationID));
    expect(paged[0].conversationID).toBe('C2Cpinned');
    expect(paged.at(-1)!.conversationID).toBe('C2Cquiet');
  });

  it('a conversation moving to the top between pages is neither repeated nor skipped', async () => {
    const { server, adapter, ids } = setup(12);
    const { heard } = record(adapter);
    const first = await adapter.getConversationList('0', 4);
    server.deliverMessage('C2Cu010', { payload: { text: 'moved up' } });
    const rest: Conversation[] = [];
    let nextSeq = first.nextSeq;
    for (;;) {
      const page = await adapter.getConversationList(nextSeq, 4);
      rest.push(...page.conversationList);
      if (page.isFinished) break;
      nextSeq = page.nextSeq;
    }
    const seen = [...first.conversationList, ...rest].map((c) => c.conversationID);
    expect(seen.sort()).toEqual([...ids].sort());
    expect(heard.changed.map((c) => c.conversationID)).toContain('C2Cu010');
  });

  it('while the SDK is still syncing, pages cover what is local and the rest arrives as onNewConversation', async () => {
    const server = new FakeTencentServer({ conversations: makeConversations(8) });
    const chat = server.connect({ syncedCount: 3 });
    const adapter = createTencentChatAdapter(chat);
    const { heard } = record(adapter);
    const page = await adapter.getConversationList('0', 10);
    expect(page.conversationList.map((c) => c.conversationID)).toEqual(['C2Cu000', 'C2Cu001', 'C2Cu002']);
    expect(page.isFinished).toBe(true);
    chat.completeSync();
    await tick();
    expect(heard.added.map((c) => c.conversationID)).toEqual(['C2Cu003', 'C2Cu004', 'C2Cu005', 'C2Cu006', 'C2Cu007']);
  });

  it('leaves the @TIM#SYSTEM conversation out', async () => {
    const server = new FakeTencentServer({
      conversations: [...makeConversations(2), webConversation('@TIM#SYSTEM', { type: '@TIM#SYSTEM', lastMessage: webText('notice', { lastTime: T0 + 5 }) })],
    });
    const adapter = createTencentChatAdapter(server.connect());
    const page = await adapter.getConversationList('0', 10);
    expect(page.conversationList.map((c) => c.conversationID)).toEqual(['C2Cu000', 'C2Cu001']);
  });

  it('rejects an unknown cursor with INVALID_PARAMETERS', async () => {
    const { adapter } = setup(3);
    expect(await rejection(adapter.getConversationList('garbage', 2))).toMatchObject({ code: ErrorCode.INVALID_PARAMETERS });
  });
});

// ---------------------------------------------------------------------------------------------
describe('given pin and mark', () => {
  it('pinConversation sends { conversationID, isPinned } and the change arrives as onConversationChanged', async () => {
    const { server, adapter } = setup(3);
    const { heard } = record(adapter);
    await tick();
    await adapter.pinConversation!('C2Cu002', true);
    expect(server.calls.filter((c) => c.method === 'pinConversation').map((c) => c.options)).toEqual([
      { conversationID: 'C2Cu002', isPinned: true },
    ]);
    expect(heard.changed).toEqual([expect.objectContaining({ conversationID: 'C2Cu002', isPinned: true })]);
  });

  it('pinConversation failures are ChatErrors with the SDK code', async () => {
    const { adapter } = setup(3);
    expect(await rejection(adapter.pinConversation!('C2Cnobody', true))).toMatchObject({ code: 2500 });
  });

  it('markConversation maps success and failure lists to one result per ID', async () => {
    const { server, adapter } = setup(3, { injectFault: (op, id) => (op === 'markConversation' && id === 'C2Cu001' ? 10006 : undefined) });
    const results = await adapter.markConversation!(['C2Cu000', 'C2Cu001', 'C2Cnobody'], 0x2, true);
    expect(results.map((r) => [r.conversationID, r.resultCode])).toEqual([
      ['C2Cu000', 0],
      ['C2Cu001', 10006],
      ['C2Cnobody', 2500],
    ]);
    expect(server.list().find((c) => c.conversationID === 'C2Cu000')?.markList).toEqual([0x2]);
  });

  it('an SDK without pin or mark gives an adapter without those capabilities', () => {
    const { chat } = setup(1);
    const adapter = createTencentChatAdapter({
      getConversationList: () => chat.getConversationList(),
      deleteConversation: (o) => chat.deleteConversation(o),
      on: () => {},
      off: () => {},
    });
    expect(adapter.pinConversation).toBeUndefined();
    expect(adapter.markConversation).toBeUndefined();
  });
});
