import { forwardRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { Conversation } from '../../sdk/types.js';
import { tNodes, useI18n } from '../../i18n/react.js';
import type { Translator } from '../../i18n/translator.js';
import { cx } from '../../utils/cx.js';
import { safeImageUrl } from '../../utils/safeUrl.js';
import { colorIndex, getInitials } from './initials.js';

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** The name to show: `showName`, else the conversation ID (never an empty row). */
export function getDisplayName(conversation: Conversation): string {
  const name = str(conversation.showName);
  return name.trim() ? name : str(conversation.conversationID);
}

/** The unread badge text: '' when there is nothing to show, '99+' above 99. */
export function formatBadge(unread: unknown, formatCount: (n: number) => string = String): string {
  const n = typeof unread === 'number' ? Math.floor(unread) : NaN;
  if (!Number.isFinite(n) || n < 1) return '';
  return n > 99 ? '99+' : formatCount(n);
}

const LABEL_PART_MAX = 200;
const clip = (s: string) => (s.length > LABEL_PART_MAX ? `${Array.from(s.slice(0, LABEL_PART_MAX + 1)).slice(0, LABEL_PART_MAX).join('')}…` : s);

/**
 * The accessible name of a row: it begins with the display name (api.md, accessible contract),
 * then pinned, unread count, @-mention, the draft or the last message, and the time. Long user
 * text is clipped so a 10,000-character message does not become a 10,000-character label.
 * Pass the whole translator to include the time, or just `t` without it.
 */
export function getRowLabel(
  conversation: Conversation,
  i18n: Translator | Translator['t'],
  now?: number,
): string {
  const t = typeof i18n === 'function' ? i18n : i18n.t;
  const parts = [clip(getDisplayName(conversation))];
  if (conversation.isPinned) parts.push(t('pinned'));
  if (formatBadge(conversation.unreadCount)) parts.push(t('unreadCount', { count: Math.floor(conversation.unreadCount) }));
  if (conversation.hasAtMention) parts.push(t('mention'));
  const draft = str(conversation.draftText);
  const last = conversation.lastMessage;
  if (draft) parts.push(`${t('draftPrefix')} ${clip(draft)}`);
  else if (last && str(last.text)) {
    const text = clip(str(last.text));
    const sender = conversation.type === 'group' ? str(last.senderName) : '';
    parts.push(sender ? t('senderPreview', { name: clip(sender), text }) : text);
  }
  if (typeof i18n !== 'function' && last) {
    const time = i18n.formatTime(last.timestamp, now);
    if (time) parts.push(time);
  }
  return parts.join(', ');
}

/* ---------------------------------------------------------------------------------------------
 * Avatar
 * ------------------------------------------------------------------------------------------- */

export interface AvatarProps extends ComponentPropsWithoutRef<'span'> {
  /** The conversation whose picture or initials to show. */
  conversation: Conversation;
}

/**
 * `faceUrl` when it is a safe image URL and loads; otherwise coloured initials. Decorative
 * (aria-hidden): the name sits next to it.
 */
export const Avatar = forwardRef<HTMLSpanElement, AvatarProps>(function Avatar(
  { conversation, className, ...rest },
  ref,
) {
  const url = safeImageUrl(conversation.faceUrl);
  const [failedUrl, setFailedUrl] = useState<string>();
  const showImage = url !== undefined && failedUrl !== url;
  const id = str(conversation.conversationID);
  return (
    <span
      aria-hidden="true"
      {...rest}
      ref={ref}
      className={cx('ck-Avatar', className)}
      data-color={colorIndex(id)}
      data-image={showImage || undefined}
    >
      {showImage ? (
        <img
          className="ck-Avatar-image"
          src={url}
          alt=""
          draggable={false}
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          onError={() => setFailedUrl(url)}
          // An image that failed before hydration never fires onError for React.
          ref={(img) => {
            if (img && img.complete && img.naturalWidth === 0 && img.getAttribute('src')) setFailedUrl(url);
          }}
        />
      ) : (
        getInitials(getDisplayName(conversation), id.replace(/^(C2C|GROUP|c2c_|group_)/, '').slice(0, 1) || '?')
      )}
    </span>
  );
});

/* ---------------------------------------------------------------------------------------------
 * ConversationRow
 * ------------------------------------------------------------------------------------------- */

export interface ConversationRowProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The conversation to show. Every field is rendered as text, never as HTML. */
  conversation: Conversation;
  /**
   * Whether the row is selected (shows the checkmark and the selected background). The grid row
   * around it carries `aria-selected`; this part only draws.
   * @default false
   */
  selected?: boolean;
  /**
   * Selection mode: shows a check circle at the start (aria-hidden).
   * @default false
   */
  selectionMode?: boolean | 'none' | 'multiple';
  /**
   * "Now" for the time column (today → time, last week → weekday, else date).
   * @default Date.now()
   */
  now?: number;
  /**
   * Replaces the default avatar (slot).
   * @default <Avatar conversation={conversation} />
   */
  avatar?: ReactNode;
  /**
   * Extra content at the end of the row, e.g. the "More actions" button.
   * @default undefined
   */
  endContent?: ReactNode;
}

/**
 * The presentational content of one row: avatar, name, time, preview, markers, badge. Not the
 * `role="row"` element and not the swipe surface; the list composes those around it and uses
 * `getRowLabel` for the row's accessible name.
 */
export const ConversationRow = forwardRef<HTMLDivElement, ConversationRowProps>(function ConversationRow(
  { conversation, selected = false, selectionMode = false, now, avatar, endContent, className, ...rest },
  ref,
) {
  const { t, formatTime, formatCount } = useI18n();
  const name = getDisplayName(conversation);
  const last = conversation.lastMessage;
  const draft = str(conversation.draftText);
  const badge = formatBadge(conversation.unreadCount, formatCount);
  const time = last ? formatTime(last.timestamp, now) : '';
  const selecting = selectionMode === true || selectionMode === 'multiple';
  const sender = conversation.type === 'group' && last ? str(last.senderName) : '';

  let preview: ReactNode = null;
  if (draft) {
    preview = (
      <>
        <span className="ck-ConversationRow-draft">{t('draftPrefix')}</span> <bdi>{draft}</bdi>
      </>
    );
  } else if (last && str(last.text)) {
    preview = sender
      ? tNodes(t, 'senderPreview', {}, {
          name: <bdi className="ck-ConversationRow-sender">{sender}</bdi>,
          text: <bdi>{str(last.text)}</bdi>,
        })
      : <bdi>{str(last.text)}</bdi>;
  }

  return (
    <div
      {...rest}
      ref={ref}
      className={cx('ck-ConversationRow', className)}
      data-selected={selected || undefined}
      data-selection-mode={selecting || undefined}
      data-unread={badge ? true : undefined}
      data-pinned={conversation.isPinned || undefined}
      data-mention={conversation.hasAtMention || undefined}
      data-draft={draft ? true : undefined}
    >
      {selecting && (
        <span className="ck-ConversationRow-check" aria-hidden="true" data-checked={selected || undefined}>
          <svg viewBox="0 0 16 16" width="14" height="14" focusable="false">
            <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </span>
      )}
      {avatar ?? <Avatar conversation={conversation} />}
      <div className="ck-ConversationRow-main">
        <div className="ck-ConversationRow-top">
          <span className="ck-ConversationRow-name" dir="auto">
            {name}
          </span>
          {time && (
            <time className="ck-ConversationRow-time" dir="auto" dateTime={new Date(last!.timestamp).toISOString()}>
              {time}
            </time>
          )}
        </div>
        <div className="ck-ConversationRow-bottom">
          <span className="ck-ConversationRow-preview">
            {conversation.hasAtMention && (
              <>
                <span className="ck-ConversationRow-mention">{t('mention')}</span>{' '}
              </>
            )}
            {preview}
          </span>
          {conversation.isPinned && (
            <svg className="ck-ConversationRow-pin" viewBox="0 0 16 16" width="14" height="14" role="img" aria-label={t('pinned')}>
              <path
                d="M10.2 1.5l4.3 4.3-1.4.4-2.6 2.6.3 3.6-1.2 1.2-2.8-2.8-3.6 3.6H2.5v-.7l3.6-3.6-2.8-2.8 1.2-1.2 3.6.3 2.6-2.6z"
                fill="currentColor"
              />
            </svg>
          )}
          {badge && (
            <>
              <span className="ck-ConversationRow-badge" dir="ltr" aria-hidden="true">
                {badge}
              </span>
              <span className="ck-VisuallyHidden">{t('unreadCount', { count: Math.floor(conversation.unreadCount) })}</span>
            </>
          )}
        </div>
      </div>
      {endContent}
    </div>
  );
});

/* ---------------------------------------------------------------------------------------------
 * ConversationRowSkeleton
 * ------------------------------------------------------------------------------------------- */

export type ConversationRowSkeletonProps = ComponentPropsWithoutRef<'div'>;

/** A placeholder row for the loading state; aria-hidden (the list announces "Loading…"). */
export const ConversationRowSkeleton = forwardRef<HTMLDivElement, ConversationRowSkeletonProps>(
  function ConversationRowSkeleton({ className, ...rest }, ref) {
    return (
      <div aria-hidden="true" {...rest} ref={ref} className={cx('ck-ConversationRowSkeleton', className)}>
        <span className="ck-ConversationRowSkeleton-avatar" />
        <span className="ck-ConversationRowSkeleton-lines">
          <span className="ck-ConversationRowSkeleton-bar" />
          <span className="ck-ConversationRowSkeleton-bar" />
        </span>
      </div>
    );
  },
);
