/**
 * One store per list: the provider creates it once (zustand's "initialize state with props"
 * guide: `useState(() => createStore(...))`, never a module singleton), keeps the adapter's
 * listener subscribed while mounted, and resolves the one QueryClient the list uses.
 */
import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ChatAdapter } from '../sdk/types.js';
import { createConversationStore } from '../store/createConversationStore.js';
import type { ConversationStoreOptions } from '../store/types.js';
import { ConversationStoreContext, type ConversationStoreContextValue } from './useConversationStore.js';

export { useConversationStore, useConversationStoreApi } from './useConversationStore.js';

export interface ConversationStoreProviderProps {
  /** The chat backend. Read once: give the provider a new `key` to switch adapters. */
  adapter: ChatAdapter;
  /** Store options; later changes are applied with `setOptions`. */
  options?: ConversationStoreOptions;
  /**
   * The QueryClient for loading pages. @default the host app's `QueryClientProvider` client,
   * else one the kit creates once for this list.
   */
  queryClient?: QueryClient;
  children?: ReactNode;
}

/** Creates the list's store once and provides it to `useConversationStore`. */
export function ConversationStoreProvider({ adapter, options, queryClient, children }: ConversationStoreProviderProps) {
  // StrictMode may call this initialiser twice; creating a store has no side effects (no listener,
  // no fetch), so the discarded one leaves no trace.
  const [store] = useState(() => createConversationStore(adapter, options));

  useEffect(() => {
    if (options) store.getState().actions.setOptions(options);
  }, [store, options]);

  // Ref-counted and deferred in the store: StrictMode's unmount+remount keeps one listener and
  // does not flush undo windows; a real unmount sends pending removals and unsubscribes.
  useEffect(() => {
    const { actions } = store.getState();
    actions.retain();
    return () => actions.release();
  }, [store]);

  // Never two clients: the prop, else the host's provider, else our own, created once. Reading
  // the context (not `useQueryClient()`, which throws without a provider in v5).
  const hostClient = useContext(QueryClientContext);
  const own = useRef<QueryClient | null>(null);
  let client = queryClient ?? hostClient;
  if (!client) {
    own.current ??= new QueryClient();
    client = own.current;
  }

  const value = useMemo<ConversationStoreContextValue>(() => ({ store, queryClient: client }), [store, client]);
  return <ConversationStoreContext.Provider value={value}>{children}</ConversationStoreContext.Provider>;
}
