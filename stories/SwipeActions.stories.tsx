import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { SwipeActions } from '../src/components/SwipeActions/index.js';
import { swipe } from './support/gestures.js';

/**
 * The swipe part on its own: touch, pen and mouse (Pointer Events), direction lock, rubber band,
 * full swipe. The list owns "only one open"; here it is uncontrolled.
 */
const meta = {
  title: 'Parts/SwipeActions',
  component: SwipeActions,
  tags: ['autodocs'],
  args: {
    trailingActions: [{ key: 'delete', label: 'Delete', tone: 'destructive', onAction: fn() }],
    leadingActions: [
      { key: 'pin', label: 'Pin', tone: 'neutral', onAction: fn() },
      { key: 'read', label: 'Mark read', tone: 'accent', onAction: fn() },
    ],
    fullSwipe: 'confirm',
    onFullSwipe: fn(),
    onOpenChange: fn(),
    children: null,
  },
  render: (args) => (
    <div style={{ maxWidth: 420, height: 72, background: 'var(--ck-background, #fff)' }}>
      <SwipeActions {...args} style={{ height: 72 }}>
        <div style={{ height: 72, display: 'flex', alignItems: 'center', paddingInline: 16, background: 'var(--ck-background, #fff)' }}>
          Swipe me left or right
        </div>
      </SwipeActions>
    </div>
  ),
} satisfies Meta<typeof SwipeActions>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A partial swipe toward the start edge opens the trailing tray. */
export const Trailing: Story = {
  play: async ({ canvasElement, args }) => {
    const surface = canvasElement.querySelector('.ck-SwipeActions-surface')!;
    await swipe(surface, -110);
    await waitFor(() => expect(args.onOpenChange).toHaveBeenCalledWith('trailing'));
    await expect(within(canvasElement).getByRole('button', { name: 'Delete' })).toBeVisible();
  },
};

/** A full swipe reports itself on release; the host decides (the list opens its dialog). */
export const FullSwipe: Story = {
  play: async ({ canvasElement, args }) => {
    const surface = canvasElement.querySelector('.ck-SwipeActions-surface')!;
    await swipe(surface, -360, { pointerType: 'pen' });
    await waitFor(() => expect(args.onFullSwipe).toHaveBeenCalled());
  },
};
