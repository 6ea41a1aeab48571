/**
 * Test helpers for the store: a real memory server, a real store, and adapter decorators that
 * observe (or misbehave on) calls. Decorators wrap the real adapter; nothing is mocked.
 */
import { createMemoryChatServer, type MemoryChatServerOptions } from '../../src/sdk/memory/index.js';
import { generateConversations } from '../../src/sdk/generate.js';
import type { ChatAdapter, Conversation } from '../../src/sdk/types.js';
import { createConversationStore } from '../../src/store/index.js';
import type { ConversationStoreOptions } from '../../src/store/types.js';

export const NOW = Date.UTC(2025, 0, 15, 12);

export function conversations(n: number, seed = 1): Conversation[] {
  return generateConversations(n, { seed, now: NOW });
}

export interface Setup {
  server: ReturnType<typeof createMemoryChatServer>;
  adapter: ChatAdapter;
  store: ReturnType<typeof createConversationStore>;
  actions: ReturnType<ReturnType<typeof createConversationStore>['getState']>['actions'];
  state: () => ReturnType<ReturnType<typeof createConversationStore>['getState']>;
  /** The server's IDs in list order. */
  serverIDs: () => string[];
  /** Delete calls the server saw, in order. */
  deletes: () => { ids: string[]; clearMessage: unknown; device: number }[];
}

export function setup(
  n: number,
  opts: {
    server?: MemoryChatServerOptions;
    store?: ConversationStoreOptions;
    wrap?: (adapter: ChatAdapter) => ChatAdapter;
  } = {},
): Setup {
  const server = createMemoryChatServer({ conversations: conversations(n), ...opts.server });
  const base = server.connect();
  const adapter = opts.wrap ? opts.wrap(base) : base;
  const store = createConversationStore(adapter, { random: () => 0.5, ...opts.store });
  return {
    server,
    adapter,
    store,
    actions: store.getState().actions,
    state: () => store.getState(),
    serverIDs: () => server.getConversations().map((c) => c.conversationID),
    deletes: () =>
      server.calls
        .filter((c) => c.operation === 'deleteConversationList')
        .map((c) => ({ ids: c.ids as string[], clearMessage: c.clearMessage, device: c.device })),
  };
}

/** Counts calls in flight at once, around any adapter. */
export function concurrency(adapter: ChatAdapter) {
  const stats = { now: 0, max: 0 };
  const wrapped: ChatAdapter = {
    ...adapter,
    getConversationList: (s, c) => adapter.getConversationList(s, c),
    addConversationListener: (l) => adapter.addConversationListener(l),
    deleteConversationList(ids, clear) {
      stats.now++;
      stats.max = Math.max(stats.max, stats.now);
      return adapter.deleteConversationList(ids, clear).finally(() => stats.now--);
    },
  };
  return { adapter: wrapped, stats };
}

/** Lets timers (fake) and promises run for `ms`. */
export async function tick(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

/** Runs fake timers until the store has no running job and no page loading. */
export async function settle(s: Setup, maxMs = 600_000): Promise<void> {
  for (let t = 0; t < maxMs; t += 50) {
    await vi.advanceTimersByTimeAsync(50);
    const st = s.state();
    if (!st.jobs.some((j) => j.status === 'running') && st.paging.status !== 'loading' && !st.confirmation?.status.startsWith('pend')) return;
  }
  throw new Error('did not settle');
}
