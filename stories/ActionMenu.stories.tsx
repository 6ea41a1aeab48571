import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ActionMenu } from '../src/components/ActionMenu/index.js';

/** Every row's "More actions" button: the non-gesture path to each swipe action (C1). */
const meta = {
  title: 'Parts/ActionMenu',
  component: ActionMenu,
  tags: ['autodocs'],
  args: {
    items: [
      { key: 'pin', label: 'Pin', onSelect: fn() },
      { key: 'read', label: 'Mark read', onSelect: fn() },
      { key: 'delete', label: 'Delete', destructive: true, onSelect: fn() },
    ],
  },
  decorators: [(Story) => <div style={{ padding: 24 }}><Story /></div>],
} satisfies Meta<typeof ActionMenu>;
export default meta;

export const Keyboard: StoryObj<typeof meta> = {
  play: async ({ canvasElement, args }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'More actions' });
    trigger.focus();
    await userEvent.keyboard('{ArrowDown}');
    const menu = await within(document.body).findByRole('menu');
    await userEvent.keyboard('{End}{Enter}');
    await expect(args.items[2].onSelect).toHaveBeenCalled();
    await expect(menu).not.toBeInTheDocument();
    await expect(trigger).toHaveFocus();
  },
};
