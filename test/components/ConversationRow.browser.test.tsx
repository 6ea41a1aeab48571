import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { createRef } from 'react';
import { page } from 'vitest/browser';
import {
  ConversationRow,
  ConversationRowSkeleton,
  getInitials,
  getRowLabel,
} from '../../src/components/ConversationRow/index.js';
import { createTranslator, I18nProvider } from '../../src/i18n/index.js';
import type { Conversation } from '../../src/sdk/types.js';
import '../../src/theme/tokens.css';
import '../../src/components/ConversationRow/ConversationRow.css';

const NOW = new Date(2024, 5, 15, 15, 30).getTime();
const base: Conversation = {
  conversationID: 'C2Calice',
  type: 'c2c',
  userID: 'alice',
  showName: 'Alice Liddell',
  unreadCount: 0,
  isPinned: false,
  orderKey: 1,
  lastMessage: { text: 'See you at 5', timestamp: new Date(2024, 5, 15, 9, 5).getTime() },
};
const conv = (patch: Partial<Conversation> = {}): Conversation => ({ ...base, ...patch });

/** A list-width frame like the real list, so layout is measurable. */
function renderRow(patch: Partial<Conversation> = {}, { theme = 'light', width = 360, ...props } = {} as Record<string, unknown>) {
  return render(
    <div className="ck-ConversationList" data-theme={theme as string} style={{ inlineSize: width as number }}>
      <ConversationRow conversation={conv(patch)} now={NOW} data-testid="row" {...props} />
    </div>,
  );
}
const row = () => screen.getByTestId('row');
const part = (name: string) => row().querySelector<HTMLElement>(`.ck-ConversationRow-${name}`);

beforeEach(async () => {
  await page.viewport(420, 600);
});

describe('ConversationRow', () => {
  describe('given an ordinary conversation', () => {
    it('shows avatar initials, name, time and preview in a 72px row', () => {
      renderRow();
      expect(row().getBoundingClientRect().height).toBe(72);
      expect(row().querySelector('.ck-Avatar')?.textContent).toBe('AL');
      expect(row().querySelector('.ck-Avatar')?.getBoundingClientRect().width).toBe(48);
      expect(part('name')?.textContent).toBe('Alice Liddell');
      expect(part('time')?.textContent).toMatch(/9:05\sAM/);
      expect(part('preview')?.textContent).toBe('See you at 5');
    });
    it('prefixes the sender in groups, and a draft replaces the preview', () => {
      renderRow({ type: 'group', lastMessage: { ...base.lastMessage!, senderName: 'Bob' } });
      expect(part('preview')?.textContent).toBe('Bob: See you at 5');
      renderRow({ draftText: 'half a thought', hasAtMention: true }, { 'data-testid': 'row2' });
      const second = screen.getByTestId('row2');
      expect(second.querySelector('.ck-ConversationRow-preview')?.textContent).toBe('[@ me] [Draft] half a thought');
      expect(second.hasAttribute('data-draft')).toBe(true);
      expect(second.hasAttribute('data-mention')).toBe(true);
    });
    it('falls back to the conversation ID for an empty name', () => {
      renderRow({ showName: '   ' });
      expect(part('name')?.textContent).toBe('C2Calice');
      expect(row().querySelector('.ck-Avatar')?.textContent).toBe('C');
    });
    it('exposes state as data attributes and a pinned mark', () => {
      renderRow({ isPinned: true, unreadCount: 2 }, { selected: true, selectionMode: true });
      expect(row().dataset).toMatchObject({ selected: 'true', pinned: 'true', unread: 'true', selectionMode: 'true' });
      expect(screen.getByRole('img', { name: 'Pinned' })).toBeTruthy();
      expect(part('check')?.getAttribute('aria-hidden')).toBe('true');
      expect(part('check')?.hasAttribute('data-checked')).toBe(true);
    });
    it('forwards ref, merges className and style, spreads props', () => {
      const ref = createRef<HTMLDivElement>();
      renderRow({}, { ref, className: 'mine', style: { color: 'red' }, title: 't' });
      expect(ref.current).toBe(row());
      expect(row().className).toBe('ck-ConversationRow mine');
      expect(row().style.color).toBe('red');
      expect(row().title).toBe('t');
      expect(row().hasAttribute('data-selected')).toBe(false);
    });
  });

  describe('given unread counts', () => {
    it.each([
      [1, '1'],
      [99, '99'],
      [100, '99+'],
      [123456, '99+'],
      [2.7, '2'],
    ])('%s shows %s', (unreadCount, text) => {
      renderRow({ unreadCount });
      expect(part('badge')?.textContent).toBe(text);
    });
    it.each([0, -1, Number.NaN, Infinity])('%s shows no badge', (unreadCount) => {
      renderRow({ unreadCount });
      expect(part('badge')).toBeNull();
      expect(row().hasAttribute('data-unread')).toBe(false);
    });
  });

  describe('given hostile data', () => {
    it('renders HTML and script in names, messages and drafts as text', () => {
      const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b>bold</b>';
      renderRow({ showName: evil, lastMessage: { text: evil, timestamp: NOW } });
      expect(part('name')?.textContent).toBe(evil);
      expect(row().querySelector('script, b, img:not(.ck-Avatar-image)')).toBeNull();
      expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    });
    it('a 10,000-character name or message does not grow or overflow the row', () => {
      const long = 'W'.repeat(10_000);
      renderRow({ showName: long, lastMessage: { text: `${long} ${long}`, timestamp: NOW }, unreadCount: 5 });
      const r = row().getBoundingClientRect();
      expect(r.height).toBe(72);
      expect(r.width).toBe(360);
      expect(row().scrollWidth).toBeLessThanOrEqual(row().clientWidth);
      for (const p of ['name', 'preview']) expect(part(p)!.getBoundingClientRect().right).toBeLessThanOrEqual(r.right);
      // The time and the badge stay visible inside the row.
      const time = part('time')!.getBoundingClientRect();
      const badge = part('badge')!.getBoundingClientRect();
      expect(time.width).toBeGreaterThan(0);
      expect(time.right).toBeLessThanOrEqual(r.right);
      expect(badge.right).toBeLessThanOrEqual(r.right);
    });
    it('bidi overrides, zero-width and combining characters do not flip or grow the row', () => {
      const name = '\u202Eevil\u200B\u200B' + 'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357'.repeat(200);
      renderRow({ showName: name, lastMessage: { text: '\u202Egnorw\u2067 ﺷﻜﺮﺍ', timestamp: NOW } });
      const r = row().getBoundingClientRect();
      expect(r.height).toBe(72);
      expect(row().scrollWidth).toBeLessThanOrEqual(row().clientWidth);
      // The UI order stays LTR: avatar, then name, then time at the end.
      const avatar = row().querySelector('.ck-Avatar')!.getBoundingClientRect();
      const nameBox = part('name')!.getBoundingClientRect();
      const time = part('time')!.getBoundingClientRect();
      expect(avatar.left).toBeLessThan(nameBox.left);
      expect(time.left).toBeGreaterThan(nameBox.left);
      expect(getComputedStyle(part('name')!).unicodeBidi).toBe('isolate');
      expect(part('name')!.getAttribute('dir')).toBe('auto');
    });
    it('shows initials for a javascript: faceUrl and never sets it as src', () => {
      renderRow({ faceUrl: 'javascript:alert(1)' });
      expect(row().querySelector('img')).toBeNull();
      expect(row().querySelector('.ck-Avatar')?.textContent).toBe('AL');
    });
    it('falls back to initials when the image fails to load', async () => {
      renderRow({ faceUrl: 'https://127.0.0.1:1/missing.png' });
      expect(row().querySelector('img')).not.toBeNull();
      await expect.poll(() => row().querySelector('img'), { timeout: 5000 }).toBeNull();
      expect(row().querySelector('.ck-Avatar')?.textContent).toBe('AL');
    });
    it('shows a safe image', async () => {
      const png =
        'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
      renderRow({ faceUrl: png });
      await expect.poll(() => (row().querySelector('img') as HTMLImageElement | null)?.naturalWidth).toBe(1);
      expect(row().querySelector('.ck-Avatar')?.hasAttribute('data-image')).toBe(true);
    });
  });

  describe('initials', () => {
    it.each([
      ['Alice Liddell', 'AL'],
      ['alice', 'A'],
      ['  ', '?'],
      ['张三', '张'],
      ['محمد علي', 'م'],
      ['👨‍👩‍👧 family', '👨‍👩‍👧'],
      ['🇨🇳 team', '🇨🇳'],
      ['\u202E\u200Bbob smith', 'BS'],
      ['éclair Ötzi', 'ÉÖ'],
      ['Ivan 张', 'I'],
      ['\u200Dzoe', 'Z'],
    ])('%j → %j', (name, expected) => expect(getInitials(name)).toBe(expected));
  });

  describe('getRowLabel', () => {
    const i18n = createTranslator('en');
    it('begins with the name and states unread, draft or preview, and time', () => {
      expect(getRowLabel(conv({ unreadCount: 3, isPinned: true }), i18n, NOW)).toMatch(
        /^Alice Liddell, Pinned, 3 unread messages, See you at 5, 9:05\sAM$/,
      );
      expect(getRowLabel(conv({ draftText: 'hmm' }), i18n.t)).toBe('Alice Liddell, [Draft] hmm');
      expect(
        getRowLabel(conv({ type: 'group', hasAtMention: true, lastMessage: { text: 'hi', timestamp: 0, senderName: 'Bob' } }), i18n, NOW),
      ).toBe('Alice Liddell, [@ me], Bob: hi');
    });
    it('clips long user text', () => {
      const label = getRowLabel(conv({ showName: 'x'.repeat(10_000), lastMessage: { text: 'y'.repeat(10_000), timestamp: NOW } }), i18n.t);
      expect(label.length).toBeLessThan(500);
      expect(label.startsWith('x'.repeat(200))).toBe(true);
    });
  });

  describe('given a locale', () => {
    it('renders zh-CN markers and time', () => {
      render(
        <I18nProvider locale="zh-CN">
          <ConversationRow conversation={conv({ draftText: '草稿内容', unreadCount: 1 })} now={NOW} data-testid="row" />
        </I18nProvider>,
      );
      expect(part('preview')?.textContent).toBe('[草稿] 草稿内容');
      expect(row().querySelector('.ck-VisuallyHidden')?.textContent).toBe('1 条未读消息');
    });
  });

  describe('ConversationRowSkeleton', () => {
    it('is hidden from assistive technology and keeps the row height', () => {
      render(<ConversationRowSkeleton data-testid="sk" className="x" />);
      const sk = screen.getByTestId('sk');
      expect(sk.getAttribute('aria-hidden')).toBe('true');
      expect(sk.className).toBe('ck-ConversationRowSkeleton x');
      expect(sk.getBoundingClientRect().height).toBe(72);
    });
  });

  describe.each(['light', 'dark'] as const)('given the %s theme', (theme) => {
    it('axe finds no violations (unread, pinned, draft, mention, selected, group)', async () => {
      const { container } = render(
        <div className="ck-ConversationList" data-theme={theme} style={{ inlineSize: 380 }}>
          {[
            conv({ unreadCount: 120, isPinned: true }),
            conv({ conversationID: 'GROUPx', type: 'group', hasAtMention: true, lastMessage: { text: 'hi', timestamp: NOW - 86_400_000, senderName: 'Bob' } }),
            conv({ conversationID: 'C2Cc', draftText: 'draft' }),
          ].map((c, i) => (
            <div key={c.conversationID} role="group" aria-label={`row ${i}`}>
              <ConversationRow conversation={c} now={NOW} selected={i === 2} selectionMode />
            </div>
          ))}
        </div>,
      );
      const result = await axe.run(container);
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    });
  });
});
