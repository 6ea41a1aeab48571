/**
 * Faulty backends against the store alone, with fake time (issue 7): the exact timings the
 * browser suite cannot afford to wait for. The default 15 s call timeout, backoff between
 * retries, the page cap for a `nextSeq` that changes forever, and one `setState` for a burst.
 * The store is real, the server is real, the misbehaviour comes from the wrapper in adapters.ts.
 */
import { createConversationStore } from '../../src/store/index.js';
import type { ConversationStoreOptions } from '../../src/store/types.js';
import { createMemoryChatServer } from '../../src/sdk/memory/index.js';
import { createTranslator, formatAnnouncement } from '../../src/i18n/translator.js';
import { hang, malformed, misbehave, paging, rejectWith, sdkError, throwSync, type FaultyAdapter, type Method } from './adapters.js';

const t = createTranslator('en').t;
const NOW = Date.UTC(2025, 0, 15, 12);

function people(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    conversationID: `C2Cu${i + 1}`,
    type: 'c2c' as const,
    showName: `Person ${i + 1}`,
    isPinned: false,
    orderKey: 1_000_000 - i,
    unreadCount: 0,
    lastMessage: { text: `hi ${i + 1}`, timestamp: NOW },
  }));
}

function setup(n = 6, options: ConversationStoreOptions = {}, before?: (f: FaultyAdapter) => void) {
  const server = createMemoryChatServer({ conversations: people(n) });
  const f = misbehave(server.connect());
  before?.(f);
  const store = createConversationStore(f.adapter, { random: () => 0, retryBaseMs: 10, ...options });
  const heard: string[] = [];
  // The live region's feed: every announcement, as text.
  store.subscribe((s) => {
    for (const a of s.announcements) {
      heard.push(formatAnnouncement(t, a));
      s.actions.dismissAnnouncement(a.id);
    }
  });
  const s = () => store.getState();
  return {
    server,
    f,
    store,
    s,
    heard,
    a: s().actions,
    ids: () => s().order.filter((id) => !s().hidden.has(id)),
    serverIDs: () => server.getConversations().map((c) => c.conversationID),
    clears: () => server.calls.filter((c) => c.operation === 'deleteConversationList' && c.clearMessage === true),
  };
}
type S = ReturnType<typeof setup>;

/** Lets fake time run until `p` settles. */
async function settled<T>(p: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync();
  return p;
}

async function load(x: S) {
  const p = x.a.loadAll();
  p.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  await vi.runAllTimersAsync();
  await p;
}

/** Opens the dialog for `ids` and confirms it: the only way to clearMessage: true. */
function confirmDelete(x: S, ids: string[]) {
  x.a.requestDelete(ids);
  expect(x.s().confirmation?.ids).toEqual(ids);
  x.a.confirmDelete();
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('given a delete that hangs', () => {
  it('fails after the default 15 s, not before, and is retriable', async () => {
    const parked = hang();
    const x = setup(6, {}, (f) => f.on('deleteConversationList', parked.behaviour, { times: 1 }));
    await load(x);
    confirmDelete(x, ['C2Cu2']);
    expect(x.ids()).not.toContain('C2Cu2');
    await vi.advanceTimersByTimeAsync(14_999);
    expect(x.s().jobs[0].status).toBe('running');
    await vi.advanceTimersByTimeAsync(1);
    expect(x.s().jobs[0]).toMatchObject({ status: 'failed', failed: [{ conversationID: 'C2Cu2', code: 2801 }] });
    expect(x.heard.at(-1)).toBe("Couldn't delete 1 conversation: The server took too long to answer.");
    expect(x.ids()).toEqual(x.serverIDs());

    // The late answer (the server did delete it) is applied once; a Retry then sends nothing.
    await settled(parked.release());
    expect(x.ids()).toEqual(x.serverIDs());
    expect(x.s().jobs[0]).toMatchObject({ status: 'succeeded', succeeded: 1, failed: [] });
    x.a.retryJob(x.s().jobs[0].id);
    await vi.runAllTimersAsync();
    expect(x.f.callsOf('deleteConversationList')).toHaveLength(1);
    expect(x.s().jobs[0].succeeded).toBe(1);
    expect(x.clears().flatMap((c) => c.ids)).toEqual(['C2Cu2']);
  });

  it('honours a configured callTimeoutMs for pages too', async () => {
    const parked = hang();
    const x = setup(6, { callTimeoutMs: 500 }, (f) => f.on('getConversationList', parked.behaviour, { times: 1 }));
    const p = x.a.fetchNextPage().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500);
    expect(await p).toMatchObject({ code: 2801 });
    expect(x.s().paging).toMatchObject({ status: 'error', error: { code: 2801 } });
    expect(x.heard.at(-1)).toBe("Couldn't load conversations: The server took too long to answer.");
    // The late page is not applied on top of the retry's: the list is the server, once.
    await settled(parked.release());
    await load(x);
    expect(x.ids()).toEqual(x.serverIDs());
  });
});

describe('given retriable rejections', () => {
  it.each([2800, 2996, 10006])('%i is retried with exponential backoff, 3 tries in all', async (code) => {
    const x = setup(6, { retryBaseMs: 100 }, (f) => f.on('deleteConversationList', rejectWith(code)));
    await load(x);
    confirmDelete(x, ['C2Cu3']);
    const at = () => x.f.callsOf('deleteConversationList').length;
    // Each rejection lands at once (t = 0, 100); the retries wait 100 ms, then 200 ms.
    await vi.advanceTimersByTimeAsync(1);
    expect(at()).toBe(1);
    await vi.advanceTimersByTimeAsync(98); // t = 99
    expect(at()).toBe(1);
    await vi.advanceTimersByTimeAsync(2); // t = 101
    expect(at()).toBe(2);
    await vi.advanceTimersByTimeAsync(197); // t = 298
    expect(at()).toBe(2);
    await vi.advanceTimersByTimeAsync(3); // t = 301
    expect(at()).toBe(3);
    await vi.runAllTimersAsync();
    expect(at()).toBe(3);
    expect(x.s().jobs[0].failed).toEqual([expect.objectContaining({ conversationID: 'C2Cu3', code })]);
    expect(x.ids()).toEqual(x.serverIDs());
  });

  it.each([2500, 2503, 2999, 6017, 4242])('%i is not retried', async (code) => {
    const x = setup(6, {}, (f) => f.on('deleteConversationList', rejectWith(code)));
    await load(x);
    confirmDelete(x, ['C2Cu3']);
    await vi.runAllTimersAsync();
    expect(x.f.callsOf('deleteConversationList')).toHaveLength(1);
    expect(x.s().jobs[0].failed).toEqual([expect.objectContaining({ conversationID: 'C2Cu3', code })]);
    expect(x.ids()).toEqual(x.serverIDs());
  });
});

describe('given a synchronous throw', () => {
  it.each<[Method, (x: S) => Promise<unknown>]>([
    ['getConversationList', (x) => x.a.fetchNextPage()],
    ['deleteConversationList', async (x) => confirmDelete(x, ['C2Cu1'])],
    ['pinConversation', (x) => x.a.setPinned('C2Cu1', true)],
    ['markConversation', (x) => x.a.setUnread('C2Cu1', true)],
  ])('from %s is handled like a rejection, and told', async (method, act) => {
    const x = setup(6);
    if (method !== 'getConversationList') await load(x);
    x.f.on(method, throwSync(sdkError(2999, 'not ready')));
    const before = x.serverIDs();
    const p = act(x).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const result = await p;
    if (method !== 'deleteConversationList') expect(result).toMatchObject({ code: 2999 });
    expect(x.heard.at(-1)).toMatch(/Chat is not ready yet/);
    expect(x.serverIDs()).toEqual(before);
    expect(x.ids()).toEqual(method === 'getConversationList' ? [] : before);
    expect(x.s().byID.get('C2Cu1')?.isPinned ?? false).toBe(false);
    expect(x.clears().length).toBe(method === 'deleteConversationList' ? 0 : 0);
  });

  it('from addConversationListener: no crash, told, and the list still works', async () => {
    const x = setup(6, {}, (f) => f.on('addConversationListener', throwSync(sdkError(2999)), { times: 1 }));
    expect(() => x.a.retain()).not.toThrow();
    expect(x.heard.at(-1)).toBe("Couldn't load conversations: Chat is not ready yet. Try again in a moment.");
    await load(x);
    expect(x.ids()).toEqual(x.serverIDs());
    x.a.release();
    await vi.runAllTimersAsync();
  });
});

describe('given malformed results', () => {
  it.each([
    ['a non-array', () => malformed.nonArray(), 2802],
    ['a wrong-typed item', () => malformed.wrongTyped(), 2802],
  ] as const)('%s fails the batch (%#)', async (_, make, code) => {
    const x = setup(6, {}, (f) => f.on('deleteConversationList', make(), { times: 1 }));
    await load(x);
    confirmDelete(x, ['C2Cu1', 'C2Cu2']);
    await vi.runAllTimersAsync();
    expect(x.s().jobs[0]).toMatchObject({ status: 'failed', done: 2, succeeded: 0 });
    expect(x.s().jobs[0].failed.map((f) => f.code)).toEqual([code, code]);
    // Retry reconciles with the server (which did delete them).
    x.a.retryJob(x.s().jobs[0].id);
    await vi.runAllTimersAsync();
    expect(x.ids()).toEqual(x.serverIDs());
  });

  it('a duplicated item counts once; an unknown ID is ignored', async () => {
    const x = setup(6, {}, (f) => {
      f.on('deleteConversationList', malformed.duplicated(), { times: 1 });
      f.on('deleteConversationList', malformed.unknownID('C2Cu6'), { times: 1 });
    });
    await load(x);
    confirmDelete(x, ['C2Cu1', 'C2Cu2']);
    await vi.runAllTimersAsync();
    expect(x.s().jobs[0]).toMatchObject({ status: 'succeeded', total: 2, done: 2, succeeded: 2 });
    confirmDelete(x, ['C2Cu3']);
    await vi.runAllTimersAsync();
    expect(x.ids()).toContain('C2Cu6');
    expect(x.ids()).toEqual(x.serverIDs());
    expect(x.heard.at(-1)).toBe('Conversation deleted');
  });
});

describe('given paging faults', () => {
  it('a nextSeq that changes forever stops at maxPages, announced once', async () => {
    const x = setup(12, { pageSize: 5, maxPages: 6 }, (f) => f.on('getConversationList', paging.endless()));
    await load(x);
    expect(x.s().paging).toMatchObject({ capReached: true, isFinished: false, pagesLoaded: 6 });
    expect(x.f.callsOf('getConversationList')).toHaveLength(6);
    expect(x.heard.filter((h) => h.startsWith('Stopped'))).toEqual(['Stopped loading after 6 pages.']);
    expect(x.ids()).toEqual(x.serverIDs());
    // Nothing more is fetched, whoever asks.
    await load(x);
    await x.a.fetchNextPage();
    expect(x.f.callsOf('getConversationList')).toHaveLength(6);
  });

  it('duplicate IDs across pages are merged, never doubled', async () => {
    const x = setup(23, { pageSize: 5 }, (f) => f.on('getConversationList', paging.duplicateAcrossPages()));
    await load(x);
    expect(x.ids()).toEqual(x.serverIDs());
    expect(x.s().byID.size).toBe(23);
  });

  it('a page failing halfway keeps what is loaded; the next try continues from there', async () => {
    let n = 0;
    const x = setup(23, { pageSize: 5 }, (f) => f.on('getConversationList', rejectWith(2800), { times: 1, when: () => ++n === 3 }));
    // Scrolling: one page at a time, as the list asks for them.
    const next = async () => {
      const p = x.a.fetchNextPage();
      p.catch(() => undefined);
      await vi.runAllTimersAsync();
      return p;
    };
    await next();
    await next();
    await expect(next()).rejects.toMatchObject({ code: 2800 });
    expect(x.ids()).toEqual(x.serverIDs().slice(0, 10));
    expect(x.heard.at(-1)).toBe("Couldn't load conversations: Network error. Check your connection and try again.");
    await load(x);
    expect(x.ids()).toEqual(x.serverIDs());
  });
});

describe('given listener abuse', () => {
  it('10,000 events in one burst are one state update', async () => {
    const x = setup(6);
    x.a.retain();
    await load(x);
    let updates = 0;
    const stop = x.store.subscribe(() => updates++);
    for (let i = 0; i < 10_000; i++) {
      const c = x.server.getConversation(`C2Cu${(i % 6) + 1}`)!;
      x.server.upsertConversation({ ...c, orderKey: 2_000_000 + ((i * 7919) % 10_000) });
    }
    await vi.advanceTimersByTimeAsync(0);
    stop();
    expect(updates).toBe(1);
    expect(x.ids()).toEqual(x.serverIDs());
  });

  it('events after release change nothing', async () => {
    const x = setup(6);
    x.a.retain();
    await load(x);
    x.a.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(x.server.listenerCount()).toBe(0);
    let updates = 0;
    x.store.subscribe(() => updates++);
    x.f.emit({ deleted: ['C2Cu1'], new: [{ ...people(1)[0], conversationID: 'C2Cnew' }] }, { evenRemoved: true });
    await settled(x.server.connect().deleteConversationList(['C2Cu2'], true));
    expect(updates).toBe(0);
  });
});
