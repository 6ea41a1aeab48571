/**
 * ConversationList: theming via props, i18n, RTL and the root's DOM contract (style.md: every part
 * forwards ref, merges className/style and spreads data-*).
 */
import { createRef } from 'react';
import { userEvent } from 'vitest/browser';
import { page, renderList, screen, within } from './listHarness.js';

beforeEach(async () => {
  await page.viewport(800, 800);
});

describe('ConversationList: theming', () => {
  it("theme 'dark' sets data-theme and the colour variables differ from light", async () => {
    const light = await renderList({ count: 3 });
    const lightBg = getComputedStyle(light.root).getPropertyValue('--ck-background').trim();
    const lightText = getComputedStyle(light.root).getPropertyValue('--ck-text').trim();
    const lightRowColor = getComputedStyle(light.rows()[0]).color;
    expect(light.root.dataset.theme).toBe('light');
    light.unmount();
    const dark = await renderList({ count: 3, theme: 'dark' });
    expect(dark.root.dataset.theme).toBe('dark');
    const cs = getComputedStyle(dark.root);
    expect(cs.getPropertyValue('--ck-background').trim()).not.toBe(lightBg);
    expect(cs.getPropertyValue('--ck-text').trim()).not.toBe(lightText);
    expect(getComputedStyle(dark.rows()[0]).color).not.toBe(lightRowColor);
  });

  it('a token object becomes --ck-* inline variables on the root', async () => {
    const h = await renderList({
      count: 3,
      theme: { accent: '#ff00aa', radius: 4, spacing: 10, fontFamily: 'serif', background: '#101010' },
    });
    const style = h.root.style;
    expect(style.getPropertyValue('--ck-accent')).toBe('#ff00aa');
    expect(style.getPropertyValue('--ck-radius')).toBe('4px');
    expect(style.getPropertyValue('--ck-spacing')).toBe('10px');
    expect(style.getPropertyValue('--ck-font-family')).toBe('serif');
    expect(getComputedStyle(h.grid).backgroundColor === 'rgb(16, 16, 16)' || getComputedStyle(h.root).backgroundColor === 'rgb(16, 16, 16)').toBe(true);
  });
});

describe('ConversationList: i18n', () => {
  it("locale 'zh-CN' shows Chinese strings in the toolbar, rows and dialog", async () => {
    const h = await renderList({ count: 5, locale: 'zh-CN' });
    expect(screen.getByRole('grid', { name: '会话' })).toBe(h.grid);
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: '选择' }));
    await userEvent.click(h.row('Person 1'));
    await userEvent.click(h.row('Person 2'));
    expect(h.toolbar().textContent).toContain('已选择 2 项');
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: '删除 2 项' }));
    const dialog = await screen.findByRole('alertdialog', { name: '删除 2 个会话？' });
    expect(within(dialog).getByRole('button', { name: '取消' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: '删除 2 个会话' })).toBeTruthy();
    expect(within(dialog).getByRole('checkbox', { name: '保留消息记录' })).toBeTruthy();
  });

  it('messages overrides a string', async () => {
    const h = await renderList({ count: 3, messages: { select: 'Edit', listLabel: 'Chats' } });
    expect(within(h.toolbar()).getByRole('button', { name: 'Edit' })).toBeTruthy();
    expect(screen.getByRole('grid', { name: 'Chats' })).toBe(h.grid);
  });

  it('dir="rtl": the root has dir=rtl and the row lays out right to left', async () => {
    const h = await renderList({ count: 3, dir: 'rtl' });
    expect(h.root.getAttribute('dir')).toBe('rtl');
    expect(getComputedStyle(h.rows()[0]).direction).toBe('rtl');
    const row = h.rows()[0];
    const avatar = row.querySelector('.ck-Avatar')!.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    // The avatar sits at the inline start: the right edge in RTL.
    expect(r.right - avatar.right).toBeLessThan(r.width / 4);
  });
});

describe('ConversationList: arrow keys into the row', () => {
  for (const [dir, key] of [['ltr', 'ArrowRight'], ['rtl', 'ArrowLeft']] as const) {
    it(`${dir}: ${key} moves from the row into its More actions button`, async () => {
      const h = await renderList({ count: 3, dir });
      h.row('Person 2').focus();
      await userEvent.keyboard(`{${key}}`);
      expect(document.activeElement).toBe(within(h.row('Person 2')).getByRole('button', { name: 'More actions' }));
    });
  }
});

describe('ConversationList: the root element', () => {
  it('merges className and style, forwards ref and spreads data-* and aria-*', async () => {
    const ref = createRef<HTMLDivElement>();
    const h = await renderList({
      count: 3,
      ref,
      className: 'mine',
      style: { marginTop: 7 },
      theme: { accent: '#123456' },
      'data-testid': 'inbox',
      'aria-describedby': 'x',
    } as never);
    expect(ref.current).toBe(h.root);
    expect(h.root.classList.contains('ck-ConversationList')).toBe(true);
    expect(h.root.classList.contains('mine')).toBe(true);
    expect(h.root.style.marginTop).toBe('7px');
    expect(h.root.style.getPropertyValue('--ck-accent')).toBe('#123456');
    expect(h.root.dataset.testid).toBe('inbox');
    expect(h.root.getAttribute('aria-describedby')).toBe('x');
  });

  it('exposes its state as data-* attributes on the root and rows', async () => {
    const h = await renderList({ count: 3 });
    expect(h.root.hasAttribute('data-selection-mode')).toBe(false);
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Select' }));
    expect(h.root.dataset.selectionMode).toBe('multiple');
    await userEvent.click(h.row('Person 1'));
    expect(h.row('Person 1').hasAttribute('data-selected')).toBe(true);
    expect(h.row('Person 2').hasAttribute('data-selected')).toBe(false);
  });
});
