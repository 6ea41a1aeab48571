import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { UndoToast } from '../src/components/UndoToast/index.js';

/** The toast after a reversible removal (interaction.md E1–E3). The list owns its timer. */
const meta = {
  title: 'Parts/UndoToast',
  component: UndoToast,
  tags: ['autodocs'],
  args: { count: 3, onUndo: fn(), onDismiss: fn(), onPauseChange: fn() },
  decorators: [(Story) => <div style={{ maxWidth: 420 }}><Story /></div>],
} satisfies Meta<typeof UndoToast>;
export default meta;

export const Removed: StoryObj<typeof meta> = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText('3 conversations removed')).toBeVisible());
    await userEvent.tab();
    await expect(args.onPauseChange).toHaveBeenCalledWith(true);
    await userEvent.click(canvas.getByRole('button', { name: 'Undo' }));
    await expect(args.onUndo).toHaveBeenCalled();
  },
};
