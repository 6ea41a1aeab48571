import type { Announcement } from '../../store/types.js';
import { describeError, type Translate } from '../../i18n/index.js';

/** The live region's text for a store announcement, in the list's locale. */
export function formatAnnouncement(t: Translate, a: Announcement): string {
  switch (a.kind) {
    case 'deleted':
      return t('announceDeleted', { count: a.count });
    case 'removed':
      return t('announceRemoved', { count: a.count });
    case 'restored':
      return t('announceRestored', { count: a.count });
    case 'deleteFailed':
      return `${t('announceDeleteFailed', { count: a.count })} ${a.codes.map((c) => describeError(t, c)).join(' ')}`;
    case 'remoteDeleted':
      return t('announceRemoteDeleted', { count: a.count });
    case 'loadFailed':
      return `${t('loadError')} ${describeError(t, a.code)}`;
    case 'pageCapReached':
      return t('announcePageCap', { count: a.pages });
    case 'selection': {
      const total =
        a.count === 'all' ? t('allSelected') : t('announceSelectedCount', { count: a.count });
      if (!a.name) return total;
      return `${t(a.selected ? 'announceRowSelected' : 'announceRowDeselected', { name: a.name })} ${total}`;
    }
  }
}
