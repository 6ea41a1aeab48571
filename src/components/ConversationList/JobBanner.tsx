import { useRef } from 'react';
import { useConversationStore } from '../../hooks/ConversationStoreProvider.js';
import { describeErrors, useI18n } from '../../i18n/index.js';

/**
 * A failed or partly failed deletion that is not shown in an open dialog: names what failed (the
 * count and the reason per code) and offers Retry (issue 4, "Errors are visible").
 */
export function JobBanner({ onFocusLeave }: { onFocusLeave?: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const actions = useConversationStore((s) => s.actions);
  const job = useConversationStore((s) => {
    for (let i = s.jobs.length - 1; i >= 0; i--) {
      const j = s.jobs[i];
      if ((j.status === 'failed' || j.status === 'partial') && s.confirmation?.jobID !== j.id) return j;
    }
    return undefined;
  });
  if (!job) return null;
  // Retry and Dismiss unmount the banner; if it held focus, the list takes it back (C3).
  const leaving = (run: () => void) => () => {
    const focused = Boolean(ref.current?.contains(document.activeElement));
    run();
    if (focused) onFocusLeave?.();
  };
  const codes = [...new Set(job.failed.map((f) => f.code))];
  return (
    <div ref={ref} className="ck-ConversationList-banner" data-tone="error">
      <p className="ck-ConversationList-bannerText">
        {t('dialogError', { count: job.failed.length, reason: describeErrors(t, codes) })}
      </p>
      <div className="ck-ConversationList-bannerActions">
        <button type="button" className="ck-ConversationList-button" onClick={leaving(() => actions.retryJob(job.id))}>
          {t('retry')}
        </button>
        <button type="button" className="ck-ConversationList-button" onClick={leaving(() => actions.dismissJob(job.id))}>
          {t('dismiss')}
        </button>
      </div>
    </div>
  );
}
