import { act, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { useState } from 'react';
import { userEvent } from 'vitest/browser';
import { ConfirmDeleteDialog, type ConfirmDeleteDialogProps } from '../../src/components/ConfirmDeleteDialog/index.js';
import '../../src/theme/tokens.css';
import '../../src/components/ConfirmDeleteDialog/ConfirmDeleteDialog.css';

type Extra = Partial<ConfirmDeleteDialogProps> & { theme?: 'light' | 'dark' };

/** A host page: an invoker button, something after it, and the dialog controlled by state. */
function Host({ onCancel, onConfirm, theme = 'light', ...props }: Extra) {
  const [open, setOpen] = useState(false);
  return (
    <div className="ck-ConversationList" data-theme={theme}>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <button type="button">Elsewhere</button>
      <ConfirmDeleteDialog
        count={3}
        {...props}
        open={open}
        onCancel={() => {
          onCancel?.();
          setOpen(false);
        }}
        onConfirm={(options) => onConfirm?.(options)}
      />
    </div>
  );
}

async function openDialog(props: Extra = {}) {
  const callbacks = { onCancel: vi.fn(), onConfirm: vi.fn(), onRetry: vi.fn() };
  const utils = render(<Host {...callbacks} {...props} />);
  const invoker = screen.getByRole('button', { name: 'Open' });
  await userEvent.click(invoker);
  const dialog = await screen.findByRole('alertdialog');
  return { ...utils, ...callbacks, invoker, dialog };
}

const name = (el: Element | null) => el?.textContent;

describe('ConfirmDeleteDialog', () => {
  describe('given it opens (D1, D2, D5, D6)', () => {
    it('is a modal alertdialog labelled by its title and described by its consequence text', async () => {
      const { dialog } = await openDialog();
      expect(dialog.tagName).toBe('DIALOG');
      expect((dialog as HTMLDialogElement).open).toBe(true);
      expect(dialog.matches(':modal')).toBe(true);
      expect(dialog.getAttribute('aria-modal')).toBe('true');
      const title = document.getElementById(dialog.getAttribute('aria-labelledby')!);
      const body = document.getElementById(dialog.getAttribute('aria-describedby')!);
      expect(title?.textContent).toBe('Delete 3 conversations?');
      // D1: a dialog without a description fails.
      expect(body?.textContent).toBe(
        "All messages in these conversations will be permanently deleted from this device and from our servers. This can't be undone.",
      );
      expect(screen.getByRole('alertdialog', { name: 'Delete 3 conversations?' })).toBe(dialog);
    });
    it('starts focus on Cancel and names the destructive button, never OK/Yes', async () => {
      const { dialog } = await openDialog();
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
      const confirm = screen.getByRole('button', { name: 'Delete 3 conversations' });
      expect(confirm.hasAttribute('data-destructive')).toBe(true);
      expect(dialog.textContent).not.toMatch(/\b(OK|Yes)\b/);
    });
    it('names a single conversation, isolating its text', async () => {
      await openDialog({ count: 1, name: '\u202EecilA' });
      const title = screen.getByRole('heading');
      expect(title.textContent).toBe('Delete conversation with \u202EecilA?');
      expect(title.querySelector('bdi')?.textContent).toBe('\u202EecilA');
      expect(screen.getByRole('button', { name: 'Delete conversation' })).toBeTruthy();
    });
  });

  describe('given the keyboard (D3, D5)', () => {
    it('Tab and Shift+Tab cycle inside the dialog', async () => {
      const { dialog } = await openDialog();
      const checkbox = screen.getByRole('checkbox', { name: 'Keep message history' });
      const cancel = screen.getByRole('button', { name: 'Cancel' });
      const confirm = screen.getByRole('button', { name: 'Delete 3 conversations' });
      await userEvent.keyboard('{Tab}');
      expect(document.activeElement).toBe(confirm);
      await userEvent.keyboard('{Tab}');
      expect(document.activeElement).toBe(checkbox);
      await userEvent.keyboard('{Tab}');
      expect(document.activeElement).toBe(cancel);
      await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
      expect(document.activeElement).toBe(checkbox);
      await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
      expect(document.activeElement).toBe(confirm);
      for (let i = 0; i < 7; i++) {
        await userEvent.keyboard('{Tab}');
        expect(dialog.contains(document.activeElement)).toBe(true);
      }
    });
    it('Escape cancels once and focus returns to the invoker (D4)', async () => {
      const { onCancel, onConfirm, invoker } = await openDialog();
      await userEvent.keyboard('{Escape}');
      expect(onCancel).toHaveBeenCalledTimes(1);
      expect(onConfirm).not.toHaveBeenCalled();
      expect(screen.queryByRole('alertdialog')).toBeNull();
      expect(document.activeElement).toBe(invoker);
    });
    it('Enter activates only the focused button: Cancel first, Delete only when focused', async () => {
      const { onCancel, onConfirm } = await openDialog();
      await userEvent.keyboard('{Enter}');
      expect(onCancel).toHaveBeenCalledTimes(1);
      expect(onConfirm).not.toHaveBeenCalled();

      await userEvent.click(screen.getByRole('button', { name: 'Open' }));
      await userEvent.keyboard('{Tab}'); // Delete
      await userEvent.keyboard('{Enter}');
      expect(onConfirm).toHaveBeenCalledTimes(1);
      expect(onConfirm).toHaveBeenCalledWith({ keepHistory: false });
    });
    it('Enter on the checkbox does not confirm', async () => {
      const { onConfirm } = await openDialog();
      await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
      expect(document.activeElement).toBe(screen.getByRole('checkbox'));
      await userEvent.keyboard('{Enter}');
      expect(onConfirm).not.toHaveBeenCalled();
      expect(screen.getByRole('alertdialog')).toBeTruthy();
    });
  });

  describe('given a pointer', () => {
    it('a click on the backdrop does nothing (D3)', async () => {
      const { onCancel, onConfirm, dialog } = await openDialog();
      await userEvent.click(document.body, { position: { x: 4, y: 4 }, force: true } as never);
      expect(onCancel).not.toHaveBeenCalled();
      expect(onConfirm).not.toHaveBeenCalled();
      expect((dialog as HTMLDialogElement).open).toBe(true);
    });
    it('the page behind is inert', async () => {
      await openDialog();
      const elsewhere = screen.getByRole('button', { name: 'Elsewhere', hidden: true });
      elsewhere.focus();
      expect(document.activeElement).not.toBe(elsewhere);
    });
    it('returnFocusTo wins over the invoker (C3: the invoker may be gone)', async () => {
      const { invoker } = await openDialog({ returnFocusTo: () => screen.getByRole('button', { name: 'Elsewhere' }) });
      await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(document.activeElement).not.toBe(invoker);
      expect(name(document.activeElement)).toBe('Elsewhere');
    });
  });

  describe("given clearHistory 'ask' (D7)", () => {
    it('"Keep message history" switches the text and the button to the reversible removal', async () => {
      const onKeepHistoryChange = vi.fn();
      const { onConfirm, dialog } = await openDialog({ onKeepHistoryChange });
      await userEvent.click(screen.getByRole('checkbox', { name: 'Keep message history' }));
      expect(onKeepHistoryChange).toHaveBeenCalledWith(true);
      expect(screen.getByRole('alertdialog', { name: 'Remove 3 conversations from your list?' })).toBe(dialog);
      const body = document.getElementById(dialog.getAttribute('aria-describedby')!);
      expect(body?.textContent).toMatch(/Message history is kept/);
      expect(body?.textContent).not.toMatch(/permanently/);
      const remove = screen.getByRole('button', { name: 'Remove from list' });
      expect(remove.hasAttribute('data-destructive')).toBe(false);
      await userEvent.click(remove);
      expect(onConfirm).toHaveBeenCalledWith({ keepHistory: true });
    });
    it("offers no checkbox under 'always'", async () => {
      await openDialog({ clearHistory: 'always', keepHistory: true });
      expect(screen.queryByRole('checkbox')).toBeNull();
      expect(screen.getByRole('button', { name: 'Delete 3 conversations' })).toBeTruthy();
    });
  });

  describe('given a pending or failed deletion (D9)', () => {
    it('pending: the confirm button says "Deleting…", is aria-disabled and ignores presses', async () => {
      const { onConfirm } = await openDialog({ status: 'pending' });
      const confirm = screen.getByRole('button', { name: 'Deleting…' });
      expect(confirm.getAttribute('aria-disabled')).toBe('true');
      expect(confirm.hasAttribute('data-pending')).toBe(true);
      // Playwright refuses to click aria-disabled controls; force the real click anyway.
      await userEvent.click(confirm, { force: true } as never);
      await userEvent.click(confirm, { force: true } as never);
      confirm.focus();
      await userEvent.keyboard('{Enter}');
      expect(onConfirm).not.toHaveBeenCalled();
    });
    it('error: names how many failed and why, and offers Retry', async () => {
      const { onRetry, onConfirm } = await openDialog({ status: 'error', error: { count: 2, codes: [2800, 10006] } });
      expect(screen.getByRole('alert').textContent).toBe(
        "Couldn't delete 2 conversations. Network error. Check your connection and try again. The server is busy. Wait a moment and try again.",
      );
      await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
      expect(onRetry).toHaveBeenCalledTimes(1);
      expect(onConfirm).not.toHaveBeenCalled();
    });
  });

  describe('given the kit contract', () => {
    it('forwards ref, merges className and style, spreads props', async () => {
      const ref = { current: null as HTMLDialogElement | null };
      render(
        <ConfirmDeleteDialog
          ref={ref}
          open
          count={2}
          className="mine"
          style={{ maxInlineSize: 300 }}
          data-testid="d"
          onConfirm={() => {}}
          onCancel={() => {}}
          locale="zh-CN"
        />,
      );
      const dialog = screen.getByTestId('d');
      expect(ref.current).toBe(dialog);
      expect(dialog.className).toBe('ck-ConfirmDeleteDialog mine');
      expect(dialog.style.maxInlineSize).toBe('300px');
      expect(screen.getByRole('alertdialog', { name: '删除 2 个会话？' })).toBe(dialog);
    });
    it('renders nothing while closed', () => {
      render(<ConfirmDeleteDialog open={false} count={1} onConfirm={() => {}} onCancel={() => {}} />);
      expect(document.querySelector('dialog')).toBeNull();
    });
  });

  describe.each(['light', 'dark'] as const)('given the %s theme', (theme) => {
    it('axe finds no violations, checkbox checked or not, in error state', async () => {
      const { dialog } = await openDialog({ theme, status: 'error', error: { count: 1, codes: [2801] } });
      // The entry animation fades in: contrast is only meaningful once it has finished.
      await Promise.all(dialog.getAnimations({ subtree: true }).map((a) => a.finished));
      let result = await axe.run(dialog);
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
      await userEvent.click(screen.getByRole('checkbox'));
      result = await axe.run(dialog);
      expect(result.violations.map((v) => v.id)).toEqual([]);
    });
  });
});

// Keep React's act warnings quiet for real-browser events.
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});
void act;
