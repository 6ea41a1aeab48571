/**
 * ConversationList: deletion paths, focus after deletion, the dialog inside the list and Undo
 * (interaction.md C3, C4, D1–D9, E1–E3).
 */
import { userEvent } from 'vitest/browser';
import { expectFocusNotOnBody, focusedRow, page, renderList, screen, within, type ListHarness } from './listHarness.js';

beforeEach(async () => {
  await page.viewport(800, 800);
});

const deleteCalls = (h: ListHarness) => h.server.calls.filter((c) => c.operation === 'deleteConversationList');

async function deleteViaKeyboard(h: ListHarness, name: string) {
  h.row(name).focus();
  await userEvent.keyboard('{Delete}');
  const dialog = await screen.findByRole('alertdialog');
  await vi.waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' })));
  await userEvent.keyboard('{Tab}');
  expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: /^Delete/ }));
  await userEvent.keyboard('{Enter}');
  return dialog;
}

describe('ConversationList: focus after deletion (C3, D4)', () => {
  it('D4: Cancel (and Escape) return focus to the invoking row; nothing is sent', async () => {
    const h = await renderList({ count: 5 });
    h.row('Person 3').focus();
    await userEvent.keyboard('{Backspace}');
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(document.activeElement).toBe(h.row('Person 3')));
    await userEvent.keyboard('{Delete}');
    await screen.findByRole('alertdialog');
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(document.activeElement).toBe(h.row('Person 3'));
    expect(deleteCalls(h)).toHaveLength(0);
  });

  it('D4: the menu path returns focus to the row too', async () => {
    const h = await renderList({ count: 5 });
    await userEvent.click(within(h.row('Person 2')).getByRole('button', { name: 'More actions' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    await screen.findByRole('alertdialog');
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(focusedRow()?.dataset.id).toBe('C2Cuser2'));
    expectFocusNotOnBody();
  });

  it('C3/D4: after deleting the invoker, focus goes to the next row', async () => {
    const h = await renderList({ count: 5 });
    await deleteViaKeyboard(h, 'Person 2');
    await vi.waitFor(() => expect(h.server.getConversation('C2Cuser2')).toBeUndefined());
    await vi.waitFor(() => expect(focusedRow()?.dataset.id).toBe('C2Cuser3'));
    expect(document.activeElement).toBe(h.row('Person 3'));
  });

  it('C3/D4: a bulk delete that includes rows above the focused one moves focus to the next surviving row', async () => {
    const h = await renderList({ count: 6 });
    h.row('Person 2').focus();
    await userEvent.keyboard(' {ArrowDown} {ArrowDown} ');
    await userEvent.keyboard('{ArrowUp}'); // focus Person 3, selection 2, 3, 4
    await userEvent.keyboard('{Delete}');
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 3 conversations?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete 3 conversations' }));
    await vi.waitFor(() => expect(h.server.getConversations()).toHaveLength(3));
    // Person 3 invoked it; next after it that survives is Person 5 (4 went with it).
    await vi.waitFor(() => expect(document.activeElement).toBe(h.row('Person 5')));
  });

  it('C3: deleting the last row moves focus to the previous one', async () => {
    const h = await renderList({ count: 3 });
    await deleteViaKeyboard(h, 'Person 3');
    await vi.waitFor(() => expect(h.server.getConversation('C2Cuser3')).toBeUndefined());
    await vi.waitFor(() => expect(document.activeElement).toBe(h.row('Person 2')));
  });

  it('C3: deleting the only row moves focus to the grid, never <body>', async () => {
    const h = await renderList({ count: 1 });
    await deleteViaKeyboard(h, 'Person 1');
    await vi.waitFor(() => expect(h.server.getConversations()).toHaveLength(0));
    await vi.waitFor(() => expect(document.activeElement).toBe(h.grid));
    expect(h.grid.tabIndex).toBe(0);
  });

  it('C3: a bulk delete from the toolbar leaves focus on a remaining row, never <body>', async () => {
    const h = await renderList({ count: 6 });
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Select' }));
    for (const n of [2, 3, 4]) await userEvent.click(h.row(`Person ${n}`));
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Delete 3' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 3 conversations?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete 3 conversations' }));
    await vi.waitFor(() => expect(h.server.getConversations()).toHaveLength(3));
    await vi.waitFor(() => expect(h.status().textContent).toBe('3 conversations deleted'));
    expectFocusNotOnBody();
    expect(h.root.contains(document.activeElement)).toBe(true);
    // The mode ends with nothing left selected (B4).
    await vi.waitFor(() => expect(h.grid.hasAttribute('aria-multiselectable')).toBe(false));
  });

  it('C4: the outcome is announced in role=status without moving focus', async () => {
    const h = await renderList({ count: 5, clearHistory: 'never', undoTimeoutMs: 60_000 });
    h.row('Person 2').focus();
    await userEvent.keyboard('{Delete}');
    await vi.waitFor(() => expect(h.status().textContent).toBe('Conversation removed. Undo available.'));
    // Focus moved by C3 to the next row, not into the status region or the toast.
    expect(document.activeElement).toBe(h.row('Person 3'));
  });
});

describe('ConversationList: the dialog inside the list (D)', () => {
  it('D1: alertdialog, modal, labelled by the title and described by the consequence text', async () => {
    const h = await renderList({ count: 5 });
    h.row('Person 1').focus();
    await userEvent.keyboard('{Delete}');
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe(
      'Delete conversation with Person 1?',
    );
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).toBe(
      "All messages in this conversation will be permanently deleted from this device and from our servers. This can't be undone.",
    );
  });

  it('D3: Tab cycles inside; clicking the backdrop does nothing', async () => {
    const h = await renderList({ count: 5 });
    h.row('Person 1').focus();
    await userEvent.keyboard('{Delete}');
    const dialog = await screen.findByRole('alertdialog');
    for (let i = 0; i < 5; i++) {
      await userEvent.keyboard('{Tab}');
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    const r = dialog.getBoundingClientRect();
    await userEvent.click(document.body, { position: { x: 5, y: Math.max(5, r.top - 20) }, force: true });
    expect(screen.getByRole('alertdialog')).toBe(dialog);
    expect(deleteCalls(h)).toHaveLength(0);
  });

  it('D5: title and confirm button name verb, object and count; never OK/Yes', async () => {
    const h = await renderList({ count: 5 });
    h.row('Person 1').focus();
    await userEvent.keyboard(' {ArrowDown} {ArrowDown} ');
    await userEvent.keyboard('{Delete}');
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 3 conversations?' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete 3 conversations' });
    expect(confirm.hasAttribute('data-destructive')).toBe(true);
    expect(dialog.textContent).not.toMatch(/\b(OK|Yes)\b/);
  });

  it('D9: the confirm button shows a pending state; on failure nothing disappears and an error is announced', async () => {
    const h = await renderList({
      count: 5,
      server: { latencyMs: 150, injectFault: (op) => (op === 'deleteConversationList' ? 2800 : undefined) },
    });
    h.row('Person 2').focus();
    await userEvent.keyboard('{Delete}');
    const dialog = await screen.findByRole('alertdialog');
    const confirm = within(dialog).getByRole('button', { name: /^Delete/ });
    await userEvent.click(confirm);
    await vi.waitFor(() => expect(confirm.hasAttribute('data-pending')).toBe(true));
    expect(confirm.textContent).toBe('Deleting…');
    expect(dialog.hasAttribute('data-pending')).toBe(true);
    await vi.waitFor(() => expect(h.status().textContent).toMatch(/^Couldn't delete 1 conversation: Network error/), {
      timeout: 8000,
    });
    expect(h.server.getConversation('C2Cuser2')).toBeDefined();
    expect(h.row('Person 2')).toBeTruthy();
    expect(h.rows()).toHaveLength(5);
    // The failure is named with a Retry in reach.
    const retry = within(h.root).getAllByRole('button', { name: 'Retry' });
    expect(retry.length).toBeGreaterThan(0);
    expectFocusNotOnBody();
  });

  it('D9: a partial bulk failure keeps the failed rows selected and names the count and reason', async () => {
    const h = await renderList({
      count: 6,
      server: { injectFault: (op, id) => (op === 'deleteConversationList' && id === 'C2Cuser3' ? 2500 + 3 : undefined) },
    });
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Select' }));
    for (const n of [2, 3, 4]) await userEvent.click(h.row(`Person ${n}`));
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Delete 3' }));
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete 3 conversations' }));
    await vi.waitFor(() => expect(h.status().textContent).toMatch(/^Couldn't delete 1 conversation: The conversation ID is not valid/));
    await vi.waitFor(() => expect(h.server.getConversations()).toHaveLength(4));
    expect(h.row('Person 3').getAttribute('aria-selected')).toBe('true');
    expect(h.rows().map((r) => r.dataset.id)).toEqual(['C2Cuser1', 'C2Cuser3', 'C2Cuser5', 'C2Cuser6']);
    expect(within(h.root).getAllByText(/Couldn't delete 1 conversation\. The conversation ID is not valid/).length).toBeGreaterThan(0);
    expectFocusNotOnBody();
  });
});

describe("ConversationList: Undo under clearHistory 'never' (E1–E3)", () => {
  // A toast that appears under a resting mouse is hovered, and hover pauses it (E3): park the
  // mouse outside the list first.
  beforeEach(async () => {
    await userEvent.hover(document.body, { position: { x: 700, y: 700 } });
  });

  it('E1: no dialog; the row leaves at once; a toast offers Undo', async () => {
    const h = await renderList({ count: 5, clearHistory: 'never', undoTimeoutMs: 60_000 });
    h.row('Person 2').focus();
    await userEvent.keyboard('{Delete}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await vi.waitFor(() => expect(h.rows().map((r) => r.dataset.id)).not.toContain('C2Cuser2'));
    const toast = within(h.root).getByRole('group', { name: 'Conversation removed' });
    expect(within(toast).getByRole('button', { name: 'Undo' })).toBeTruthy();
    expectFocusNotOnBody();
  });

  it('E3: Undo is a keyboard-reachable button and restores the row in place with no server call', async () => {
    const h = await renderList({ count: 5, clearHistory: 'never', undoTimeoutMs: 60_000 });
    h.server.clearCalls();
    h.row('Person 3').focus();
    await userEvent.keyboard('{Delete}');
    const undo = await vi.waitFor(() => within(h.root).getByRole('button', { name: 'Undo' }));
    undo.focus();
    expect(document.activeElement).toBe(undo);
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(h.rows().map((r) => r.dataset.id)).toEqual(['C2Cuser1', 'C2Cuser2', 'C2Cuser3', 'C2Cuser4', 'C2Cuser5']));
    await vi.waitFor(() => expect(h.status().textContent).toBe('Conversation restored'));
    expect(deleteCalls(h)).toHaveLength(0);
    expect(h.server.getConversations()).toHaveLength(5);
    // The toast that held focus is gone: focus is on the restored row, not <body> (C3).
    await vi.waitFor(() => expect(document.activeElement).toBe(h.row('Person 3')));
  });

  it('E3: Undo restores every item of a bulk removal in its original position', async () => {
    const h = await renderList({ count: 6, clearHistory: 'never', undoTimeoutMs: 60_000 });
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Select' }));
    for (const n of [2, 4, 5]) await userEvent.click(h.row(`Person ${n}`));
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Remove 3' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await vi.waitFor(() => expect(h.rows()).toHaveLength(3));
    await userEvent.click(within(h.root).getByRole('button', { name: 'Undo' }));
    await vi.waitFor(() => expect(h.rows().map((r) => r.dataset.id)).toEqual(
      ['C2Cuser1', 'C2Cuser2', 'C2Cuser3', 'C2Cuser4', 'C2Cuser5', 'C2Cuser6'],
    ));
    expect(deleteCalls(h)).toHaveLength(0);
  });

  it('E4: the removal is sent (keeping history) when the undo window closes', async () => {
    // A window long enough that a loaded CI machine still sees "nothing sent yet" first.
    const h = await renderList({ count: 5, clearHistory: 'never', undoTimeoutMs: 2000 });
    h.row('Person 2').focus();
    await userEvent.keyboard('{Delete}');
    expect(deleteCalls(h)).toHaveLength(0);

    await vi.waitFor(() => expect(deleteCalls(h)).toHaveLength(1), { timeout: 6000 });
    expect(deleteCalls(h)[0]).toMatchObject({ ids: ['C2Cuser2'], clearMessage: false });
    await vi.waitFor(() => expect(h.server.getConversation('C2Cuser2')).toBeUndefined());
    expect(h.server.getHistory('C2Cuser2')).toBeDefined();
    await vi.waitFor(() => expect(within(h.root).queryByRole('button', { name: 'Undo' })).toBeNull());
  });

  it('E3: Dismiss from the keyboard sends the removal and keeps focus in the list', async () => {
    const h = await renderList({ count: 5, clearHistory: 'never', undoTimeoutMs: 60_000 });
    h.row('Person 2').focus();
    await userEvent.keyboard('{Delete}');
    const dismiss = await vi.waitFor(() => within(h.root).getByRole('button', { name: 'Dismiss' }));
    dismiss.focus();
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(deleteCalls(h)).toHaveLength(1));
    await vi.waitFor(() => expect(document.activeElement).toBe(h.row('Person 3')));
  });

  it('E3: the toast does not time out while focused or hovered', async () => {
    const h = await renderList({ count: 5, clearHistory: 'never', undoTimeoutMs: 1500 });
    h.row('Person 2').focus();
    await userEvent.keyboard('{Delete}');
    const undo = await vi.waitFor(() => within(h.root).getByRole('button', { name: 'Undo' }));
    undo.focus();
    const toast = undo.closest<HTMLElement>('.ck-UndoToast')!;
    await vi.waitFor(() => expect(toast.hasAttribute('data-paused')).toBe(true));
    await new Promise((r) => setTimeout(r, 600));
    expect(deleteCalls(h)).toHaveLength(0);
    // Hover keeps it too, after focus leaves.
    await userEvent.hover(toast);
    h.row('Person 1').focus();
    await new Promise((r) => setTimeout(r, 600));
    expect(deleteCalls(h)).toHaveLength(0);
    expect(within(h.root).getByRole('button', { name: 'Undo' })).toBeTruthy();
    // Leaving it lets the window close.
    await userEvent.hover(h.row('Person 1'));
    await vi.waitFor(() => expect(deleteCalls(h)).toHaveLength(1), { timeout: 6000 });
  });

  it('a removal that fails after the undo window names the failure, brings the row back and offers Retry', async () => {
    let fail = true;
    const h = await renderList({
      count: 5,
      clearHistory: 'never',
      undoTimeoutMs: 100,
      server: { injectFault: (op, id) => (fail && op === 'deleteConversationList' && id ? 2996 : undefined) },
    });
    h.row('Person 2').focus();
    await userEvent.keyboard('{Delete}');
    await vi.waitFor(() => expect(within(h.root).getByText(/^Couldn't delete 1 conversation\. Too many requests/)).toBeTruthy(), {
      timeout: 8000,
    });
    await vi.waitFor(() => expect(h.status().textContent).toMatch(/^Couldn't delete 1 conversation: Too many requests/));
    await vi.waitFor(() => expect(h.rows().map((r) => r.dataset.id)).toContain('C2Cuser2'));
    expect(h.server.getConversation('C2Cuser2')).toBeDefined();
    fail = false;
    await userEvent.click(within(h.root).getByRole('button', { name: 'Retry' }));
    await vi.waitFor(() => expect(h.server.getConversation('C2Cuser2')).toBeUndefined());
    await vi.waitFor(() => expect(within(h.root).queryByRole('button', { name: 'Retry' })).toBeNull());
    expectFocusNotOnBody();
  });
});
