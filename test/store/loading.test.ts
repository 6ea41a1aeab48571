import { ErrorCode } from '../../src/sdk/errors.js';
import type { ChatAdapter, ConversationPage } from '../../src/sdk/types.js';
import { NOW, setup, tick } from './helpers.js';

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Lets fake time pass while `p` runs; its rejection is handled from the start. */
async function run<T>(p: Promise<T>, ms = 100): Promise<T> {
  const settled = p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  await tick(ms);
  const r = await settled;
  if (!r.ok) throw r.error;
  return r.value;
}

describe('given a server with 250 conversations and pages of 100', () => {
  it('loads page by page in list order and tracks paging', async () => {
    const s = setup(250);
    expect(s.state().paging).toMatchObject({ nextSeq: '0', isFinished: false, status: 'idle', pagesLoaded: 0 });
    const p = s.actions.fetchNextPage();
    expect(s.state().paging.status).toBe('loading');
    await run(p);
    expect(s.state().order).toEqual(s.serverIDs().slice(0, 100));
    expect(s.state().paging).toMatchObject({ isFinished: false, status: 'idle', pagesLoaded: 1 });
    await run(s.actions.fetchNextPage());
    expect(s.state().paging).toMatchObject({ isFinished: false, pagesLoaded: 2 });
    // loadAll fetches the rest in larger pages (select all, then delete).
    await run(s.actions.loadAll());
    expect(s.state().order).toEqual(s.serverIDs());
    expect(s.state().paging).toMatchObject({ isFinished: true, pagesLoaded: 3 });
    expect(s.server.calls.filter((x) => x.operation === 'getConversationList').at(-1)).toBeDefined();
  });

  it('shares one adapter call between concurrent requests for the same page', async () => {
    const s = setup(250);
    const a = s.actions.fetchNextPage();
    const b = s.actions.fetchNextPage();
    const c = s.actions.fetchPage('0');
    expect(a).toBe(b);
    expect(a).toBe(c);
    await run(a);
    expect(s.server.calls.filter((x) => x.operation === 'getConversationList')).toHaveLength(1);
  });

  it('merges duplicate IDs across pages once, keeping the newer copy', async () => {
    const s = setup(10, {
      wrap: (a): ChatAdapter => ({
        ...a,
        async getConversationList(seq, count) {
          const page = await a.getConversationList(seq, count);
          // A server that repeats the last item of the previous page.
          if (seq !== '0') return page;
          return { ...page, conversationList: [...page.conversationList, page.conversationList[0]] };
        },
      }),
      store: { pageSize: 5 },
    });
    await run(s.actions.loadAll());
    expect(s.state().order).toEqual(s.serverIDs());
    expect(new Set(s.state().order).size).toBe(10);
  });

  it('keeps nothing on a failed first page and reports the error', async () => {
    let fail = true;
    const s = setup(20, {
      server: { injectFault: (op, id) => (op === 'getConversationList' && !id && fail ? ErrorCode.NETWORK : undefined) },
    });
    await expect(run(s.actions.fetchNextPage())).rejects.toMatchObject({ code: ErrorCode.NETWORK });
    expect(s.state().paging).toMatchObject({ status: 'error', pagesLoaded: 0, error: { code: ErrorCode.NETWORK } });
    expect(s.state().announcements.at(-1)).toMatchObject({ kind: 'loadFailed', code: ErrorCode.NETWORK });
    fail = false;
    await run(s.actions.fetchNextPage());
    expect(s.state().paging).toMatchObject({ status: 'idle', pagesLoaded: 1, error: undefined });
  });

  it('keeps what is loaded when a later page fails', async () => {
    let n = 0;
    const s = setup(250, {
      server: { injectFault: (op, id) => (op === 'getConversationList' && !id && ++n === 2 ? ErrorCode.NETWORK : undefined) },
    });
    await run(s.actions.fetchNextPage());
    await expect(run(s.actions.fetchNextPage())).rejects.toMatchObject({ code: ErrorCode.NETWORK });
    expect(s.state().order).toHaveLength(100);
    expect(s.state().paging).toMatchObject({ status: 'error', pagesLoaded: 1 });
    await run(s.actions.fetchNextPage());
    expect(s.state().order).toHaveLength(200);
  });

  it('fails a page that does not answer within the call timeout', async () => {
    const s = setup(5, { server: { latencyMs: 20_000 }, store: { callTimeoutMs: 1000 } });
    await expect(run(s.actions.fetchNextPage(), 1000)).rejects.toMatchObject({ code: ErrorCode.TIMEOUT });
    expect(s.state().paging.status).toBe('error');
    await tick(20_000); // the late page is dropped
    expect(s.state().order).toEqual([]);
  });

  it('rejects a malformed page without a crash', async () => {
    const s = setup(5, {
      wrap: (a): ChatAdapter => ({ ...a, getConversationList: async () => ({ nope: true }) as unknown as ConversationPage }),
    });
    await expect(run(s.actions.fetchNextPage())).rejects.toMatchObject({ code: ErrorCode.MALFORMED_RESULT });
  });

  it('stops at the page cap and announces it', async () => {
    const s = setup(50, { store: { pageSize: 5, maxPages: 3 } });
    for (let i = 0; i < 5; i++) await run(s.actions.fetchNextPage(), 100);
    expect(s.state().paging).toMatchObject({ pagesLoaded: 3, capReached: true, isFinished: false });
    expect(s.state().order).toHaveLength(15);
    expect(s.state().announcements.at(-1)).toMatchObject({ kind: 'pageCapReached', pages: 3 });
    await run(s.actions.fetchNextPage());
    expect(s.server.calls.filter((x) => x.operation === 'getConversationList')).toHaveLength(3);
  });

  it('stops when nextSeq never moves', async () => {
    const s = setup(50, {
      wrap: (a): ChatAdapter => ({
        ...a,
        getConversationList: async (seq, count) => ({ ...(await a.getConversationList('0', count)), nextSeq: 'x', isFinished: false }),
      }),
    });
    await run(s.actions.loadAll(), 500);
    expect(s.state().paging).toMatchObject({ capReached: true, pagesLoaded: 2 });
  });

  it('does not bring back a conversation deleted while an older page was in flight', async () => {
    const s = setup(10, { server: { latencyMs: 100 } });
    s.actions.retain();
    const victim = s.serverIDs()[0];
    // Page 1 was answered with the victim still in it (a server snapshot taken earlier): simulate
    // by a remote deletion event arriving while the page is in flight.
    const page = s.actions.fetchNextPage();
    await tick(50);
    s.actions.applyRemoteDeletion([victim]);
    await tick(50);
    await page;
    expect(s.state().byID.has(victim)).toBe(false);
    expect(s.state().order).not.toContain(victim);
  });

  it('merges a refetch of an earlier page without moving the cursor', async () => {
    const s = setup(250);
    await run(s.actions.loadAll());
    const paging = s.state().paging;
    s.server.upsertConversation({ ...s.server.getConversations()[0], showName: 'Renamed' });
    await run(s.actions.fetchPage('0'));
    expect(s.state().paging).toEqual(paging);
    expect(s.state().byID.get(s.serverIDs()[0])?.showName).toBe('Renamed');
  });
});
