/**
 * Hostile data in the whole list (issue 7): whatever a stranger typed, or a broken backend sent,
 * is rendered safely (no injected elements), readably (names fall back to the ID) and without a
 * layout break (row height unchanged, nothing overflowing the row), checked in Chromium without
 * screenshots.
 */
import { page } from 'vitest/browser';
import type { Conversation, ConversationPage } from '../../src/sdk/types.js';
import { mapResult } from './adapters.js';
import {
  deleteRow,
  expectListEqualsServer,
  expectNothingIrreversibleUnconfirmed,
  expectToldUser,
  NOW,
  renderFaulty,
  screen,
  within,
  type Harness,
} from './harness.js';

const HTML = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b>bold</b>';
const LONG = 'W'.repeat(10_000);
const BIDI = '\u202Eevil\u202C\u200B\u200D\u2067x\u2069';
const FAMILY = '👩‍👩‍👧‍👦';

/** Each hostile conversation, and what the server may store (it refuses negative counts). */
const cases: { id: string; what: string; c: Partial<Conversation>; sent?: Partial<Conversation> & { ts?: number } }[] = [
  { id: 'C2Cref', what: 'an ordinary row (the reference)', c: { showName: 'Reference', lastMessage: { text: 'hi', timestamp: NOW } } },
  { id: 'C2Chtml', what: 'HTML and script', c: { showName: HTML, draftText: `<iframe src="javascript:alert(1)"></iframe>`, lastMessage: { text: HTML, timestamp: NOW } } },
  { id: 'C2Clong', what: '10,000-character strings', c: { showName: LONG, draftText: LONG, unreadCount: 3, lastMessage: { text: `${LONG} ${LONG}`, timestamp: NOW } } },
  { id: 'C2Cbidi', what: 'bidi override and zero-width', c: { showName: BIDI, lastMessage: { text: '\u202Egnp.exe\u200B', senderName: BIDI, timestamp: NOW } } },
  { id: 'C2Czwj', what: 'emoji ZWJ sequences', c: { showName: `${FAMILY} Family`, lastMessage: { text: '🏳️‍🌈🧑🏽‍💻'.repeat(300), timestamp: NOW } } },
  { id: 'C2Cempty', what: 'empty strings', c: { showName: '', draftText: '', lastMessage: { text: '', timestamp: NOW } } },
  { id: 'C2Cjs', what: 'a javascript: faceUrl', c: { showName: 'Js Face', faceUrl: 'javascript:window.__pwned=1' } },
  { id: 'C2Cbroken', what: 'a broken image', c: { showName: 'Broken Image', faceUrl: 'https://127.0.0.1:1/missing.png' } },
  { id: 'C2Chuge', what: 'a huge unread count', c: { showName: 'Huge Unread', unreadCount: 1e12 } },
  { id: 'C2Cneg', what: 'a negative unread count', c: { showName: 'Negative Unread' }, sent: { unreadCount: -5 } },
  { id: 'C2Cnan', what: 'a NaN unread count and a NaN time', c: { showName: 'Not A Number', lastMessage: { text: 'nan', timestamp: NOW } }, sent: { unreadCount: Number.NaN, ts: Number.NaN } },
  { id: 'C2Cfuture', what: 'a future time', c: { showName: 'Future', lastMessage: { text: 'later', timestamp: NOW + 10 * 365 * 86_400_000 } } },
  { id: 'C2Czero', what: 'time 0', c: { showName: 'Epoch', lastMessage: { text: 'zero', timestamp: 0 } } },
];

function conversations(): Conversation[] {
  return cases.map(({ id, c }, i) => ({
    conversationID: id,
    type: 'c2c',
    showName: 'x',
    isPinned: false,
    orderKey: 1000 - i,
    unreadCount: 0,
    ...c,
  }));
}

/** What a broken backend sends that the server would never store. */
const hostilePages = mapResult('hostile fields', (v) => {
  const p = v as ConversationPage;
  return {
    ...p,
    conversationList: p.conversationList.map((c) => {
      const extra = cases.find((k) => k.id === c.conversationID)?.sent;
      if (!extra) return c;
      const { ts, ...rest } = extra;
      return { ...c, ...rest, ...(ts !== undefined ? { lastMessage: { text: c.lastMessage?.text ?? '', timestamp: ts } } : {}) };
    }),
  };
});

let h: Harness;
beforeAll(async () => {
  await page.viewport(800, 1400);
});
beforeEach(async () => {
  h = await renderFaulty({ conversations: conversations(), height: 1200, before: (f) => f.on('getConversationList', hostilePages) });
  await vi.waitFor(() => expect(h.rows()).toHaveLength(cases.length));
});

/** True when an ancestor below the row clips `el` (an ellipsised name's inner text may be wide). */
function clippedInside(el: HTMLElement, row: HTMLElement): boolean {
  for (let a = el.parentElement; a && a !== row; a = a.parentElement) {
    if (/hidden|clip/.test(getComputedStyle(a).overflowX)) return true;
  }
  return false;
}

const rowOf = (id: string) => h.grid.querySelector<HTMLElement>(`[role="row"][data-id="${id}"]`)!;
const part = (row: HTMLElement, p: string) => row.querySelector<HTMLElement>(`.ck-ConversationRow-${p}`);

describe('given hostile data in the list', () => {
  it('injects no elements and runs no script', async () => {
    expect(h.grid.querySelector('script, iframe, b, img:not(.ck-Avatar-image)')).toBeNull();
    for (const img of h.grid.querySelectorAll('img')) expect(img.getAttribute('src')).not.toMatch(/^\s*javascript:/i);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    expect(part(rowOf('C2Chtml'), 'name')!.textContent).toBe(HTML);
    await expectListEqualsServer(h);
  });

  it.each(cases.map((k) => [k.what, k.id]))('%s: same row height, nothing overflows the row', async (_, id) => {
    const ref = rowOf('C2Cref').getBoundingClientRect();
    const row = rowOf(id);
    const r = row.getBoundingClientRect();
    expect(r.height).toBe(ref.height);
    expect(r.width).toBe(ref.width);
    const parts = [row, row.querySelector('[role="gridcell"]'), row.querySelector('.ck-SwipeActions-surface'), row.querySelector('.ck-ConversationRow'), part(row, 'main'), part(row, 'top'), part(row, 'bottom')];
    for (const el of parts) {
      if (!el) continue;
      expect(el.scrollWidth, `${el.className} scrollWidth`).toBeLessThanOrEqual(el.clientWidth);
      expect(el.scrollHeight, `${el.className} scrollHeight`).toBeLessThanOrEqual(el.clientHeight + 1);
    }
    for (const el of row.querySelector('.ck-ConversationRow')!.querySelectorAll<HTMLElement>('*')) {
      const b = el.getBoundingClientRect();
      if (b.width === 0 || getComputedStyle(el).position === 'absolute' || clippedInside(el, row)) continue;
      expect(b.left, el.className).toBeGreaterThanOrEqual(r.left - 0.5);
      expect(b.right, el.className).toBeLessThanOrEqual(r.right + 0.5);
    }
    // The surrounding UI keeps its direction: avatar first, the time at the same end as in
    // the reference row, the "More actions" button where it always is.
    const refRow = rowOf('C2Cref');
    const avatar = row.querySelector('.ck-Avatar')!.getBoundingClientRect();
    expect(avatar.left).toBeCloseTo(refRow.querySelector('.ck-Avatar')!.getBoundingClientRect().left, 0);
    expect(part(row, 'name')!.getBoundingClientRect().left).toBeGreaterThan(avatar.right - 0.5);
    const time = part(row, 'time');
    if (time && time.textContent) {
      expect(time.getBoundingClientRect().right).toBeCloseTo(part(refRow, 'time')!.getBoundingClientRect().right, 0);
    }
    expect(getComputedStyle(row).direction).toBe('ltr');
  });

  it('a bidi override does not flip the toolbar or the list', () => {
    const toolbar = h.toolbar();
    const select = within(toolbar).getByRole('button', { name: 'Select' }).getBoundingClientRect();
    const t = toolbar.getBoundingClientRect();
    // The toolbar reads as in any LTR list: its title/controls are where they always are.
    expect(getComputedStyle(toolbar).direction).toBe('ltr');
    expect(select.right).toBeLessThanOrEqual(t.right + 0.5);
    expect(select.left).toBeGreaterThanOrEqual(t.left - 0.5);
    const bidiName = part(rowOf('C2Cbidi'), 'name')!;
    expect(getComputedStyle(bidiName).unicodeBidi).toMatch(/isolate|plaintext/);
    // The time of the bidi row sits at the end, like every other row's.
    const time = part(rowOf('C2Cbidi'), 'time')!.getBoundingClientRect();
    expect(time.left).toBeGreaterThan(bidiName.getBoundingClientRect().left);
  });

  it('reads readably: empty names fall back to the ID, emoji stay whole', () => {
    expect(rowOf('C2Cempty').getAttribute('aria-label')!.startsWith('C2Cempty')).toBe(true);
    expect(part(rowOf('C2Cempty'), 'name')!.textContent).toBe('C2Cempty');
    expect(rowOf('C2Czwj').getAttribute('aria-label')!.startsWith(`${FAMILY} Family`)).toBe(true);
    // Initials keep the ZWJ sequence whole (never half a family).
    const initials = rowOf('C2Czwj').querySelector('.ck-Avatar')!.textContent!;
    expect(initials.includes('\u200D') ? initials.startsWith(FAMILY) : !initials.includes('\uD83D')).toBe(true);
    // A 10,000-character name is clipped in the accessible name, not read in full.
    expect(rowOf('C2Clong').getAttribute('aria-label')!.length).toBeLessThan(1000);
  });

  it('shows initials for javascript: and broken images', async () => {
    expect(rowOf('C2Cjs').querySelector('img')).toBeNull();
    expect(rowOf('C2Cjs').querySelector('.ck-Avatar')!.textContent).toBe('JF');
    await expect.poll(() => rowOf('C2Cbroken').querySelector('img'), { timeout: 5000 }).toBeNull();
    expect(rowOf('C2Cbroken').querySelector('.ck-Avatar')!.textContent).toBe('BI');
  });

  it('shows sane unread badges and times', () => {
    expect(part(rowOf('C2Chuge'), 'badge')?.textContent).toBe('99+');
    expect(rowOf('C2Chuge').getAttribute('aria-label')).toMatch(/unread/);
    for (const id of ['C2Cneg', 'C2Cnan']) {
      expect(part(rowOf(id), 'badge')?.textContent ?? '').toBe('');
      expect(rowOf(id).getAttribute('aria-label')).not.toMatch(/unread|NaN|-5/);
    }
    expect(part(rowOf('C2Cnan'), 'time')?.textContent ?? '').toBe('');
    expect(part(rowOf('C2Czero'), 'time')?.textContent ?? '').toBe('');
    expect(part(rowOf('C2Cfuture'), 'time')!.textContent).not.toBe('');
    expect(h.grid.textContent).not.toMatch(/NaN|Invalid Date/);
  });

  it('deleting a hostile row: the dialog and the announcement show it as text', async () => {
    const dialog = await deleteRow(h, HTML);
    void dialog;
    await expectToldUser(h, 'Conversation deleted', /Reference/);
    await expectListEqualsServer(h);
    expect(document.querySelector('[role="alertdialog"] script, [role="alertdialog"] b')).toBeNull();
    expectNothingIrreversibleUnconfirmed(h);
  });

  it('the dialog names a hostile row as text, and a long name does not break it', async () => {
    h.row(LONG.slice(0, 50)).focus();
    const { userEvent } = await import('vitest/browser');
    await userEvent.keyboard('{Delete}');
    const dialog = await screen.findByRole('alertdialog');
    const d = dialog.getBoundingClientRect();
    expect(d.width).toBeLessThanOrEqual(window.innerWidth);
    expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(h.f.callsOf('deleteConversationList')).toHaveLength(0);
    expectNothingIrreversibleUnconfirmed(h);
  });
});
