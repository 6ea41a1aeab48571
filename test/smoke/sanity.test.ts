import { compareConversations } from '../../src/sdk/order.js';
it('orders pinned first', () => {
  const a = { isPinned: false, orderKey: 5, conversationID: 'a' };
  const b = { isPinned: true, orderKey: 1, conversationID: 'b' };
  expect([a, b].sort(compareConversations)[0]).toBe(b);
});
