import { useEffect, useRef } from 'react';
import { useConversationStoreApi } from '../../hooks/ConversationStoreProvider.js';
import type { ConversationListProps } from './ConversationList.js';

type Props = Pick<
  ConversationListProps,
  | 'selectionMode'
  | 'defaultSelectionMode'
  | 'onSelectionModeChange'
  | 'selectedIDs'
  | 'defaultSelectedIDs'
  | 'onSelectionChange'
>;

/**
 * The value / defaultValue / onValueChange trio for selection (style.md, Radix). The store holds
 * the state; a controlled prop is pushed into it, and every change is reported back.
 */
export function useSelectionSync(props: Props) {
  const api = useConversationStoreApi();
  const latest = useRef(props);
  latest.current = props;

  // Defaults, once.
  const initialised = useRef(false);
  if (!initialised.current) {
    initialised.current = true;
    const { actions } = api.getState();
    const mode = props.selectionMode ?? props.defaultSelectionMode;
    const selection = props.selectedIDs ?? props.defaultSelectedIDs;
    if (mode) actions.setSelectionMode(mode);
    if (selection) actions.setSelection(selection);
  }

  // Controlled values follow the props.
  useEffect(() => {
    const { selectionMode, actions } = api.getState();
    if (props.selectionMode !== undefined && props.selectionMode !== selectionMode) {
      if (props.selectionMode === 'none') actions.clearSelection();
      else actions.setSelectionMode(props.selectionMode);
    }
  }, [api, props.selectionMode]);
  useEffect(() => {
    if (props.selectedIDs !== undefined && props.selectedIDs !== api.getState().selection) {
      api.getState().actions.setSelection(props.selectedIDs);
    }
  }, [api, props.selectedIDs]);

  // Changes are reported.
  useEffect(
    () =>
      api.subscribe((state, prev) => {
        if (state.selectionMode !== prev.selectionMode) latest.current.onSelectionModeChange?.(state.selectionMode);
        if (state.selection !== prev.selection || state.excluded !== prev.excluded) {
          latest.current.onSelectionChange?.(state.selection, state.excluded);
        }
      }),
    [api],
  );
}
