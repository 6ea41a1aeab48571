import { NOW, setup, tick } from './helpers.js';

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

// interaction.md D5: the dialog names the count. "Select all" covers pages that are not loaded
// yet, so the store counts them before the user can confirm.
describe('given 2,500 conversations with only the first page loaded', () => {
  describe('after Select all and Delete', () => {
    it('counts every conversation before it can be confirmed, then deletes exactly that many', async () => {
      const s = setup(2500, { server: { latencyMs: 20 } });
      const first = s.actions.fetchNextPage();
      await tick(50);
      await first;
      expect(s.state().order).toHaveLength(100);

      s.actions.selectAll();
      s.actions.requestDelete();
      expect(s.state().confirmation).toMatchObject({ allSelected: true, counting: true });

      // Confirming before the count is exact does nothing: no request, no clearing.
      s.actions.confirmDelete();
      expect(s.state().confirmation?.status).toBe('idle');
      expect(s.deletes()).toHaveLength(0);

      await tick(500);
      const conf = s.state().confirmation!;
      expect(conf.counting).toBeUndefined();
      expect(conf.count).toBe(2500);
      // Counting loads in large pages: a handful of calls, not 25.
      const pages = s.server.calls.filter((c) => c.operation === 'getConversationList');
      expect(pages.length).toBeLessThanOrEqual(5);

      s.actions.confirmDelete();
      await tick(2000);
      expect(s.deletes().flatMap((d) => d.ids)).toHaveLength(2500);
      expect(s.deletes().every((d) => d.clearMessage === true)).toBe(true);
      expect(s.serverIDs()).toHaveLength(0);
    });

    it('shows the counting error, and nothing is deleted, when a page fails', async () => {
      let fail = false;
      const s = setup(2500, {
        server: { injectFault: (op, id) => (fail && op === 'getConversationList' && id === undefined ? 2800 : undefined) },
      });
      const first = s.actions.fetchNextPage();
      await tick(10);
      await first;
      fail = true;
      s.actions.selectAll();
      s.actions.requestDelete();
      await tick(100);
      expect(s.state().confirmation).toMatchObject({ status: 'error' });
      expect(s.state().confirmation?.counting).toBeUndefined();
      expect(s.deletes()).toHaveLength(0);
      expect(s.serverIDs()).toHaveLength(2500);
    });
  });
});
