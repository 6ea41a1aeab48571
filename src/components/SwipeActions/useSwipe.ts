/**
 * The imperative swipe controller behind <SwipeActions>. Native Pointer Events on the surface;
 * while the pointer moves the surface moves through `style.transform` set from refs, with no
 * React state update per pointermove. React state changes only when a gesture locks
 * (`setSwiping(true)`) and when it ends (`setSwiping(false)`, `setOpen`).
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** useLayoutEffect without React 18's server-rendering warning. */
export const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;
import {
  SWIPE,
  armPoint,
  decideRelease,
  lockAxis,
  nextVelocity,
  resistOffset,
  restOffset,
  sideOf,
  type FullSwipeMode,
  type SwipeSide,
  type TrayWidths,
} from './gesture.js';

/** Everything the controller reads at event time; refreshed on every render. */
export interface SwipeConfig {
  open: SwipeSide | null;
  setOpen(open: SwipeSide | null): void;
  actionCount: Record<SwipeSide, number>;
  /** Changes when the actions' labels change, so an open tray is re-measured. */
  actionsKey: string;
  fullSwipe: Record<SwipeSide, FullSwipeMode>;
  /** Called on a full-swipe release, after the tray state was set (A9). */
  fullSwipeRelease(side: SwipeSide, mode: Exclude<FullSwipeMode, false>): void;
  disabled: boolean;
  dir: 'ltr' | 'rtl' | undefined;
  onLongPress: (() => void) | undefined;
  onDragStateChange: ((dragging: boolean) => void) | undefined;
  setSwiping(swiping: boolean): void;
  /**
   * Called on a press that may become a swipe: the trays are rendered lazily (a closed row has
   * none in the DOM), so they must exist before the drag locks and measures them.
   */
  mountTrays(): void;
}

export interface SwipeElements {
  root: RefObject<HTMLDivElement | null>;
  surface: RefObject<HTMLDivElement | null>;
  leading: RefObject<HTMLDivElement | null>;
  trailing: RefObject<HTMLDivElement | null>;
}

interface Gesture {
  pointerId: number;
  pointerType: string;
  x0: number;
  y0: number;
  lastX: number;
  lastT: number;
  /** Logical velocity, px/ms (A6). */
  velocity: number;
  /** Largest distance from the start point (A11). */
  maxMove: number;
  phase: 'pending' | 'drag' | 'ignore';
  canDrag: boolean;
  wasOpen: SwipeSide | null;
  longPressed: boolean;
  longPressTimer: ReturnType<typeof setTimeout> | undefined;
  // Filled in when the drag locks.
  rtl: boolean;
  widths: TrayWidths;
  rowWidth: number;
  base: number;
  offset: number;
  armed: SwipeSide | null;
}

const SIDES: SwipeSide[] = ['leading', 'trailing'];

function isRtl(el: HTMLElement, dir: 'ltr' | 'rtl' | undefined): boolean {
  return (dir ?? getComputedStyle(el).direction) === 'rtl';
}

/** Focus that moved into a modal (the confirm dialog a full swipe opened) does not close the row. */
function inModal(node: EventTarget | null): boolean {
  return (
    node instanceof Element &&
    node.closest('[role="alertdialog"],[role="dialog"][aria-modal="true"],dialog[open]') !== null
  );
}

/** Before a tray turns inert, focus inside it moves to the row (the closest focusable ancestor). */
export function keepFocusOnRow(root: HTMLElement) {
  const active = document.activeElement;
  if (active && root.contains(active) && active.closest('.ck-SwipeActions-tray')) {
    root.parentElement?.closest<HTMLElement>('[tabindex]')?.focus();
  }
}

/** Device-pixel rounding keeps text crisp on a translated layer. */
function snap(px: number): number {
  const dpr = window.devicePixelRatio || 1;
  return Math.round(px * dpr) / dpr;
}

export function useSwipe(els: SwipeElements, config: SwipeConfig) {
  const cfg = useRef(config);
  // The latest props, for native listeners that outlive a render. Assigned while rendering (not
  // from an effect): rows mount on every scroll frame and every effect costs (test/bench).
  cfg.current = config;

  const state = useRef({
    gesture: null as Gesture | null,
    /** The tray state the DOM currently shows (or is animating to). */
    shown: null as SwipeSide | null,
    /** performance.now() of the last close, for the A10 drag lock. */
    closedAt: -Infinity,
    prevOpen: null as SwipeSide | null,
    prevActionsKey: '',
    mounted: false,
    revealTimer: undefined as ReturnType<typeof setTimeout> | undefined,
    stopSuppress: undefined as (() => void) | undefined,
  });

  // -------------------------------------------------------------------------------------------
  // DOM writers (shared by the gesture and the settle path)
  // -------------------------------------------------------------------------------------------
  // Created once (a lazy initialiser): rows mount on every scroll frame.
  const [dom] = useState(() => ({
    measure(): TrayWidths {
      const widths: TrayWidths = { leading: 0, trailing: 0 };
      for (const side of SIDES) {
        const tray = els[side].current;
        if (!tray || cfg.current.actionCount[side] === 0) continue;
        // Natural width, without an in-flight armed/disarmed transition of the buttons.
        const buttons = [...tray.children] as HTMLElement[];
        for (const b of buttons) b.style.transition = 'none';
        tray.style.width = '';
        // Whole device pixels, so the resting surface edge meets the tray exactly.
        const dpr = window.devicePixelRatio || 1;
        widths[side] = Math.ceil(tray.getBoundingClientRect().width * dpr) / dpr;
        for (const b of buttons) b.style.transition = '';
      }
      return widths;
    },
    setReveal(side: SwipeSide | null) {
      const root = els.root.current;
      if (!root) return;
      if (side) root.setAttribute('data-reveal', side);
      else root.removeAttribute('data-reveal');
    },
    setArmed(side: SwipeSide | null) {
      const root = els.root.current;
      if (!root) return;
      root.toggleAttribute('data-armed', side !== null);
      for (const s of SIDES) {
        const first = els[s].current?.querySelector<HTMLElement>('.ck-SwipeActions-action');
        first?.toggleAttribute('data-armed', s === side);
      }
    },
    /** Moves the surface to a logical offset and widens the revealed tray to match. */
    place(offset: number, rtl: boolean, widths: TrayWidths) {
      const surface = els.surface.current;
      if (!surface) return;
      const px = snap(rtl ? -offset : offset);
      surface.style.transform = px === 0 ? '' : `translate3d(${px}px, 0, 0)`;
      const side = sideOf(offset);
      if (side) {
        const tray = els[side].current;
        if (tray) tray.style.width = `${Math.max(widths[side], Math.abs(offset))}px`;
      }
    },
  }));

  /** Animates (or jumps) the surface to a resting state. Not called per pointermove. */
  const settle = (open: SwipeSide | null, animate: boolean) => {
    const root = els.root.current;
    const surface = els.surface.current;
    if (!root || !surface) return;
    const s = state.current;
    clearTimeout(s.revealTimer);
    s.shown = open;
    dom.setArmed(null);
    const widths = dom.measure();
    const rtl = isRtl(root, cfg.current.dir);
    surface.style.transition = animate ? '' : 'none';
    const tray = open ? els[open].current : null;
    if (open) dom.setReveal(open);
    dom.place(restOffset(open, widths), rtl, widths);
    if (tray && open) tray.style.width = `${widths[open]}px`;
    if (!open) {
      // Keep the tray painted until the surface has covered it again.
      const ms = animate ? parseFloat(getComputedStyle(surface).transitionDuration) * 1000 : 0;
      if (ms > 0) s.revealTimer = setTimeout(() => s.shown === null && dom.setReveal(null), ms + 50);
      else dom.setReveal(null);
    }
  };

  // -------------------------------------------------------------------------------------------
  // A11: swallow the click that follows a drag, a long-press or a tap that closed the row
  // -------------------------------------------------------------------------------------------
  const suppressNextClick = () => {
    const s = state.current;
    s.stopSuppress?.();
    const root = els.root.current;
    if (!root) return;
    const stop = () => {
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('pointerdown', stop, true);
      clearTimeout(timer);
      if (s.stopSuppress === stop) s.stopSuppress = undefined;
    };
    const onClick = (e: MouseEvent) => {
      const t = e.target as Node | null;
      // Keyboard clicks (detail 0) are never part of a pointer sequence.
      if (e.detail !== 0 && t && (root.contains(t) || t.contains(root))) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
      stop();
    };
    window.addEventListener('click', onClick, true);
    // A new pointer sequence means the click we were waiting for is not coming.
    window.addEventListener('pointerdown', stop, true);
    const timer = setTimeout(stop, 1000);
    s.stopSuppress = stop;
  };

  // -------------------------------------------------------------------------------------------
  // The gesture
  // -------------------------------------------------------------------------------------------
  useEffect(() => {
    const surface = els.surface.current;
    const root = els.root.current;
    if (!surface || !root) return;
    const s = state.current;

    const removeWindow = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onCancel);
    };

    const onDown = (e: PointerEvent) => {
      // A12: primary button only (mouse left, pen tip, touch contact); one pointer at a time.
      if (s.gesture || !e.isPrimary || e.button !== 0) return;
      const c = cfg.current;
      // Presses on the tray's buttons are button presses, not swipes.
      if ((e.target as Element).closest?.('.ck-SwipeActions-tray')) return;
      const hasActions = c.actionCount.leading + c.actionCount.trailing > 0;
      // A3: the start-edge guard (the OS back gesture); the right edge in RTL.
      const rtl = isRtl(root, c.dir);
      const edge = rtl ? window.innerWidth - e.clientX : e.clientX;
      const canDrag =
        !c.disabled &&
        hasActions &&
        edge >= SWIPE.edgeGuard &&
        performance.now() - s.closedAt >= SWIPE.closeLock; // A10
      const g: Gesture = {
        pointerId: e.pointerId,
        pointerType: e.pointerType,
        x0: e.clientX,
        y0: e.clientY,
        lastX: e.clientX,
        lastT: e.timeStamp,
        velocity: 0,
        maxMove: 0,
        phase: 'pending',
        canDrag,
        wasOpen: c.open,
        longPressed: false,
        longPressTimer: undefined,
        rtl,
        widths: { leading: 0, trailing: 0 },
        rowWidth: 0,
        base: 0,
        offset: 0,
        armed: null,
      };
      // B2: touch long-press, only on a closed row.
      if (e.pointerType === 'touch' && c.onLongPress && !c.open) {
        g.longPressTimer = setTimeout(() => {
          if (s.gesture !== g || g.phase !== 'pending') return;
          g.longPressed = true;
          g.phase = 'ignore';
          cfg.current.onLongPress?.();
        }, SWIPE.longPress);
      }
      if (canDrag) c.mountTrays();
      s.gesture = g;
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
      window.addEventListener('pointercancel', onCancel);
    };

    const lock = (g: Gesture) => {
      const c = cfg.current;
      s.stopSuppress?.();
      g.phase = 'drag';
      clearTimeout(g.longPressTimer);
      clearTimeout(s.revealTimer);
      g.widths = dom.measure();
      g.rowWidth = root.getBoundingClientRect().width;
      g.base = restOffset(s.shown, g.widths);
      g.offset = g.base;
      surface.style.transition = 'none';
      try {
        surface.setPointerCapture(g.pointerId);
      } catch {
        // Synthetic or already-released pointers cannot be captured; window listeners still work.
      }
      window.getSelection()?.removeAllRanges();
      c.setSwiping(true);
      c.onDragStateChange?.(true);
    };

    const onMove = (e: PointerEvent) => {
      const g = s.gesture;
      if (!g || e.pointerId !== g.pointerId) return;
      const dx = e.clientX - g.x0;
      const dy = e.clientY - g.y0;
      g.maxMove = Math.max(g.maxMove, Math.hypot(dx, dy));
      const sign = g.rtl ? -1 : 1;
      g.velocity = nextVelocity(g.velocity, sign * (e.clientX - g.lastX), e.timeStamp - g.lastT);
      g.lastX = e.clientX;
      g.lastT = e.timeStamp;
      if (g.phase === 'pending') {
        const axis = lockAxis(dx, dy);
        if (axis === 'pending') return;
        clearTimeout(g.longPressTimer);
        if (axis === 'y') {
          // A2: the whole gesture is a scroll; A10: scrolling closes an open row.
          g.phase = 'ignore';
          if (g.wasOpen) cfg.current.setOpen(null);
          return;
        }
        if (!g.canDrag) {
          g.phase = 'ignore';
          return;
        }
        lock(g);
      }
      if (g.phase !== 'drag') return;
      if (e.cancelable) e.preventDefault();
      // A4/A5: follow the finger, with the rubber band past the tray.
      const offset = resistOffset(g.base + sign * dx, g.widths);
      const side = sideOf(offset);
      if (side !== sideOf(g.offset)) dom.setReveal(side);
      g.offset = offset;
      dom.place(offset, g.rtl, g.widths);
      // A7: arm and disarm the full swipe; nothing runs before release.
      let armed: SwipeSide | null = null;
      if (side && cfg.current.fullSwipe[side] !== false && cfg.current.actionCount[side] > 0) {
        if (Math.abs(offset) >= armPoint(g.widths[side], g.rowWidth)) armed = side;
      }
      if (armed !== g.armed) {
        g.armed = armed;
        dom.setArmed(armed);
        // A light tick where the platform allows it (Chrome requires a prior user activation).
        if (armed && g.pointerType === 'touch' && navigator.userActivation?.hasBeenActive) {
          navigator.vibrate?.(8);
        }
      }
    };

    const finish = (e: PointerEvent, cancelled: boolean) => {
      const g = s.gesture;
      if (!g || e.pointerId !== g.pointerId) return;
      s.gesture = null;
      removeWindow();
      clearTimeout(g.longPressTimer);
      const c = cfg.current;
      if (g.phase === 'drag') {
        c.setSwiping(false);
        c.onDragStateChange?.(false);
        suppressNextClick();
        if (cancelled) {
          settle(g.wasOpen, true);
          return;
        }
        // A6: a velocity older than the sample window is stale (the finger stopped).
        const velocity = e.timeStamp - g.lastT > SWIPE.velocityMaxGap ? 0 : g.velocity;
        const d = decideRelease({ offset: g.offset, velocity, widths: g.widths, armed: g.armed });
        if (d.fullSwipe) {
          const mode = c.fullSwipe[d.fullSwipe] || 'confirm';
          // A9: 'confirm' rests on the open tray (Cancel returns there); 'perform' closes.
          const next = mode === 'perform' ? null : d.fullSwipe;
          settle(next, true);
          if (next !== c.open) c.setOpen(next);
          c.fullSwipeRelease(d.fullSwipe, mode);
          return;
        }
        settle(d.open, true);
        if (d.open !== c.open) c.setOpen(d.open);
        return;
      }
      if (cancelled) return;
      if (g.wasOpen) {
        // A11: tapping an open row closes it and does not activate it.
        if (c.open) c.setOpen(null);
        suppressNextClick();
      } else if (g.longPressed || g.maxMove >= SWIPE.tapSlop) {
        suppressNextClick();
      }
    };
    const onUp = (e: PointerEvent) => finish(e, false);
    const onCancel = (e: PointerEvent) => finish(e, true);

    // A mouse drag must not turn into native drag-and-drop of a link or image in the row.
    const onDragStart = (e: DragEvent) => {
      if (s.gesture) e.preventDefault();
    };

    // A10: focus leaving the row closes it (not when it moves into the dialog a swipe opened).
    const onFocusOut = (e: FocusEvent) => {
      if (!cfg.current.open) return;
      const next = e.relatedTarget as Node | null;
      if (next ? root.contains(next) || inModal(next) : !document.hasFocus()) return;
      cfg.current.setOpen(null);
    };

    surface.addEventListener('pointerdown', onDown);
    root.addEventListener('dragstart', onDragStart);
    root.addEventListener('focusout', onFocusOut);
    return () => {
      surface.removeEventListener('pointerdown', onDown);
      root.removeEventListener('dragstart', onDragStart);
      root.removeEventListener('focusout', onFocusOut);
      // Window listeners exist only during a gesture (most rows unmount without one).
      if (s.gesture) removeWindow();
      if (s.gesture) clearTimeout(s.gesture.longPressTimer);
      s.gesture = null;
      clearTimeout(s.revealTimer);
      s.stopSuppress?.();
    };
    // The elements are stable for the component's life; everything else is read from cfg.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // -------------------------------------------------------------------------------------------
  // Rest state: follow `open` (controlled or not) whenever no gesture runs
  // -------------------------------------------------------------------------------------------
  const { open, disabled, actionsKey } = config;
  useIsomorphicLayoutEffect(() => {
    // Closed trays are neither focusable nor announced. `inert` is set on the DOM node because
    // React 18 has no boolean `inert` prop and React 19 drops the string form.
    els.leading.current?.toggleAttribute('inert', open !== 'leading');
    els.trailing.current?.toggleAttribute('inert', open !== 'trailing');
    const s = state.current;
    if (s.prevOpen && !open) s.closedAt = performance.now(); // A10: the 600 ms drag lock
    s.prevOpen = open;
    const relabelled = s.prevActionsKey !== actionsKey;
    s.prevActionsKey = actionsKey;
    if (s.gesture?.phase === 'drag') return;
    if (s.shown !== open || (open && relabelled)) settle(open, s.mounted);
    s.mounted = true;
  });

  // B2: swipe is disabled (e.g. in selection mode); an open tray closes. (One effect with the
  // one below: fewer effects per row.)
  const wasDisabled = useRef(false);
  // A10: while open, close on Escape, on a pointerdown outside, and on scrolling the list.
  // The document listeners exist only while the tray is open.
  useEffect(() => {
    if (disabled !== wasDisabled.current) {
      wasDisabled.current = disabled;
      if (disabled && cfg.current.open) cfg.current.setOpen(null);
    }
    if (!open) return;
    const root = els.root.current;
    if (!root) return;
    const close = () => cfg.current.setOpen(null);
    const onPointerDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!root.contains(t) && !inModal(t)) close();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const t = e.target as Node;
      if (!(root.contains(t) || t === document.body || t === document.documentElement)) return;
      // Focus on a tray button would fall to <body> when the tray turns inert: keep it on the row.
      keepFocusOnRow(root);
      close();
    };
    const onScroll = (e: Event) => {
      const t = e.target;
      if (t === document || (t instanceof Node && t.contains(root))) close();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('scroll', onScroll, true);
    };
  }, [open, disabled, els.root]);
}
