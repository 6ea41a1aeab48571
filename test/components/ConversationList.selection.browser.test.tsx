/**
 * ConversationList: keyboard and selection (interaction.md B1–B5) in real Chromium.
 */
import { userEvent } from 'vitest/browser';
import { focusedRow, page, renderList, tabbableRows, within } from './listHarness.js';

beforeEach(async () => {
  await page.viewport(800, 800);
});

const selectedIDs = (rows: HTMLElement[]) =>
  rows.filter((r) => r.getAttribute('aria-selected') === 'true').map((r) => r.dataset.id);
const ids = (...n: number[]) => n.map((i) => `C2Cuser${i}`);

describe('ConversationList: keyboard (B3)', () => {
  it('B3: Up/Down/Home/End/PageUp/PageDown move focus with a roving tabindex (exactly one tab stop)', async () => {
    const { row, grid } = await renderList({ count: 60, height: 640 });
    expect(tabbableRows(grid).map((r) => r.dataset.id)).toEqual(ids(1));
    row('Person 1').focus();
    const step = async (key: string, expected: string) => {
      await userEvent.keyboard(`{${key}}`);
      await vi.waitFor(() => expect(focusedRow()?.dataset.id).toBe(expected));
      expect(tabbableRows(grid).map((r) => r.dataset.id)).toEqual([expected]);
      expect(document.activeElement).toBe(focusedRow());
    };
    await step('ArrowDown', 'C2Cuser2');
    await step('ArrowDown', 'C2Cuser3');
    await step('ArrowUp', 'C2Cuser2');
    await step('End', 'C2Cuser60');
    await step('Home', 'C2Cuser1');
    await userEvent.keyboard('{PageDown}');
    const afterPage = Number(focusedRow()!.dataset.index);
    expect(afterPage).toBeGreaterThan(3);
    await step('PageUp', 'C2Cuser1');
    await step('ArrowUp', 'C2Cuser1'); // clamps at the top
  });

  it('B3: Tab leaves the grid from the focused row and Shift+Tab comes back to it', async () => {
    const { row } = await renderList({ count: 10 });
    row('Person 1').focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(focusedRow()?.dataset.id).toBe('C2Cuser3');
    // Into the row's own "More actions" button and then out of the grid, never row by row.
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('More actions');
    expect(focusedRow()?.dataset.id).toBe('C2Cuser3');
    await userEvent.keyboard('{Tab}');
    expect(focusedRow()).toBeNull();
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(row('Person 3'));
  });
});

describe('ConversationList: selection mode (B1–B5)', () => {
  it('B1: aria-multiselectable only in selection mode; rows carry aria-selected there', async () => {
    const { grid, rows, toolbar, root } = await renderList({ count: 5 });
    expect(grid.hasAttribute('aria-multiselectable')).toBe(false);
    rows().forEach((r) => expect(r.hasAttribute('aria-selected')).toBe(false));
    await userEvent.click(within(toolbar()).getByRole('button', { name: 'Select' }));
    expect(grid.getAttribute('aria-multiselectable')).toBe('true');
    expect(root.dataset.selectionMode).toBe('multiple');
    rows().forEach((r) => expect(r.getAttribute('aria-selected')).toBe('false'));
  });

  it('B3: Space toggles the focused row and enters the mode', async () => {
    const { row, grid, rows } = await renderList({ count: 5 });
    row('Person 2').focus();
    await userEvent.keyboard(' ');
    expect(grid.getAttribute('aria-multiselectable')).toBe('true');
    expect(selectedIDs(rows())).toEqual(ids(2));
    expect(row('Person 2').hasAttribute('data-selected')).toBe(true);
    await userEvent.keyboard('{ArrowDown} ');
    expect(selectedIDs(rows())).toEqual(ids(2, 3));
    await userEvent.keyboard(' ');
    expect(selectedIDs(rows())).toEqual(ids(2));
  });

  it('B3: Shift+Down and Shift+Up extend the selection from the anchor', async () => {
    const { row, rows } = await renderList({ count: 8 });
    row('Person 2').focus();
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    expect(selectedIDs(rows())).toEqual(ids(2, 3, 4));
    expect(focusedRow()?.dataset.id).toBe('C2Cuser4');
    // Up past the anchor extends the other way (the store's ranges add to the selection).
    await userEvent.keyboard('{Shift>}{ArrowUp}{ArrowUp}{ArrowUp}{/Shift}');
    expect(focusedRow()?.dataset.id).toBe('C2Cuser1');
    expect(selectedIDs(rows())).toEqual(expect.arrayContaining(ids(1, 2)));
  });

  it('B3: Shift+Space selects the range from the anchor to the focused row', async () => {
    const { row, rows } = await renderList({ count: 8 });
    row('Person 2').focus();
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    await userEvent.keyboard('{Shift>} {/Shift}');
    expect(selectedIDs(rows())).toEqual(ids(2, 3, 4, 5));
  });

  it('B3: Ctrl+A and Cmd+A select all', async () => {
    for (const mod of ['Control', 'Meta']) {
      const { row, rows, toolbar, unmount } = await renderList({ count: 6 });
      row('Person 1').focus();
      await userEvent.keyboard(`{${mod}>}a{/${mod}}`);
      expect(selectedIDs(rows())).toEqual(ids(1, 2, 3, 4, 5, 6));
      expect(toolbar().textContent).toMatch(/6 selected|All selected/);
      unmount();
    }
  });

  it('B3: Escape clears the selection and leaves the mode', async () => {
    const { row, rows, grid, toolbar } = await renderList({ count: 6 });
    row('Person 1').focus();
    await userEvent.keyboard(' {ArrowDown} ');
    expect(selectedIDs(rows())).toHaveLength(2);
    await userEvent.keyboard('{Escape}');
    expect(grid.hasAttribute('aria-multiselectable')).toBe(false);
    expect(rows().filter((r) => r.hasAttribute('data-selected'))).toHaveLength(0);
    expect(within(toolbar()).getByRole('button', { name: 'Select' })).toBeTruthy();
    expect(focusedRow()?.dataset.id).toBe('C2Cuser2');
  });

  it('B3: Shift+click selects a range; Ctrl+click toggles and enters the mode', async () => {
    const onConversationSelect = vi.fn();
    const { row, rows, grid } = await renderList({ count: 8, onConversationSelect });
    await userEvent.click(row('Person 2'), { modifiers: ['Control'] });
    expect(grid.getAttribute('aria-multiselectable')).toBe('true');
    expect(selectedIDs(rows())).toEqual(ids(2));
    await userEvent.click(row('Person 5'), { modifiers: ['Shift'] });
    expect(selectedIDs(rows())).toEqual(ids(2, 3, 4, 5));
    await userEvent.click(row('Person 3'), { modifiers: ['Control'] });
    expect(selectedIDs(rows())).toEqual(ids(2, 4, 5));
    await userEvent.click(row('Person 7'), { modifiers: ['Meta'] });
    expect(selectedIDs(rows())).toEqual(ids(2, 4, 5, 7));
    expect(onConversationSelect).not.toHaveBeenCalled();
  });

  it('B4: the mode ends when the selection becomes empty', async () => {
    const { row, grid, toolbar } = await renderList({ count: 5 });
    await userEvent.click(within(toolbar()).getByRole('button', { name: 'Select' }));
    await userEvent.click(row('Person 1'));
    await userEvent.click(row('Person 2'));
    await userEvent.click(row('Person 1'));
    expect(grid.getAttribute('aria-multiselectable')).toBe('true');
    await userEvent.click(row('Person 2'));
    await vi.waitFor(() => expect(grid.hasAttribute('aria-multiselectable')).toBe(false));
    expect(within(toolbar()).getByRole('button', { name: 'Select' })).toBeTruthy();
  });

  it('B5: the toolbar shows "N selected" and "Delete N"; changes are announced politely', async () => {
    const { row, toolbar, status } = await renderList({ count: 5 });
    expect(status().getAttribute('aria-live')).toBe('polite');
    await userEvent.click(within(toolbar()).getByRole('button', { name: 'Select' }));
    await userEvent.click(row('Person 1'));
    await vi.waitFor(() => expect(status().textContent).toBe('Person 1 selected. 1 item selected.'));
    await userEvent.click(row('Person 3'));
    await vi.waitFor(() => expect(status().textContent).toBe('Person 3 selected. 2 items selected.'));
    expect(toolbar().textContent).toContain('2 selected');
    expect(within(toolbar()).getByRole('button', { name: 'Delete 2' })).toBeTruthy();
    await userEvent.click(row('Person 1'));
    await vi.waitFor(() => expect(status().textContent).toBe('Person 1 not selected. 1 item selected.'));
    // Focus stays where the user is (C4).
    expect(document.activeElement).toBe(row('Person 1'));
  });

  it('controlled selection: selectedIDs/onSelectionChange and selectionMode/onSelectionModeChange', async () => {
    const onSelectionChange = vi.fn();
    const onSelectionModeChange = vi.fn();
    const { row, rows, rerenderWith } = await renderList({
      count: 5,
      defaultSelectionMode: 'multiple',
      defaultSelectedIDs: new Set(['C2Cuser4']),
      onSelectionChange,
      onSelectionModeChange,
    });
    expect(selectedIDs(rows())).toEqual(ids(4));
    await userEvent.click(row('Person 1'));
    expect(onSelectionChange).toHaveBeenLastCalledWith(new Set(ids(4, 1)), expect.anything());
    rerenderWith({ selectedIDs: new Set(['C2Cuser2']) });
    await vi.waitFor(() => expect(selectedIDs(rows())).toEqual(ids(2)));
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(onSelectionModeChange).toHaveBeenLastCalledWith('none'));
  });

  it('B5: "Select all" with pages not yet loaded, then deselecting one: the toolbar never claims all', async () => {
    const { row, toolbar, status, server } = await renderList({ count: 250, pageSize: 100 });
    await userEvent.click(within(toolbar()).getByRole('button', { name: 'Select' }));
    await userEvent.click(within(toolbar()).getByRole('button', { name: 'Select all' }));
    await vi.waitFor(() => expect(status().textContent).toBe('All items selected.'));
    await userEvent.click(row('Person 2'));
    expect(row('Person 2').getAttribute('aria-selected')).toBe('false');
    await vi.waitFor(() => expect(toolbar().textContent).not.toMatch(/All selected/));
    expect(toolbar().textContent).toMatch(/249 selected/);
    expect(within(toolbar()).getByRole('button', { name: 'Delete 249' })).toBeTruthy();
    expect(server.getConversations()).toHaveLength(250);
  });

  it('B2/B3: the toolbar from the keyboard: Select, Select all and Cancel never drop focus to <body>', async () => {
    const { toolbar, grid, row } = await renderList({ count: 5 });
    within(toolbar()).getByRole('button', { name: 'Select' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(grid.getAttribute('aria-multiselectable')).toBe('true');
    expect(document.activeElement).not.toBe(document.body);
    expect(toolbar().contains(document.activeElement)).toBe(true);
    within(toolbar()).getByRole('button', { name: 'Select all' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(row('Person 3').getAttribute('aria-selected')).toBe('true');
    within(toolbar()).getByRole('button', { name: 'Cancel' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(grid.hasAttribute('aria-multiselectable')).toBe(false);
    expect(document.activeElement).not.toBe(document.body);
    expect(toolbar().contains(document.activeElement)).toBe(true);
  });
});
