/**
 * The QueryClient (issue 7, Hosts; issue 3 §2): the `queryClient` prop, else the host's
 * QueryClientProvider, else the kit's own, never two.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { page } from 'vitest/browser';
import { expectListEqualsServer, renderFaulty } from '../reliability/harness.js';

beforeEach(async () => {
  await page.viewport(800, 800);
});


const convokitQueries = (client: QueryClient) => client.getQueryCache().findAll({ queryKey: ['convokit'] });

describe('given a host QueryClientProvider', () => {
  it('the list uses the host client and creates none of its own', async () => {
    const host = new QueryClient();
    const seen = new Set<QueryClient>();
    const original = QueryClient.prototype.getQueryCache;
    const spy = vi.spyOn(QueryClient.prototype, 'getQueryCache').mockImplementation(function (this: QueryClient) {
      seen.add(this);
      return original.call(this);
    });
    try {
      const h = await renderFaulty({ wrap: (list) => <QueryClientProvider client={host}>{list}</QueryClientProvider> });
      await expectListEqualsServer(h);
      expect(convokitQueries(host)).toHaveLength(1);
      // Every client the list touched is the host's.
      expect([...seen]).toEqual([host]);
      h.unmount();
    } finally {
      spy.mockRestore();
    }
  });

  it('the queryClient prop wins over the host provider', async () => {
    const host = new QueryClient();
    const mine = new QueryClient();
    const h = await renderFaulty({
      queryClient: mine,
      wrap: (list) => <QueryClientProvider client={host}>{list}</QueryClientProvider>,
    });
    await expectListEqualsServer(h);
    expect(convokitQueries(mine)).toHaveLength(1);
    expect(convokitQueries(host)).toHaveLength(0);
  });

  it('without any client the list works on its own one', async () => {
    const h = await renderFaulty();
    await expectListEqualsServer(h);
  });
});
