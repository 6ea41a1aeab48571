import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../sdk/errors.js';
import { generateConversations } from '../sdk/generate.js';
import { compareConversations } from '../sdk/order.js';
import {
  MARK_TYPE_UNREAD,
  MAX_IDS_PER_CALL,
  type ChatAdapter,
  type Conversation,
  type ConversationListener,
} from '../sdk/types.js';

/**
 * What the contract suite needs from a backend under test. Keep implementations thin: the
 * memory adapter maps each member onto its server, a Tencent adapter onto its fake SDK.
 * Every member may return a promise. `setup` is called once per test, so each test gets a
 * fresh subject.
 */
export interface ContractSubject {
  /** The adapter under test: "device A". */
  adapter: ChatAdapter;
  /**
   * A second device of the same user on the same server ("device B"). Multi-device cases are
   * skipped without it.
   */
  otherDevice?: ChatAdapter;
  /**
   * Whether a deletion on `adapter` reaches `otherDevice` as `onConversationDeleted`
   * (the console's multi-device sync switch). @default true when `otherDevice` is given
   */
  multiDeviceSync?: boolean;
  /**
   * Replaces the server's conversations with these, before the test makes any call. No events
   * are expected. IDs are web style (`C2C...`, `GROUP...`).
   */
  seed(conversations: Conversation[]): void | Promise<void>;
  /** The server's truth, in list order (pinned first, then `orderKey` descending). */
  serverConversations(): Conversation[] | Promise<Conversation[]>;
  /**
   * Simulates a message arriving: the server stores `conversation` (new, or replacing the one
   * with its ID) and notifies every device as the backend would.
   */
  deliverMessage(conversation: Conversation): void | Promise<void>;
  /**
   * Makes per-item operations on `conversationID` fail on the server with `code` (a non-zero
   * result code) until the subject is disposed. Per-item failure cases are skipped without it.
   */
  injectFailure?(conversationID: string, code: number): void | Promise<void>;
  /**
   * Lets pending calls and events settle (e.g. advance fake timers). The suite uses real timers.
   * @default waits one macrotask (`setTimeout(0)`)
   */
  settle?(): Promise<void>;
  /** Called after each test. */
  dispose?(): void | Promise<void>;
}

/** A fixed "now", so fixtures are identical on every run. */
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

/** How long to wait for an event before a case fails (real time). */
const EVENT_TIMEOUT_MS = 2000;

function fixture(count: number): Conversation[] {
  return generateConversations(count, { seed: 20250115, now: NOW });
}

function ids(conversations: readonly Conversation[]): string[] {
  return conversations.map((c) => c.conversationID);
}

/** Shape checks only: adapters may return their own Error subclass, but it must carry these. */
async function expectRejection(promise: Promise<unknown>, code: number): Promise<void> {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  expect(error, 'the call should reject').toBeInstanceOf(Error);
  expect((error as { code?: unknown }).code).toBe(code);
  expect(typeof (error as Error).message).toBe('string');
  expect((error as Error).message.length).toBeGreaterThan(0);
}

/** Calls `fn` and turns a synchronous throw into a failing assertion (the contract forbids it). */
function callWithoutThrowing<T>(fn: () => Promise<T>): Promise<T> {
  let result: Promise<T> | undefined;
  expect(() => {
    result = fn();
  }, 'misuse must reject, never throw synchronously').not.toThrow();
  expect(result).toBeInstanceOf(Promise);
  return result!;
}

/**
 * Registers the shared adapter contract as a vitest suite. Every adapter (memory, Tencent web,
 * your own) must pass it. Optional capabilities (pin, mark, per-item failure injection, a second
 * device) skip their cases when the adapter or subject lacks them.
 *
 * ```ts
 * import { describeAdapterContract, createMemoryContractSubject } from 'convokit/testing';
 * describeAdapterContract('memory', () => createMemoryContractSubject());
 * ```
 */
export function describeAdapterContract(
  name: string,
  setup: () => ContractSubject | Promise<ContractSubject>,
): void {
  describe(`${name}: ChatAdapter contract`, () => {
    let subject: ContractSubject;
    let data: Conversation[];
    const removers: Array<() => void> = [];

    beforeEach(async () => {
      subject = await setup();
      data = fixture(130);
      await subject.seed(data.map((c) => ({ ...c })));
      data = (await subject.serverConversations()).slice();
    });

    afterEach(async () => {
      for (const remove of removers.splice(0)) remove();
      await subject?.dispose?.();
    });

    const settle = () => (subject.settle ? subject.settle() : new Promise<void>((r) => setTimeout(r, 0)));

    /** Settles until `check` passes (or fails after EVENT_TIMEOUT_MS of real time). */
    async function eventually(check: () => void): Promise<void> {
      const started = Date.now();
      for (;;) {
        await settle();
        try {
          check();
          return;
        } catch (error) {
          if (Date.now() - started > EVENT_TIMEOUT_MS) throw error;
        }
      }
    }

    /** A listener that records every event it hears. */
    function record(adapter: ChatAdapter) {
      const heard = {
        added: [] as Conversation[],
        changed: [] as Conversation[],
        deleted: [] as string[],
        totals: [] as number[],
        count: 0,
      };
      const listener: ConversationListener = {
        onNewConversation: (list) => (heard.count++, heard.added.push(...list)),
        onConversationChanged: (list) => (heard.count++, heard.changed.push(...list)),
        onConversationDeleted: (list) => (heard.count++, heard.deleted.push(...list)),
        onTotalUnreadMessageCountChanged: (total) => (heard.count++, heard.totals.push(total)),
      };
      const remove = adapter.addConversationListener(listener);
      expect(typeof remove).toBe('function');
      removers.push(remove);
      return { heard, remove };
    }

    async function pageAll(adapter: ChatAdapter, count: number) {
      const pages: Conversation[][] = [];
      let nextSeq = '0';
      for (let guard = 0; guard < 10_000; guard++) {
        const page = await adapter.getConversationList(nextSeq, count);
        expect(Array.isArray(page.conversationList)).toBe(true);
        expect(typeof page.nextSeq).toBe('string');
        expect(typeof page.isFinished).toBe('boolean');
        pages.push(page.conversationList);
        if (page.isFinished) return pages;
        nextSeq = page.nextSeq;
      }
      throw new Error('paging never finished');
    }

    async function serverIDs(): Promise<string[]> {
      return ids(await subject.serverConversations());
    }

    /** A conversation newer than everything in the fixture. */
    function freshConversation(id: string, minutesAfter = 1): Conversation {
      const timestamp = NOW + minutesAfter * 60_000;
      return {
        conversationID: id,
        type: 'c2c',
        userID: id.replace(/^C2C/, ''),
        showName: 'Contract Newcomer',
        unreadCount: 1,
        isPinned: false,
        orderKey: timestamp,
        lastMessage: { text: 'hello from the contract suite 👋', timestamp },
      };
    }

    // -----------------------------------------------------------------------------------------
    describe('getConversationList', () => {
      it('the seeded list is in list order', () => {
        const sorted = [...data].sort(compareConversations);
        expect(ids(data)).toEqual(ids(sorted));
        expect(data.some((c) => c.isPinned)).toBe(true);
      });

      it('pages cover every conversation exactly once, in list order', async () => {
        const pages = await pageAll(subject.adapter, 20);
        const all = pages.flat();
        expect(ids(all)).toEqual(ids(data));
        expect(new Set(ids(all)).size).toBe(all.length);
      });

      it('pages respect count and only the last one is finished', async () => {
        const pages = await pageAll(subject.adapter, 20);
        expect(pages.length).toBe(Math.ceil(data.length / 20));
        for (const page of pages.slice(0, -1)) expect(page.length).toBe(20);
        expect(pages.at(-1)!.length).toBe(data.length % 20 || 20);
      });

      it('count 1 and a count larger than the list both work', async () => {
        const one = await subject.adapter.getConversationList('0', 1);
        expect(ids(one.conversationList)).toEqual([data[0].conversationID]);
        expect(one.isFinished).toBe(false);
        const big = await subject.adapter.getConversationList('0', 500);
        expect(ids(big.conversationList)).toEqual(ids(data));
        expect(big.isFinished).toBe(true);
      });

      it('carries every Conversation field the kit needs', async () => {
        const { conversationList } = await subject.adapter.getConversationList('0', 50);
        for (const c of conversationList) {
          expect(typeof c.conversationID).toBe('string');
          expect(['c2c', 'group']).toContain(c.type);
          expect(typeof c.showName).toBe('string');
          expect(typeof c.unreadCount).toBe('number');
          expect(typeof c.isPinned).toBe('boolean');
          expect(typeof c.orderKey).toBe('number');
        }
      });

      it('a deletion between pages skips nothing that remains', async () => {
        const first = await subject.adapter.getConversationList('0', 20);
        // Delete some already delivered and some not yet delivered.
        const doomed = [data[3].conversationID, data[10].conversationID, data[25].conversationID];
        await subject.adapter.deleteConversationList(doomed, false);
        const seen = [...first.conversationList];
        let nextSeq = first.nextSeq;
        let finished = first.isFinished;
        while (!finished) {
          const page = await subject.adapter.getConversationList(nextSeq, 20);
          seen.push(...page.conversationList);
          nextSeq = page.nextSeq;
          finished = page.isFinished;
        }
        const remaining = await serverIDs();
        const seenIDs = new Set(ids(seen));
        for (const id of remaining) expect(seenIDs.has(id), `${id} was skipped`).toBe(true);
      });

      it.each([
        ['zero', 0],
        ['negative', -5],
        ['fractional', 1.5],
        ['NaN', Number.NaN],
        ['a string', '10'],
      ])('a %s count rejects with INVALID_PARAMETERS', async (_label, count) => {
        const call = callWithoutThrowing(() => subject.adapter.getConversationList('0', count as number));
        await expectRejection(call, ErrorCode.INVALID_PARAMETERS);
      });

      it('a non-string nextSeq rejects with INVALID_PARAMETERS', async () => {
        const call = callWithoutThrowing(() => subject.adapter.getConversationList(0 as unknown as string, 10));
        await expectRejection(call, ErrorCode.INVALID_PARAMETERS);
      });
    });

    // -----------------------------------------------------------------------------------------
    describe('deleteConversationList', () => {
      it('returns one result per ID, in request order, and removes them', async () => {
        const doomed = [data[40], data[2], data[17]].map((c) => c.conversationID);
        const results = await subject.adapter.deleteConversationList(doomed, true);
        expect(results.map((r) => r.conversationID)).toEqual(doomed);
        for (const r of results) {
          expect(r.resultCode).toBe(0);
          expect(typeof r.resultInfo).toBe('string');
        }
        const remaining = await serverIDs();
        for (const id of doomed) expect(remaining).not.toContain(id);
        expect(remaining.length).toBe(data.length - 3);
        const paged = (await pageAll(subject.adapter, 50)).flat();
        expect(ids(paged)).toEqual(remaining);
      });

      it.each([true, false])('clearMessage %s removes the conversation from the list', async (clearMessage) => {
        const id = data[5].conversationID;
        const [result] = await subject.adapter.deleteConversationList([id], clearMessage);
        expect(result).toMatchObject({ conversationID: id, resultCode: 0 });
        expect(await serverIDs()).not.toContain(id);
      });

      it('is idempotent: deleting a conversation that is already gone succeeds', async () => {
        const id = data[7].conversationID;
        await subject.adapter.deleteConversationList([id], true);
        const again = await subject.adapter.deleteConversationList([id, 'C2Cnever_existed_contract'], true);
        expect(again).toEqual([
          expect.objectContaining({ conversationID: id, resultCode: 0 }),
          expect.objectContaining({ conversationID: 'C2Cnever_existed_contract', resultCode: 0 }),
        ]);
        expect((await serverIDs()).length).toBe(data.length - 1);
      });

      it(`accepts exactly ${MAX_IDS_PER_CALL} IDs`, async () => {
        const doomed = ids(data.slice(0, MAX_IDS_PER_CALL));
        const results = await subject.adapter.deleteConversationList(doomed, false);
        expect(results.map((r) => r.conversationID)).toEqual(doomed);
        expect(results.every((r) => r.resultCode === 0)).toBe(true);
        expect(await serverIDs()).toEqual(ids(data.slice(MAX_IDS_PER_CALL)));
      });

      const invalidLists: Array<[string, () => unknown[]]> = [
        [`more than ${MAX_IDS_PER_CALL} IDs`, () => ids(data.slice(0, MAX_IDS_PER_CALL + 1))],
        ['an empty list', () => []],
        ['a duplicate ID', () => [data[0].conversationID, data[1].conversationID, data[0].conversationID]],
        ['a number among the IDs', () => [data[0].conversationID, 42]],
        ['null among the IDs', () => [data[0].conversationID, null]],
        ['undefined among the IDs', () => [undefined, data[0].conversationID]],
        ['an empty-string ID', () => [data[0].conversationID, '']],
      ];
      it.each(invalidLists)('%s rejects the whole call and applies nothing', async (_label, make) => {
        const before = await serverIDs();
        const call = callWithoutThrowing(() => subject.adapter.deleteConversationList(make() as string[], true));
        await expectRejection(call, ErrorCode.INVALID_PARAMETERS);
        await settle();
        expect(await serverIDs()).toEqual(before);
      });

      it.each([
        ['a string instead of a list', () => data[0].conversationID],
        ['undefined', () => undefined],
        ['null', () => null],
        ['an object', () => ({ 0: data[0].conversationID, length: 1 })],
      ])('%s rejects (never throws synchronously) and applies nothing', async (_label, make) => {
        const before = await serverIDs();
        const call = callWithoutThrowing(() => subject.adapter.deleteConversationList(make() as unknown as string[], true));
        await expectRejection(call, ErrorCode.INVALID_PARAMETERS);
        expect(await serverIDs()).toEqual(before);
      });

      it.each([
        ['undefined', undefined],
        ['a string', 'true'],
        ['a number', 1],
      ])('clearMessage as %s rejects and applies nothing', async (_label, clearMessage) => {
        const before = await serverIDs();
        const call = callWithoutThrowing(() =>
          subject.adapter.deleteConversationList([data[0].conversationID], clearMessage as unknown as boolean),
        );
        await expectRejection(call, ErrorCode.INVALID_PARAMETERS);
        expect(await serverIDs()).toEqual(before);
      });

      it('a per-item failure comes back as a non-zero resultCode and the conversation stays', async (ctx) => {
        if (!subject.injectFailure) return ctx.skip();
        const [a, b, c] = ids(data.slice(10, 13));
        await subject.injectFailure(b, ErrorCode.SERVER_FREQUENCY_LIMIT);
        const results = await subject.adapter.deleteConversationList([a, b, c], true);
        expect(results.map((r) => r.conversationID)).toEqual([a, b, c]);
        expect(results[0].resultCode).toBe(0);
        expect(results[1].resultCode).not.toBe(0);
        expect(typeof results[1].resultInfo).toBe('string');
        expect(results[1].resultInfo.length).toBeGreaterThan(0);
        expect(results[2].resultCode).toBe(0);
        const remaining = await serverIDs();
        expect(remaining).toContain(b);
        expect(remaining).not.toContain(a);
        expect(remaining).not.toContain(c);
      });
    });

    // -----------------------------------------------------------------------------------------
    describe('listeners', () => {
      it('a new message in an unknown conversation fires onNewConversation', async () => {
        const { heard } = record(subject.adapter);
        const fresh = freshConversation('C2Ccontract_newcomer');
        await subject.deliverMessage(fresh);
        await eventually(() => expect(ids(heard.added)).toContain(fresh.conversationID));
        const first = await subject.adapter.getConversationList('0', 200);
        expect(ids(first.conversationList)).toContain(fresh.conversationID);
      });

      it('a new message in a listed conversation fires onConversationChanged', async () => {
        const { heard } = record(subject.adapter);
        // As the kit does: listen, then load. An adapter may need the loaded list to tell a
        // changed conversation from a new one (the web SDK only reports whole lists).
        await pageAll(subject.adapter, 100);
        const target = data.find((c) => !c.isPinned)!;
        const timestamp = NOW + 5 * 60_000;
        const updated: Conversation = {
          ...target,
          unreadCount: target.unreadCount + 1,
          orderKey: timestamp,
          lastMessage: { text: 'a newer message', timestamp },
        };
        await subject.deliverMessage(updated);
        await eventually(() => {
          const seen = heard.changed.find((c) => c.conversationID === target.conversationID);
          expect(seen?.lastMessage?.text).toBe('a newer message');
        });
        const truth = await subject.serverConversations();
        // Newest message first after the pinned ones.
        expect(truth.find((c) => !c.isPinned)?.conversationID).toBe(target.conversationID);
      });

      it('the function returned by addConversationListener stops events', async () => {
        const { heard, remove } = record(subject.adapter);
        remove();
        remove(); // removing twice is harmless
        await subject.deliverMessage(freshConversation('C2Ccontract_unheard'));
        await subject.adapter.deleteConversationList([data[0].conversationID], true);
        for (let i = 0; i < 5; i++) await settle();
        expect(heard.count).toBe(0);
      });

      it('removing one listener keeps the others', async () => {
        const first = record(subject.adapter);
        const second = record(subject.adapter);
        first.remove();
        await subject.deliverMessage(freshConversation('C2Ccontract_second'));
        await eventually(() => expect(ids(second.heard.added)).toContain('C2Ccontract_second'));
        expect(first.heard.count).toBe(0);
      });

      it("another device of the same user hears device A's deletion", async (ctx) => {
        if (!subject.otherDevice || subject.multiDeviceSync === false) return ctx.skip();
        const b = record(subject.otherDevice);
        const doomed = ids(data.slice(20, 23));
        const results = await subject.adapter.deleteConversationList(doomed, false);
        expect(results.every((r) => r.resultCode === 0)).toBe(true);
        await eventually(() => expect(new Set(b.heard.deleted)).toEqual(new Set(doomed)));
      });

      it('a removed listener on the other device hears nothing', async (ctx) => {
        if (!subject.otherDevice) return ctx.skip();
        const b = record(subject.otherDevice);
        b.remove();
        await subject.adapter.deleteConversationList(ids(data.slice(0, 2)), true);
        for (let i = 0; i < 5; i++) await settle();
        expect(b.heard.count).toBe(0);
      });
    });

    // -----------------------------------------------------------------------------------------
    describe('pinConversation (optional)', () => {
      it('pins and unpins, reorders the list and fires onConversationChanged', async (ctx) => {
        const adapter = subject.adapter;
        if (!adapter.pinConversation) return ctx.skip();
        const { heard } = record(adapter);
        const target = data.at(-1)!;
        expect(target.isPinned).toBe(false);
        await adapter.pinConversation(target.conversationID, true);
        const truth = await subject.serverConversations();
        const pinnedIDs = ids(truth.filter((c) => c.isPinned));
        expect(pinnedIDs).toContain(target.conversationID);
        expect(ids(truth)).toEqual(ids([...truth].sort(compareConversations)));
        await eventually(() =>
          expect(heard.changed.some((c) => c.conversationID === target.conversationID && c.isPinned)).toBe(true),
        );
        await adapter.pinConversation(target.conversationID, false);
        expect((await subject.serverConversations()).find((c) => c.conversationID === target.conversationID)?.isPinned).toBe(
          false,
        );
      });

      it('bad arguments reject with INVALID_PARAMETERS', async (ctx) => {
        const adapter = subject.adapter;
        if (!adapter.pinConversation) return ctx.skip();
        await expectRejection(
          callWithoutThrowing(() => adapter.pinConversation!('', true)),
          ErrorCode.INVALID_PARAMETERS,
        );
        await expectRejection(
          callWithoutThrowing(() => adapter.pinConversation!(data[0].conversationID, 'yes' as unknown as boolean)),
          ErrorCode.INVALID_PARAMETERS,
        );
      });
    });

    describe('markConversation (optional)', () => {
      it('marks and unmarks with one result per ID in order, firing onConversationChanged', async (ctx) => {
        const adapter = subject.adapter;
        if (!adapter.markConversation) return ctx.skip();
        const { heard } = record(adapter);
        const targets = ids(data.filter((c) => !c.markList?.includes(MARK_TYPE_UNREAD)).slice(0, 2));
        const results = await adapter.markConversation(targets, MARK_TYPE_UNREAD, true);
        expect(results.map((r) => r.conversationID)).toEqual(targets);
        expect(results.every((r) => r.resultCode === 0)).toBe(true);
        const marked = (await subject.serverConversations()).filter((c) => targets.includes(c.conversationID));
        expect(marked.every((c) => c.markList?.includes(MARK_TYPE_UNREAD))).toBe(true);
        await eventually(() => expect(new Set(ids(heard.changed))).toEqual(new Set(targets)));
        await adapter.markConversation(targets, MARK_TYPE_UNREAD, false);
        const unmarked = (await subject.serverConversations()).filter((c) => targets.includes(c.conversationID));
        expect(unmarked.some((c) => c.markList?.includes(MARK_TYPE_UNREAD))).toBe(false);
      });

      it(`more than ${MAX_IDS_PER_CALL} IDs reject with INVALID_PARAMETERS`, async (ctx) => {
        const adapter = subject.adapter;
        if (!adapter.markConversation) return ctx.skip();
        const call = callWithoutThrowing(() =>
          adapter.markConversation!(ids(data.slice(0, MAX_IDS_PER_CALL + 1)), MARK_TYPE_UNREAD, true),
        );
        await expectRejection(call, ErrorCode.INVALID_PARAMETERS);
      });
    });
  });
}
