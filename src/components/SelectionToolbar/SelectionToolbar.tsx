import { forwardRef, useCallback, useLayoutEffect, useRef, type ComponentPropsWithoutRef } from 'react';
import { cx } from '../../utils/cx.js';
import { useI18n } from '../../i18n/index.js';

export interface SelectionToolbarProps extends ComponentPropsWithoutRef<'div'> {
  /** `'multiple'` shows Select all / count / Delete / Cancel; `'none'` shows the Select button. */
  selectionMode: 'none' | 'multiple';
  /** Selected conversations; `'all'` when every conversation is selected and the total is not known yet. */
  selectedCount: number | 'all';
  /** The trailing action removes (keeps history) instead of deleting. */
  removeOnly?: boolean;
  /** A running bulk deletion: shows a progress bar. */
  progress?: { done: number; total: number };
  /** Hides the Select button (e.g. an empty list). */
  canSelect?: boolean;
  onSelect(): void;
  onSelectAll(): void;
  onDelete(): void;
  onCancel(): void;
}

/**
 * The list's toolbar: "Select" outside selection mode; "Select all", "N selected", "Delete N" and
 * "Cancel" inside it (interaction.md B2, B5); a progress bar while a bulk job runs.
 */
export const SelectionToolbar = forwardRef<HTMLDivElement, SelectionToolbarProps>(function SelectionToolbar(
  {
    selectionMode,
    selectedCount,
    removeOnly = false,
    progress,
    canSelect = true,
    onSelect,
    onSelectAll,
    onDelete,
    onCancel,
    className,
    ...rest
  },
  ref,
) {
  const { t } = useI18n();
  const active = selectionMode === 'multiple';

  // "Select" and "Cancel" replace each other: pressed from the keyboard, the pressed button
  // unmounts. Focus moves to its counterpart instead of falling to <body> (C3).
  const rootRef = useRef<HTMLDivElement | null>(null);
  const setRoot = useCallback(
    (el: HTMLDivElement | null) => {
      rootRef.current = el;
      if (typeof ref === 'function') ref(el);
      else if (ref) ref.current = el;
    },
    [ref],
  );
  const selectRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'select' | 'cancel' | null>(null);
  const keepFocus = (next: 'select' | 'cancel') => {
    if (rootRef.current?.contains(document.activeElement)) focusNext.current = next;
  };
  useLayoutEffect(() => {
    const next = focusNext.current;
    focusNext.current = null;
    if (next === 'cancel') cancelRef.current?.focus();
    else if (next === 'select') (selectRef.current ?? rootRef.current?.querySelector<HTMLElement>('button'))?.focus();
  }, [active]);
  const count = selectedCount === 'all' ? undefined : selectedCount;
  const label =
    selectedCount === 'all' ? t('allSelected') : t('selectedCount', { count: selectedCount });
  const deleteLabel =
    count === undefined ? t(removeOnly ? 'remove' : 'delete') : t(removeOnly ? 'removeCount' : 'deleteCount', { count });

  return (
    <div
      ref={setRoot}
      role="toolbar"
      aria-label={t('listLabel')}
      className={cx('ck-SelectionToolbar', className)}
      data-active={active || undefined}
      {...rest}
    >
      {active ? (
        <>
          <button
            ref={cancelRef}
            type="button"
            className="ck-SelectionToolbar-button"
            onClick={() => {
              keepFocus('select');
              onCancel();
            }}
          >
            {t('cancel')}
          </button>
          <span className="ck-SelectionToolbar-count">{label}</span>
          <button type="button" className="ck-SelectionToolbar-button" onClick={onSelectAll}>
            {t('selectAll')}
          </button>
          <button
            type="button"
            className="ck-SelectionToolbar-button ck-SelectionToolbar-delete"
            data-destructive={removeOnly ? undefined : true}
            disabled={count === 0}
            onClick={onDelete}
          >
            {deleteLabel}
          </button>
        </>
      ) : (
        <>
          <span className="ck-SelectionToolbar-title">{t('listLabel')}</span>
          {canSelect && (
            <button
              ref={selectRef}
              type="button"
              className="ck-SelectionToolbar-button"
              onClick={() => {
                keepFocus('cancel');
                onSelect();
              }}
            >
              {t('select')}
            </button>
          )}
        </>
      )}
      {progress && (
        <div className="ck-SelectionToolbar-progress">
          <div
            role="progressbar"
            aria-label={t('deletingProgress', { done: progress.done, total: progress.total })}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
            className="ck-SelectionToolbar-progressBar"
            style={{ inlineSize: `${progress.total ? (100 * progress.done) / progress.total : 0}%` }}
          />
        </div>
      )}
    </div>
  );
});
