import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { StrictMode, memo, type ReactNode } from 'react';
import { ErrorCode } from '../../src/sdk/errors.js';
import { createMemoryChatServer } from '../../src/sdk/memory/index.js';
import type { ChatAdapter } from '../../src/sdk/types.js';
import {
  ConversationStoreProvider,
  useConversationStore,
  useConversationStoreApi,
} from '../../src/hooks/ConversationStoreProvider.js';
import { useConversationQuery } from '../../src/hooks/useConversationQuery.js';
import { isSelected } from '../../src/store/index.js';
import type { ConversationStoreOptions } from '../../src/store/types.js';
import { conversations } from '../store/helpers.js';

function counting(adapter: ChatAdapter) {
  const n = { listeners: 0, pages: 0, deletes: 0 };
  const wrapped: ChatAdapter = {
    ...adapter,
    getConversationList(s, c) {
      n.pages++;
      return adapter.getConversationList(s, c);
    },
    deleteConversationList(ids, clear) {
      n.deletes++;
      return adapter.deleteConversationList(ids, clear);
    },
    addConversationListener(l) {
      n.listeners++;
      const remove = adapter.addConversationListener(l);
      return () => {
        n.listeners--;
        remove();
      };
    },
  };
  return { adapter: wrapped, n };
}

let api: ReturnType<typeof useConversationStoreApi> | undefined;
let query: ReturnType<typeof useConversationQuery> | undefined;

function Probe() {
  api = useConversationStoreApi();
  query = useConversationQuery();
  const count = useConversationStore((s) => s.order.length);
  return <div data-testid="count">{count}</div>;
}

function mount(adapter: ChatAdapter, opts: { strict?: boolean; options?: ConversationStoreOptions; queryClient?: QueryClient; wrap?: (c: ReactNode) => ReactNode; children?: ReactNode } = {}) {
  const tree = (
    <ConversationStoreProvider adapter={adapter} options={opts.options} queryClient={opts.queryClient}>
      <Probe />
      {opts.children}
    </ConversationStoreProvider>
  );
  const wrapped = opts.wrap ? opts.wrap(tree) : tree;
  return render(opts.strict ? <StrictMode>{wrapped}</StrictMode> : wrapped);
}

afterEach(() => {
  api = undefined;
  query = undefined;
});

describe('given no provider', () => {
  it('useConversationStore throws a clear error', () => {
    const Bad = () => {
      useConversationStore((s) => s.order);
      return null;
    };
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Bad />)).toThrow(/useConversationStore\(\) was called outside a <ConversationStoreProvider>/);
    spy.mockRestore();
  });
});

describe('given the provider under StrictMode', () => {
  it('keeps one listener, fetches the first page once and sends one delete per confirmation', async () => {
    const server = createMemoryChatServer({ conversations: conversations(30) });
    const { adapter, n } = counting(server.connect());
    const view = mount(adapter, { strict: true });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('30'));
    expect(n.listeners).toBe(1);
    expect(n.pages).toBe(1);
    const id = api!.getState().order[0];
    act(() => {
      api!.getState().actions.requestDelete([id]);
      api!.getState().actions.confirmDelete();
      api!.getState().actions.confirmDelete();
    });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('29'));
    expect(n.deletes).toBe(1);
    view.unmount();
    await waitFor(() => expect(n.listeners).toBe(0));
    expect(server.listenerCount()).toBe(0);
  });

  it('sends a pending keep-history removal on unmount, not on the StrictMode remount', async () => {
    const server = createMemoryChatServer({ conversations: conversations(5) });
    const { adapter, n } = counting(server.connect());
    const view = mount(adapter, { strict: true, options: { clearHistory: 'never' } });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('5'));
    const id = api!.getState().order[0];
    act(() => api!.getState().actions.requestDelete([id]));
    await new Promise((r) => setTimeout(r, 20));
    expect(n.deletes).toBe(0);
    view.unmount();
    await waitFor(() => expect(n.deletes).toBe(1));
    expect(server.calls.filter((c) => c.operation === 'deleteConversationList')[0].clearMessage).toBe(false);
    await waitFor(() => expect(server.getConversation(id)).toBeUndefined());
  });
});

describe('the QueryClient', () => {
  const queries = (c: QueryClient) => c.getQueryCache().findAll({ queryKey: ['convokit'] });

  it('is the queryClient prop when given', async () => {
    const server = createMemoryChatServer({ conversations: conversations(3) });
    const mine = new QueryClient();
    const host = new QueryClient();
    mount(server.connect(), { queryClient: mine, wrap: (t) => <QueryClientProvider client={host}>{t}</QueryClientProvider> });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('3'));
    expect(queries(mine)).toHaveLength(1);
    expect(queries(host)).toHaveLength(0);
  });

  it("is the host's QueryClientProvider client otherwise", async () => {
    const server = createMemoryChatServer({ conversations: conversations(3) });
    const host = new QueryClient();
    mount(server.connect(), { wrap: (t) => <QueryClientProvider client={host}>{t}</QueryClientProvider> });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('3'));
    expect(queries(host)).toHaveLength(1);
  });

  it("is the kit's own without either, and does not leak a provider to the host's children", async () => {
    const server = createMemoryChatServer({ conversations: conversations(3) });
    let childSawClient = true;
    const Child = () => {
      try {
        useQueryClient();
      } catch {
        childSawClient = false;
      }
      return null;
    };
    mount(server.connect(), { children: <Child /> });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('3'));
    expect(childSawClient).toBe(false);
  });
});

describe('useConversationQuery', () => {
  it('shows a failed first page as an error, and Retry loads it', async () => {
    let fail = true;
    const server = createMemoryChatServer({
      conversations: conversations(3),
      injectFault: (op) => (op === 'getConversationList' && fail ? ErrorCode.NETWORK : undefined),
    });
    mount(server.connect());
    await waitFor(() => expect(query!.isError).toBe(true));
    expect(query!.error).toMatchObject({ code: ErrorCode.NETWORK });
    expect(api!.getState().paging.pagesLoaded).toBe(0);
    fail = false;
    await act(() => query!.retry());
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('3'));
    expect(query!.isError).toBe(false);
  });

  it('keeps what is loaded when a later page fails, and Retry goes on', async () => {
    let n = 0;
    const server = createMemoryChatServer({
      conversations: conversations(25),
      injectFault: (op) => (op === 'getConversationList' && ++n === 2 ? ErrorCode.NETWORK : undefined),
    });
    mount(server.connect(), { options: { pageSize: 10 } });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('10'));
    expect(query!.hasNextPage).toBe(true);
    await act(() => query!.fetchNextPage());
    await waitFor(() => expect(query!.isError).toBe(true));
    expect(screen.getByTestId('count').textContent).toBe('10');
    await act(() => query!.retry());
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('20'));
    await act(() => query!.fetchNextPage());
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('25'));
    expect(query!.hasNextPage).toBe(false);
  });
});

describe('given rows that select narrowly', () => {
  it('a toggle or a remote deletion re-renders only the rows that changed', async () => {
    const server = createMemoryChatServer({ conversations: conversations(40) });
    const renders = new Map<string, number>();
    const Row = memo(function Row({ id }: { id: string }) {
      const c = useConversationStore((s) => s.byID.get(id));
      const selected = useConversationStore((s) => isSelected(s, id));
      renders.set(id, (renders.get(id) ?? 0) + 1);
      return <div data-selected={selected || undefined}>{c?.showName}</div>;
    });
    const Rows = () => {
      const order = useConversationStore((s) => s.order);
      return (
        <>
          {order.map((id) => (
            <Row key={id} id={id} />
          ))}
        </>
      );
    };
    mount(server.connect(), { children: <Rows /> });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('40'));
    const order = api!.getState().order;
    const before = new Map(renders);
    act(() => api!.getState().actions.toggleSelected(order[5]));
    const changed = order.filter((id) => renders.get(id) !== before.get(id));
    expect(changed).toEqual([order[5]]);

    const before2 = new Map(renders);
    const other = server.connect();
    await act(async () => {
      await other.deleteConversationList([order[9]], true);
    });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('39'));
    const changed2 = order.filter((id) => id !== order[9] && renders.get(id) !== before2.get(id));
    expect(changed2).toEqual([]);
  });
});
