import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { useMemo } from 'react';
import { ConversationList } from '../src/components/ConversationList/index.js';
import { createMemoryChatServer } from '../src/sdk/memory/index.js';
import { generateConversations } from '../src/sdk/generate.js';
import type { Conversation } from '../src/sdk/types.js';
import { DEMO_NOW, fixtures, inFrame } from './support/demo.js';

function List({ conversations, ...props }: { conversations: Conversation[] } & Record<string, unknown>) {
  const adapter = useMemo(() => createMemoryChatServer({ conversations }).connect(), [conversations]);
  return <ConversationList adapter={adapter} {...props} />;
}

const meta = {
  title: 'Locales',
  component: List,
  decorators: [inFrame],
  // Each story fixes its locale and direction; the toolbar's theme still applies.
  render: (args, { globals }) => <List theme={globals.theme} {...args} />,
} satisfies Meta<typeof List>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Simplified Chinese: every string, plurals and dates through `Intl`. */
export const ChineseSimplified: Story = {
  name: 'zh-CN',
  args: { conversations: fixtures(500, 7), locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('grid', { name: '会话' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: '选择' }));
    const rows = await canvas.findAllByRole('row');
    await userEvent.click(rows[0]);
    await expect(canvas.getByText('已选择 1 项')).toBeVisible();
  },
};

const arabicOnly = generateConversations(3000, { seed: 11, now: DEMO_NOW }).filter((c) =>
  /[\u0600-\u06ff]/.test(c.showName),
);

/** Right to left: Arabic names, `dir="rtl"`; layout and swipe directions mirror. */
export const RightToLeft: Story = {
  name: 'RTL',
  args: { conversations: arabicOnly, dir: 'rtl', locale: 'ar' },
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('.ck-ConversationList')!;
    await expect(list).toHaveAttribute('dir', 'rtl');
    const rows = await within(canvasElement).findAllByRole('row');
    const avatar = rows[0].querySelector('.ck-Avatar, [class*="Avatar"]')!;
    // The avatar sits at the inline start: on the right in RTL.
    await expect(avatar.getBoundingClientRect().left).toBeGreaterThan(rows[0].getBoundingClientRect().width / 2);
  },
};
