import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConfirmDeleteDialog } from '../src/components/ConfirmDeleteDialog/index.js';

/**
 * The confirmation for an irreversible delete, on its own (interaction.md D1–D9). Inside a
 * `ConversationList` the list drives it; apps that delete from elsewhere can use it directly.
 */
const meta = {
  title: 'ConfirmDeleteDialog',
  component: ConfirmDeleteDialog,
  tags: ['autodocs'],
  args: {
    open: true,
    count: 1,
    name: 'Alice Anderson',
    clearHistory: 'ask',
    status: 'idle',
    onConfirm: fn(),
    onCancel: fn(),
    onRetry: fn(),
    onKeepHistoryChange: fn(),
  },
  argTypes: {
    clearHistory: { control: 'inline-radio', options: ['ask', 'always'] },
    status: { control: 'inline-radio', options: ['idle', 'pending', 'error'] },
  },
  render: (args, { globals }) => (
    <ConfirmDeleteDialog {...args} theme={globals.theme} locale={globals.locale} dir={globals.dir} />
  ),
  parameters: { docs: { story: { inline: false, iframeHeight: 360 } } },
} satisfies Meta<typeof ConfirmDeleteDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

const dialog = () => within(document.body).findByRole('alertdialog');

/** One conversation: the title names it; focus starts on Cancel (D2). */
export const Single: Story = {
  play: async ({ args }) => {
    const d = await dialog();
    await expect(d).toHaveAccessibleName('Delete conversation with Alice Anderson?');
    await expect(d).toHaveAccessibleDescription(/permanently deleted from this device and from our servers/i);
    await expect(within(d).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(args.onCancel).toHaveBeenCalled();
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};

/** Three conversations: verb, object and count in the title and on the button (D5). */
export const Bulk: Story = {
  args: { count: 3, name: undefined },
  play: async ({ args }) => {
    const d = await dialog();
    await expect(d).toHaveAccessibleName('Delete 3 conversations?');
    await userEvent.click(within(d).getByRole('button', { name: /^Delete 3 conversations/ }));
    await expect(args.onConfirm).toHaveBeenCalledWith({ keepHistory: false });
  },
};

/** "Keep message history" checked: the text and the button switch to the reversible removal (D7). */
export const KeepHistoryChecked: Story = {
  args: { count: 3, name: undefined, keepHistory: true },
  play: async () => {
    const d = await dialog();
    await expect(within(d).getByRole('checkbox', { name: 'Keep message history' })).toBeChecked();
    await waitFor(() => expect(within(d).getByRole('button', { name: /^Remove/ })).toBeVisible());
    await expect(d).not.toHaveAccessibleDescription(/permanently/i);
  },
};

/** The server call is running: the confirm button shows it and ignores presses (D9). */
export const Pending: Story = {
  args: { count: 12, name: undefined, status: 'pending' },
  play: async ({ args }) => {
    const d = await dialog();
    const confirm = within(d).getByRole('button', { name: /Deleting/ });
    await userEvent.click(confirm);
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};

/** Some items failed: what failed, why, and Retry (D9). */
export const Error: Story = {
  args: { count: 12, name: undefined, status: 'error', error: { count: 2, codes: [2800, 10006] } },
  play: async ({ args }) => {
    const d = await dialog();
    await waitFor(() => expect(within(d).getByText(/Couldn.t delete 2 conversations/)).toBeVisible());
    await userEvent.click(within(d).getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

/** `clearHistory: 'always'`: no checkbox, the plain warning. */
export const AlwaysClear: Story = {
  args: { clearHistory: 'always', count: 2, name: undefined },
  play: async () => {
    const d = await dialog();
    await expect(within(d).queryByRole('checkbox')).toBeNull();
  },
};

/**
 * D8: deleting every conversation (Select all, then Delete) is account-wide, so the button
 * stays disabled until the phrase is typed exactly. Ordinary deletes never ask for this.
 */
export const DeleteEverything: Story = {
  args: { count: 10_000, name: undefined, confirmPhrase: 'delete all' },
  play: async ({ args }) => {
    const d = await dialog();
    const confirm = within(d).getByRole('button', { name: /^Delete 10,000 conversations/ });
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await userEvent.type(within(d).getByRole('textbox'), 'delete all');
    await expect(confirm).not.toHaveAttribute('aria-disabled');
    await userEvent.click(confirm);
    await expect(args.onConfirm).toHaveBeenCalledWith({ keepHistory: false });
  },
};
