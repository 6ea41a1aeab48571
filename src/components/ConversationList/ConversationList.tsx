import {
  createContext,
  forwardRef,
  memo,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ComponentPropsWithoutRef,
  type CSSProperties,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type ReactNode,
} from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { QueryClient } from '@tanstack/react-query';
import type { ChatAdapter, Conversation } from '../../sdk/types.js';
import { MARK_TYPE_UNREAD } from '../../sdk/types.js';
import type { ClearHistory, Selection, SelectionMode } from '../../store/types.js';
import { isSelected } from '../../store/types.js';
import {
  ConversationStoreProvider,
  useConversationStore,
  useConversationStoreApi,
} from '../../hooks/ConversationStoreProvider.js';
import { useConversationQuery } from '../../hooks/useConversationQuery.js';
import { I18nProvider, useI18n, type Messages } from '../../i18n/index.js';
import { themeToStyle, type ThemeTokens } from '../../theme/index.js';
import { cx } from '../../utils/cx.js';
import { ConversationRow, ConversationRowSkeleton, getRowLabel } from '../ConversationRow/index.js';
import { SwipeActions, type SwipeAction } from '../SwipeActions/index.js';
import { ConfirmDeleteDialog } from '../ConfirmDeleteDialog/index.js';
import { UndoToast } from '../UndoToast/index.js';
import { ActionMenu, type ActionMenuItem } from '../ActionMenu/index.js';
import { SelectionToolbar } from '../SelectionToolbar/SelectionToolbar.js';
import { LiveRegion } from './LiveRegion.js';
import { JobBanner } from './JobBanner.js';
import { useSelectionSync } from './useSelectionSync.js';

/** State a custom row slot receives. */
export interface RowRenderState {
  selected: boolean;
  selectionMode: SelectionMode;
  focused: boolean;
}

export interface ConversationListProps
  extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'dir' | 'onSelect'> {
  /** The chat backend: `createMemoryAdapter()`, `createTencentChatAdapter(chat)` or your own. */
  adapter: ChatAdapter;
  /** Called when a row is opened: click, tap or Enter. */
  onConversationSelect?: (conversation: Conversation) => void;
  /**
   * `'light'`, `'dark'`, or token overrides; tokens become `--ck-*` CSS variables on the root.
   * @default 'light'
   */
  theme?: 'light' | 'dark' | Partial<ThemeTokens>;
  /**
   * Built in: `en` and `zh-CN`; any other locale formats dates and plurals with `Intl` and falls back to English text.
   * @default 'en'
   */
  locale?: string;
  /** Overrides any built-in string. */
  messages?: Partial<Messages>;
  /**
   * Text direction; swipe directions and layout mirror under `'rtl'`.
   * @default 'ltr'
   */
  dir?: 'ltr' | 'rtl';
  /**
   * `'ask'`: the dialog offers "Keep message history". `'always'`: every delete clears history
   * (after the dialog). `'never'`: removal keeps history; no dialog, an Undo toast instead.
   * @default 'ask'
   */
  clearHistory?: ClearHistory;
  /**
   * What a full swipe does. `'confirm'`: opens the dialog for an irreversible delete and performs
   * a reversible removal. `'perform'`: performs the reversible removal (keeps history) even under
   * `'ask'`; an irreversible delete still asks. `false`: no full swipe.
   * @default 'confirm'
   */
  fullSwipe?: 'confirm' | 'perform' | false;
  /** Controlled selection mode. */
  selectionMode?: SelectionMode;
  /**
   * Initial selection mode when uncontrolled.
   * @default 'none'
   */
  defaultSelectionMode?: SelectionMode;
  onSelectionModeChange?: (mode: SelectionMode) => void;
  /** Controlled selection: a set of IDs, or `'all'` (every conversation on the server). */
  selectedIDs?: Selection;
  /** Initial selection when uncontrolled. */
  defaultSelectedIDs?: Selection;
  /** Called with the new selection; under `'all'`, `excluded` lists the deselected IDs. */
  onSelectionChange?: (selection: Selection, excluded: ReadonlySet<string>) => void;
  /** A React Query client. Else the host's `QueryClientProvider`, else the kit's own. */
  queryClient?: QueryClient;
  /** Replaces the content of every row (the swipe, selection and menu stay the kit's). */
  renderRowContent?: (conversation: Conversation, state: RowRenderState) => ReactNode;
  /** Shown when the list is empty. */
  emptyState?: ReactNode;
  /** Row height in px; overrides the theme's `rowHeight` token. The virtualiser reads it. */
  rowHeight?: number;
  /**
   * How long a reversible removal can be undone, in ms.
   * @default 10000
   */
  undoTimeoutMs?: number;
  /**
   * Conversations per page.
   * @default 100
   */
  pageSize?: number;
  /**
   * An adapter call that has not settled after this long fails its items (they can be retried;
   * a late answer is still reconciled).
   * @default 15000
   */
  callTimeoutMs?: number;
}

// ---------------------------------------------------------------------------------------------
// Root: store, query client and i18n providers around the view.
// ---------------------------------------------------------------------------------------------

const adapterKeys = new WeakMap<ChatAdapter, number>();
let nextAdapterKey = 1;
function keyOf(adapter: ChatAdapter) {
  let key = adapterKeys.get(adapter);
  if (key === undefined) adapterKeys.set(adapter, (key = nextAdapterKey++));
  return key;
}

/**
 * A virtualised conversation list with swipe-to-delete, bulk selection and a confirmation dialog
 * that warns whenever history will be cleared. One store per list; it talks to `adapter`.
 */
export const ConversationList = forwardRef<HTMLDivElement, ConversationListProps>(function ConversationList(
  {
    adapter,
    queryClient,
    clearHistory = 'ask',
    undoTimeoutMs = 10_000,
    pageSize = 100,
    callTimeoutMs = 15_000,
    locale = 'en',
    messages,
    // Defaults written out here so the docs' prop table shows them; the view applies them.
    theme = 'light',
    dir = 'ltr',
    fullSwipe = 'confirm',
    ...rest
  },
  ref,
) {
  const options = useMemo(
    () => ({ clearHistory, undoTimeoutMs, pageSize, callTimeoutMs }),
    [clearHistory, undoTimeoutMs, pageSize, callTimeoutMs],
  );
  return (
    <ConversationStoreProvider
      // A new adapter or policy is a new list: a fresh store, nothing carried over.
      key={`${keyOf(adapter)}:${clearHistory}`}
      adapter={adapter}
      options={options}
      queryClient={queryClient}
    >
      <I18nProvider locale={locale} messages={messages}>
        <ListView ref={ref} clearHistory={clearHistory} theme={theme} dir={dir} fullSwipe={fullSwipe} {...rest} />
      </I18nProvider>
    </ConversationStoreProvider>
  );
});

// ---------------------------------------------------------------------------------------------
// The view.
// ---------------------------------------------------------------------------------------------

type ViewProps = Omit<
  ConversationListProps,
  'adapter' | 'queryClient' | 'locale' | 'messages' | 'undoTimeoutMs' | 'pageSize' | 'callTimeoutMs'
> & {
  clearHistory: ClearHistory;
};

interface RowContextValue {
  onRowClick(id: string, event: ReactMouseEvent): void;
  onRowContextMenu(id: string, event: ReactMouseEvent): void;
  onRowFocus(id: string): void;
  onLongPress(id: string): void;
  requestDelete(id: string): void;
  removeWithUndo(id: string): void;
  onFullSwipe(id: string): void;
  setOpenSwipe(id: string, open: 'leading' | 'trailing' | null): void;
  menuFor: string | null;
  menuPoint: { x: number; y: number } | null;
  setMenuFor(id: string | null, point?: { x: number; y: number } | null): void;
  renderRowContent?: ConversationListProps['renderRowContent'];
  removeOnly: boolean;
  fullSwipe: 'confirm' | 'perform' | false;
  clearHistory: ClearHistory;
  dir: 'ltr' | 'rtl';
  now: number;
}
const RowContext = createContext<RowContextValue | null>(null);

/** The offset each row element was last placed at (kept off the DOM: one attribute less per row). */
const placedAt = new WeakMap<HTMLElement, number>();

const OVERSCAN = 6;
/** Load the next page when the last rendered row is this close to the end. */
const LOAD_AHEAD = 20;

const ListView = forwardRef<HTMLDivElement, ViewProps>(function ListView(
  {
    onConversationSelect,
    theme = 'light',
    dir = 'ltr',
    clearHistory,
    fullSwipe = 'confirm',
    selectionMode: selectionModeProp,
    defaultSelectionMode,
    onSelectionModeChange,
    selectedIDs,
    defaultSelectedIDs,
    onSelectionChange,
    renderRowContent,
    emptyState,
    rowHeight: rowHeightProp,
    className,
    style,
    ...rest
  },
  ref,
) {
  const { t } = useI18n();
  const api = useConversationStoreApi();
  const actions = useConversationStore((s) => s.actions);
  const order = useConversationStore((s) => s.order);
  const paging = useConversationStore((s) => s.paging);
  const selectionMode = useConversationStore((s) => s.selectionMode);
  const confirmation = useConversationStore((s) => s.confirmation);
  const query = useConversationQuery();

  useSelectionSync({
    selectionMode: selectionModeProp,
    defaultSelectionMode,
    onSelectionModeChange,
    selectedIDs,
    defaultSelectedIDs,
    onSelectionChange,
  });

  const themed = useMemo(() => themeToStyle(theme), [theme]);
  const rowHeight = rowHeightProp ?? themed.rowHeight;

  // ---- virtualisation -----------------------------------------------------------------------
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusedID, setFocusedID] = useState<string | null>(null);
  // O(N) once per change of the list or the focus, not on every scroll frame's render.
  const focusedIndex = useMemo(() => (focusedID === null ? -1 : order.indexOf(focusedID)), [order, focusedID]);
  // The roving tab stop: the focused row, else the first one.
  const tabStopIndex = focusedIndex >= 0 ? focusedIndex : order.length ? 0 : -1;
  const tabStopIndexRef = useRef(tabStopIndex);
  tabStopIndexRef.current = tabStopIndex;

  // Keyboard focus survives scrolling: the focused row stays mounted. So does the tab stop when
  // nothing was focused yet; otherwise scrolling would take the whole list out of the tab order.
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const f = tabStopIndexRef.current;
    if (f >= 0 && f < range.count && !indexes.includes(f)) {
      indexes.push(f);
      indexes.sort((a, b) => a - b);
    }
    return indexes;
  }, []);

  // Stable while the list is unchanged: the virtualiser rebuilds its measurements of every item
  // (O(N)) whenever getItemKey changes, and an inline arrow changes on every scroll frame.
  const getItemKey = useCallback((index: number) => order[index] ?? index, [order]);
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    rangeExtractor,
    getItemKey,
    // SSR and the first client render agree: no rows until the viewport is measured.
    initialRect: { width: 0, height: 0 },
  });
  const items = virtualizer.getVirtualItems();
  const lastRendered = items.length ? items[items.length - 1].index : -1;

  // ---- paging: fetch more as the user nears the end ------------------------------------------
  useEffect(() => {
    if (
      query.hasNextPage &&
      !query.isFetchingNextPage &&
      !query.isError &&
      lastRendered >= order.length - LOAD_AHEAD
    ) {
      void query.fetchNextPage();
    }
  }, [lastRendered, order.length, query]);

  // ---- focus management ---------------------------------------------------------------------
  const focusRequest = useRef<string | null>(null);
  const rowElements = useRef(new Map<string, HTMLElement>());
  // A2: a row being swiped suspends the list's scroll. The viewport carries `data-swiping` while
  // any row drags (a `:has([data-swiping])` rule would make Chromium re-check the viewport on
  // every row inserted or removed while scrolling: ~1.5 ms a frame at 10k, test/bench).
  const [swiping] = useState(() => {
    const ids = new Set<string>();
    return {
      set(id: string, on: boolean) {
        if (on) ids.add(id);
        else if (!ids.delete(id)) return;
        scrollRef.current?.toggleAttribute('data-swiping', ids.size > 0);
      },
    };
  });

  const focusRow = useCallback(
    (id: string | null, { scroll = true }: { scroll?: boolean } = {}) => {
      if (id === null) {
        scrollRef.current?.focus({ preventScroll: true });
        setFocusedID(null);
        return;
      }
      const index = api.getState().order.indexOf(id);
      if (index < 0) return;
      setFocusedID(id);
      if (scroll) virtualizer.scrollToIndex(index, { align: 'auto' });
      const el = rowElements.current.get(id);
      if (el) el.focus({ preventScroll: true });
      else focusRequest.current = id; // the row mounts after the scroll; it focuses itself
    },
    [api, virtualizer],
  );

  // interaction.md C3: when the focused row leaves the list, focus the next row, else the
  // previous one, else the list; never <body>.
  const lastFocusedIndex = useRef(-1);
  // The list as it was while the focused row was in it: "next" means next in that list, so rows
  // deleted together with the focused one (a bulk delete) are skipped, never counted.
  const lastOrder = useRef<readonly string[]>(order);
  const successorOf = useCallback((gone: string, list: readonly string[]): string | null => {
    if (list.length === 0) return null;
    const prev = lastOrder.current;
    const at = prev.indexOf(gone);
    if (at >= 0) {
      const alive = new Set(list);
      for (let i = at + 1; i < prev.length; i++) if (alive.has(prev[i])) return prev[i];
      for (let i = at - 1; i >= 0; i--) if (alive.has(prev[i])) return prev[i];
    }
    return list[Math.min(Math.max(lastFocusedIndex.current, 0), list.length - 1)];
  }, []);
  useLayoutEffect(() => {
    if (focusedID === null) return;
    const index = order.indexOf(focusedID);
    if (index >= 0) {
      lastFocusedIndex.current = index;
      lastOrder.current = order;
      return;
    }
    const hadFocus = scrollRef.current?.contains(document.activeElement) || document.activeElement === document.body;
    const fallback = successorOf(focusedID, order);
    if (hadFocus && !api.getState().confirmation) focusRow(fallback);
    else setFocusedID(fallback);
  }, [order, focusedID, focusRow, api, successorOf]);

  // C3 for the undo toast: Undo or Dismiss pressed from the keyboard unmounts the toast that held
  // focus. Focus goes to the first restored row, else the current row, else the list; never <body>.
  const focusedIDRef = useRef(focusedID);
  focusedIDRef.current = focusedID;
  const focusAfterToast = useCallback(
    (restored?: readonly string[]) => {
      const list = api.getState().order;
      const current = focusedIDRef.current;
      const target =
        restored?.find((id) => list.includes(id)) ?? (current !== null && list.includes(current) ? current : list[0]);
      focusRow(target ?? null);
    },
    [api, focusRow],
  );

  // ---- keyboard (interaction.md B3 and the accessible contract) -----------------------------
  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 8) / rowHeight) - 1);

  const onGridKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const onRow = target.getAttribute('role') === 'row';
    const state = api.getState();
    const list = state.order;
    const current = focusedID !== null && list.includes(focusedID) ? focusedID : null;
    const index = current === null ? -1 : list.indexOf(current);
    const mod = event.ctrlKey || event.metaKey;

    const move = (to: number) => {
      if (!list.length) return;
      const next = list[Math.max(0, Math.min(list.length - 1, to))];
      event.preventDefault();
      if (event.shiftKey && next !== undefined) {
        if (state.selectionMode !== 'multiple') actions.setSelectionMode('multiple');
        actions.selectRange(next, state.anchorID ?? current ?? next);
      }
      focusRow(next);
    };

    if (event.key === 'Escape') {
      if (state.openSwipeID) {
        actions.setOpenSwipe(null);
        event.preventDefault();
      } else if (state.selectionMode === 'multiple') {
        actions.clearSelection();
        event.preventDefault();
      }
      return;
    }
    // The rest belongs to rows; buttons inside a row keep their own keys.
    if (!onRow && event.target !== scrollRef.current) return;

    switch (event.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        return move(index < 0 ? 0 : index - 1);
      case 'PageDown':
        return move(index + pageRows);
      case 'PageUp':
        return move(index - pageRows);
      case 'Home':
        return move(0);
      case 'End':
        return move(list.length - 1);
      case 'ArrowRight':
      case 'ArrowLeft': {
        // Into the row's "More actions" button, as in a grid list.
        const forward = (event.key === 'ArrowRight') === (dir === 'ltr');
        if (forward && current) {
          const button = rowElements.current.get(current)?.querySelector<HTMLElement>('.ck-ActionMenu-trigger');
          if (button) {
            event.preventDefault();
            button.focus();
          }
        }
        return;
      }
      case 'Enter': {
        if (current === null) return;
        event.preventDefault();
        const c = state.byID.get(current);
        if (c) onConversationSelect?.(c);
        return;
      }
      case ' ': {
        if (current === null) return;
        event.preventDefault();
        if (state.selectionMode !== 'multiple') actions.setSelectionMode('multiple');
        if (event.shiftKey) actions.selectRange(current);
        else actions.toggleSelected(current);
        return;
      }
      case 'Delete':
      case 'Backspace': {
        event.preventDefault();
        const hasSelection =
          state.selectionMode === 'multiple' && (state.selection === 'all' || state.selection.size > 0);
        if (hasSelection) actions.requestDelete(undefined, { invokerID: current ?? undefined });
        else if (current !== null) actions.requestDelete([current], { invokerID: current });
        return;
      }
      case 'ContextMenu':
      case 'F10':
        if (event.key === 'F10' && !event.shiftKey) return;
        if (current !== null) {
          event.preventDefault();
          setMenu(current, null);
        }
        return;
      default:
        if (mod && (event.key === 'a' || event.key === 'A')) {
          event.preventDefault();
          actions.selectAll();
        }
    }
  };

  // ---- row callbacks (stable through a ref so memoised rows don't re-render) -----------------
  const latest = useRef({ onConversationSelect, focusRow });
  latest.current = { onConversationSelect, focusRow };

  const [menu, setMenuState] = useState<{ id: string | null; point: { x: number; y: number } | null }>({
    id: null,
    point: null,
  });
  const setMenu = useCallback((id: string | null, point: { x: number; y: number } | null = null) => {
    setMenuState({ id, point });
  }, []);

  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // Row times ("14:05", "Mon") follow the clock without re-rendering on every tick.
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const removeOnly = clearHistory === 'never';
  const rowContext = useMemo<RowContextValue>(
    () => ({
      onRowClick(id, event) {
        const state = api.getState();
        setFocusedID(id);
        const mod = event.ctrlKey || event.metaKey;
        if (state.selectionMode === 'multiple') {
          if (event.shiftKey) actions.selectRange(id);
          else actions.toggleSelected(id);
          return;
        }
        if (mod) {
          actions.setSelectionMode('multiple');
          actions.toggleSelected(id);
          return;
        }
        if (state.openSwipeID) {
          // A11: a tap while a tray is open closes it and does not navigate.
          actions.setOpenSwipe(null);
          return;
        }
        const c = state.byID.get(id);
        if (c) latest.current.onConversationSelect?.(c);
      },
      onRowContextMenu(id, event) {
        event.preventDefault();
        setFocusedID(id);
        setMenu(id, { x: event.clientX, y: event.clientY });
      },
      onRowFocus(id) {
        setFocusedID(id);
      },
      onLongPress(id) {
        // B2: a touch long-press selects that row and enters selection mode.
        actions.setSelectionMode('multiple');
        if (!isSelected(api.getState(), id)) actions.toggleSelected(id);
      },
      requestDelete(id) {
        actions.requestDelete([id], { invokerID: id });
      },
      removeWithUndo(id) {
        actions.removeWithUndo([id]);
      },
      onFullSwipe(id) {
        // A9: a reversible action is performed (with Undo); an irreversible delete asks first.
        if (removeOnly || fullSwipe === 'perform') actions.removeWithUndo([id]);
        else actions.requestDelete([id], { invokerID: id });
      },
      setOpenSwipe(id, open) {
        const state = api.getState();
        if (open) actions.setOpenSwipe(id);
        else if (state.openSwipeID === id) actions.setOpenSwipe(null);
      },
      menuFor: menu.id,
      menuPoint: menu.point,
      setMenuFor: setMenu,
      renderRowContent,
      removeOnly,
      fullSwipe,
      clearHistory,
      dir,
      now,
    }),
    [api, actions, menu, setMenu, renderRowContent, removeOnly, fullSwipe, clearHistory, dir, now],
  );

  // A10: scrolling closes an open tray.
  const onScroll = () => {
    if (api.getState().openSwipeID) actions.setOpenSwipe(null);
  };

  // ---- the dialog ---------------------------------------------------------------------------
  const returnFocusTo = useCallback(() => {
    const state = api.getState();
    const invoker = confirmation?.invokerID;
    if (invoker && state.order.includes(invoker)) {
      setFocusedID(invoker);
      return rowElements.current.get(invoker) ?? null;
    }
    // D4 + C3: the invoker was deleted: the next row, else the previous, else the list.
    const list = state.order;
    // The focused row already moved on (C3 effect above) when the invoker left the list.
    const current = focusedIDRef.current;
    const fallback =
      current !== null && list.includes(current) ? current : invoker ? successorOf(invoker, list) : (list[0] ?? null);
    if (fallback) {
      focusRow(fallback);
      return rowElements.current.get(fallback) ?? scrollRef.current;
    }
    return scrollRef.current;
  }, [api, confirmation?.invokerID, focusRow, successorOf]);

  const dialogJob = useConversationStore((s) =>
    s.confirmation?.jobID ? s.jobs.find((j) => j.id === s.confirmation?.jobID) : undefined,
  );
  const singleName = useConversationStore((s) =>
    s.confirmation && !s.confirmation.allSelected && s.confirmation.ids.length === 1
      ? s.byID.get(s.confirmation.ids[0])?.showName || s.confirmation.ids[0]
      : undefined,
  );

  // Rows are placed from here, not through their props: a deletion above a row moves it without
  // re-rendering it (issue 6: a remote deletion re-renders at most the rows that changed).
  // Positions and aria-rowindex are written before paint, and only when they change.
  useLayoutEffect(() => {
    for (const item of items) {
      const id = order[item.index];
      const el = id === undefined ? undefined : rowElements.current.get(id);
      if (!el) continue;
      const index = String(item.index);
      if (el.dataset.index === index && placedAt.get(el) === item.start) continue;
      el.dataset.index = index;
      placedAt.set(el, item.start);
      el.style.transform = `translateY(${item.start}px)`;
      el.setAttribute('aria-rowindex', String(item.index + 1));
    }
  });

  // ---- rendering ----------------------------------------------------------------------------
  const total = virtualizer.getTotalSize();
  const isEmpty = order.length === 0;
  const firstLoad = paging.pagesLoaded === 0 && paging.status !== 'error';
  const firstPageFailed = paging.pagesLoaded === 0 && paging.status === 'error';
  const laterPageFailed = paging.pagesLoaded > 0 && paging.status === 'error';
  const tabbableID = focusedID !== null && order.includes(focusedID) ? focusedID : order[0];

  const rootStyle = useMemo(
    () => ({ ...themed.style, '--ck-row-height': `${rowHeight}px`, ...style }) as CSSProperties,
    [themed.style, rowHeight, style],
  );

  return (
    <div
      ref={ref}
      dir={dir}
      className={cx('ck-ConversationList', className)}
      data-theme={themed.colorScheme}
      data-selection-mode={selectionMode === 'multiple' ? 'multiple' : undefined}
      style={rootStyle}
      {...rest}
    >
      <ListToolbar removeOnly={removeOnly} isEmpty={isEmpty && paging.isFinished} />
      <JobBanner onFocusLeave={focusAfterToast} />
      <div
        ref={scrollRef}
        role="grid"
        aria-label={t('listLabel')}
        aria-multiselectable={selectionMode === 'multiple' || undefined}
        aria-rowcount={paging.isFinished ? order.length : -1}
        aria-busy={firstLoad || query.isFetchingNextPage || undefined}
        tabIndex={isEmpty ? 0 : -1}
        className="ck-ConversationList-viewport"
        onKeyDown={onGridKeyDown}
        onScroll={onScroll}
      >
        {firstPageFailed ? (
          <div role="row" className="ck-ConversationList-state">
            <div role="gridcell" className="ck-ConversationList-stateCell">
              <p className="ck-ConversationList-stateText">{t('loadError')}</p>
              <button
                type="button"
                className="ck-ConversationList-button"
                onClick={(event) => {
                  // The error row unmounts when the rows arrive: the grid keeps focus (C3).
                  if (event.currentTarget === document.activeElement) scrollRef.current?.focus({ preventScroll: true });
                  void query.retry();
                }}
              >
                {t('retry')}
              </button>
            </div>
          </div>
        ) : firstLoad ? (
          <div role="row" className="ck-ConversationList-state" aria-label={t('loading')}>
            <div role="gridcell" className="ck-ConversationList-skeletons">
              {Array.from({ length: 6 }, (_, i) => (
                <ConversationRowSkeleton key={i} />
              ))}
            </div>
          </div>
        ) : isEmpty && paging.isFinished ? (
          <div role="row" className="ck-ConversationList-state">
            <div role="gridcell" className="ck-ConversationList-stateCell">
              {emptyState ?? <p className="ck-ConversationList-stateText">{t('empty')}</p>}
            </div>
          </div>
        ) : (
          <RowContext.Provider value={rowContext}>
            <div role="rowgroup" className="ck-ConversationList-sizer" style={{ blockSize: total }}>
              {items.map((item) => {
                const id = order[item.index];
                return (
                  <Row
                    key={id}
                    id={id}
                    tabbable={id === tabbableID}
                    focused={id === focusedID}
                    elements={rowElements}
                    focusRequest={focusRequest}
                    swiping={swiping}
                  />
                );
              })}
            </div>
            {(laterPageFailed || query.isFetchingNextPage || paging.capReached) && (
              <div role="row" className="ck-ConversationList-footer">
                <div role="gridcell" className="ck-ConversationList-footerCell">
                  {laterPageFailed ? (
                    <>
                      <span>{t('loadMoreError')}</span>
                      <button
                        type="button"
                        className="ck-ConversationList-button"
                        onClick={(event) => {
                          // The footer turns into "Loading more…": focus the last loaded row (C3).
                          if (event.currentTarget === document.activeElement) {
                            focusRow(order[order.length - 1] ?? null, { scroll: false });
                          }
                          void query.fetchNextPage();
                        }}
                      >
                        {t('retry')}
                      </button>
                    </>
                  ) : query.isFetchingNextPage ? (
                    <span>{t('loadingMore')}</span>
                  ) : (
                    // Issue 7: a nextSeq that never finishes stops at the page cap; say so where
                    // the list ends, not only in the live region.
                    <span>{t('announcePageCap', { pages: paging.pagesLoaded })}</span>
                  )}
                </div>
              </div>
            )}
          </RowContext.Provider>
        )}
      </div>
      <UndoToasts onFocusLeave={focusAfterToast} />
      <LiveRegion />
      <ConfirmDeleteDialog
        open={confirmation !== null}
        count={confirmation?.count ?? 0}
        name={singleName}
        clearHistory={clearHistory === 'always' ? 'always' : 'ask'}
        keepHistory={confirmation?.keepHistory ?? false}
        onKeepHistoryChange={actions.setKeepHistory}
        status={confirmation?.status ?? 'idle'}
        counting={confirmation?.counting ?? false}
        // D8: selecting all and deleting is "delete every conversation": type to confirm.
        confirmPhrase={
          confirmation?.allSelected && (confirmation.excluded?.size ?? 0) === 0 ? t('deleteAllPhrase') : undefined
        }
        error={
          confirmation?.status === 'error' && dialogJob
            ? { count: dialogJob.failed.length, codes: [...new Set(dialogJob.failed.map((f) => f.code))] }
            : undefined
        }
        onConfirm={actions.confirmDelete}
        onCancel={actions.cancelConfirmation}
        onRetry={dialogJob ? () => actions.retryJob(dialogJob.id) : undefined}
        returnFocusTo={returnFocusTo}
      />
    </div>
  );
});

// ---------------------------------------------------------------------------------------------
// One row. Memoised; reads its own conversation and selection through narrow selectors, so a
// change to one conversation re-renders one row.
// ---------------------------------------------------------------------------------------------

interface RowProps {
  id: string;
  tabbable: boolean;
  focused: boolean;
  elements: { current: Map<string, HTMLElement> };
  focusRequest: { current: string | null };
  /** Marks the viewport while this row drags (stable). */
  swiping: { set(id: string, on: boolean): void };
}

interface RowState {
  conversation: Conversation | undefined;
  selected: boolean;
  selectionMode: SelectionMode;
  open: boolean;
  canPin: boolean;
  canMark: boolean;
}

/**
 * What one row reads from the store, through one subscription (not one per field: a row mounts
 * on every scroll frame, and each subscription is an effect and a listener). The snapshot is
 * the previous object while every field is unchanged, so the row re-renders only on its own
 * changes.
 */
function useRowState(id: string): RowState {
  const store = useConversationStoreApi();
  const cache = useRef<RowState | null>(null);
  const read = useCallback((): RowState => {
    const s = store.getState();
    const conversation = s.byID.get(id);
    const selected = isSelected(s, id);
    const open = s.openSwipeID === id;
    const canPin = typeof s.adapter.pinConversation === 'function';
    const canMark = typeof s.adapter.markConversation === 'function';
    const prev = cache.current;
    if (
      prev &&
      prev.conversation === conversation &&
      prev.selected === selected &&
      prev.selectionMode === s.selectionMode &&
      prev.open === open &&
      prev.canPin === canPin &&
      prev.canMark === canMark
    ) {
      return prev;
    }
    return (cache.current = { conversation, selected, selectionMode: s.selectionMode, open, canPin, canMark });
  }, [store, id]);
  return useSyncExternalStore(store.subscribe, read, read);
}

const Row = memo(function Row({ id, tabbable, focused, elements, focusRequest, swiping }: RowProps) {
  const ctx = useContext(RowContext)!;
  const i18n = useI18n();
  const { t } = i18n;
  const { conversation, selected, selectionMode, open, canPin, canMark } = useRowState(id);
  const actions = useConversationStoreApi().getState().actions;
  // The accessible name is built from text and Intl formats: only when its inputs change.
  const rowLabel = useMemo(
    () => (conversation ? getRowLabel(conversation, i18n, ctx.now) : ''),
    [conversation, i18n, ctx.now],
  );
  const [openSide, setOpenSide] = useState<'leading' | 'trailing' | null>(null);
  const rowRef = useRef<HTMLDivElement | null>(null);

  const setRowRef = useCallback(
    (el: HTMLDivElement | null) => {
      rowRef.current = el;
      if (el) {
        elements.current.set(id, el);
        if (focusRequest.current === id) {
          focusRequest.current = null;
          el.focus({ preventScroll: true });
        }
      } else if (elements.current.get(id) === rowRef.current || !el) {
        elements.current.delete(id);
        // A row unmounted mid-drag (deleted elsewhere) no longer holds the list's scroll.
        swiping.set(id, false);
      }
    },
    [id, elements, focusRequest, swiping],
  );

  if (!conversation) return null;
  const multiple = selectionMode === 'multiple';
  const unread = conversation.unreadCount > 0 || Boolean(conversation.markList?.includes(MARK_TYPE_UNREAD));

  const deleteAction: SwipeAction = ctx.removeOnly
    ? { key: 'remove', label: t('remove'), tone: 'destructive', onAction: () => ctx.removeWithUndo(id) }
    : { key: 'delete', label: t('delete'), tone: 'destructive', onAction: () => ctx.requestDelete(id) };
  const leading: SwipeAction[] = [];
  if (canMark)
    leading.push({
      key: 'mark',
      label: unread ? t('markRead') : t('markUnread'),
      tone: 'accent',
      onAction: () => {
        // A failure is rolled back and announced by the store ('actionFailed').
        actions.setUnread(id, !unread).catch(() => undefined);
        actions.setOpenSwipe(null);
      },
    });
  if (canPin)
    leading.push({
      key: 'pin',
      label: conversation.isPinned ? t('unpin') : t('pin'),
      tone: 'neutral',
      onAction: () => {
        actions.setPinned(id, !conversation.isPinned).catch(() => undefined);
        actions.setOpenSwipe(null);
      },
    });

  const menuItems: ActionMenuItem[] = [
    ...leading.map((a) => ({ key: a.key, label: a.label, onSelect: a.onAction })),
    { key: deleteAction.key, label: deleteAction.label, destructive: true, onSelect: deleteAction.onAction },
  ];

  // C1: the non-gesture path to every swipe action. In the default row it sits in the row's end
  // slot (in flow on touch, floating over the time on hover for fine pointers); a custom row gets
  // it floating at the end.
  const moreButton = (
    <ActionMenu
      className="ck-ConversationList-more"
      data-floating={ctx.renderRowContent ? true : undefined}
      label={t('moreActions')}
      items={menuItems}
      tabIndex={tabbable ? 0 : -1}
      open={ctx.menuFor === id}
      anchorPoint={ctx.menuFor === id ? (ctx.menuPoint ?? undefined) : undefined}
      onOpenChange={(next) => ctx.setMenuFor(next ? id : null)}
    />
  );
  const content = ctx.renderRowContent ? (
    ctx.renderRowContent(conversation, { selected, selectionMode, focused })
  ) : (
    <ConversationRow
      conversation={conversation}
      selected={selected}
      selectionMode={selectionMode}
      now={ctx.now}
      endContent={moreButton}
    />
  );

  return (
    <div
      ref={setRowRef}
      role="row"
      aria-selected={multiple ? selected : undefined}
      aria-label={rowLabel}
      tabIndex={tabbable ? 0 : -1}
      className="ck-ConversationList-row"
      data-id={id}
      data-selected={selected || undefined}
      data-focused={focused || undefined}
      data-open={open || undefined}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('button, [role="menu"]')) return;
        ctx.onRowClick(id, event);
      }}
      onContextMenu={(event) => ctx.onRowContextMenu(id, event)}
      onFocus={(event) => {
        if (event.target === event.currentTarget) ctx.onRowFocus(id);
      }}
    >
      <div role="gridcell" className="ck-ConversationList-cell">
        <SwipeActions
          className="ck-ConversationList-swipe"
          dir={ctx.dir}
          disabled={multiple}
          open={open ? (openSide ?? 'trailing') : null}
          onOpenChange={(side) => {
            setOpenSide(side);
            ctx.setOpenSwipe(id, side);
          }}
          trailingActions={[deleteAction]}
          leadingActions={leading}
          fullSwipe={ctx.fullSwipe}
          onFullSwipe={(action, side) => {
            if (side === 'trailing') ctx.onFullSwipe(id);
            else action.onAction();
          }}
          onLongPress={() => ctx.onLongPress(id)}
          onDragStateChange={(dragging) => swiping.set(id, dragging)}
        >
          {content}
        </SwipeActions>
        {ctx.renderRowContent && moreButton}
      </div>
    </div>
  );
});

// ---------------------------------------------------------------------------------------------
// Toolbar, undo toasts: small store-bound wrappers.
// ---------------------------------------------------------------------------------------------

function ListToolbar({ removeOnly, isEmpty }: { removeOnly: boolean; isEmpty: boolean }) {
  const actions = useConversationStore((s) => s.actions);
  const selectionMode = useConversationStore((s) => s.selectionMode);
  const selectedCount = useConversationStore((s) =>
    s.selection === 'all'
      ? s.paging.isFinished
        ? s.order.length - [...s.excluded].filter((id) => s.byID.has(id)).length
        : 'all'
      : s.selection.size,
  );
  const running = useConversationStore((s) => {
    const job = s.jobs.find((j) => j.status === 'running' && j.total > 1);
    return job ? `${job.done}/${job.total}` : undefined;
  });
  const progress = running ? { done: Number(running.split('/')[0]), total: Number(running.split('/')[1]) } : undefined;
  // B5: "All selected" is only true without exclusions. Once the user deselects a row of an
  // unfinished "all" selection, load the remaining pages (as confirming would) so the toolbar can
  // say "249 selected" / "Delete 249" instead of claiming all.
  const mustCount = useConversationStore(
    (s) =>
      s.selection === 'all' &&
      !s.paging.isFinished &&
      !s.paging.capReached &&
      s.paging.status !== 'error' &&
      [...s.excluded].some((id) => s.byID.has(id)),
  );
  useEffect(() => {
    if (mustCount) actions.loadAll().catch(() => undefined); // a failure is announced by the pager
  }, [mustCount, actions]);
  return (
    <SelectionToolbar
      selectionMode={selectionMode}
      selectedCount={selectedCount}
      removeOnly={removeOnly}
      progress={progress}
      canSelect={!isEmpty}
      onSelect={() => actions.setSelectionMode('multiple')}
      onSelectAll={actions.selectAll}
      onDelete={() => actions.requestDelete()}
      onCancel={actions.clearSelection}
    />
  );
}

function UndoToasts({ onFocusLeave }: { onFocusLeave(restored?: readonly string[]): void }) {
  const undo = useConversationStore((s) => s.undos[s.undos.length - 1]);
  const actions = useConversationStore((s) => s.actions);
  const toastRef = useRef<HTMLDivElement>(null);
  if (!undo) return null;
  // The toast unmounts with the action; if it held focus, the list takes it back (C3).
  const hadFocus = () => Boolean(toastRef.current?.contains(document.activeElement));
  return (
    <UndoToast
      key={undo.id}
      ref={toastRef}
      className="ck-ConversationList-toast"
      count={undo.ids.length}
      onUndo={() => {
        const focused = hadFocus();
        actions.undo(undo.id);
        if (focused) onFocusLeave(undo.ids);
      }}
      onDismiss={() => {
        const focused = hadFocus();
        actions.flushUndo(undo.id);
        if (focused) onFocusLeave();
      }}
      onPauseChange={(paused: boolean) => actions.pauseUndo(undo.id, paused)}
    />
  );
}
