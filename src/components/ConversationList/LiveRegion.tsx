import { useEffect, useState } from 'react';
import { useConversationStore } from '../../hooks/ConversationStoreProvider.js';
import { formatAnnouncement, useI18n } from '../../i18n/index.js';

/**
 * The list's `role="status"` region (interaction.md C4, B5). It takes announcements from the
 * store's queue one at a time and shows the latest text without moving focus.
 */
export function LiveRegion() {
  const { t } = useI18n();
  const next = useConversationStore((s) => s.announcements[0]);
  const actions = useConversationStore((s) => s.actions);
  const [shown, setShown] = useState<{ id: number; text: string } | null>(null);

  useEffect(() => {
    if (!next) return;
    setShown({ id: next.id, text: formatAnnouncement(t, next) });
    actions.dismissAnnouncement(next.id);
  }, [next, t, actions]);

  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="ck-ConversationList-status ck-VisuallyHidden">
      {/* A new node per announcement: the same text twice ("Conversation deleted") is a DOM
          change, so screen readers announce it again. */}
      {shown && <span key={shown.id}>{shown.text}</span>}
    </div>
  );
}
