import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { ConversationRow } from '../src/components/ConversationRow/index.js';
import { DEMO_NOW, fixtures } from './support/demo.js';

const [group, person] = [fixtures(200).find((c) => c.type === 'group' && c.lastMessage?.senderName)!, fixtures(200).find((c) => c.type === 'c2c')!];

/** The presentational content of one row; the list composes the grid row, swipe and menu around it. */
const meta = {
  title: 'Parts/ConversationRow',
  component: ConversationRow,
  tags: ['autodocs'],
  args: { conversation: group, now: DEMO_NOW, selected: false, selectionMode: false },
  decorators: [(Story) => <div style={{ maxWidth: 420, height: 72, background: 'var(--ck-background, #fff)' }}><Story /></div>],
} satisfies Meta<typeof ConversationRow>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Group: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(group.showName)).toBeVisible();
  },
};

export const Draft: Story = {
  args: { conversation: { ...person, draftText: 'See you at 8?' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('[Draft]')).toBeVisible();
  },
};

export const UnreadBadgeCapped: Story = {
  args: { conversation: { ...person, unreadCount: 1234 } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('99+')).toBeVisible();
  },
};

/** Hostile text renders as text: no markup, no layout break. */
export const HostileText: Story = {
  args: {
    conversation: {
      ...person,
      showName: '<img src=x onerror=alert(1)> \u202Eevil\u202C ' + 'x'.repeat(500),
      lastMessage: { text: '<script>alert(1)</script>', timestamp: Number.NaN },
      faceUrl: 'javascript:alert(1)',
    },
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img[src="x"], script')).toBeNull();
    const row = canvasElement.querySelector('.ck-ConversationRow')!;
    await expect(row.scrollWidth).toBeLessThanOrEqual(row.clientWidth + 1);
  },
};

export const Selected: Story = {
  args: { selected: true, selectionMode: 'multiple' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.ck-ConversationRow')).toHaveAttribute('data-selected');
  },
};
