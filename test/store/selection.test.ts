import fc from 'fast-check';
import { compareConversations } from '../../src/sdk/order.js';
import type { Conversation } from '../../src/sdk/types.js';
import { insertIntoOrder, removeFromOrder } from '../../src/store/listOrder.js';
import { PersistentMap } from '../../src/store/pmap.js';
import { isSelected, selectSelectedCount, selectSelectedIDs } from '../../src/store/index.js';
import { NOW, setup, tick } from './helpers.js';

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

async function loaded(n: number, pages = Infinity) {
  const s = setup(n, { store: { pageSize: 10 } });
  for (let i = 0; i < pages && !s.state().paging.isFinished; i++) {
    const p = s.actions.fetchNextPage();
    await tick(0);
    await p;
  }
  return s;
}

describe('given a list in selection mode', () => {
  it('toggles one row, announces it, and ends the mode when the selection empties (B4, B5)', async () => {
    const s = await loaded(20);
    const [a] = s.state().order;
    s.actions.toggleSelected(a);
    expect(s.state().selectionMode).toBe('multiple');
    expect(isSelected(s.state(), a)).toBe(true);
    expect(s.state().announcements.at(-1)).toMatchObject({ kind: 'selection', selected: true, count: 1, name: s.state().byID.get(a)!.showName });
    s.actions.toggleSelected(a);
    expect(s.state().selectionMode).toBe('none');
  });

  it('selects a range from the anchor in list order', async () => {
    const s = await loaded(20);
    const order = s.state().order;
    s.actions.toggleSelected(order[7]);
    s.actions.selectRange(order[3]);
    expect(selectSelectedIDs(s.state())).toEqual(order.slice(3, 8));
  });

  it('"select all" covers unloaded conversations, and its count is known once all pages are in', async () => {
    const s = await loaded(30, 1);
    const before = s.state().selection;
    s.actions.selectAll();
    expect(s.state().selection).toBe('all');
    expect(before).not.toBe('all');
    expect(selectSelectedCount(s.state())).toBe('all');
    s.actions.toggleSelected(s.state().order[0]);
    expect(isSelected(s.state(), s.state().order[0])).toBe(false);
    expect(isSelected(s.state(), 'C2Cnot-loaded-yet')).toBe(true);
    const p = s.actions.loadAll();
    await tick(100);
    await p;
    expect(selectSelectedCount(s.state())).toBe(29);
  });

  it('Escape clears the selection and leaves the mode', async () => {
    const s = await loaded(5);
    s.actions.selectAll();
    s.actions.clearSelection();
    expect(s.state()).toMatchObject({ selectionMode: 'none', selection: new Set() });
  });

  it('a toggle changes only that row’s isSelected answer', async () => {
    const s = await loaded(50);
    const order = s.state().order;
    const before = order.map((id) => isSelected(s.state(), id));
    const byID = s.state().byID;
    s.actions.toggleSelected(order[10]);
    const after = order.map((id) => isSelected(s.state(), id));
    expect(after.filter((v, i) => v !== before[i])).toHaveLength(1);
    expect(s.state().byID).toBe(byID);
    expect(s.state().order).toBe(order);
  });

  it('selection mode closes an open swipe tray (B2)', async () => {
    const s = await loaded(5);
    s.actions.setOpenSwipe(s.state().order[1]);
    s.actions.setSelectionMode('multiple');
    expect(s.state().openSwipeID).toBeNull();
  });
});

describe('the sorted order helpers', () => {
  const conv = (id: number, orderKey: number, isPinned: boolean): Conversation => ({
    conversationID: `C2C${id}`,
    type: 'c2c',
    showName: `${id}`,
    unreadCount: 0,
    isPinned,
    orderKey,
  });
  const arbConvs = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 20 }), fc.boolean()), {
    selector: (t) => t[0],
    maxLength: 120,
  });

  it('insert and remove agree with a full sort', () => {
    fc.assert(
      fc.property(arbConvs, arbConvs, fc.array(fc.nat(), { maxLength: 60 }), (base, extra, removeIdx) => {
        const all = new Map<string, Conversation>();
        for (const [id, k, p] of base) all.set(`C2C${id}`, conv(id, k, p));
        const added = extra.filter(([id]) => !all.has(`C2C${id}`)).map(([id, k, p]) => conv(id, k, p));
        const byID = PersistentMap.from([...all].map(([k, v]) => [k, v] as const));
        const order = [...all.values()].sort(compareConversations).map((c) => c.conversationID);
        const byID2 = byID.update((d) => added.forEach((c) => d.set(c.conversationID, c)));
        const merged = insertIntoOrder(order, byID2, added);
        const expected = [...all.values(), ...added].sort(compareConversations).map((c) => c.conversationID);
        expect(merged).toEqual(expected);
        const drop = removeIdx.map((i) => expected[i % Math.max(1, expected.length)]).filter(Boolean);
        const left = removeFromOrder(merged, byID2, drop);
        expect(left).toEqual(expected.filter((id) => !drop.includes(id)));
      }),
      { numRuns: 300 },
    );
  });

  it('PersistentMap behaves like a Map and never mutates an old version', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.string({ maxLength: 4 }), fc.integer())), (ops) => {
        let pm = PersistentMap.empty<number>();
        const ref = new Map<string, number>();
        const versions: [PersistentMap<number>, Map<string, number>][] = [];
        for (const [del, k, v] of ops) {
          pm = pm.update((d) => (del ? d.delete(k) : d.set(k, v)));
          if (del) ref.delete(k);
          else ref.set(k, v);
          versions.push([pm, new Map(ref)]);
        }
        for (const [p, r] of versions) {
          expect(p.size).toBe(r.size);
          expect(new Map(p)).toEqual(r);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('given an anchor and a Shift-range', () => {
  it('replaces the range when it is extended again from the same anchor, as React Aria does (B3)', async () => {
    const s = setup(30);
    const p = s.actions.fetchNextPage();
    await tick(1);
    await p;
    const ids = s.state().order;
    s.actions.toggleSelected(ids[5]);
    s.actions.selectRange(ids[8]);
    expect([...(s.state().selection as Set<string>)].sort()).toEqual(ids.slice(5, 9).sort());
    // Shift+Up back to 6: the selection shrinks to 5..6.
    s.actions.selectRange(ids[6]);
    expect([...(s.state().selection as Set<string>)].sort()).toEqual(ids.slice(5, 7).sort());
    // Across the anchor: 3..5.
    s.actions.selectRange(ids[3]);
    expect([...(s.state().selection as Set<string>)].sort()).toEqual(ids.slice(3, 6).sort());
    // A toggle elsewhere starts a new anchor; the earlier range stays selected.
    s.actions.toggleSelected(ids[20]);
    s.actions.selectRange(ids[22]);
    expect((s.state().selection as Set<string>).has(ids[4])).toBe(true);
    expect((s.state().selection as Set<string>).has(ids[21])).toBe(true);
  });
});
