import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { SelectionToolbar } from '../src/components/SelectionToolbar/index.js';

/** The list's toolbar: Select; then Select all, "N selected", "Delete N", Cancel; progress. */
const meta = {
  title: 'Parts/SelectionToolbar',
  component: SelectionToolbar,
  tags: ['autodocs'],
  args: {
    selectionMode: 'multiple',
    selectedCount: 3,
    onSelect: fn(),
    onSelectAll: fn(),
    onDelete: fn(),
    onCancel: fn(),
  },
  decorators: [(Story) => <div className="ck-ConversationList" style={{ maxWidth: 420, height: 'auto' }}><Story /></div>],
} satisfies Meta<typeof SelectionToolbar>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Selecting: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('3 selected')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Delete 3' }));
    await expect(args.onDelete).toHaveBeenCalled();
  },
};

export const Progress: Story = {
  args: { progress: { done: 400, total: 1000 }, selectedCount: 1000 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '400');
  },
};

export const Idle: Story = {
  args: { selectionMode: 'none', selectedCount: 0 },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Select' }));
    await expect(args.onSelect).toHaveBeenCalled();
  },
};
