import { createMemoryChatServer, type MemoryChatServerOptions } from '../sdk/memory/server.js';
import type { ContractSubject } from './contract.js';

/**
 * A {@link ContractSubject} over the in-memory server: two devices of one user, per-item
 * failures through the server's fault injector. Also a worked example for writing your own.
 * `options.injectFault` is replaced (failures come from `injectFailure`).
 */
export function createMemoryContractSubject(
  options: Omit<MemoryChatServerOptions, 'conversations' | 'injectFault'> = {},
): ContractSubject {
  const server = createMemoryChatServer(options);
  const failures = new Map<string, number>();
  server.setFaultInjector((_operation, conversationID) =>
    conversationID === undefined ? undefined : failures.get(conversationID),
  );
  return {
    adapter: server.connect(),
    otherDevice: server.connect(),
    multiDeviceSync: options.multiDeviceSync ?? true,
    seed: (conversations) => server.reset(conversations),
    serverConversations: () => server.getConversations(),
    deliverMessage: (conversation) => server.upsertConversation(conversation),
    injectFailure: (conversationID, code) => {
      failures.set(conversationID, code);
    },
    // Latency is real time here; wait a little longer than one call takes.
    settle: () => new Promise((resolve) => setTimeout(resolve, (options.latencyMs ?? 0) + 1)),
  };
}
