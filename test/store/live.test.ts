import type { Conversation } from '../../src/sdk/types.js';
import { isSelected } from '../../src/store/index.js';
import { NOW, setup, settle, tick } from './helpers.js';

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

async function live(n: number, opts: Parameters<typeof setup>[1] = {}) {
  const s = setup(n, opts);
  s.actions.retain();
  const p = s.actions.loadAll();
  await tick(100);
  await p;
  return s;
}

describe('given a live list on device 1', () => {
  describe('when a conversation changes or arrives', () => {
    it('upserts and re-sorts, keeping the other rows’ objects', async () => {
      const s = await live(20);
      const before = s.state();
      const last = s.serverIDs()[19];
      s.server.receiveMessage(last, { text: 'hi', timestamp: NOW + 1000 });
      s.server.receiveMessage('C2Cnewcomer', { text: 'hello', timestamp: NOW + 2000 }, { showName: 'Newcomer' });
      await tick(0);
      const after = s.state();
      expect(after.order).toEqual(s.serverIDs());
      const firstUnpinned = after.order.findIndex((id) => !after.byID.get(id)!.isPinned);
      expect(after.order.slice(firstUnpinned, firstUnpinned + 2)).toEqual(['C2Cnewcomer', last]);
      for (const id of before.order) if (id !== last) expect(after.byID.get(id)).toBe(before.byID.get(id));
    });

    it('coalesces a burst of 10,000 events into one state update', async () => {
      const s = await live(10);
      let updates = 0;
      s.store.subscribe(() => updates++);
      const base = s.server.getConversations()[0];
      for (let i = 0; i < 10_000; i++) {
        s.server.upsertConversation({ ...base, conversationID: `C2Cburst_${i}`, showName: `B${i}`, orderKey: NOW + i });
      }
      await tick(0);
      expect(updates).toBe(1);
      expect(s.state().order).toEqual(s.serverIDs());
    });
  });

  describe('when another device deletes conversations', () => {
    it('removes, deselects, closes the swipe tray, trims the dialog and announces', async () => {
      const s = await live(10);
      const other = s.server.connect();
      const [a, b, c] = s.state().order;
      s.actions.toggleSelected(a);
      s.actions.toggleSelected(b);
      s.actions.setOpenSwipe(c);
      s.actions.requestDelete([b, c]);
      const gone = other.deleteConversationList([b, c], true);
      await tick(0);
      await gone;
      const st = s.state();
      expect(st.order).toEqual(s.serverIDs());
      expect(isSelected(st, b)).toBe(false);
      expect(isSelected(st, a)).toBe(true);
      expect(st.openSwipeID).toBeNull();
      expect(st.confirmation).toBeNull(); // nothing left to delete: the dialog closes
      expect(st.announcements.at(-1)).toMatchObject({ kind: 'remoteDeleted', count: 2 });
    });

    it('keeps the dialog open with the remaining targets', async () => {
      const s = await live(10);
      const other = s.server.connect();
      const [a, b] = s.state().order;
      s.actions.requestDelete([a, b]);
      const gone = other.deleteConversationList([a], true);
      await tick(0);
      await gone;
      expect(s.state().confirmation).toMatchObject({ ids: [b], count: 1 });
    });

    it('ends selection mode when the last selected row goes (B4)', async () => {
      const s = await live(5);
      const other = s.server.connect();
      const a = s.state().order[0];
      s.actions.toggleSelected(a);
      const gone = other.deleteConversationList([a], false);
      await tick(0);
      await gone;
      expect(s.state().selectionMode).toBe('none');
    });

    it('lets a job in flight finish without announcing its own rows as remote', async () => {
      const s = await live(10, { server: { latencyMs: 100 } });
      const other = s.server.connect();
      const ids = s.state().order.slice(0, 3);
      s.actions.requestDelete(ids);
      s.actions.confirmDelete();
      const gone = other.deleteConversationList([ids[0]], true);
      await settle(s);
      await gone;
      expect(s.state().announcements.some((x) => x.kind === 'remoteDeleted')).toBe(false);
      expect(s.state().jobs[0]).toMatchObject({ status: 'succeeded', succeeded: 3 });
      expect(s.state().order).toEqual(s.serverIDs());
    });

    it('drops a removed row from its undo window', async () => {
      const s = await live(5, { store: { clearHistory: 'never' } });
      const other = s.server.connect();
      const [a, b] = s.state().order;
      s.actions.removeWithUndo([a, b]);
      const gone = other.deleteConversationList([a, b], true);
      await tick(0);
      await gone;
      expect(s.state().undos).toEqual([]);
      await tick(20_000);
      expect(s.deletes().filter((d) => d.device === 1)).toHaveLength(0);
    });
  });

  describe('after teardown', () => {
    it('ignores events and unsubscribes', async () => {
      const s = await live(5);
      expect(s.server.listenerCount()).toBe(1);
      s.actions.release();
      await tick(0);
      expect(s.server.listenerCount()).toBe(0);
      let updates = 0;
      s.store.subscribe(() => updates++);
      s.server.receiveMessage('C2Clate', { text: 'x' });
      await tick(0);
      expect(updates).toBe(0);
    });

    it('keeps one subscription across retain/release/retain (StrictMode)', async () => {
      const s = setup(5);
      s.actions.retain();
      s.actions.release();
      s.actions.retain();
      await tick(0);
      expect(s.server.listenerCount()).toBe(1);
      s.actions.release();
      await tick(0);
      expect(s.server.listenerCount()).toBe(0);
    });
  });
});

describe('given upserts applied directly', () => {
  it('ignores malformed conversations', async () => {
    const s = setup(0);
    s.actions.upsertConversations([{ conversationID: 5 } as unknown as Conversation, { conversationID: 'x', isPinned: false, orderKey: 1, showName: 'X', type: 'c2c', unreadCount: 0 }]);
    expect(s.state().order).toEqual(['x']);
  });

  it('moves a pinned conversation first', async () => {
    const s = await live(5);
    const last = s.state().order[4];
    expect(s.state().byID.get(last)!.isPinned).toBe(false);
    s.actions.upsertConversations([{ ...s.state().byID.get(last)!, isPinned: true, orderKey: NOW * 2 }]);
    expect(s.state().order[0]).toBe(last);
  });
});

describe('given the optional capabilities', () => {
  it('pins optimistically and keeps the server’s answer', async () => {
    const s = await live(10);
    const id = s.state().order.find((x) => !s.state().byID.get(x)!.isPinned)!;
    const p = s.actions.setPinned(id, true);
    expect(s.state().byID.get(id)!.isPinned).toBe(true);
    await tick(0);
    await p;
    expect(s.server.getConversation(id)!.isPinned).toBe(true);
    expect(s.state().order).toEqual(s.serverIDs());
  });

  it('reverts a failed mark-unread and rethrows the code', async () => {
    const s = await live(5, { server: { injectFault: (op, id) => (op === 'markConversation' && id ? 2503 : undefined) } });
    const id = s.state().order[0];
    const before = s.state().byID.get(id)!.markList ?? [];
    const p = s.actions.setUnread(id, !before.includes(0x2)).catch((e: unknown) => e);
    await tick(0);
    expect(await p).toMatchObject({ code: 2503 });
    expect(s.state().byID.get(id)!.markList ?? []).toEqual(before.filter((m) => m !== 0x2).concat(before.includes(0x2) ? [0x2] : []));
  });
});
