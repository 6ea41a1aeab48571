// The shared adapter contract, run against the Tencent web adapter wrapped around the faithful
// fake web SDK: two devices of one user, per-item failures through the fake's fault injector
// (which the fake, like the SDK, turns into IDs silently missing from its answer).
import { compareConversations } from '../../src/sdk/order.js';
import { createTencentChatAdapter, mapTencentConversation } from '../../src/sdk/tencent/index.js';
import { describeAdapterContract, type ContractSubject } from '../../src/testing.js';
import { FakeTencentServer, toWebConversation } from './fakes/fakeTencentChat.js';

function createTencentContractSubject(options: { latencyMs?: number } = {}): ContractSubject {
  const failures = new Map<string, number>();
  const server = new FakeTencentServer({
    latencyMs: options.latencyMs ?? 0,
    injectFault: (_operation, conversationID) => (conversationID === undefined ? undefined : failures.get(conversationID)),
  });
  return {
    adapter: createTencentChatAdapter(server.connect()),
    otherDevice: createTencentChatAdapter(server.connect()),
    multiDeviceSync: true,
    seed: (conversations) => server.reset(conversations.map(toWebConversation)),
    serverConversations: () => server.list().map((web) => mapTencentConversation(web)).sort(compareConversations),
    deliverMessage: (conversation) => server.upsertConversation(toWebConversation(conversation)),
    injectFailure: (conversationID, code) => {
      failures.set(conversationID, code);
    },
    settle: () => new Promise((resolve) => setTimeout(resolve, (options.latencyMs ?? 0) + 1)),
  };
}

describeAdapterContract('tencent web (fake SDK)', () => createTencentContractSubject());
describeAdapterContract('tencent web (fake SDK, 5 ms latency)', () => createTencentContractSubject({ latencyMs: 5 }));
