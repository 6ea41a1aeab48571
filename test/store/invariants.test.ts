/**
 * Invariants of the store against the real memory server, over random interleavings of page
 * loads, selections, local deletes (with random per-item and whole-call faults, and calls slower
 * than the timeout), remote deletes from another device, new and changed conversations, undo and
 * retry (issue 3 §5).
 *
 * A failure prints fast-check's seed and path. Replay it with
 *   FC_SEED=<seed> FC_PATH=<path> npx vitest run --project unit test/store/invariants.test.ts
 * FC_RUNS overrides the number of runs (default 200).
 */
import fc from 'fast-check';
import { ErrorCode } from '../../src/sdk/errors.js';
import { createMemoryChatServer } from '../../src/sdk/memory/index.js';
import { compareConversations } from '../../src/sdk/order.js';
import type { ChatAdapter } from '../../src/sdk/types.js';
import { createConversationStore } from '../../src/store/index.js';
import { NOW, conversations } from './helpers.js';

type Op =
  | { t: 'page' }
  | { t: 'loadAll' }
  | { t: 'toggle'; i: number }
  | { t: 'selectAll' }
  | { t: 'clear' }
  | { t: 'deleteSelection'; keep: boolean; confirm: boolean }
  | { t: 'swipeDelete'; i: number; keep: boolean; confirm: boolean }
  | { t: 'remove'; i: number }
  | { t: 'undo' }
  | { t: 'retry' }
  | { t: 'remoteDelete'; i: number; n: number; clear: boolean }
  | { t: 'message'; i: number; fresh: boolean }
  | { t: 'pin'; i: number }
  | { t: 'slow'; on: boolean }
  | { t: 'wait'; ms: number };

const idx = fc.nat(1000);
/** Confirm three times out of four, cancel otherwise. */
const mostly = fc.nat(3).map((n) => n > 0);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.constant({ t: 'page' as const }), weight: 3 },
  { arbitrary: fc.constant({ t: 'loadAll' as const }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('toggle' as const), i: idx }), weight: 3 },
  { arbitrary: fc.constant({ t: 'selectAll' as const }), weight: 1 },
  { arbitrary: fc.constant({ t: 'clear' as const }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('deleteSelection' as const), keep: fc.boolean(), confirm: mostly }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('swipeDelete' as const), i: idx, keep: fc.boolean(), confirm: mostly }), weight: 6 },
  { arbitrary: fc.record({ t: fc.constant('remove' as const), i: idx }), weight: 3 },
  { arbitrary: fc.constant({ t: 'undo' as const }), weight: 2 },
  { arbitrary: fc.constant({ t: 'retry' as const }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('remoteDelete' as const), i: idx, n: fc.integer({ min: 1, max: 4 }), clear: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('message' as const), i: idx, fresh: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('pin' as const), i: idx }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('slow' as const), on: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3000 }) }), weight: 3 },
);

const scenarioArb = fc.record({
  // Mostly small lists; some over 100 so select-all deletes need several batches.
  size: fc.oneof({ arbitrary: fc.noBias(fc.integer({ min: 0, max: 60 })), weight: 4 }, fc.noBias(fc.integer({ min: 100, max: 250 }))),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  // Consumed cyclically by the fault injector.
  faults: fc.array(fc.noBias(fc.nat(99)), { minLength: 1, maxLength: 64 }),
  ops: fc.array(opArb, { minLength: 4, maxLength: 40 }),
});

const CALL_TIMEOUT = 2000;
const SLOW = 2500;
const UNDO = 4000;

interface ConfirmRecord {
  ids: Set<string>;
  all: boolean;
  excluded: Set<string>;
}

async function runScenario({ size, seed, faults, ops }: { size: number; seed: number; faults: number[]; ops: Op[] }) {
  let f = 0;
  const nextFault = () => faults[f++ % faults.length];
  const server = createMemoryChatServer({
    conversations: conversations(size, seed),
    injectFault(op, id) {
      if (op === 'getConversationList') return nextFault() < 5 ? ErrorCode.NETWORK : undefined;
      if (op !== 'deleteConversationList') return undefined;
      const v = nextFault();
      if (id === undefined) return v < 6 ? ErrorCode.NETWORK : v < 10 ? ErrorCode.SDK_NOT_READY : undefined;
      return v < 8 ? ErrorCode.NETWORK : v < 14 ? ErrorCode.INVALID_CONVERSATION_ID : v < 18 ? ErrorCode.SERVER_FREQUENCY_LIMIT : undefined;
    },
  });
  const device = server.connect();
  const other = server.connect();

  // ---- what our device sent, checked as it is sent ----
  const problems: string[] = [];
  const inFlight = new Set<string>();
  const confirms: ConfirmRecord[] = [];
  const adapter: ChatAdapter = {
    ...device,
    getConversationList: (s, c) => device.getConversationList(s, c),
    addConversationListener: (l) => device.addConversationListener(l),
    deleteConversationList(ids, clear) {
      if (ids.length > 100) problems.push(`a request carried ${ids.length} IDs`);
      for (const id of ids) {
        if (inFlight.has(id)) problems.push(`${id} was sent while already in flight`);
        if (clear && !confirms.some((r) => r.ids.has(id) || (r.all && !r.excluded.has(id)))) {
          problems.push(`${id} was sent with clearMessage true without a confirmation`);
        }
      }
      for (const id of ids) inFlight.add(id);
      const p = device.deleteConversationList(ids, clear);
      const done = () => ids.forEach((id) => inFlight.delete(id));
      p.then(done, done);
      return p;
    },
  };

  const store = createConversationStore(adapter, {
    pageSize: 7,
    callTimeoutMs: CALL_TIMEOUT,
    undoTimeoutMs: UNDO,
    retryBaseMs: 20,
    random: () => 0.5,
  });
  const a = store.getState().actions;
  const st = () => store.getState();
  const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);
  const pick = (i: number) => {
    const order = st().order;
    return order.length ? order[i % order.length] : undefined;
  };
  const confirm = (keep: boolean, confirmIt: boolean) => {
    const conf = st().confirmation;
    if (!conf) return;
    if (!confirmIt) {
      a.cancelConfirmation();
      return;
    }
    a.setKeepHistory(keep);
    const now = st().confirmation!;
    if (now.status === 'idle' && !now.keepHistory) {
      confirms.push({ ids: new Set(now.ids), all: now.allSelected, excluded: new Set(st().excluded) });
    }
    a.confirmDelete();
  };

  a.retain();
  quiet(a.fetchNextPage());
  let fresh = 0;
  for (const op of ops) {
    switch (op.t) {
      case 'page':
        quiet(a.fetchNextPage());
        break;
      case 'loadAll':
        quiet(a.loadAll());
        break;
      case 'toggle': {
        const id = pick(op.i);
        if (id) a.toggleSelected(id);
        break;
      }
      case 'selectAll':
        a.selectAll();
        break;
      case 'clear':
        a.clearSelection();
        break;
      case 'deleteSelection':
        a.requestDelete();
        confirm(op.keep, op.confirm);
        break;
      case 'swipeDelete': {
        const id = pick(op.i);
        if (id) {
          a.requestDelete([id], { invokerID: id });
          confirm(op.keep, op.confirm);
        }
        break;
      }
      case 'remove': {
        const id = pick(op.i);
        if (id) a.removeWithUndo([id]);
        break;
      }
      case 'undo': {
        const u = st().undos.at(-1);
        if (u) a.undo(u.id);
        break;
      }
      case 'retry':
        for (const j of st().jobs) if (j.status !== 'running' && j.failed.length) a.retryJob(j.id);
        break;
      case 'remoteDelete': {
        const list = server.getConversations();
        if (list.length) {
          const ids = Array.from({ length: op.n }, (_, k) => list[(op.i + k * 7) % list.length].conversationID);
          quiet(other.deleteConversationList([...new Set(ids)], op.clear));
        }
        break;
      }
      case 'message': {
        const list = server.getConversations();
        const id = op.fresh || list.length === 0 ? `C2Cfresh_${fresh++}` : list[op.i % list.length].conversationID;
        server.receiveMessage(id, { text: 'hi', timestamp: Date.now() + op.i });
        break;
      }
      case 'pin': {
        const list = server.getConversations();
        if (list.length) {
          const c = list[op.i % list.length];
          server.upsertConversation({ ...c, isPinned: !c.isPinned });
        }
        break;
      }
      case 'slow':
        server.setLatency(op.on ? SLOW : 0);
        break;
      case 'wait':
        await vi.advanceTimersByTimeAsync(op.ms);
        break;
    }
    // 1 ms, not 0: fake timers give a 0 ms timer created during a tick 1 ms.
    await vi.advanceTimersByTimeAsync(1);
  }

  // ---- settle: no more faults, no more slowness; late answers and retries run out ----
  server.setFaultInjector(undefined);
  server.setLatency(0);
  // Hold the open undo windows (as a hovered toast does) so none closes mid-check.
  for (const u of st().undos) a.pauseUndo(u.id, true);
  for (let t = 0; t < SLOW + 1000 && st().jobs.some((j) => j.status === 'running'); t += 50) {
    await vi.advanceTimersByTimeAsync(50);
  }
  await vi.advanceTimersByTimeAsync(SLOW);
  // The confirmation may hold an "all" expansion still loading: let it finish.
  for (let i = 0; i < 200 && (st().paging.status === 'loading' || st().jobs.some((j) => j.status === 'running')); i++) {
    await vi.advanceTimersByTimeAsync(20);
  }
  const load = a.loadAll().then(
    () => true,
    () => false,
  );
  for (let i = 0; i < 40; i++) await vi.advanceTimersByTimeAsync(5);
  if (!(await load)) {
    const again = a.loadAll();
    for (let i = 0; i < 40; i++) await vi.advanceTimersByTimeAsync(5);
    await again;
  }

  const check = (label: string) => {
    const s = st();
    const undoIDs = new Set(s.undos.flatMap((u) => u.ids));
    const serverIDs = server.getConversations().map((c) => c.conversationID);
    const expected = serverIDs.filter((id) => !undoIDs.has(id));
    expect(problems, label).toEqual([]);
    expect(s.jobs.filter((j) => j.status === 'running'), label).toEqual([]);
    // The list equals the server's conversations, in order, except those pending undo.
    expect([...s.order], label).toEqual(expected);
    for (const [id, tag] of s.hidden) expect(tag === 'undo' && undoIDs.has(id), `${label}: ${id} hidden as ${tag}`).toBe(true);
    // Internal consistency: order sorted, order = byID − hidden.
    for (let i = 1; i < s.order.length; i++) {
      expect(compareConversations(s.byID.get(s.order[i - 1])!, s.byID.get(s.order[i])!)).toBeLessThan(0);
    }
    expect(s.byID.size - s.hidden.size, label).toBe(s.order.length);
    // The row objects match the server's copies.
    for (const c of server.getConversations()) {
      const mine = s.byID.get(c.conversationID);
      if (mine) expect({ ...mine, isPinned: mine.isPinned, orderKey: mine.orderKey }).toMatchObject({ isPinned: c.isPinned, orderKey: c.orderKey });
    }
  };
  check('after settling');

  // ---- every pending removal is sent when the windows close; then the list is the server ----
  for (const u of st().undos) a.pauseUndo(u.id, false);
  await vi.advanceTimersByTimeAsync(UNDO + 100);
  for (let i = 0; i < 100 && st().jobs.some((j) => j.status === 'running'); i++) await vi.advanceTimersByTimeAsync(20);
  check('after the undo windows closed');
  expect(st().undos).toEqual([]);

  a.release();
  await vi.advanceTimersByTimeAsync(0);
  // A real unmount unsubscribes (the other device never listened).
  expect(server.listenerCount()).toBe(0);
}

describe('given random interleavings against the memory server', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('the list settles to the server’s truth and no request breaks the rules', async () => {
    const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
    const path = process.env.FC_PATH || undefined;
    const numRuns = Number(process.env.FC_RUNS ?? 200);
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        vi.setSystemTime(NOW);
        await runScenario(scenario);
      }),
      { numRuns, seed, path },
    );
  }, 60_000);
});
