/**
 * ConversationList: swiping inside the list (interaction.md A4, A9, A10, A12, B2) with real
 * PointerEvents on the real rows.
 */
import { Profiler } from 'react';
import { userEvent } from 'vitest/browser';
import { Pointer, nextFrame, page, renderList, screen, surfaceOf, swipeOf, swipeRow, within } from './listHarness.js';

beforeEach(async () => {
  await page.viewport(800, 800);
});

const openSide = (row: HTMLElement) => swipeOf(row).dataset.open;

describe('ConversationList: swipe (A)', () => {
  it('A4: dragging toward the start edge opens the trailing tray with Delete', async () => {
    const h = await renderList({ count: 5 });
    const row = h.row('Person 2');
    swipeRow(row, 110);
    await vi.waitFor(() => expect(openSide(row)).toBe('trailing'));
    expect(row.hasAttribute('data-open')).toBe(true);
    const tray = row.querySelector<HTMLElement>('.ck-SwipeActions-tray[data-side="trailing"]')!;
    expect(within(tray).getByRole('button', { name: 'Delete' })).toBeTruthy();
    expect(h.server.calls.filter((c) => c.operation === 'deleteConversationList')).toHaveLength(0);
  });

  it('A4: the tray Delete button opens the dialog (E2)', async () => {
    const h = await renderList({ count: 5 });
    const row = h.row('Person 2');
    swipeRow(row, 110);
    await vi.waitFor(() => expect(openSide(row)).toBe('trailing'));
    await userEvent.click(within(row).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('alertdialog', { name: 'Delete conversation with Person 2?' })).toBeTruthy();
  });

  it('A9: a full swipe opens the dialog and never deletes on its own; Cancel returns to the open tray', async () => {
    const h = await renderList({ count: 5 });
    const row = h.row('Person 2');
    // A5/A7: past the tray the row follows at 0.55×, so arming at half the row takes ~300 px.
    swipeRow(row, 360);
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete conversation with Person 2?' });
    await new Promise((r) => setTimeout(r, 100));
    expect(h.server.calls.filter((c) => c.operation === 'deleteConversationList')).toHaveLength(0);
    expect(h.server.getConversation('C2Cuser2')).toBeDefined();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await vi.waitFor(() => expect(openSide(h.row('Person 2'))).toBe('trailing'));
    expect(h.rows()).toHaveLength(5);
  });

  it("A9: under clearHistory 'never' a full swipe removes at once with Undo", async () => {
    await userEvent.hover(document.body, { position: { x: 700, y: 700 } });
    const h = await renderList({ count: 5, clearHistory: 'never', undoTimeoutMs: 60_000 });
    swipeRow(h.row('Person 2'), 360);
    await vi.waitFor(() => expect(h.rows().map((r) => r.dataset.id)).not.toContain('C2Cuser2'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(within(h.root).getByRole('button', { name: 'Undo' })).toBeTruthy();
  });

  it('A10: only one row is open at a time: opening another closes the first', async () => {
    const h = await renderList({ count: 5 });
    const first = h.row('Person 1');
    const second = h.row('Person 3');
    swipeRow(first, 110);
    await vi.waitFor(() => expect(openSide(first)).toBe('trailing'));
    swipeRow(second, 110);
    await vi.waitFor(() => expect(openSide(second)).toBe('trailing'));
    await vi.waitFor(() => expect(openSide(first)).toBeUndefined());
    expect(h.rows().filter((r) => r.hasAttribute('data-open'))).toEqual([second]);
  });

  it('A10: scrolling the list closes the open row', async () => {
    const h = await renderList({ count: 40 });
    const row = h.row('Person 2');
    swipeRow(row, 110);
    await vi.waitFor(() => expect(openSide(row)).toBe('trailing'));
    h.grid.scrollTop = 60;
    await vi.waitFor(() => expect(openSide(row)).toBeUndefined());
  });

  it('A10: Escape closes the open row and keeps focus on it', async () => {
    const h = await renderList({ count: 5 });
    const row = h.row('Person 2');
    row.focus();
    swipeRow(row, 110);
    await vi.waitFor(() => expect(openSide(row)).toBe('trailing'));
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(openSide(row)).toBeUndefined());
    expect(row.contains(document.activeElement)).toBe(true);
  });

  it('A11: a tap on an open row closes it and does not open the conversation', async () => {
    const onConversationSelect = vi.fn();
    const h = await renderList({ count: 5, onConversationSelect });
    const row = h.row('Person 2');
    swipeRow(row, 110);
    await vi.waitFor(() => expect(openSide(row)).toBe('trailing'));
    const r = row.getBoundingClientRect();
    await userEvent.click(row, { position: { x: 20, y: r.height / 2 } });
    await vi.waitFor(() => expect(openSide(row)).toBeUndefined());
    expect(onConversationSelect).not.toHaveBeenCalled();
  });

  it('RTL: swiping toward the start edge (right) opens the trailing tray on the left', async () => {
    const h = await renderList({ count: 5, dir: 'rtl' });
    const row = h.row('Person 2');
    swipeRow(row, 110, { dir: 'rtl' });
    await vi.waitFor(() => expect(openSide(row)).toBe('trailing'));
    const tray = row.querySelector<HTMLElement>('.ck-SwipeActions-tray[data-side="trailing"]')!;
    const rowRect = row.getBoundingClientRect();
    const trayRect = tray.getBoundingClientRect();
    expect(trayRect.left - rowRect.left).toBeLessThan(2);
    // A full swipe the mirrored way asks too.
    swipeRow(h.row('Person 4'), 360, { dir: 'rtl' });
    expect(await screen.findByRole('alertdialog', { name: 'Delete conversation with Person 4?' })).toBeTruthy();
  });

  it('B2: swipe is disabled in selection mode', async () => {
    const h = await renderList({ count: 5 });
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Select' }));
    const row = h.row('Person 2');
    swipeRow(row, 110);
    await nextFrame();
    expect(openSide(row)).toBeUndefined();
    expect(surfaceOf(row).style.transform).toBe('');
  });

  it('performance: no React commit per pointermove inside the list', async () => {
    let commits = 0;
    const h = await renderList({
      count: 30,
      wrap: (list) => (
        <Profiler id="list" onRender={() => commits++}>
          {list}
        </Profiler>
      ),
    });
    const row = h.row('Person 2');
    const r = row.getBoundingClientRect();
    const p = new Pointer(surfaceOf(row), 'touch').down(r.right - 10, r.top + r.height / 2);
    p.move(-12);
    await vi.waitFor(() => expect(swipeOf(row).hasAttribute('data-swiping')).toBe(true));
    await nextFrame();
    await nextFrame();
    commits = 0;
    const transforms = new Set<string>();
    for (let i = 0; i < 20; i++) {
      p.move(-8, 0, 16);
      transforms.add(surfaceOf(row).style.transform);
      await nextFrame();
    }
    await nextFrame();
    expect(transforms.size).toBe(20);
    expect(commits).toBe(0);
    p.up();
    await vi.waitFor(() => expect(commits).toBeGreaterThan(0));
  });

  it('A2: the list does not scroll while a row drags, and a row deleted mid-drag releases it', async () => {
    const h = await renderList({ count: 6 });
    const drag = (name: string) => {
      const row = h.row(name);
      const r = row.getBoundingClientRect();
      const p = new Pointer(surfaceOf(row), 'touch').down(r.right - 10, r.top + r.height / 2);
      p.move(-12);
      return { row, p };
    };
    const first = drag('Person 2');
    await vi.waitFor(() => expect(h.grid.hasAttribute('data-swiping')).toBe(true));
    expect(getComputedStyle(h.grid).overflowY).toBe('hidden');
    first.p.up();
    await vi.waitFor(() => expect(h.grid.hasAttribute('data-swiping')).toBe(false));
    expect(getComputedStyle(h.grid).overflowY).toBe('auto');

    // Another device deletes the row while it is being dragged: the list scrolls again.
    await nextFrame();
    const second = drag('Person 4');
    await vi.waitFor(() => expect(h.grid.hasAttribute('data-swiping')).toBe(true));
    await h.server.connect().deleteConversationList([second.row.dataset.id!], false);
    await vi.waitFor(() => expect(second.row.isConnected).toBe(false));
    expect(h.grid.hasAttribute('data-swiping')).toBe(false);
    expect(getComputedStyle(h.grid).overflowY).toBe('auto');
  });

  it('B2: a 500 ms touch long-press selects the row and enters selection mode, without opening it', async () => {
    const onConversationSelect = vi.fn();
    const h = await renderList({ count: 5, onConversationSelect });
    const row = h.row('Person 3');
    const r = row.getBoundingClientRect();
    const p = new Pointer(surfaceOf(row), 'touch').down(r.left + 150, r.top + r.height / 2);
    await vi.waitFor(() => expect(h.grid.getAttribute('aria-multiselectable')).toBe('true'), { timeout: 2000 });
    p.up();
    row.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1 }));
    await nextFrame();
    expect(h.row('Person 3').getAttribute('aria-selected')).toBe('true');
    expect(onConversationSelect).not.toHaveBeenCalled();
  });
});
