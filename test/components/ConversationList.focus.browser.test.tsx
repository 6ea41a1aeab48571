/**
 * ConversationList: keyboard focus never lands on <body> after any deletion path (C3, D4), and
 * repeated outcomes are announced again (C4).
 */
import { userEvent } from 'vitest/browser';
import { expectFocusNotOnBody, focusedRow, page, renderList, screen, swipeOf, swipeRow, tabbableRows, within, type ListHarness } from './listHarness.js';

beforeEach(async () => {
  await page.viewport(800, 800);
  await userEvent.hover(document.body, { position: { x: 700, y: 700 } });
});

type Path = (h: ListHarness, name: string) => Promise<void>;

const confirmDialog = async () => {
  const dialog = await screen.findByRole('alertdialog');
  // D8: deleting every conversation asks for a typed phrase first.
  const phrase = within(dialog).queryByRole('textbox');
  if (phrase) await userEvent.type(phrase, 'delete all');
  await userEvent.click(await within(dialog).findByRole('button', { name: /^(Delete|Remove)/ }));
};

const paths: Record<string, Path> = {
  'Delete key + dialog': async (h, name) => {
    h.row(name).focus();
    await userEvent.keyboard('{Delete}');
    await confirmDialog();
  },
  'More actions menu + dialog': async (h, name) => {
    h.row(name).focus();
    await userEvent.keyboard('{ArrowRight}{Enter}');
    const menu = await screen.findByRole('menu');
    within(menu).getByRole('menuitem', { name: 'Delete' }).focus();
    await userEvent.keyboard('{Enter}');
    await confirmDialog();
  },
  'context menu (Shift+F10) + dialog': async (h, name) => {
    h.row(name).focus();
    await userEvent.keyboard('{Shift>}{F10}{/Shift}');
    const menu = await screen.findByRole('menu');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Delete' }));
    await confirmDialog();
  },
  'swipe tray button + dialog': async (h, name) => {
    const row = h.row(name);
    row.focus();
    swipeRow(row, 110);
    await vi.waitFor(() => expect(swipeOf(row).dataset.open).toBe('trailing'));
    await userEvent.click(within(row).getByRole('button', { name: 'Delete' }));
    await confirmDialog();
  },
  'full swipe + dialog': async (h, name) => {
    const row = h.row(name);
    row.focus();
    swipeRow(row, 360);
    await confirmDialog();
  },
  'keep history in the dialog': async (h, name) => {
    h.row(name).focus();
    await userEvent.keyboard('{Delete}');
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Keep message history' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove from list' }));
  },
  'toolbar bulk delete': async (h, name) => {
    h.row(name).focus();
    await userEvent.keyboard(' {ArrowDown} ');
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Delete 2' }));
    await confirmDialog();
  },
};

describe('ConversationList: focus never lands on <body> (C3)', () => {
  for (const [label, run] of Object.entries(paths)) {
    it(`after ${label}`, async () => {
      const h = await renderList({ count: 6, undoTimeoutMs: 100 });
      await run(h, 'Person 3');
      await vi.waitFor(() => expect(h.rows().map((r) => r.dataset.id)).not.toContain('C2Cuser3'));
      await vi.waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
      await vi.waitFor(() => expect(focusedRow()).not.toBeNull());
      expectFocusNotOnBody();
      expect(tabbableRows(h.grid)).toHaveLength(1);
      // The keyboard still works from there.
      const before = focusedRow()!.dataset.index;
      await userEvent.keyboard('{ArrowUp}');
      await vi.waitFor(() => expect(focusedRow()!.dataset.index).not.toBe(before));
    });
  }

  it("after a removal under clearHistory 'never' (Delete key, then the undo window closes)", async () => {
    const h = await renderList({ count: 6, clearHistory: 'never', undoTimeoutMs: 100 });
    h.row('Person 3').focus();
    await userEvent.keyboard('{Delete}');
    await vi.waitFor(() => expect(h.server.getConversation('C2Cuser3')).toBeUndefined());
    await vi.waitFor(() => expect(within(h.root).queryByRole('button', { name: 'Undo' })).toBeNull());
    expect(document.activeElement).toBe(h.row('Person 4'));
  });

  it("after 'Remove 2' from the toolbar under clearHistory 'never' (no dialog)", async () => {
    const h = await renderList({ count: 6, clearHistory: 'never', undoTimeoutMs: 60_000 });
    h.row('Person 2').focus();
    await userEvent.keyboard(' {ArrowDown} ');
    within(h.toolbar()).getByRole('button', { name: 'Remove 2' }).focus();
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(h.rows()).toHaveLength(4));
    // C3: the next row takes focus from the vanished toolbar button, and the mode ended (B4).
    await vi.waitFor(() => expect(document.activeElement).toBe(h.row('Person 4')));
    expect(h.grid.hasAttribute('aria-multiselectable')).toBe(false);
    expectFocusNotOnBody();
    expect(h.root.contains(document.activeElement)).toBe(true);
  });

  it('after the focused row is deleted on another device', async () => {
    const h = await renderList({ count: 6 });
    h.row('Person 3').focus();
    const other = h.server.connect();
    await other.deleteConversationList(['C2Cuser3'], true);
    await vi.waitFor(() => expect(h.rows().map((r) => r.dataset.id)).not.toContain('C2Cuser3'));
    await vi.waitFor(() => expect(document.activeElement).toBe(h.row('Person 4')));
    await vi.waitFor(() => expect(h.status().textContent).toBe('Deleted on another device'));
  });

  it('after every row is deleted: the grid holds focus and stays in the tab order', async () => {
    const h = await renderList({ count: 3 });
    h.row('Person 1').focus();
    await userEvent.keyboard('{Control>}a{/Control}{Delete}');
    await confirmDialog();
    await vi.waitFor(() => expect(h.server.getConversations()).toHaveLength(0));
    await vi.waitFor(() => expect(document.activeElement).toBe(h.grid));
    expect(h.grid.tabIndex).toBe(0);
  });
});

describe('ConversationList: focus across live updates', () => {
  it('a new message moving the focused row to the top keeps focus on that row', async () => {
    const h = await renderList({ count: 6 });
    h.row('Person 5').focus();
    h.server.receiveMessage('C2Cuser5', { text: 'ping', timestamp: Date.now() + 1000 });
    await vi.waitFor(() => expect(h.rows()[0].dataset.id).toBe('C2Cuser5'));
    await vi.waitFor(() => expect(document.activeElement).toBe(h.row('Person 5')));
    expect(tabbableRows(h.grid).map((r) => r.dataset.id)).toEqual(['C2Cuser5']);
    await userEvent.keyboard('{ArrowDown}');
    expect(focusedRow()?.dataset.id).toBe('C2Cuser1');
  });

  it('a message moving another row above the focused one keeps focus where it is', async () => {
    const h = await renderList({ count: 6 });
    h.row('Person 2').focus();
    h.server.receiveMessage('C2Cuser6', { text: 'ping', timestamp: Date.now() + 1000 });
    await vi.waitFor(() => expect(h.rows()[0].dataset.id).toBe('C2Cuser6'));
    expect(document.activeElement).toBe(h.row('Person 2'));
  });
});

describe('ConversationList: announcements (C4)', () => {
  it('the same outcome twice is announced twice (the live region changes each time)', async () => {
    const h = await renderList({ count: 6 });
    const status = h.status();
    let mutations = 0;
    const observer = new MutationObserver((records) => (mutations += records.length));
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    h.row('Person 1').focus();
    await userEvent.keyboard('{Delete}');
    await confirmDialog();
    await vi.waitFor(() => expect(status.textContent).toBe('Conversation deleted'));
    await vi.waitFor(() => expect(document.activeElement).toBe(h.row('Person 2')));
    const afterFirst = mutations;
    await userEvent.keyboard('{Delete}');
    await confirmDialog();
    await vi.waitFor(() => expect(h.server.getConversation('C2Cuser2')).toBeUndefined());
    await vi.waitFor(() => expect(mutations).toBeGreaterThan(afterFirst));
    expect(status.textContent).toBe('Conversation deleted');
    observer.disconnect();
  });
});
