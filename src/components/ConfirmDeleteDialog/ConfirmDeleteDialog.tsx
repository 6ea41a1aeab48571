import {
  forwardRef,
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
} from 'react';
import { tNodes, useTranslator } from '../../i18n/react.js';
import type { Messages } from '../../i18n/messages.js';
import { describeErrors } from '../../i18n/translator.js';
import { themeToStyle, type ThemeProp } from '../../theme/tokens.js';
import { cx } from '../../utils/cx.js';
import { mergeRefs } from '../../utils/mergeRefs.js';
import { useControllableState, useIsomorphicLayoutEffect } from '../../utils/useControllableState.js';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

export interface ConfirmDeleteDialogProps
  extends Omit<ComponentPropsWithoutRef<'dialog'>, 'open' | 'onCancel' | 'title' | 'children' | 'dir'> {
  /** Whether the dialog is shown (modal, in the top layer, the rest of the page inert). */
  open: boolean;
  /** How many conversations the deletion covers; names the title and the confirm button. */
  count: number;
  /**
   * The conversation's name when `count` is 1: "Delete conversation with Alice?".
   * @default undefined
   */
  name?: string;
  /**
   * `'ask'` offers the "Keep message history" checkbox (D7); `'always'` always clears history.
   * @default 'ask'
   */
  clearHistory?: 'ask' | 'always';
  /**
   * The "Keep message history" checkbox, controlled. When true the text and the confirm button
   * switch to the reversible removal ("Remove from list").
   * @default undefined (uncontrolled)
   */
  keepHistory?: boolean;
  /**
   * Initial checkbox state when uncontrolled.
   * @default false
   */
  defaultKeepHistory?: boolean;
  /**
   * Called when the user toggles "Keep message history".
   * @default undefined
   */
  onKeepHistoryChange?: (keepHistory: boolean) => void;
  /**
   * `'pending'` shows "Deleting…" on the confirm button and ignores further presses (D9);
   * `'error'` shows `error` and offers Retry.
   * @default 'idle'
   */
  status?: 'idle' | 'pending' | 'error';
  /**
   * The count is not final yet (an "all" selection whose remaining pages are loading): the
   * confirm button says "Counting…" and cannot be pressed, so nobody confirms a number they
   * have not seen.
   * @default false
   */
  counting?: boolean;
  /**
   * D8: for an account-wide "delete every conversation", the phrase the user must type before
   * the destructive button works. Not for ordinary deletes (friction in proportion to damage).
   * Ignored while "Keep message history" is checked (that removal is reversible).
   * @default undefined
   */
  confirmPhrase?: string;
  /**
   * What failed, under `status: 'error'`: how many conversations and which codes. Each code
   * gets a human reason.
   * @default undefined
   */
  error?: { count: number; codes: readonly number[] };
  /** The explicit confirmation: the only path to deleting history. Receives the checkbox state. */
  onConfirm: (options: { keepHistory: boolean }) => void;
  /** Cancel, Escape. The dialog stays open until `open` becomes false. */
  onCancel: () => void;
  /**
   * Retry after an error.
   * @default onConfirm
   */
  onRetry?: () => void;
  /**
   * Locale for the built-in strings.
   * @default the surrounding list's locale, else 'en'
   */
  locale?: string;
  /**
   * Overrides for any string.
   * @default undefined
   */
  messages?: Partial<Messages>;
  /**
   * Text direction.
   * @default inherited
   */
  dir?: 'ltr' | 'rtl';
  /**
   * Theme when used on its own; inside a ConversationList it inherits the list's.
   * @default inherited, else 'light'
   */
  theme?: ThemeProp;
  /**
   * Where focus goes on close (D4). Called at close time, so it can pick the next row when the
   * invoker was deleted (C3). Returning null falls back to the element focused before opening.
   * @default undefined
   */
  returnFocusTo?: () => HTMLElement | null | undefined;
}

/**
 * The confirmation for an irreversible delete (interaction.md D1–D9): a modal `alertdialog` on
 * the native `<dialog>` (`showModal()`: top layer, inert background, rendered inline so the
 * list's CSS variables reach it). Focus starts on Cancel; Tab cycles inside; Escape cancels;
 * the backdrop ignores clicks; focus returns to the invoker on close.
 */
export const ConfirmDeleteDialog = forwardRef<HTMLDialogElement, ConfirmDeleteDialogProps>(
  function ConfirmDeleteDialog(
    {
      open,
      count,
      name,
      clearHistory = 'ask',
      keepHistory: keepHistoryProp,
      defaultKeepHistory = false,
      onKeepHistoryChange,
      status = 'idle',
      counting = false,
      confirmPhrase,
      error,
      onConfirm,
      onCancel,
      onRetry,
      locale,
      messages,
      dir,
      theme,
      returnFocusTo,
      className,
      style,
      onKeyDown,
      ...rest
    },
    ref,
  ) {
    const { t } = useTranslator(locale, messages);
    const id = useId();
    const titleID = `${id}-title`;
    const bodyID = `${id}-body`;
    const dialogRef = useRef<HTMLDialogElement>(null);
    const cancelRef = useRef<HTMLButtonElement>(null);
    const [keepChecked, setKeepHistory] = useControllableState({
      value: keepHistoryProp,
      defaultValue: defaultKeepHistory,
      onChange: onKeepHistoryChange,
    });
    const keep = clearHistory === 'ask' && keepChecked;
    const pending = status === 'pending';
    const failed = status === 'error';
    const [typed, setTyped] = useState('');
    const phraseMissing = Boolean(confirmPhrase) && !keep && typed.trim() !== confirmPhrase;
    const blocked = pending || counting || phraseMissing;

    // Latest callbacks for the native listeners and the close-time focus return.
    const latest = useRef({ open, onCancel, returnFocusTo });
    useIsomorphicLayoutEffect(() => {
      latest.current = { open, onCancel, returnFocusTo };
    });

    // Open: remember the invoker, showModal, focus Cancel (D2). Close or unmount: close and
    // return focus (D4).
    useIsomorphicLayoutEffect(() => {
      const dialog = dialogRef.current;
      if (!open || !dialog) return;
      const invoker = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (!dialog.open) {
        try {
          dialog.showModal();
        } catch {
          dialog.setAttribute('open', ''); // not connected / unsupported: at least show it
        }
      }
      cancelRef.current?.focus();
      setTyped('');
      return () => {
        if (dialog.open) dialog.close();
        const target = latest.current.returnFocusTo?.() ?? invoker;
        if (target?.isConnected) target.focus({ preventScroll: true });
      };
    }, [open]);

    // Escape arrives as the dialog's cancel event: keep the dialog open (the parent decides)
    // and report Cancel. A close that slipped through (Chrome closes without a cancelable
    // event on a repeated Escape) is reported as Cancel too.
    useEffect(() => {
      const dialog = dialogRef.current;
      if (!dialog) return;
      const handleCancel = (event: Event) => {
        event.preventDefault();
        latest.current.onCancel();
      };
      const handleClose = () => {
        if (latest.current.open) latest.current.onCancel();
      };
      dialog.addEventListener('cancel', handleCancel);
      dialog.addEventListener('close', handleClose);
      return () => {
        dialog.removeEventListener('cancel', handleCancel);
        dialog.removeEventListener('close', handleClose);
      };
    }, [open]);

    const handleKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
      onKeyDown?.(event);
      if (event.defaultPrevented) return;
      if (event.key === 'Escape') {
        // Handled here as well as in `cancel`: some browsers skip the event on repeat presses.
        event.preventDefault();
        onCancel();
        return;
      }
      if (event.key !== 'Tab') return;
      // D3: Tab and Shift+Tab cycle inside (a modal dialog would otherwise let focus reach the
      // browser chrome after the last button).
      const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
      if (items.length === 0) return;
      const first = items[0];
      const last = items[items.length - 1];
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !event.currentTarget.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !event.currentTarget.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    };

    const safeCount = Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
    const single = safeCount === 1 && name ? name : undefined;
    const nameNode = { name: <bdi>{single}</bdi> };
    const title = single
      ? tNodes(t, keep ? 'dialogRemoveTitleSingle' : 'dialogTitleSingle', {}, nameNode)
      : t(keep ? 'dialogRemoveTitle' : 'dialogTitle', { count: safeCount });
    const confirmLabel = failed
      ? t('retry')
      : pending
        ? t('dialogPending')
        : counting
          ? t('dialogCounting')
        : keep
          ? t('dialogConfirmKeep')
          : t('dialogConfirmClear', { count: safeCount });
    const themed = theme ? themeToStyle(theme) : undefined;

    if (!open) return null;
    return (
      <dialog
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleID}
        aria-describedby={bodyID}
        dir={dir}
        data-theme={themed?.colorScheme}
        data-pending={pending || undefined}
        data-counting={counting || undefined}
        data-error={failed || undefined}
        data-keep-history={keep || undefined}
        {...rest}
        ref={mergeRefs(dialogRef, ref)}
        className={cx('ck-ConfirmDeleteDialog', className)}
        style={themed ? { ...themed.style, ...style } : style}
        onKeyDown={handleKeyDown}
      >
        <h2 id={titleID} className="ck-ConfirmDeleteDialog-title">
          {title}
        </h2>
        <p id={bodyID} className="ck-ConfirmDeleteDialog-description">
          {t(keep ? 'dialogBodyKeep' : 'dialogBodyClear', { count: safeCount })}
        </p>
        {clearHistory === 'ask' && (
          <label className="ck-ConfirmDeleteDialog-keep">
            <input
              type="checkbox"
              className="ck-ConfirmDeleteDialog-checkbox"
              checked={keepChecked}
              disabled={pending}
              onChange={(event) => setKeepHistory(event.currentTarget.checked)}
            />
            <span>{t('keepHistory')}</span>
          </label>
        )}
        {confirmPhrase && !keep && (
          <label className="ck-ConfirmDeleteDialog-phrase">
            <span>{t('dialogTypeToConfirm', { phrase: confirmPhrase })}</span>
            <input
              type="text"
              className="ck-ConfirmDeleteDialog-phraseInput"
              value={typed}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              disabled={pending}
              onChange={(event) => setTyped(event.currentTarget.value)}
              onKeyDown={(event) => {
                // D5: Enter activates only a focused button, never the text field.
                if (event.key === 'Enter') event.preventDefault();
              }}
            />
          </label>
        )}
        {failed && error && (
          <p className="ck-ConfirmDeleteDialog-error" role="alert">
            {t('dialogError', { count: error.count, reason: describeErrors(t, error.codes) })}
          </p>
        )}
        <div className="ck-ConfirmDeleteDialog-actions">
          <button ref={cancelRef} type="button" className="ck-ConfirmDeleteDialog-cancel" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button
            type="button"
            className="ck-ConfirmDeleteDialog-confirm"
            data-destructive={!keep || undefined}
            data-pending={blocked || undefined}
            aria-disabled={blocked || undefined}
            onClick={() => {
              if (blocked) return; // D9: no double submit; nor a confirm before the count is known
              if (failed) (onRetry ?? (() => onConfirm({ keepHistory: keep })))();
              else onConfirm({ keepHistory: keep });
            }}
          >
            {blocked && <span className="ck-ConfirmDeleteDialog-spinner" aria-hidden="true" />}
            {confirmLabel}
          </button>
        </div>
      </dialog>
    );
  },
);
