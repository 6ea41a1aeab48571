import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateConversations } from '../../src/sdk/generate.js';
import { createMemoryChatServer } from '../../src/sdk/memory/index.js';
import { compareConversations } from '../../src/sdk/order.js';

const NOW = Date.UTC(2025, 0, 15);
const POOL = generateConversations(40, { seed: 5, now: NOW });
const poolID = fc.integer({ min: 0, max: 44 }).map((i) => (i < 40 ? POOL[i].conversationID : `C2Cghost_${i}`));

const operation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), ids: fc.uniqueArray(poolID, { minLength: 1, maxLength: 6 }), clear: fc.boolean() }),
  fc.record({ kind: fc.constant('message' as const), id: poolID, at: fc.integer({ min: 1, max: 10_000 }) }),
  fc.record({ kind: fc.constant('pin' as const), id: poolID, pinned: fc.boolean() }),
  fc.record({ kind: fc.constant('page' as const), count: fc.integer({ min: 1, max: 15 }) }),
);

describe('given random operation sequences', () => {
  it('the list stays in order, paging sees exactly the truth, and totals and history add up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 25 }), async (ops) => {
        const server = createMemoryChatServer({ conversations: POOL });
        const adapter = server.connect();
        const cleared = new Set<string>();
        for (const op of ops) {
          if (op.kind === 'delete') {
            const results = await adapter.deleteConversationList(op.ids, op.clear);
            expect(results.map((r) => r.conversationID)).toEqual(op.ids);
            for (const id of op.ids) {
              expect(server.getConversation(id)).toBeUndefined();
              if (op.clear) cleared.add(id);
            }
          } else if (op.kind === 'message') {
            const before = server.getHistory(op.id)?.messageCount ?? 0;
            server.receiveMessage(op.id, { text: 'm', timestamp: NOW + op.at });
            cleared.delete(op.id);
            expect(server.getHistory(op.id)?.messageCount).toBe(before + 1);
          } else if (op.kind === 'pin') {
            if (server.getConversation(op.id)) await adapter.pinConversation(op.id, op.pinned);
          } else {
            const seen: string[] = [];
            let nextSeq = '0';
            for (;;) {
              const page = await adapter.getConversationList(nextSeq, op.count);
              seen.push(...page.conversationList.map((c) => c.conversationID));
              nextSeq = page.nextSeq;
              if (page.isFinished) break;
            }
            expect(seen).toEqual(server.getConversations().map((c) => c.conversationID));
          }
          const truth = server.getConversations();
          expect(truth).toEqual([...truth].sort(compareConversations));
          expect(server.getTotalUnreadCount()).toBe(truth.reduce((n, c) => n + c.unreadCount, 0));
          for (const id of cleared) expect(server.getHistory(id)).toBeUndefined();
        }
      }),
      { numRuns: 60 },
    );
  });
});
