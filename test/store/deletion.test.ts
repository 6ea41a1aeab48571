import { ChatError, ErrorCode } from '../../src/sdk/errors.js';
import type { ChatAdapter, ConversationOperationResult } from '../../src/sdk/types.js';
import { NOW, concurrency, settle, setup, tick } from './helpers.js';

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

async function loaded(n: number, opts: Parameters<typeof setup>[1] = {}) {
  const s = setup(n, opts);
  const p = s.actions.loadAll();
  await tick(0);
  await settle(s);
  await p;
  return s;
}

describe('given a loaded list of 250 conversations', () => {
  describe('after selecting all and confirming', () => {
    it('sends batches of at most 100 IDs in list order, at most 2 in flight, with clearMessage true', async () => {
      const c = { stats: { now: 0, max: 0 } };
      const s = await loaded(250, {
        server: { latencyMs: 100 },
        wrap: (a) => {
          const w = concurrency(a);
          c.stats = w.stats;
          return w.adapter;
        },
      });
      const before = s.serverIDs();
      s.actions.selectAll();
      s.actions.requestDelete();
      expect(s.state().confirmation).toMatchObject({ allSelected: true, count: 250, status: 'idle', keepHistory: false });
      s.actions.confirmDelete();
      await settle(s);
      const sent = s.deletes();
      expect(sent.map((d) => d.ids.length)).toEqual([100, 100, 50]);
      expect(sent.flatMap((d) => d.ids)).toEqual(before);
      expect(sent.every((d) => d.clearMessage === true)).toBe(true);
      expect(c.stats.max).toBe(2);
      expect(s.serverIDs()).toEqual([]);
      expect(s.state().order).toEqual([]);
      expect(s.state().byID.size).toBe(0);
      expect(s.state().confirmation).toBeNull();
      expect(s.state().selectionMode).toBe('none');
      expect(s.state().announcements.at(-1)).toMatchObject({ kind: 'deleted', count: 250 });
    });

    it('hides the rows at once, keeps the dialog pending, and reports progress after each batch', async () => {
      const s = await loaded(250, { server: { latencyMs: 100 } });
      const progress: number[] = [];
      s.store.subscribe((st, prev) => {
        const j = st.jobs[0];
        if (j && j !== prev.jobs[0]) progress.push(j.done);
      });
      s.actions.selectAll();
      s.actions.requestDelete();
      s.actions.confirmDelete();
      // Optimistic: gone from the list before any answer (issue 3 §4).
      expect(s.state().order).toEqual([]);
      expect(s.state().hidden.size).toBe(250);
      expect(s.state().confirmation?.status).toBe('pending');
      await settle(s);
      expect(progress).toEqual([0, 100, 200, 250, 250]);
      expect(s.state().jobs[0]).toMatchObject({ total: 250, done: 250, succeeded: 250, failed: [], status: 'succeeded' });
    });

    it('sends each ID once however often the user confirms or deletes again', async () => {
      const s = await loaded(250, { server: { latencyMs: 100 } });
      const first = s.state().order.slice(0, 3);
      s.actions.requestDelete(first);
      s.actions.confirmDelete();
      s.actions.confirmDelete();
      // A swipe delete and a keep-history removal of a row already being deleted.
      s.actions.requestDelete([first[0]]);
      s.actions.removeWithUndo([first[1]]);
      s.actions.flushUndo();
      await settle(s);
      expect(s.deletes().flatMap((d) => d.ids)).toEqual(first);
    });
  });
});

describe('given per-item faults', () => {
  const FAIL = new Set<string>();
  const opts = () => ({
    server: {
      latencyMs: 10,
      injectFault: (op: string, id?: string) => (op === 'deleteConversationList' && id && FAIL.has(id) ? ErrorCode.INVALID_CONVERSATION_ID : undefined),
    },
  });
  beforeEach(() => FAIL.clear());

  it('restores failed rows in place, keeps them selected, and reports code and message', async () => {
    const s = await loaded(30, opts());
    const order = [...s.state().order];
    const picked = [order[2], order[5], order[9], order[20]];
    FAIL.add(order[5]).add(order[20]);
    for (const id of picked) s.actions.toggleSelected(id);
    s.actions.requestDelete();
    s.actions.confirmDelete();
    await settle(s);
    const st = s.state();
    expect(st.order).toEqual(order.filter((id) => id !== order[2] && id !== order[9]));
    expect([...(st.selection as Set<string>)].sort()).toEqual([order[5], order[20]].sort());
    expect(st.selectionMode).toBe('multiple');
    expect(st.jobs[0]).toMatchObject({ status: 'partial', succeeded: 2, done: 4 });
    expect(st.jobs[0].failed).toEqual([
      { conversationID: order[5], code: ErrorCode.INVALID_CONVERSATION_ID, message: 'Invalid conversation ID' },
      { conversationID: order[20], code: ErrorCode.INVALID_CONVERSATION_ID, message: 'Invalid conversation ID' },
    ]);
    // D9: the dialog stays, showing the error with Retry.
    expect(st.confirmation).toMatchObject({ status: 'error', jobID: st.jobs[0].id, count: 2 });
    expect(st.announcements.at(-1)).toMatchObject({ kind: 'deleteFailed', count: 2, codes: [ErrorCode.INVALID_CONVERSATION_ID] });
    // Non-retriable: one call only.
    expect(s.deletes()).toHaveLength(1);
  });

  it('Retry re-runs only the failed items, then closes the dialog', async () => {
    const s = await loaded(30, opts());
    const order = [...s.state().order];
    FAIL.add(order[1]);
    s.actions.requestDelete(order.slice(0, 4));
    s.actions.confirmDelete();
    await settle(s);
    FAIL.clear();
    s.actions.confirmDelete(); // the dialog's Retry while in 'error'
    expect(s.state().confirmation?.status).toBe('pending');
    await settle(s);
    expect(s.deletes().map((d) => d.ids)).toEqual([order.slice(0, 4), [order[1]]]);
    expect(s.state().confirmation).toBeNull();
    expect(s.state().jobs[0]).toMatchObject({ status: 'succeeded', succeeded: 4, failed: [] });
    expect(s.state().announcements.at(-1)).toMatchObject({ kind: 'deleted', count: 1 });
    expect(s.state().order).toEqual(order.slice(4));
  });

  it('treats a conversation already gone as deleted', async () => {
    const s = await loaded(10, opts());
    const id = s.state().order[0];
    const other = s.server.connect();
    const gone = other.deleteConversationList([id], true);
    await tick(20);
    await gone;
    s.actions.requestDelete([id]);
    s.actions.confirmDelete();
    await settle(s);
    expect(s.state().jobs[0]).toMatchObject({ status: 'succeeded', succeeded: 1 });
  });
});

describe('given a whole call that fails', () => {
  it('fails every item of that call and only that call', async () => {
    let calls = 0;
    const s = await loaded(150, {
      server: {
        injectFault: (op, id) => (op === 'deleteConversationList' && id === undefined && ++calls === 1 ? ErrorCode.SDK_NOT_READY : undefined),
      },
    });
    const order = [...s.state().order];
    s.actions.selectAll();
    s.actions.requestDelete();
    s.actions.confirmDelete();
    await settle(s);
    const job = s.state().jobs[0];
    expect(job).toMatchObject({ status: 'partial', succeeded: 50 });
    expect(job.failed.map((f) => f.conversationID)).toEqual(order.slice(0, 100));
    expect(new Set(job.failed.map((f) => f.code))).toEqual(new Set([ErrorCode.SDK_NOT_READY]));
    expect(s.state().order).toEqual(order.slice(0, 100));
    // "All" was expanded; what is left selected is what failed (D9).
    expect(s.state().selection).toEqual(new Set(order.slice(0, 100)));
  });

  it('treats a synchronous throw from the adapter as a rejection', async () => {
    const s = await loaded(5, {
      wrap: (a): ChatAdapter => ({
        ...a,
        deleteConversationList() {
          throw Object.assign(new Error('Params validate failed.'), { code: ErrorCode.INVALID_PARAMETERS });
        },
      }),
    });
    const ids = s.state().order.slice(0, 2);
    s.actions.requestDelete(ids);
    s.actions.confirmDelete();
    await settle(s);
    expect(s.state().jobs[0]).toMatchObject({ status: 'failed' });
    expect(s.state().jobs[0].failed).toEqual(
      ids.map((conversationID) => ({ conversationID, code: ErrorCode.INVALID_PARAMETERS, message: 'Params validate failed.' })),
    );
    expect(s.state().order.slice(0, 2)).toEqual(ids);
  });
});

describe('given retriable codes', () => {
  it('retries a network error with exponential backoff and jitter, at most 3 tries', async () => {
    let n = 0;
    const s = await loaded(5, {
      server: { injectFault: (op, id) => (op === 'deleteConversationList' && id === undefined && ++n <= 2 ? ErrorCode.NETWORK : undefined) },
    });
    const ids = s.state().order.slice(0, 2);
    s.actions.requestDelete(ids);
    s.actions.confirmDelete();
    await settle(s);
    const at = s.server.calls.filter((c) => c.operation === 'deleteConversationList').map((c) => c.at - NOW);
    expect(at).toHaveLength(3);
    // base 300 ms · 2^(n-1) · (1 + 0.5 · random), random = 0.5 here.
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(375);
    expect(at[1] - at[0]).toBeLessThan(400);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(750);
    expect(at[2] - at[1]).toBeLessThan(800);
    expect(s.state().jobs[0].status).toBe('succeeded');
  });

  it('gives up after 3 tries with the last code', async () => {
    const s = await loaded(5, {
      server: { injectFault: (op, id) => (op === 'deleteConversationList' && id === undefined ? ErrorCode.SERVER_FREQUENCY_LIMIT : undefined) },
    });
    s.actions.requestDelete([s.state().order[0]]);
    s.actions.confirmDelete();
    await settle(s);
    expect(s.deletes()).toHaveLength(3);
    expect(s.state().jobs[0].failed[0].code).toBe(ErrorCode.SERVER_FREQUENCY_LIMIT);
  });

  it('retries only the items that failed with a retriable code', async () => {
    let first = true;
    const s = await loaded(6, {
      server: {
        injectFault: (op, id) => {
          if (op !== 'deleteConversationList' || !id) return undefined;
          if (id === target[0] && first) return ErrorCode.CLIENT_FREQUENCY_LIMIT;
          if (id === target[1]) return ErrorCode.INVALID_CONVERSATION_ID;
          return undefined;
        },
      },
    });
    const target = s.state().order.slice(0, 2);
    const ids = s.state().order.slice(0, 4);
    s.store.subscribe(() => undefined);
    s.actions.requestDelete(ids);
    s.actions.confirmDelete();
    await tick(0);
    first = false;
    await settle(s);
    expect(s.deletes().map((d) => d.ids)).toEqual([ids, [target[0]]]);
    expect(s.state().jobs[0].failed.map((f) => f.conversationID)).toEqual([target[1]]);
  });
});

describe('given a call that does not answer in time', () => {
  it('fails the items with TIMEOUT, then reconciles the late answer once', async () => {
    const s = await loaded(5, { store: { callTimeoutMs: 1000 } });
    s.server.setLatency(3000);
    const ids = s.state().order.slice(0, 2);
    s.actions.requestDelete(ids);
    s.actions.confirmDelete();
    await tick(1000);
    expect(s.state().jobs[0]).toMatchObject({ status: 'failed' });
    expect(s.state().jobs[0].failed.map((f) => f.code)).toEqual([ErrorCode.TIMEOUT, ErrorCode.TIMEOUT]);
    expect(s.state().order.slice(0, 2)).toEqual(ids);
    expect(s.state().confirmation?.status).toBe('error');
    await tick(2500);
    // The server did delete them: the rows go, the job and the dialog catch up, once.
    expect(s.serverIDs()).not.toContain(ids[0]);
    expect(s.state().order).not.toContain(ids[0]);
    expect(s.state().order).not.toContain(ids[1]);
    expect(s.state().jobs[0]).toMatchObject({ status: 'succeeded', succeeded: 2, failed: [] });
    expect(s.state().confirmation).toBeNull();
    expect(s.state().announcements.filter((a) => a.kind === 'deleted')).toHaveLength(1);
    expect(s.deletes()).toHaveLength(1);
  });

  it('never re-sends an ID whose timed-out call has not answered yet', async () => {
    const s = await loaded(5, { store: { callTimeoutMs: 1000 } });
    s.server.setLatency(3000);
    const id = s.state().order[0];
    s.actions.requestDelete([id]);
    s.actions.confirmDelete();
    await tick(1000);
    s.server.setLatency(0);
    s.actions.confirmDelete(); // Retry while the first call is still out
    await tick(10);
    expect(s.deletes()).toHaveLength(1);
    await settle(s);
    // The retry waited up to the call timeout for the first call, then gave up without sending.
    expect(s.deletes()).toHaveLength(1);
    expect(s.state().jobs[0].failed[0].code).toBe(ErrorCode.TIMEOUT);
    await tick(2000); // the first call's late "deleted" arrives
    expect(s.deletes()).toHaveLength(1);
    expect(s.state().jobs[0]).toMatchObject({ status: 'succeeded', succeeded: 1 });
    expect(s.state().order).not.toContain(id);
  });
});

describe('given malformed results', () => {
  function answering(answer: (ids: string[], real: ConversationOperationResult[]) => unknown) {
    return (a: ChatAdapter): ChatAdapter => ({
      ...a,
      async deleteConversationList(ids, clear) {
        const real = await a.deleteConversationList(ids, clear);
        return answer(ids, real) as ConversationOperationResult[];
      },
    });
  }

  it('fails the batch (MALFORMED_RESULT) when the answer is not a list', async () => {
    const s = await loaded(5, { wrap: answering(() => ({ code: 0 })) });
    s.actions.requestDelete(s.state().order.slice(0, 2));
    s.actions.confirmDelete();
    await settle(s);
    expect(s.state().jobs[0].failed.map((f) => f.code)).toEqual([ErrorCode.MALFORMED_RESULT, ErrorCode.MALFORMED_RESULT]);
  });

  it('fails the batch when an item is wrong-typed', async () => {
    const s = await loaded(5, { wrap: answering((_ids, real) => [{ ...real[0], resultCode: '0' }, real[1]]) });
    s.actions.requestDelete(s.state().order.slice(0, 2));
    s.actions.confirmDelete();
    await settle(s);
    expect(s.state().jobs[0].status).toBe('failed');
    expect(s.state().jobs[0].failed[0].code).toBe(ErrorCode.MALFORMED_RESULT);
  });

  it('fails a missing item, ignores unknown IDs and counts duplicates once', async () => {
    const s = await loaded(5, {
      wrap: answering((_ids, real) => [real[0], real[0], { conversationID: 'nobody', resultCode: 0, resultInfo: '' }, real[2]]),
    });
    const ids = s.state().order.slice(0, 3);
    s.actions.requestDelete(ids);
    s.actions.confirmDelete();
    await settle(s);
    expect(s.state().jobs[0]).toMatchObject({ total: 3, done: 3, succeeded: 2, status: 'partial' });
    expect(s.state().jobs[0].failed).toEqual([
      { conversationID: ids[1], code: ErrorCode.MISSING_RESULT, message: expect.any(String) },
    ]);
  });
});

describe('given a reversible removal', () => {
  it("under clearHistory 'never' removes at once, offers Undo and sends clearMessage false after 10 s", async () => {
    const s = await loaded(10, { store: { clearHistory: 'never' } });
    const order = [...s.state().order];
    const t0 = Date.now();
    s.actions.requestDelete([order[3]]);
    expect(s.state().confirmation).toBeNull();
    expect(s.state().order).not.toContain(order[3]);
    expect(s.state().undos).toMatchObject([{ ids: [order[3]], expiresAt: t0 + 10_000, paused: false }]);
    expect(s.state().announcements.at(-1)).toMatchObject({ kind: 'removed', count: 1 });
    await tick(9_999);
    expect(s.deletes()).toHaveLength(0);
    await tick(1);
    await settle(s);
    expect(s.deletes()).toEqual([{ ids: [order[3]], clearMessage: false, device: 1 }]);
    expect(s.server.getHistory(order[3])).toBeDefined(); // history kept
    expect(s.state().undos).toEqual([]);
  });

  it('Undo restores every item in place with no server call', async () => {
    const s = await loaded(10, { store: { clearHistory: 'never' } });
    const order = [...s.state().order];
    s.actions.toggleSelected(order[1]);
    s.actions.toggleSelected(order[4]);
    s.actions.toggleSelected(order[8]);
    s.actions.requestDelete();
    expect(s.state().order).toEqual(order.filter((_, i) => i !== 1 && i !== 4 && i !== 8));
    s.actions.undo(s.state().undos[0].id);
    expect(s.state().order).toEqual(order);
    expect(s.state().announcements.at(-1)).toMatchObject({ kind: 'restored', count: 3 });
    await tick(20_000);
    expect(s.deletes()).toHaveLength(0);
  });

  it('pauses the window while hovered or focused (E3)', async () => {
    const s = await loaded(5, { store: { clearHistory: 'never' } });
    s.actions.requestDelete([s.state().order[0]]);
    const id = s.state().undos[0].id;
    await tick(4_000);
    s.actions.pauseUndo(id, true);
    await tick(60_000);
    expect(s.deletes()).toHaveLength(0);
    s.actions.pauseUndo(id, false);
    expect(s.state().undos[0].expiresAt).toBe(Date.now() + 6_000);
    await tick(5_999);
    expect(s.deletes()).toHaveLength(0);
    await tick(1);
    expect(s.deletes()).toHaveLength(1);
  });

  it("keeps history when the dialog's checkbox is ticked under 'ask'", async () => {
    const s = await loaded(5);
    const id = s.state().order[0];
    s.actions.requestDelete([id]);
    s.actions.setKeepHistory(true);
    s.actions.confirmDelete();
    expect(s.state().confirmation).toBeNull();
    expect(s.state().undos).toHaveLength(1);
    await tick(10_000);
    await settle(s);
    expect(s.deletes()).toEqual([{ ids: [id], clearMessage: false, device: 1 }]);
  });

  it("ignores keep-history under 'always' and clears after confirmation", async () => {
    const s = await loaded(5, { store: { clearHistory: 'always' } });
    const id = s.state().order[0];
    s.actions.requestDelete([id]);
    s.actions.setKeepHistory(true);
    expect(s.state().confirmation?.keepHistory).toBe(false);
    s.actions.confirmDelete();
    await settle(s);
    expect(s.deletes()).toEqual([{ ids: [id], clearMessage: true, device: 1 }]);
  });

  it('sends the pending removal on a real unmount, not on a StrictMode remount', async () => {
    const s = await loaded(5, { store: { clearHistory: 'never' } });
    s.actions.retain();
    s.actions.requestDelete([s.state().order[0]]);
    s.actions.release();
    s.actions.retain(); // StrictMode: unmount + remount in one go
    await tick(0);
    expect(s.deletes()).toHaveLength(0);
    expect(s.state().undos).toHaveLength(1);
    s.actions.release();
    await tick(0);
    await settle(s);
    expect(s.deletes()).toHaveLength(1);
    expect(s.deletes()[0].clearMessage).toBe(false);
  });

  it('never sends clearMessage true without a confirmation', async () => {
    const s = await loaded(10);
    s.actions.removeWithUndo(s.state().order.slice(0, 3));
    s.actions.requestDelete([s.state().order[0]]); // opens the dialog, not confirmed
    s.actions.cancelConfirmation();
    s.actions.flushUndo();
    await settle(s);
    expect(s.deletes().every((d) => d.clearMessage === false)).toBe(true);
  });
});

describe('given "select all" with pages still to load', () => {
  it('loads every page first, then deletes all but the excluded', async () => {
    const s = setup(250, { server: { latencyMs: 20 } });
    const first = s.actions.fetchNextPage();
    await tick(50);
    await first;
    expect(s.state().paging.pagesLoaded).toBe(1);
    const keep = s.state().order.slice(3, 5);
    s.actions.selectAll();
    for (const id of keep) s.actions.toggleSelected(id);
    s.actions.requestDelete();
    // D5: the dialog counts every conversation first; confirming meanwhile does nothing.
    expect(s.state().confirmation).toMatchObject({ allSelected: true, counting: true });
    s.actions.confirmDelete();
    expect(s.deletes()).toHaveLength(0);
    await tick(200);
    expect(s.state().confirmation).toMatchObject({ allSelected: true, count: 248, status: 'idle' });
    s.actions.confirmDelete();
    expect(s.state().confirmation?.status).toBe('pending');
    await settle(s);
    expect(s.state().paging.isFinished).toBe(true);
    expect(s.serverIDs()).toEqual(keep);
    expect(s.state().order).toEqual(keep);
    expect(s.deletes().flatMap((d) => d.ids)).toHaveLength(248);
    expect(s.state().confirmation).toBeNull();
    expect(s.state().selectionMode).toBe('none');
  });

  it('deletes what was asked for even if the selection changes while the rest is counted', async () => {
    // Found by the property test: clearing the selection during the expansion must not widen it.
    const s = setup(30, { server: { latencyMs: 20 }, store: { pageSize: 10 } });
    const first = s.actions.fetchNextPage();
    await tick(50);
    await first;
    const keep = s.state().order[0];
    s.actions.selectAll();
    s.actions.toggleSelected(keep);
    s.actions.requestDelete();
    s.actions.clearSelection();
    await tick(200);
    expect(s.state().confirmation).toMatchObject({ count: 29 });
    s.actions.confirmDelete();
    await settle(s);
    expect(s.serverIDs()).toEqual([keep]);
    expect(s.deletes().flatMap((d) => d.ids)).not.toContain(keep);
  });

  it('shows the loading error in the dialog when the rest cannot be loaded', async () => {
    let n = 0;
    const s = setup(250, {
      server: { injectFault: (op, id) => (op === 'getConversationList' && !id && ++n === 2 ? ErrorCode.NETWORK : undefined) },
    });
    const p = s.actions.fetchNextPage();
    await tick(0);
    await p;
    s.actions.selectAll();
    s.actions.requestDelete();
    s.actions.confirmDelete();
    await settle(s);
    expect(s.state().confirmation).toMatchObject({ status: 'error', error: { code: ErrorCode.NETWORK } });
    expect(s.deletes()).toHaveLength(0);
    s.actions.confirmDelete(); // Retry
    await settle(s);
    expect(s.serverIDs()).toEqual([]);
  });
});

it('rejects a ChatError-shaped object from the adapter with its code', async () => {
  const s = await loaded(3, {
    wrap: (a): ChatAdapter => ({ ...a, deleteConversationList: () => Promise.reject(new ChatError(2503, 'bad id')) }),
  });
  s.actions.requestDelete([s.state().order[0]]);
  s.actions.confirmDelete();
  await settle(s);
  expect(s.state().jobs[0].failed[0]).toMatchObject({ code: 2503, message: 'bad id' });
});
