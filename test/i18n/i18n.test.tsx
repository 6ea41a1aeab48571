import { render, screen } from '@testing-library/react';
import {
  createTranslator,
  describeError,
  en,
  formatAnnouncement,
  I18nProvider,
  useI18n,
  zhCN,
  type Messages,
} from '../../src/i18n/index.js';

const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const NOW = at(2024, 6, 15, 15, 30); // Saturday 15 June 2024, 15:30 local

describe('given the built-in tables', () => {
  it('zh-CN has every key en has, with the same shape', () => {
    for (const key of Object.keys(en) as Array<keyof Messages>) {
      expect(zhCN[key], key).toBeDefined();
      expect(typeof zhCN[key], key).toBe(typeof en[key]);
    }
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });
});

describe('given English', () => {
  const { t } = createTranslator('en');
  it('picks plural forms with Intl.PluralRules', () => {
    expect(t('dialogTitle', { count: 1 })).toBe('Delete 1 conversation?');
    expect(t('dialogTitle', { count: 3 })).toBe('Delete 3 conversations?');
    expect(t('dialogConfirmClear', { count: 1 })).toBe('Delete conversation');
    expect(t('dialogConfirmClear', { count: 3 })).toBe('Delete 3 conversations');
    expect(t('deleteCount', { count: 3 })).toBe('Delete 3');
    expect(t('toastRemoved', { count: 1 })).toBe('Conversation removed');
    expect(t('toastRemoved', { count: 4 })).toBe('4 conversations removed');
  });
  it('uses `zero` for a count of 0 when the message has one', () => {
    expect(t('announceSelectionCount', { count: 0 })).toBe('No items selected.');
    expect(t('deleteCount', { count: 0 })).toBe('Delete 0');
  });
  it('formats numbers in the locale and fills every placeholder', () => {
    expect(t('selectedCount', { count: 12345 })).toBe('12,345 selected');
    expect(t('deletingProgress', { done: 40, total: 1000 })).toBe('Deleting 40 of 1,000…');
    expect(t('dialogTitleSingle', { name: 'Alice' })).toBe('Delete conversation with Alice?');
  });
  it('has the D6 wording and the dialog buttons never say OK or Yes', () => {
    expect(t('dialogBodyClear', { count: 3 })).toBe(
      "All messages in these conversations will be permanently deleted from this device and from our servers. This can't be undone.",
    );
    expect(t('dialogConfirmKeep')).toBe('Remove from list');
    expect(t('dialogBodyKeep', { count: 2 })).toMatch(/Message history is kept/);
  });
  it('leaves a placeholder without a value visible instead of printing "undefined"', () => {
    expect(t('dialogTitleSingle')).toBe('Delete conversation with {name}?');
  });
  it('falls back to `other` for a count that is not a number', () => {
    expect(t('unreadCount', { count: Number.NaN })).toBe(' unread messages');
  });
});

describe('given Chinese (zh-CN)', () => {
  const { t } = createTranslator('zh-CN');
  it('uses the `other` form for every count (no singular in Chinese)', () => {
    expect(t('dialogTitle', { count: 1 })).toBe('删除 1 个会话？');
    expect(t('dialogTitle', { count: 3 })).toBe('删除 3 个会话？');
    expect(t('dialogConfirmClear', { count: 3 })).toBe('删除 3 个会话');
    expect(t('unreadCount', { count: 1 })).toBe('1 条未读消息');
  });
  it('resolves related tags to the Chinese table', () => {
    expect(createTranslator('zh').t('cancel')).toBe('取消');
    expect(createTranslator('zh-Hans-CN').t('cancel')).toBe('取消');
  });
});

describe('given overrides', () => {
  it('replace single strings and whole plural messages, keep the rest', () => {
    const { t } = createTranslator('en', {
      cancel: 'Never mind',
      dialogTitle: { one: 'Bin it?', other: 'Bin {count}?' },
      delete: undefined,
    });
    expect(t('cancel')).toBe('Never mind');
    expect(t('dialogTitle', { count: 1 })).toBe('Bin it?');
    expect(t('dialogTitle', { count: 5 })).toBe('Bin 5?');
    expect(t('delete')).toBe('Delete');
  });
  it('apply on top of zh-CN too', () => {
    expect(createTranslator('zh-CN', { cancel: '算了' }).t('cancel')).toBe('算了');
    expect(createTranslator('zh-CN', { cancel: '算了' }).t('select')).toBe('选择');
  });
});

describe('given an unknown or malformed locale', () => {
  it('uses English strings and never throws', () => {
    expect(createTranslator('fr-FR').t('cancel')).toBe('Cancel');
    expect(createTranslator('fr-FR').locale).toBe('fr-FR');
    expect(createTranslator('not a locale!!').locale).toBe('en');
    expect(createTranslator(undefined).t('select')).toBe('Select');
  });
});

describe('formatTime', () => {
  const { formatTime } = createTranslator('en-US');
  it('shows hours and minutes today', () => {
    expect(formatTime(at(2024, 6, 15, 9, 5), NOW)).toBe(
      new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(at(2024, 6, 15, 9, 5)),
    );
    expect(formatTime(at(2024, 6, 15, 0, 1), NOW)).toMatch(/12:01\sAM/);
  });
  it('shows the weekday within the last 7 days', () => {
    expect(formatTime(at(2024, 6, 14, 23, 59), NOW)).toBe('Fri');
    expect(formatTime(at(2024, 6, 9, 8), NOW)).toBe('Sun');
  });
  it('shows the date beyond a week, with the year when it differs', () => {
    expect(formatTime(at(2024, 6, 8, 8), NOW)).toBe('Jun 8');
    expect(formatTime(at(2023, 12, 31, 8), NOW)).toBe('12/31/23');
  });
  it('renders NaN, 0, negative, Infinity and non-numbers as empty, never "Invalid Date"', () => {
    for (const bad of [Number.NaN, 0, -5, Infinity, 8.64e15 + 1, '1' as unknown as number, undefined as unknown as number]) {
      expect(formatTime(bad, NOW)).toBe('');
    }
  });
  it('handles future timestamps: later today shows the time, another day the date', () => {
    expect(formatTime(at(2024, 6, 15, 16, 0), NOW)).toMatch(/4:00\sPM/);
    expect(formatTime(at(2024, 6, 20, 8), NOW)).toBe('Jun 20');
    expect(formatTime(at(2031, 1, 1), NOW)).toBe('1/1/31');
  });
  it('follows the locale (zh-CN)', () => {
    const zh = createTranslator('zh-CN');
    expect(zh.formatTime(at(2024, 6, 14, 8), NOW)).toBe('周五');
    expect(zh.formatTime(at(2024, 6, 8, 8), NOW)).toBe('6月8日');
    expect(zh.formatTime(at(2024, 6, 15, 9, 5), NOW)).toMatch(/9:05/);
  });
});

describe('describeError and formatAnnouncement', () => {
  const { t } = createTranslator('en');
  it('gives a human reason for each known code and a generic one otherwise', () => {
    for (const code of [2500, 2503, 2800, 2801, 2802, 2803, 2996, 2999, 6017, 10006]) {
      expect(describeError(t, code)).not.toMatch(/code/);
    }
    expect(describeError(t, 2801)).toMatch(/too long/);
    expect(describeError(t, 1234)).toBe('Something went wrong (code 1234).');
  });
  it('turns every store announcement kind into text', () => {
    expect(formatAnnouncement(t, { id: 1, kind: 'deleted', count: 3 })).toBe('3 conversations deleted');
    expect(formatAnnouncement(t, { id: 1, kind: 'removed', count: 1 })).toBe('Conversation removed. Undo available.');
    expect(formatAnnouncement(t, { id: 1, kind: 'restored', count: 2 })).toBe('2 conversations restored');
    expect(formatAnnouncement(t, { id: 1, kind: 'deleteFailed', count: 2, codes: [2800, 2800] })).toBe(
      "Couldn't delete 2 conversations: Network error. Check your connection and try again.",
    );
    expect(formatAnnouncement(t, { id: 1, kind: 'remoteDeleted', count: 1 })).toBe('Deleted on another device');
    expect(formatAnnouncement(t, { id: 1, kind: 'loadFailed', code: 2999 })).toMatch(/^Couldn't load conversations: Chat is not ready/);
    expect(formatAnnouncement(t, { id: 1, kind: 'pageCapReached', pages: 2000 })).toBe('Stopped loading after 2,000 pages.');
    expect(formatAnnouncement(t, { id: 1, kind: 'selection', name: 'Alice', selected: true, count: 3 })).toBe(
      'Alice selected. 3 items selected.',
    );
    expect(formatAnnouncement(t, { id: 1, kind: 'selection', name: 'Bob', selected: false, count: 0 })).toBe(
      'Bob not selected. No items selected.',
    );
    expect(formatAnnouncement(t, { id: 1, kind: 'selection', count: 'all' })).toBe('All items selected.');
  });
});

describe('given React', () => {
  function Probe() {
    const { t, locale } = useI18n();
    return <p>{`${locale}:${t('cancel')}`}</p>;
  }
  it('useI18n falls back to English without a provider', () => {
    render(<Probe />);
    expect(screen.getByText('en:Cancel')).toBeTruthy();
  });
  it('I18nProvider supplies locale and overrides', () => {
    render(
      <I18nProvider locale="zh-CN" messages={{ select: 'x' }}>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByText('zh-CN:取消')).toBeTruthy();
  });
});
