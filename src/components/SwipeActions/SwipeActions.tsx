import {
  forwardRef,
  useCallback,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { flushSync } from 'react-dom';
import type { FullSwipeMode, SwipeSide } from './gesture.js';
import { keepFocusOnRow, useSwipe } from './useSwipe.js';

export type { FullSwipeMode, SwipeSide } from './gesture.js';

export interface SwipeAction {
  /** Stable key among the tray's actions. */
  key: string;
  /** Visible text of the button; also its accessible name. */
  label: string;
  /** Decorative icon shown above the label (rendered `aria-hidden`). */
  icon?: ReactNode;
  /** Colour role. @default 'neutral' */
  tone?: 'destructive' | 'accent' | 'neutral';
  /** Runs when the button is activated. The tray closes first (`onOpenChange(null)`). */
  onAction(): void;
}

export interface SwipeActionsProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'dir'> {
  /** The row content; it slides to reveal the trays. */
  children: ReactNode;
  /**
   * Actions revealed by dragging toward the start edge (interaction.md A4). The first one is the
   * outermost (Delete) and the one a full swipe triggers.
   * @default []
   */
  trailingActions?: SwipeAction[];
  /** Actions revealed by dragging toward the end edge (Pin, Mark read). @default [] */
  leadingActions?: SwipeAction[];
  /** The open tray, controlled. The list owns "at most one row open" (A10). */
  open?: SwipeSide | null;
  /** The open tray when uncontrolled. @default null */
  defaultOpen?: SwipeSide | null;
  /** Called when a gesture, a tap, Escape, focus or an outside press opens or closes a tray. */
  onOpenChange?(open: SwipeSide | null): void;
  /**
   * What a full swipe does on release (A7–A9), for both sides or per side. `'confirm'` rests on
   * the open tray and calls `onFullSwipe` (the list opens the confirm dialog; Cancel leaves the
   * tray open); `'perform'` closes the tray and calls `onFullSwipe`; `false` never arms.
   * @default 'confirm'
   */
  fullSwipe?: FullSwipeMode | Partial<Record<SwipeSide, FullSwipeMode>>;
  /**
   * Called on a full-swipe release with the side's first action. Without it the action's own
   * `onAction` runs.
   */
  onFullSwipe?(action: SwipeAction, side: SwipeSide): void;
  /** Disables swiping (B2 selection mode) and closes an open tray. @default false */
  disabled?: boolean;
  /** Text direction; mirrors the gesture and the layout. @default the computed `direction` */
  dir?: 'ltr' | 'rtl';
  /** Touch long-press of 500 ms without moving (B2). The following click is swallowed. */
  onLongPress?(): void;
  /** Called with `true` when a horizontal drag locks and `false` when it ends (A2). */
  onDragStateChange?(dragging: boolean): void;
}

const NO_ACTIONS: SwipeAction[] = [];

function useControllableOpen(
  prop: SwipeSide | null | undefined,
  defaultValue: SwipeSide | null,
  onChange: ((open: SwipeSide | null) => void) | undefined,
): [SwipeSide | null, (next: SwipeSide | null) => void] {
  const [own, setOwn] = useState(defaultValue);
  const controlled = prop !== undefined;
  const value = controlled ? prop : own;
  const latest = useRef({ value, controlled, onChange });
  latest.current = { value, controlled, onChange };
  const set = useCallback((next: SwipeSide | null) => {
    const l = latest.current;
    if (next === l.value) return;
    if (!l.controlled) setOwn(next);
    l.onChange?.(next);
  }, []);
  return [value, set];
}

function mergeRefs<T>(...refs: (Ref<T> | undefined)[]) {
  return (node: T | null) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref) (ref as { current: T | null }).current = node;
    }
  };
}

/* ---------------------------------------------------------------------------------------------
 * SwipeActions
 * ------------------------------------------------------------------------------------------- */

/**
 * Makes its children swipeable and reveals action trays behind them, like a native mail app.
 * Presentational: the list decides what the actions do and which row is open.
 */
export const SwipeActions = forwardRef<HTMLDivElement, SwipeActionsProps>(function SwipeActions(
  {
    children,
    trailingActions = NO_ACTIONS,
    leadingActions = NO_ACTIONS,
    open: openProp,
    defaultOpen = null,
    onOpenChange,
    fullSwipe = 'confirm',
    onFullSwipe,
    disabled = false,
    dir,
    onLongPress,
    onDragStateChange,
    className,
    ...rest
  },
  forwardedRef,
) {
  const [open, setOpen] = useControllableOpen(openProp, defaultOpen, onOpenChange);
  // Trays are rendered on the first press that may become a swipe (or when opened), not for
  // every row: most rows are never swiped, and the list's DOM stays small (test/bench).
  const [traysMounted, setTraysMounted] = useState(openProp != null || defaultOpen != null);
  const root = useRef<HTMLDivElement>(null);
  const surface = useRef<HTMLDivElement>(null);
  const leading = useRef<HTMLDivElement>(null);
  const trailing = useRef<HTMLDivElement>(null);
  const [els] = useState(() => ({ root, surface, leading, trailing }));
  const rootRef = useMemo(() => mergeRefs(root, forwardedRef), [forwardedRef]);
  const actions = { leading: leadingActions, trailing: trailingActions };
  const modes =
    typeof fullSwipe === 'object'
      ? { leading: fullSwipe.leading ?? 'confirm', trailing: fullSwipe.trailing ?? 'confirm' }
      : { leading: fullSwipe, trailing: fullSwipe };

  useSwipe(els, {
    open,
    setOpen,
    actionCount: { leading: leadingActions.length, trailing: trailingActions.length },
    actionsKey: [leadingActions, trailingActions].map((l) => l.map((a) => a.label).join('\u0000')).join('\u0001'),
    fullSwipe: modes,
    fullSwipeRelease(side) {
      const action = actions[side][0];
      if (!action) return;
      if (onFullSwipe) onFullSwipe(action, side);
      else action.onAction();
    },
    disabled,
    dir,
    onLongPress,
    onDragStateChange,
    // While the pointer moves nothing renders (issue 4): `data-swiping` is written to the DOM.
    setSwiping(swiping) {
      root.current?.toggleAttribute('data-swiping', swiping);
    },
    mountTrays() {
      if (!traysMounted) flushSync(() => setTraysMounted(true));
    },
  });

  // Closed trays are made `inert` by useSwipe's rest-state effect (one effect per row, not two).

  const renderTray = (side: SwipeSide) => {
    const list = actions[side];
    if (list.length === 0 || (!traysMounted && open === null)) return null;
    const shown = open === side;
    return (
      <div
        ref={side === 'leading' ? leading : trailing}
        className="ck-SwipeActions-tray"
        data-side={side}
        aria-hidden={shown ? undefined : true}
      >
        {list.map((action) => (
          <button
            key={action.key}
            type="button"
            className="ck-SwipeActions-action"
            data-tone={action.tone ?? 'neutral'}
            tabIndex={shown ? undefined : -1}
            onClick={(e) => {
              // The row around us must not also activate.
              e.stopPropagation();
              // The dialog an action may open returns focus to the row, not to an inert button.
              if (root.current) keepFocusOnRow(root.current);
              setOpen(null);
              action.onAction();
            }}
            onKeyDown={(e: KeyboardEvent) => {
              if (e.key === 'Enter' || e.key === ' ') e.stopPropagation();
            }}
          >
            {action.icon != null && (
              <span className="ck-SwipeActions-icon" aria-hidden="true">
                {action.icon}
              </span>
            )}
            <span className="ck-SwipeActions-label">{action.label}</span>
          </button>
        ))}
      </div>
    );
  };

  return (
    <div
      {...rest}
      ref={rootRef}
      dir={dir}
      className={className ? `ck-SwipeActions ${className}` : 'ck-SwipeActions'}
      data-open={open ?? undefined}
      data-disabled={disabled || undefined}
    >
      <div ref={surface} className="ck-SwipeActions-surface">
        {children}
      </div>
      {renderTray('leading')}
      {renderTray('trailing')}
    </div>
  );
});
