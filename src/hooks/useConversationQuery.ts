/**
 * Loading pages with React Query (issue 3 §2). `useInfiniteQuery` drives the fetching (dedupe,
 * the host's QueryClient, devtools); the store holds the data and the paging state, so there is
 * one source of truth: the query's pages are only summaries, and `hasNextPage` / errors are read
 * from the store (which `loadAll()` for "select all" also advances, outside React Query).
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { selectHasNextPage } from '../store/selectors.js';
import type { ConversationStore, PagingState } from '../store/types.js';
import { useConversationStore, useConversationStoreContext } from './useConversationStore.js';

/** What the list needs to load more as the user nears the end. */
export interface ConversationQueryResult {
  /** Loads the next page; does nothing while one is loading or when none is left. */
  fetchNextPage(): Promise<void>;
  hasNextPage: boolean;
  /** The first page is loading. */
  isLoading: boolean;
  /** A later page is loading. */
  isFetchingNextPage: boolean;
  /** The last page request failed: first page (no rows, show error + Retry) or a later one. */
  isError: boolean;
  error: PagingState['error'];
  /** Re-runs the failed request: the first page, or the next page at the end of the list. */
  retry(): Promise<void>;
  /**
   * Refreshes: before the first page it loads it; afterwards it re-fetches the first page and
   * merges it (live updates keep the rest current).
   */
  refetch(): Promise<void>;
}

interface PageSummary {
  nextSeq: string;
  isFinished: boolean;
  count: number;
}

const storeKeys = new WeakMap<ConversationStore, number>();
let nextStoreKey = 0;
function keyOf(store: ConversationStore): number {
  let k = storeKeys.get(store);
  if (k === undefined) storeKeys.set(store, (k = ++nextStoreKey));
  return k;
}

/** Feeds the list's store from `adapter.getConversationList` through `useInfiniteQuery`. */
export function useConversationQuery(): ConversationQueryResult {
  const { store, queryClient } = useConversationStoreContext('useConversationQuery');
  const [queryKey] = useState(() => ['convokit', 'conversations', keyOf(store)] as const);

  const query = useInfiniteQuery(
    {
      queryKey,
      // The store fetches (and dedupes per nextSeq, and applies the call timeout); React Query
      // keeps a summary. Conversations live in the store only.
      queryFn: async ({ pageParam }): Promise<PageSummary> => {
        const page = await store.getState().actions.fetchPage(pageParam);
        return { nextSeq: page.nextSeq, isFinished: page.isFinished, count: page.conversationList.length };
      },
      initialPageParam: '0',
      // Follow the store's cursor, which loadAll() may have moved on.
      getNextPageParam: () => {
        const { paging } = store.getState();
        return paging.isFinished || paging.capReached ? undefined : paging.nextSeq;
      },
      // The store has its own timeout, and the user's Retry; live updates replace refetching.
      retry: false,
      staleTime: Infinity,
      // The query's closure holds the store; drop it as soon as the list unmounts.
      gcTime: 0,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      refetchOnMount: false,
    },
    queryClient,
  );
  const queryRef = useRef(query);
  queryRef.current = query;
  // Read (and so subscribe to) React Query's own fetching flag. The store marks a page loaded
  // before the queryFn returns; a "load more" asked for in between is dropped by React Query
  // (cancelRefetch: false), and without this re-render when the fetch settles a first page that
  // does not fill the viewport was never followed by the next one (found by issue 7's tests).
  void query.isFetching;

  const paging = useConversationStore((s) => s.paging);
  const hasNextPage = useConversationStore(selectHasNextPage);

  const fetchNextPage = useCallback(async () => {
    const p = store.getState().paging;
    if (p.isFinished || p.capReached || p.status === 'loading') return;
    if (p.pagesLoaded === 0) {
      await queryRef.current.refetch();
      return;
    }
    await queryRef.current.fetchNextPage({ cancelRefetch: false });
  }, [store]);

  const retry = useCallback(async () => {
    const p = store.getState().paging;
    if (p.status === 'loading') return;
    if (p.pagesLoaded === 0) await queryRef.current.refetch();
    else await fetchNextPage();
  }, [store, fetchNextPage]);

  const refetch = useCallback(async () => {
    const p = store.getState().paging;
    if (p.pagesLoaded === 0) await retry();
    else await store.getState().actions.fetchPage('0').then(
      () => undefined,
      () => undefined,
    );
  }, [store, retry]);

  return {
    fetchNextPage,
    hasNextPage,
    isLoading: paging.pagesLoaded === 0 && paging.status !== 'error' && !paging.isFinished,
    isFetchingNextPage: paging.pagesLoaded > 0 && paging.status === 'loading',
    isError: paging.status === 'error',
    error: paging.error,
    retry,
    refetch,
  };
}
