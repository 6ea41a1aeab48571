import type { Announcement } from '../store/types.js';
import { en } from './en.js';
import type { MessageKey, Messages, PluralMessage } from './messages.js';
import { zhCN } from './zh-CN.js';

/** Built-in message tables, by locale. */
export const builtInMessages: Readonly<Record<string, Messages>> = { en, 'zh-CN': zhCN };

export type MessageParams = Record<string, string | number | undefined>;

export interface Translator {
  /** The message for `key` with `{placeholders}` filled in; plural messages pick by `params.count`. */
  t(key: MessageKey, params?: MessageParams): string;
  /** The resolved BCP 47 locale used for `Intl`. */
  locale: string;
  /** Hours:minutes today, the weekday within the last 7 days, else the date; '' when not a valid time. */
  formatTime(timestamp: number, now?: number): string;
  /** A count in the locale's digits and grouping. */
  formatCount(count: number): string;
}

const DAY = 86_400_000;

function resolveLocale(locale: string | undefined): string {
  try {
    return Intl.getCanonicalLocales(locale || 'en')[0] ?? 'en';
  } catch {
    return 'en'; // a malformed tag must not crash the list
  }
}

/** The built-in table for a locale: exact, then by language (`zh-Hans` → `zh-CN`), else English. */
function baseMessages(locale: string): Messages {
  if (builtInMessages[locale]) return builtInMessages[locale];
  const language = locale.split('-')[0].toLowerCase();
  const match = Object.keys(builtInMessages).find((k) => k.split('-')[0].toLowerCase() === language);
  return match ? builtInMessages[match] : en;
}

/**
 * Languages whose default numbering system is Latin digits (CLDR), so that a whole number below
 * 1,000 formats as `String(n)`. Not listed (Arabic, Persian, Bengali, Marathi, …): NumberFormat.
 */
const ASCII_DIGIT_LANGUAGES = new Set([
  'en', 'zh', 'ja', 'ko', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'nb', 'no', 'fi', 'pl',
  'cs', 'sk', 'ru', 'uk', 'tr', 'vi', 'id', 'ms', 'th', 'he', 'el', 'hu', 'ro', 'bg', 'hr', 'sl',
]);

const isPlural = (m: unknown): m is PluralMessage => typeof m === 'object' && m !== null && 'other' in m;

/**
 * A translator for `locale` with `overrides` on top of the built-in table. Each override replaces
 * the whole message for its key (a plural override needs at least `other`).
 */
export function createTranslator(locale?: string, overrides?: Partial<Messages>): Translator {
  const tag = resolveLocale(locale);
  const table: Messages = { ...baseMessages(tag), ...stripUndefined(overrides) };
  // Intl objects are built on first use: the first `Intl.NumberFormat` of a page costs 10–20 ms
  // (ICU data), and a list's first render needs few of them (test/bench, mount time).
  const lazy = <T,>(make: () => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const plural = lazy(() => new Intl.PluralRules(tag));
  const number = lazy(() => new Intl.NumberFormat(tag));
  const time = lazy(() => new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit' }));
  const weekday = lazy(() => new Intl.DateTimeFormat(tag, { weekday: 'short' }));
  const monthDay = lazy(() => new Intl.DateTimeFormat(tag, { month: 'short', day: 'numeric' }));
  const fullDate = lazy(() => new Intl.DateTimeFormat(tag, { dateStyle: 'short' }));
  // Small whole numbers (badges, "3 selected") in a locale written with ASCII digits are what
  // NumberFormat would print (no grouping below 1,000): no NumberFormat needed for them.
  const asciiDigits = !tag.includes('-u-') && ASCII_DIGIT_LANGUAGES.has(tag.split('-')[0].toLowerCase());

  const formatCount = (count: number) => {
    if (!Number.isFinite(count)) return '';
    if (asciiDigits && Number.isInteger(count) && count >= 0 && count < 1000) return String(count);
    return number().format(count);
  };

  function t(key: MessageKey, params: MessageParams = {}): string {
    const message = table[key] ?? en[key];
    let template: string;
    if (isPlural(message)) {
      const count = Number(params.count);
      const category = Number.isFinite(count) ? plural().select(count) : 'other';
      template = (count === 0 && message.zero) || message[category] || message.other;
    } else {
      template = typeof message === 'string' ? message : String(key);
    }
    if (!template.includes('{')) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? formatCount(value) : value;
    });
  }

  // A row formats its time twice (the visible time and its accessible name): remember the last.
  let lastTime: { timestamp: number; now: number; text: string } | undefined;
  function formatTime(timestamp: number, now: number = Date.now()): string {
    if (lastTime && lastTime.timestamp === timestamp && lastTime.now === now) return lastTime.text;
    const text = formatTimeUncached(timestamp, now);
    lastTime = { timestamp, now, text };
    return text;
  }

  function formatTimeUncached(timestamp: number, now: number): string {
    if (typeof timestamp !== 'number' || !Number.isFinite(timestamp) || timestamp <= 0) return '';
    const date = new Date(timestamp);
    if (Number.isNaN(date.getTime())) return '';
    const today = new Date(Number.isFinite(now) ? now : Date.now());
    const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
    // Today (and a clock-skewed future moment today): the time.
    if (timestamp >= startOfToday && timestamp < startOfToday + DAY) return time().format(date);
    // The previous six days: the weekday. Future days fall through to the date.
    if (timestamp < startOfToday && timestamp >= startOfToday - 6 * DAY) return weekday().format(date);
    return date.getFullYear() === today.getFullYear() ? monthDay().format(date) : fullDate().format(date);
  }

  return { t, locale: tag, formatTime, formatCount };
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (o) for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null) (out as Record<string, unknown>)[k] = v;
  return out;
}

const ERROR_KEYS: Record<number, MessageKey> = {
  2500: 'error2500',
  2503: 'error2503',
  2800: 'error2800',
  2801: 'error2801',
  2802: 'error2802',
  2803: 'error2803',
  2996: 'error2996',
  2999: 'error2999',
  6017: 'error6017',
  10006: 'error10006',
};

/** A human reason for an SDK or kit error code. */
export function describeError(t: Translator['t'], code: number): string {
  const key = ERROR_KEYS[code];
  return key ? t(key) : t('errorUnknown', { code: String(code) });
}

/** The reasons for several codes, deduplicated, in one sentence run. */
export function describeErrors(t: Translator['t'], codes: readonly number[]): string {
  return [...new Set(codes)].map((code) => describeError(t, code)).join(' ');
}

/** The text of a store announcement for the list's `role="status"` region. */
export function formatAnnouncement(t: Translator['t'], a: Announcement): string {
  switch (a.kind) {
    case 'deleted':
      return t('announceDeleted', { count: a.count });
    case 'removed':
      return t('announceRemoved', { count: a.count });
    case 'restored':
      return t('announceRestored', { count: a.count });
    case 'deleteFailed':
      return t('announceDeleteFailed', { count: a.count, reason: describeErrors(t, a.codes) });
    case 'remoteDeleted':
      return t('announceRemoteDeleted', { count: a.count });
    case 'loadFailed':
      return t('announceLoadFailed', { reason: describeError(t, a.code) });
    case 'pageCapReached':
      return t('announcePageCap', { pages: a.pages });
    case 'actionFailed':
      return t('announceActionFailed', { name: a.name, reason: describeError(t, a.code) });
    case 'selection': {
      const total =
        a.count === 'all' ? t('announceAllSelected') : t('announceSelectionCount', { count: a.count });
      if (!a.name) return total;
      return `${t(a.selected === false ? 'announceDeselected' : 'announceSelected', { name: a.name })} ${total}`;
    }
  }
}
