import { describe, expect, it } from 'vitest';
import { generateConversations } from '../../src/sdk/generate.js';
import { createMemoryChatServer } from '../../src/sdk/memory/index.js';

// Scale, not speed: 100,000 conversations page and delete correctly. The benchmark measures time.
describe('given a 100,000-conversation server', () => {
  const data = generateConversations(100_000, { seed: 9, now: Date.UTC(2025, 0, 15) });

  it('constructs, pages and deletes at scale', async () => {
    const server = createMemoryChatServer({ conversations: data });
    const adapter = server.connect();

    let page = await adapter.getConversationList('0', 100);
    for (let i = 0; i < 50; i++) page = await adapter.getConversationList(page.nextSeq, 100);
    expect(page.conversationList[0].conversationID).toBe(data[5000].conversationID);

    const doomed = data.slice(40_000, 40_100).map((c) => c.conversationID);
    const results = await adapter.deleteConversationList(doomed, true);
    expect(results.every((r) => r.resultCode === 0)).toBe(true);
    expect(server.getConversations()).toHaveLength(99_900);
    // Paging still lines up after the deletion.
    const next = await adapter.getConversationList(page.nextSeq, 100);
    expect(next.conversationList[0].conversationID).toBe(data[5100].conversationID);
  });
});
