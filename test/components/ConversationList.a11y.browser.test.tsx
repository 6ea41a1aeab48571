/**
 * ConversationList: non-gesture paths and target sizes (interaction.md C1, C2) and axe in every
 * state the issue names (list, selection mode, dialog open, dark theme, RTL).
 */
import { userEvent } from 'vitest/browser';
import { expectNoAxeViolations, page, renderList, screen, swipeOf, swipeRow, within } from './listHarness.js';

beforeEach(async () => {
  await page.viewport(800, 800);
});

const labels = (els: Element[]) => els.map((e) => e.textContent?.trim());

describe('ConversationList: C1 every swipe action has a non-gesture path', () => {
  it('the trailing and leading swipe actions are all in the More actions menu and the context menu', async () => {
    const h = await renderList({ count: 5 });
    const row = h.row('Person 2');
    // What swiping offers: open each tray and read its buttons.
    swipeRow(row, 110);
    await vi.waitFor(() => expect(swipeOf(row).dataset.open).toBe('trailing'));
    const trailing = labels([...row.querySelectorAll('.ck-SwipeActions-tray[data-side="trailing"] button')]);
    const leading = labels([...row.querySelectorAll('.ck-SwipeActions-tray[data-side="leading"] button')]);
    expect(trailing).toEqual(['Delete']);
    expect(leading.length).toBeGreaterThan(0); // Pin / Mark as read: the memory adapter offers both
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(swipeOf(row).dataset.open).toBeUndefined());
    const swipeActions = [...leading, ...trailing].sort();

    await userEvent.click(within(row).getByRole('button', { name: 'More actions' }));
    const menu = await screen.findByRole('menu');
    expect(labels(within(menu).getAllByRole('menuitem')).sort()).toEqual(swipeActions);
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(screen.queryByRole('menu')).toBeNull());

    await userEvent.click(h.row('Person 2'), { button: 'right' });
    const context = await screen.findByRole('menu');
    expect(labels(within(context).getAllByRole('menuitem')).sort()).toEqual(swipeActions);
    await userEvent.click(within(context).getByRole('menuitem', { name: 'Delete' }));
    expect(await screen.findByRole('alertdialog', { name: 'Delete conversation with Person 2?' })).toBeTruthy();
  });

  it('Pin from the menu pins the conversation on the server and moves it to the top', async () => {
    const h = await renderList({ count: 5 });
    await userEvent.click(within(h.row('Person 4')).getByRole('button', { name: 'More actions' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Pin' }));
    await vi.waitFor(() => expect(h.server.getConversation('C2Cuser4')?.isPinned).toBe(true));
    await vi.waitFor(() => expect(h.rows()[0].dataset.id).toBe('C2Cuser4'));
  });

  it('More actions is shown on focus for fine pointers, and always rendered for assistive tech', async () => {
    const h = await renderList({ count: 5 });
    const more = (name: string) => within(h.row(name)).getByRole('button', { name: 'More actions' });
    await userEvent.hover(document.body, { position: { x: 700, y: 700 } });
    const fine = matchMedia('(hover: hover) and (pointer: fine)').matches;
    if (fine) expect(getComputedStyle(more('Person 3')).opacity).toBe('0');
    h.row('Person 3').focus();
    await vi.waitFor(() => expect(getComputedStyle(more('Person 3')).opacity).toBe('1'));
    expect(getComputedStyle(more('Person 3')).visibility).toBe('visible');
  });

  it('Shift+F10 opens the context menu for the focused row from the keyboard', async () => {
    const h = await renderList({ count: 5 });
    h.row('Person 3').focus();
    await userEvent.keyboard('{Shift>}{F10}{/Shift}');
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: 'Delete' })).toBeTruthy();
  });
});

describe('ConversationList: C2 target sizes', () => {
  const big = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width >= 24 && r.height >= 24;
  };
  it('toolbar buttons, More actions, tray buttons and dialog buttons are at least 24×24', async () => {
    const h = await renderList({ count: 5 });
    const row = h.row('Person 2');
    expect(big(within(row).getByRole('button', { name: 'More actions' }))).toBe(true);
    expect(big(within(h.toolbar()).getByRole('button', { name: 'Select' }))).toBe(true);
    swipeRow(row, 110);
    await vi.waitFor(() => expect(swipeOf(row).dataset.open).toBe('trailing'));
    for (const b of row.querySelectorAll('.ck-SwipeActions-tray[data-side="trailing"] button')) expect(big(b)).toBe(true);
    await userEvent.keyboard('{Escape}');
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Select' }));
    await userEvent.click(h.row('Person 1'));
    for (const b of within(h.toolbar()).getAllByRole('button')) expect(big(b), b.textContent ?? '').toBe(true);
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Delete 1' }));
    const dialog = await screen.findByRole('alertdialog');
    for (const b of within(dialog).getAllByRole('button')) expect(big(b), b.textContent ?? '').toBe(true);
  });
});

describe('ConversationList: axe', () => {
  it('no violations on the list', async () => {
    const h = await renderList({ count: 20 });
    await expectNoAxeViolations(h.host);
  });

  it('no violations in selection mode', async () => {
    const h = await renderList({ count: 20 });
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Select' }));
    await userEvent.click(h.row('Person 2'));
    await expectNoAxeViolations(h.host);
  });

  it('no violations with the dialog open', async () => {
    const h = await renderList({ count: 20 });
    h.row('Person 2').focus();
    await userEvent.keyboard('{Delete}');
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toBeTruthy();
    await expectNoAxeViolations(h.host);
  });

  it('no violations in the dark theme', async () => {
    const h = await renderList({ count: 20, theme: 'dark' });
    await expectNoAxeViolations(h.host);
  });

  it('no violations in RTL and zh-CN', async () => {
    const h = await renderList({ count: 20, dir: 'rtl', locale: 'zh-CN' });
    await expectNoAxeViolations(h.host);
  });

  it('no violations with a tray open and with the undo toast shown', async () => {
    await userEvent.hover(document.body, { position: { x: 700, y: 700 } });
    const h = await renderList({ count: 20, clearHistory: 'never', undoTimeoutMs: 60_000 });
    const row = h.row('Person 2');
    swipeRow(row, 110);
    await vi.waitFor(() => expect(swipeOf(row).dataset.open).toBe('trailing'));
    await expectNoAxeViolations(h.host);
    await userEvent.keyboard('{Escape}');
    h.row('Person 3').focus();
    await userEvent.keyboard('{Delete}');
    await vi.waitFor(() => expect(within(h.root).getByRole('button', { name: 'Undo' })).toBeTruthy());
    await expectNoAxeViolations(h.host);
  });
});
