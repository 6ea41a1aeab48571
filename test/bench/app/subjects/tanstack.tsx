// The hand-built list: what a careful developer writes on @tanstack/react-virtual, with the same
// row content as the kits (avatar initials, name, preview, time, badge). Memoised rows, fixed
// 72 px rows, absolute positioning, overscan 6 (as convokit).
import { memo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Conversation } from '../../../../src/sdk/types.ts';
import { badge, formatTime, initials } from './format.ts';
import './tanstack.css';

const ROW = 72;

export const Row = memo(function Row({ c, index, start }: { c: Conversation; index: number; start: number }) {
  const count = badge(c.unreadCount);
  const preview = c.draftText ? `Draft: ${c.draftText}` : c.lastMessage ? (c.lastMessage.senderName ? `${c.lastMessage.senderName}: ` : '') + c.lastMessage.text : '';
  return (
    <div className="hb-row" role="listitem" data-index={index} style={{ transform: `translateY(${start}px)` }}>
      <span className="hb-avatar" aria-hidden="true">
        {c.faceUrl ? <img src={c.faceUrl} alt="" width={44} height={44} /> : initials(c.showName)}
      </span>
      <div className="hb-main">
        <div className="hb-top">
          <span className="hb-name">{c.showName}</span>
          <time className="hb-time">{formatTime(c.lastMessage?.timestamp)}</time>
        </div>
        <div className="hb-bottom">
          <span className="hb-preview">{preview}</span>
          {count && <span className="hb-badge">{count}</span>}
        </div>
      </div>
    </div>
  );
});

export function HandBuiltList({ conversations }: { conversations: Conversation[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => ref.current,
    estimateSize: () => ROW,
    overscan: 6,
    getItemKey: (i) => conversations[i].conversationID,
  });
  return (
    <div ref={ref} className="hb-list">
      <div role="list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <Row key={item.key} c={conversations[item.index]} index={item.index} start={item.start} />
        ))}
      </div>
    </div>
  );
}
