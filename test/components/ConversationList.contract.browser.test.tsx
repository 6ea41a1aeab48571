/**
 * ConversationList: the accessible contract (api.md) in real Chromium, with the real store and
 * the real memory server.
 */
import { userEvent } from 'vitest/browser';
import { expectFocusNotOnBody, focusedRow, page, renderList, screen, within } from './listHarness.js';

beforeEach(async () => {
  await page.viewport(800, 800);
});

describe('ConversationList: the accessible contract', () => {
  describe('given a loaded list', () => {
    it('is a grid with an accessible name; each row is named starting with its showName', async () => {
      const { grid, rows, server } = await renderList({ count: 12 });
      expect(screen.getByRole('grid', { name: 'Conversations' })).toBe(grid);
      const names = server.getConversations().map((c) => c.showName);
      await vi.waitFor(() => expect(rows()).toHaveLength(12));
      rows().forEach((row, i) => {
        expect(row.getAttribute('role')).toBe('row');
        expect(row.getAttribute('aria-label')!.startsWith(names[i])).toBe(true);
        expect(row.getAttribute('aria-rowindex')).toBe(String(i + 1));
      });
    });

    it('Enter on a focused row opens it: onConversationSelect gets the conversation', async () => {
      const onConversationSelect = vi.fn();
      const { row } = await renderList({ count: 5, onConversationSelect });
      row('Person 2').focus();
      await userEvent.keyboard('{Enter}');
      expect(onConversationSelect).toHaveBeenCalledTimes(1);
      expect(onConversationSelect.mock.calls[0][0]).toMatchObject({ conversationID: 'C2Cuser2', showName: 'Person 2' });
    });

    it('a click on a row opens it', async () => {
      const onConversationSelect = vi.fn();
      const { row } = await renderList({ count: 5, onConversationSelect });
      await userEvent.click(row('Person 3'));
      expect(onConversationSelect).toHaveBeenCalledWith(expect.objectContaining({ conversationID: 'C2Cuser3' }));
    });

    for (const key of ['Delete', 'Backspace']) {
      it(`${key} on a focused row starts deleting it: the dialog opens, nothing is deleted yet`, async () => {
        const { row, server, rows } = await renderList({ count: 5 });
        row('Person 2').focus();
        await userEvent.keyboard(`{${key}}`);
        const dialog = await screen.findByRole('alertdialog', { name: 'Delete conversation with Person 2?' });
        expect(dialog).toBeTruthy();
        expect(server.calls.filter((c) => c.operation === 'deleteConversationList')).toHaveLength(0);
        expect(server.getConversations()).toHaveLength(5);
        expect(rows()).toHaveLength(5);
      });
    }

    it('every row has a "More actions" button opening a menu with a "Delete" menuitem', async () => {
      const { rows } = await renderList({ count: 5 });
      for (const row of rows()) {
        expect(within(row).getByRole('button', { name: 'More actions' })).toBeTruthy();
      }
      const row = rows()[1];
      await userEvent.click(within(row).getByRole('button', { name: 'More actions' }));
      const menu = await screen.findByRole('menu');
      const items = within(menu).getAllByRole('menuitem').map((i) => i.textContent);
      expect(items).toContain('Delete');
      await userEvent.click(within(menu).getByRole('menuitem', { name: 'Delete' }));
      expect(await screen.findByRole('alertdialog', { name: 'Delete conversation with Person 2?' })).toBeTruthy();
    });
  });

  describe('given selection mode', () => {
    it('"Select" enters it; a click toggles a row; the toolbar delete button names the count', async () => {
      const onConversationSelect = vi.fn();
      const { row, toolbar, grid } = await renderList({ count: 10, onConversationSelect });
      await userEvent.click(within(toolbar()).getByRole('button', { name: 'Select' }));
      expect(grid.getAttribute('aria-multiselectable')).toBe('true');
      await userEvent.click(row('Person 1'));
      await userEvent.click(row('Person 3'));
      await userEvent.click(row('Person 5'));
      expect(row('Person 1').getAttribute('aria-selected')).toBe('true');
      expect(row('Person 2').getAttribute('aria-selected')).toBe('false');
      expect(within(toolbar()).getByRole('button', { name: 'Delete 3' })).toBeTruthy();
      expect(toolbar().textContent).toContain('3 selected');
      await userEvent.click(row('Person 3'));
      expect(row('Person 3').getAttribute('aria-selected')).toBe('false');
      expect(within(toolbar()).getByRole('button', { name: 'Delete 2' })).toBeTruthy();
      expect(onConversationSelect).not.toHaveBeenCalled();
    });

    it('"Select all" selects every conversation, loaded or not', async () => {
      const { toolbar, rows, server } = await renderList({ count: 250, pageSize: 100 });
      await userEvent.click(within(toolbar()).getByRole('button', { name: 'Select' }));
      await userEvent.click(within(toolbar()).getByRole('button', { name: 'Select all' }));
      // Not every page is loaded: the toolbar says all are selected.
      expect(toolbar().textContent).toMatch(/All selected|250 selected/);
      rows().forEach((r) => expect(r.getAttribute('aria-selected')).toBe('true'));
      await userEvent.click(within(toolbar()).getByRole('button', { name: /^Delete/ }));
      const dialog = await screen.findByRole('alertdialog');
      // D8: deleting every conversation asks for the phrase; the button does nothing before it.
      const confirm = await within(dialog).findByRole('button', { name: /^Delete/ });
      expect(confirm.getAttribute('aria-disabled')).toBe('true');
      await userEvent.type(within(dialog).getByRole('textbox', { name: /type .delete all./i }), 'delete all');
      // Confirming deletes every conversation on the server, including pages never loaded.
      await userEvent.click(within(dialog).getByRole('button', { name: /^Delete 250/ }));
      await vi.waitFor(() => expect(server.getConversations()).toHaveLength(0), { timeout: 5000 });
      const calls = server.calls.filter((c) => c.operation === 'deleteConversationList');
      expect(new Set(calls.flatMap((c) => c.ids as string[])).size).toBe(250);
      expect(calls.every((c) => c.clearMessage === true)).toBe(true);
    });
  });

  describe('given the confirmation dialog', () => {
    it('is an alertdialog, focus on Cancel, confirm named "Delete…", keep-history checkbox, scope text', async () => {
      const { row, toolbar } = await renderList({ count: 10 });
      await userEvent.click(within(toolbar()).getByRole('button', { name: 'Select' }));
      for (const n of [1, 2, 3]) await userEvent.click(row(`Person ${n}`));
      await userEvent.click(within(toolbar()).getByRole('button', { name: 'Delete 3' }));
      const dialog = await screen.findByRole('alertdialog', { name: 'Delete 3 conversations?' });
      expect(dialog.getAttribute('aria-modal')).toBe('true');
      await vi.waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' })));
      const confirm = within(dialog).getByRole('button', { name: /^Delete/ });
      expect(confirm.textContent).toBe('Delete 3 conversations');
      const keep = within(dialog).getByRole('checkbox', { name: 'Keep message history' }) as HTMLInputElement;
      expect(keep.checked).toBe(false);
      const description = document.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent!;
      expect(description).toMatch(/permanently deleted/);
      expect(description).toMatch(/this device/);
      expect(description).toMatch(/server/);
    });

    it('confirming deletes with history cleared and announces it in role=status', async () => {
      const { row, server, status, rows } = await renderList({ count: 5 });
      row('Person 2').focus();
      await userEvent.keyboard('{Delete}');
      const dialog = await screen.findByRole('alertdialog');
      await userEvent.click(within(dialog).getByRole('button', { name: /^Delete/ }));
      await vi.waitFor(() => expect(status().textContent).toBe('Conversation deleted'));
      expect(rows().map((r) => r.dataset.id)).not.toContain('C2Cuser2');
      expect(server.getConversation('C2Cuser2')).toBeUndefined();
      expect(server.getHistory('C2Cuser2')).toBeUndefined();
      expectFocusNotOnBody();
      expect(focusedRow()?.dataset.id).toBe('C2Cuser3');
    });

    it('with "Keep message history" checked it removes (with Undo) and keeps the history on the server', async () => {
      const { row, server, root } = await renderList({ count: 5, undoTimeoutMs: 2000 });
      row('Person 2').focus();
      await userEvent.keyboard('{Delete}');
      const dialog = await screen.findByRole('alertdialog');
      await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Keep message history' }));
      const confirm = within(dialog).getByRole('button', { name: 'Remove from list' });
      expect(document.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).toMatch(/history is kept/i);
      await userEvent.click(confirm);
      // Reversible: an Undo toast instead of a second dialog (E1), sent when the window closes.
      expect(within(root).getByRole('button', { name: 'Undo' })).toBeTruthy();
      await vi.waitFor(() => expect(server.getConversation('C2Cuser2')).toBeUndefined(), { timeout: 6000 });
      expect(server.getHistory('C2Cuser2')).toBeDefined();
      const del = server.calls.filter((c) => c.operation === 'deleteConversationList');
      expect(del.map((c) => c.clearMessage)).toEqual([false]);
    });

    it('a failure names what failed (count and reason) and offers Retry, which succeeds', async () => {
      let fail = true;
      const { row, server, status, root } = await renderList({
        count: 5,
        server: { injectFault: (op, id) => (fail && op === 'deleteConversationList' && id ? 10007 : undefined) },
      });
      row('Person 2').focus();
      await userEvent.keyboard('{Delete}');
      const dialog = await screen.findByRole('alertdialog');
      await userEvent.click(within(dialog).getByRole('button', { name: /^Delete/ }));
      await vi.waitFor(() => expect(status().textContent).toMatch(/Couldn't delete 1 conversation/));
      const failureText = within(root).getAllByText(/Couldn't delete 1 conversation/);
      expect(failureText.length).toBeGreaterThan(0);
      expect(server.getConversation('C2Cuser2')).toBeDefined();
      expect(row('Person 2')).toBeTruthy();
      fail = false;
      const retry = within(root).getAllByRole('button', { name: 'Retry' })[0];
      await userEvent.click(retry);
      await vi.waitFor(() => expect(server.getConversation('C2Cuser2')).toBeUndefined());
      await vi.waitFor(() => expect(status().textContent).toBe('Conversation deleted'));
    });
  });
});
