import {
  forwardRef,
  useEffect,
  useId,
  useMemo,
  useRef,
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useI18n } from '../../i18n/react.js';
import { cx } from '../../utils/cx.js';
import { mergeRefs } from '../../utils/mergeRefs.js';
import { useControllableState, useIsomorphicLayoutEffect } from '../../utils/useControllableState.js';

export interface ActionMenuItem {
  /** Stable key. */
  key: string;
  /** Visible text and accessible name. */
  label: string;
  /** Styled as destructive (danger colour). */
  destructive?: boolean;
  /** Shown but not selectable. */
  disabled?: boolean;
  /** Called after the menu closed and focus went back to the trigger. */
  onSelect: () => void;
}

export interface ActionMenuProps extends Omit<ComponentPropsWithoutRef<'button'>, 'children'> {
  /** The menu items, in order. */
  items: readonly ActionMenuItem[];
  /**
   * Whether the menu is open (controlled).
   * @default undefined (uncontrolled)
   */
  open?: boolean;
  /**
   * Initial open state when uncontrolled.
   * @default false
   */
  defaultOpen?: boolean;
  /**
   * Called when the menu asks to open or close.
   * @default undefined
   */
  onOpenChange?: (open: boolean) => void;
  /**
   * Opens as a context menu at this viewport point (`clientX/clientY`) instead of under the
   * trigger.
   * @default undefined
   */
  anchorPoint?: { x: number; y: number };
  /**
   * The trigger's accessible name.
   * @default "More actions"
   */
  label?: string;
  /**
   * The trigger's content.
   * @default a "⋯" icon (drawn by the stylesheet)
   */
  icon?: ReactNode;
}

type Popover = HTMLDivElement & { showPopover?: () => void; hidePopover?: () => void };
const GAP = 4;

/** Nearest scrolling ancestor's visible box, intersected with the viewport. */
function boundary(el: Element) {
  let top = 0;
  let bottom = window.innerHeight;
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') {
      const r = p.getBoundingClientRect();
      top = Math.max(top, r.top);
      bottom = Math.min(bottom, r.bottom);
      break;
    }
  }
  return { top, bottom };
}

/**
 * The per-row "More actions" menu button (interaction.md C1): a `menu` of `menuitem`s in the
 * top layer (Popover API), so the row's `overflow: hidden` never clips it. Arrow keys, Home and
 * End move; Enter and Space select; Escape closes and returns focus to the trigger; a click
 * outside, a scroll or a resize closes. The ref and unknown props go to the trigger button.
 */
export const ActionMenu = forwardRef<HTMLButtonElement, ActionMenuProps>(function ActionMenu(
  { items, open: openProp, defaultOpen = false, onOpenChange, anchorPoint, label, icon, className, onClick, onKeyDown, ...rest },
  ref,
) {
  const { t } = useI18n();
  const [open, setOpen] = useControllableState({ value: openProp, defaultValue: defaultOpen, onChange: onOpenChange });
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<Popover>(null);
  const initialFocus = useRef<'first' | 'last'>('first');
  const menuID = useId();
  // One ref callback for the component's life: a new one per render would detach and re-attach
  // the ref on every commit of every row.
  const buttonRef = useMemo(() => mergeRefs(triggerRef, ref), [ref]);

  const itemsOf = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) triggerRef.current?.focus({ preventScroll: true });
  };

  // Show in the top layer, place next to the trigger (or at the point), focus an item.
  useIsomorphicLayoutEffect(() => {
    const menu = menuRef.current;
    const trigger = triggerRef.current;
    if (!open || !menu || !trigger) return;
    try {
      menu.showPopover?.();
    } catch {
      /* already showing, or not connected */
    }
    const rtl = getComputedStyle(trigger).direction === 'rtl';
    const a = anchorPoint
      ? { top: anchorPoint.y, bottom: anchorPoint.y, left: anchorPoint.x, right: anchorPoint.x }
      : trigger.getBoundingClientRect();
    // Layout size, not the (possibly animating) transformed box.
    const width = menu.offsetWidth;
    const height = menu.offsetHeight;
    const box = boundary(trigger);
    // Below, unless it would run past the scroll container's (or viewport's) bottom and fits above.
    const below = a.bottom + GAP;
    const above = a.top - GAP - height;
    const top = below + height > box.bottom && above >= box.top ? above : below;
    // End-aligned with the trigger (mirrored in RTL); a context menu starts at the point.
    let left = anchorPoint ? (rtl ? a.left - width : a.left) : rtl ? a.left : a.right - width;
    left = Math.max(GAP, Math.min(left, window.innerWidth - width - GAP));
    menu.style.top = `${Math.max(GAP, Math.min(top, window.innerHeight - height - GAP))}px`;
    menu.style.left = `${left}px`;
    menu.dataset.side = top === above ? 'top' : 'bottom';
    const list = itemsOf();
    (initialFocus.current === 'last' ? list[list.length - 1] : list[0])?.focus({ preventScroll: true });
    initialFocus.current = 'first';
    return () => {
      try {
        menu.hidePopover?.();
      } catch {
        /* already hidden */
      }
    };
  }, [open, anchorPoint?.x, anchorPoint?.y]);

  // Click outside, scroll or resize: close without stealing focus from where the user went.
  // Only while open (a closed menu, i.e. every row's, runs no effect after mount).
  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      const target = event.target as Node;
      if (menuRef.current?.contains(target) || triggerRef.current?.contains(target)) return;
      close(false);
    };
    const scrolled = (event: Event) => {
      if (!menuRef.current?.contains(event.target as Node)) close(false);
    };
    const resized = () => close(false);
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('scroll', scrolled, true);
    window.addEventListener('resize', resized);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('scroll', scrolled, true);
      window.removeEventListener('resize', resized);
    };
    // `close` only uses refs and the stable setter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = itemsOf();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => list[(i + list.length) % list.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        move(index + 1);
        break;
      case 'ArrowUp':
        move(index < 0 ? -1 : index - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(-1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        close(false); // focus moves on naturally
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation(); // the grid must not also act on these keys
  };

  return (
    <>
      <button
        type="button"
        aria-label={label ?? t('moreActions')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuID : undefined}
        {...rest}
        ref={buttonRef}
        className={cx('ck-ActionMenu', 'ck-ActionMenu-trigger', className)}
        data-icon={icon == null ? 'more' : undefined}
        data-open={open || undefined}
        onClick={(event) => {
          onClick?.(event);
          if (!event.defaultPrevented) setOpen(!open);
        }}
        onKeyDown={(event) => {
          onKeyDown?.(event);
          if (event.defaultPrevented) return;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            event.stopPropagation();
            initialFocus.current = event.key === 'ArrowUp' ? 'last' : 'first';
            setOpen(true);
          }
        }}
      >
        {/* The default "⋯" is drawn by the stylesheet (a mask on ::before): no SVG elements in
            every row of a list (test/bench: DOM nodes, style and layout per scroll frame). */}
        {icon}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuID}
          role="menu"
          aria-label={label ?? t('moreActions')}
          popover="manual"
          className="ck-ActionMenu-menu"
          data-context={anchorPoint ? true : undefined}
          onKeyDown={onMenuKeyDown}
          // Clicks inside must not reach the row (navigation, selection).
          onClick={(event) => event.stopPropagation()}
          onContextMenu={(event) => event.preventDefault()}
        >
          {items.map((item) => (
            <button
              key={item.key}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="ck-ActionMenu-item"
              data-destructive={item.destructive || undefined}
              aria-disabled={item.disabled || undefined}
              onClick={() => {
                if (item.disabled) return;
                close(true);
                item.onSelect();
              }}
              onPointerMove={(event) => {
                if (event.pointerType === 'mouse' && !item.disabled) event.currentTarget.focus({ preventScroll: true });
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
});
