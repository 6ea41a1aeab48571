/**
 * Reading the list's store from React. The store itself is vanilla (src/store); this is the glue:
 * a context holding the store (and the resolved QueryClient), and narrow-selector hooks.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ConversationStore, ConversationStoreState } from '../store/types.js';

/** @internal What {@link ConversationStoreProvider} provides. */
export interface ConversationStoreContextValue {
  store: ConversationStore;
  /** The one QueryClient this list uses: the `queryClient` prop, the host's, or the kit's own. */
  queryClient: QueryClient;
}

/** @internal */
export const ConversationStoreContext = createContext<ConversationStoreContextValue | null>(null);

/** @internal The context, or a clear error outside the provider (TanStack's `useQueryClient`). */
export function useConversationStoreContext(hook: string): ConversationStoreContextValue {
  const value = useContext(ConversationStoreContext);
  if (!value) {
    throw new Error(
      `convokit: ${hook}() was called outside a <ConversationStoreProvider>. ` +
        'Render it inside <ConversationList> (or wrap it in ConversationStoreProvider).',
    );
  }
  return value;
}

/**
 * Reads the list's store through a selector. Keep selectors narrow (`s => s.byID.get(id)`,
 * `s => isSelected(s, id)`) so one row's change re-renders one row (style.md). A selector must
 * return a stable value: derive arrays and objects with care (or use zustand's `useShallow`).
 *
 * @throws Error outside a {@link ConversationStoreProvider}.
 */
export function useConversationStore<T>(selector: (state: ConversationStoreState) => T): T {
  const { store } = useConversationStoreContext('useConversationStore');
  return useStore(store, selector);
}

/**
 * The store itself (`getState`, `subscribe`), for event handlers that read state without
 * subscribing to it.
 *
 * @throws Error outside a {@link ConversationStoreProvider}.
 */
export function useConversationStoreApi(): ConversationStore {
  return useConversationStoreContext('useConversationStoreApi').store;
}
