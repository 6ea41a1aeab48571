// What a careful developer writes for the row's text: cached Intl formatters, cheap initials.
import { NOW } from '../now.ts';

const DAY = 86_400_000;
const timeFmt = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' });
const weekdayFmt = new Intl.DateTimeFormat('en', { weekday: 'short' });
const dateFmt = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short' });

export function formatTime(ts: number | undefined): string {
  if (ts === undefined) return '';
  const age = NOW - ts;
  if (age < DAY) return timeFmt.format(ts);
  if (age < 7 * DAY) return weekdayFmt.format(ts);
  return dateFmt.format(ts);
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return '?';
  const first = Array.from(parts[0])[0] ?? '';
  const last = parts.length > 1 ? Array.from(parts[parts.length - 1])[0] ?? '' : '';
  return (first + last).toUpperCase();
}

export function badge(unread: number): string {
  return unread < 1 ? '' : unread > 99 ? '99+' : String(unread);
}
