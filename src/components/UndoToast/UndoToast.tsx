import { forwardRef, useEffect, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useI18n } from '../../i18n/react.js';
import { cx } from '../../utils/cx.js';

export interface UndoToastProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** How many conversations were removed: "Conversation removed" / "3 conversations removed". */
  count: number;
  /** The Undo button. Restores every item of the action (the store does the work). */
  onUndo: () => void;
  /**
   * Shows a close button; called when it is pressed (the removal can be sent at once).
   * @default undefined (no close button)
   */
  onDismiss?: () => void;
  /**
   * Called with `true` while the toast is hovered or holds focus, `false` after (E3: the owner's
   * timer must not run out meanwhile). Only called on changes.
   * @default undefined
   */
  onPauseChange?: (paused: boolean) => void;
  /**
   * Replaces the default message.
   * @default "Conversation removed" / "{count} conversations removed"
   */
  message?: ReactNode;
}

/**
 * The Undo toast for reversible removals (interaction.md E1–E3). It does not announce itself:
 * the list's `role="status"` region says "Conversation removed. Undo available.", so the toast is
 * a plain group with `aria-live="off"` to avoid a double announcement. Undo is a real button in
 * the tab order; the timer lives with the owner, which hears about hover and focus through
 * `onPauseChange`.
 */
export const UndoToast = forwardRef<HTMLDivElement, UndoToastProps>(function UndoToast(
  {
    count,
    onUndo,
    onDismiss,
    onPauseChange,
    message,
    className,
    onPointerEnter,
    onPointerLeave,
    onFocus,
    onBlur,
    ...rest
  },
  ref,
) {
  const { t } = useI18n();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const paused = hovered || focused;

  const report = useRef(onPauseChange);
  report.current = onPauseChange;
  const reported = useRef(false);
  useEffect(() => {
    if (reported.current === paused) return;
    reported.current = paused;
    report.current?.(paused);
  }, [paused]);

  const text = message ?? t('toastRemoved', { count });
  return (
    <div
      role="group"
      aria-live="off"
      aria-label={typeof text === 'string' ? text : undefined}
      {...rest}
      ref={ref}
      className={cx('ck-UndoToast', className)}
      data-paused={paused || undefined}
      onPointerEnter={(event) => {
        onPointerEnter?.(event);
        if (event.pointerType !== 'touch') setHovered(true);
      }}
      onPointerLeave={(event) => {
        onPointerLeave?.(event);
        setHovered(false);
      }}
      onFocus={(event) => {
        onFocus?.(event);
        setFocused(true);
      }}
      onBlur={(event) => {
        onBlur?.(event);
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <span className="ck-UndoToast-message">{text}</span>
      <button type="button" className="ck-UndoToast-undo" onClick={onUndo}>
        {t('undo')}
      </button>
      {onDismiss && (
        <button type="button" className="ck-UndoToast-dismiss" aria-label={t('dismiss')} onClick={onDismiss}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      )}
    </div>
  );
});
