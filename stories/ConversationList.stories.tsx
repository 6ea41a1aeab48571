import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { useMemo, type ComponentType } from 'react';
import { ConversationList, type ConversationListProps } from '../src/components/ConversationList/index.js';
import { createMemoryChatServer } from '../src/sdk/memory/index.js';
import { ErrorCode } from '../src/sdk/errors.js';
import { fixtures, inFrame, serverArgTypes, useDemoServer, type ServerArgs } from './support/demo.js';
import { swipe } from './support/gestures.js';

type Args = ServerArgs &
  Pick<ConversationListProps, 'clearHistory' | 'fullSwipe' | 'onConversationSelect' | 'undoTimeoutMs'>;

/** The list on the embedded memory server; theme, locale and direction come from the toolbar. */
function Demo({ count, latencyMs, faultRate, faultCodes, seed, ...props }: Args) {
  const server = useDemoServer({ count, latencyMs, faultRate, faultCodes, seed });
  const adapter = useMemo(() => server.connect(), [server]);
  return <ConversationList adapter={adapter} {...props} />;
}

const meta = {
  title: 'ConversationList',
  // The docs page shows ConversationList's own props; the stories render it on a demo server.
  component: ConversationList as unknown as ComponentType<Args>,
  tags: ['autodocs'],
  decorators: [inFrame],
  args: {
    count: 10_000,
    latencyMs: 0,
    faultRate: 0,
    faultCodes: [2800],
    seed: 1,
    clearHistory: 'ask',
    fullSwipe: 'confirm',
    onConversationSelect: fn(),
  },
  argTypes: {
    ...serverArgTypes,
    clearHistory: { control: 'inline-radio', options: ['ask', 'always', 'never'] },
    fullSwipe: { control: 'inline-radio', options: ['confirm', 'perform', false] },
  },
  parameters: { docs: { story: { height: '640px' } } },
  render: (args, { globals }) => (
    <Demo {...args} {...({ theme: globals.theme, locale: globals.locale, dir: globals.dir } as object)} />
  ),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<typeof meta>;

const grid = (canvas: HTMLElement) => within(canvas).findByRole('grid', {}, { timeout: 5000 });
const rows = async (canvas: HTMLElement) => {
  const g = await grid(canvas);
  await waitFor(() => expect(within(g).getAllByRole('row').length).toBeGreaterThan(3), { timeout: 5000 });
  return within(g).getAllByRole('row');
};
const status = (canvas: HTMLElement) => within(canvas).getByRole('status');
const dialog = () => within(document.body).findByRole('alertdialog');

// ---------------------------------------------------------------------------------------------

/** 10,000 conversations; only the visible rows (plus a small overscan) are in the DOM. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const list = await rows(canvasElement);
    expect(list.length).toBeLessThan(40);
    await userEvent.click(list[0]);
    await expect(args.onConversationSelect).toHaveBeenCalledTimes(1);
  },
};

export const Empty: Story = {
  args: { count: 0 },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/no conversations/i)).toBeVisible();
    expect(within(canvasElement).queryByRole('button', { name: 'Select' })).toBeNull();
  },
};

/** A slow server: skeleton rows, then the list. */
export const Loading: Story = {
  args: { latencyMs: 1500 },
  play: async ({ canvasElement }) => {
    const g = await grid(canvasElement);
    expect(g).toHaveAttribute('aria-busy', 'true');
    await waitFor(() => expect(g).not.toHaveAttribute('aria-busy'), { timeout: 4000 });
  },
};

/** The first page fails; Retry loads it. */
export const LoadError: Story = {
  render: function Render(args, { globals }) {
    const server = useMemo(() => {
      let failures = 1;
      return createMemoryChatServer({
        conversations: fixtures(200),
        injectFault: (op, id) => (op === 'getConversationList' && id === undefined && failures-- > 0 ? ErrorCode.NETWORK : undefined),
      });
    }, []);
    const adapter = useMemo(() => server.connect(), [server]);
    return <ConversationList adapter={adapter} theme={globals.theme} locale={globals.locale} dir={globals.dir} {...args} />;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Retry' }, { timeout: 5000 }));
    await rows(canvasElement);
  },
};

/** Swipe a row toward the start edge: the Delete tray opens; a full swipe asks first. */
export const Swipe: Story = {
  play: async ({ canvasElement }) => {
    const [first] = await rows(canvasElement);
    const surface = first.querySelector('.ck-SwipeActions-surface')!;
    const width = first.getBoundingClientRect().width;
    await swipe(surface, -width * 0.85);
    const d = await dialog();
    expect(within(d).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(d).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(first).toHaveAttribute('data-open'));
  },
};

/** Select mode, three rows, Delete 3 with the dialog. */
export const BulkSelect: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await rows(canvasElement);
    const names = list.slice(0, 3).map((r) => r.getAttribute('aria-label')!.split(',')[0]);
    await userEvent.click(canvas.getByRole('button', { name: 'Select' }));
    for (const row of list.slice(0, 3)) await userEvent.click(row);
    await userEvent.click(canvas.getByRole('button', { name: 'Delete 3' }));
    const d = await dialog();
    expect(d).toHaveAccessibleName('Delete 3 conversations?');
    await userEvent.click(within(d).getByRole('button', { name: /^Delete 3 conversations/ }));
    await waitFor(() => expect(status(canvasElement)).toHaveTextContent(/3 conversations deleted/i));
    for (const name of names) expect(canvas.queryByRole('row', { name: new RegExp(`^${name}`) })).toBeNull();
  },
};

/** `clearHistory: 'never'`: removal keeps history, no dialog, an Undo toast. */
export const KeepHistory: Story = {
  args: { clearHistory: 'never', count: 500 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const [first] = await rows(canvasElement);
    const label = first.getAttribute('aria-label')!;
    first.focus();
    await userEvent.keyboard('{Delete}');
    await waitFor(() => expect(status(canvasElement)).toHaveTextContent(/removed/i));
    expect(within(document.body).queryByRole('alertdialog')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(canvas.getByRole('row', { name: label })).toBeInTheDocument());
  },
};

/** `clearHistory: 'always'`: no "keep history" choice; the dialog warns plainly. */
export const AlwaysClear: Story = {
  args: { clearHistory: 'always', count: 500 },
  play: async ({ canvasElement }) => {
    const [first] = await rows(canvasElement);
    first.focus();
    await userEvent.keyboard('{Delete}');
    const d = await dialog();
    expect(within(d).queryByRole('checkbox')).toBeNull();
    expect(d).toHaveAccessibleDescription(/permanently deleted from this device and from our servers/i);
    await userEvent.keyboard('{Escape}');
  },
};

/** The server fails some IDs: they stay, selected, and Retry re-runs only them. */
export const PartialFailure: Story = {
  args: { count: 1000, faultRate: 0.3, faultCodes: [2500, 2800] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rows(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Select' }));
    const list = await rows(canvasElement);
    for (const row of list.slice(0, 8)) await userEvent.click(row);
    await userEvent.click(canvas.getByRole('button', { name: 'Delete 8' }));
    const d = await dialog();
    await userEvent.click(within(d).getByRole('button', { name: /^Delete 8/ }));
    await waitFor(() => expect(status(canvasElement)).toHaveTextContent(/couldn.t delete/i), { timeout: 8000 });
    expect(within(d).getByRole('button', { name: 'Retry' })).toBeVisible();
    const selected = within(canvasElement).getAllByRole('row').filter((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected.length).toBeGreaterThan(0);
  },
};

/**
 * Issue 3's showcase: a bulk delete of 1,000 conversations against a server with 150 ms latency
 * and injected failures. Batches of 100, two in flight, progress in the toolbar; the failed rows
 * stay in place, selected, and Retry re-runs only them.
 */
export const BulkDelete1000: Story = {
  name: 'Bulk delete 1,000 (slow, faulty server)',
  args: { count: 1001, latencyMs: 150, faultRate: 0.03, faultCodes: [2500, 2503] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const [first] = await rows(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Select' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Select all' }));
    // Keep one, so this is not "delete every conversation" (no typed phrase, D8).
    await userEvent.click(first);
    await userEvent.click(await canvas.findByRole('button', { name: 'Delete 1,000' }, { timeout: 8000 }));
    const d = await dialog();
    await userEvent.click(await within(d).findByRole('button', { name: /^Delete 1,000 conversations/ }, { timeout: 8000 }));
    await waitFor(() => expect(canvas.getByRole('progressbar')).toBeInTheDocument(), { timeout: 4000 });
    await waitFor(() => expect(status(canvasElement)).toHaveTextContent(/couldn.t delete/i), { timeout: 15000 });
    await expect(within(d).getByRole('button', { name: 'Retry' })).toBeVisible();
    const failed = canvasElement.querySelectorAll('[role="row"][aria-selected="true"]');
    expect(failed.length).toBeGreaterThan(0);
  },
};

/** Code 10006 (server frequency limit) on the first tries, then recovery through backoff. */
export const RateLimited: Story = {
  args: { count: 500 },
  render: function Render(args, { globals }) {
    const server = useMemo(() => {
      let limited = 2;
      return createMemoryChatServer({
        conversations: fixtures(500),
        injectFault: (op, id) =>
          op === 'deleteConversationList' && id === undefined && limited-- > 0 ? ErrorCode.SERVER_FREQUENCY_LIMIT : undefined,
      });
    }, []);
    const adapter = useMemo(() => server.connect(), [server]);
    return <ConversationList adapter={adapter} theme={globals.theme} locale={globals.locale} dir={globals.dir} clearHistory={args.clearHistory} />;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rows(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Select' }));
    const list = await rows(canvasElement);
    await userEvent.click(list[0]);
    await userEvent.click(list[1]);
    await userEvent.click(canvas.getByRole('button', { name: 'Delete 2' }));
    await userEvent.click(within(await dialog()).getByRole('button', { name: /^Delete 2/ }));
    await waitFor(() => expect(status(canvasElement)).toHaveTextContent(/2 conversations deleted/i), { timeout: 8000 });
  },
};

/** Two devices of one user side by side: delete on one, watch it leave the other. */
export const MultiDevice: Story = {
  args: { count: 300 },
  render: function Render(args, { globals }) {
    const server = useMemo(() => createMemoryChatServer({ conversations: fixtures(args.count) }), [args.count]);
    const phone = useMemo(() => server.connect(), [server]);
    const laptop = useMemo(() => server.connect(), [server]);
    const common = { theme: globals.theme, locale: globals.locale, dir: globals.dir, clearHistory: 'always' as const };
    return (
      <div className="sb-row">
        <div className="sb-frame" data-testid="phone">
          <ConversationList adapter={phone} aria-label="Phone" {...common} />
        </div>
        <div className="sb-frame" data-testid="laptop">
          <ConversationList adapter={laptop} aria-label="Laptop" {...common} />
        </div>
      </div>
    );
  },
  decorators: [],
  play: async ({ canvasElement }) => {
    const phone = within(canvasElement).getByTestId('phone');
    const laptop = within(canvasElement).getByTestId('laptop');
    const [first] = await rows(phone);
    const label = first.getAttribute('aria-label')!;
    await rows(laptop);
    first.focus();
    await userEvent.keyboard('{Delete}');
    await userEvent.click(within(await dialog()).getByRole('button', { name: /^Delete/ }));
    await waitFor(() => expect(within(laptop).queryByRole('row', { name: label })).toBeNull());
    await waitFor(() => expect(within(laptop).getByRole('status')).toHaveTextContent(/another device/i));
  },
};

/** 100,000 conversations: pages load as you near the end; the DOM stays the same size. */
export const LargeList: Story = {
  args: { count: 100_000 },
  play: async ({ canvasElement }) => {
    const list = await rows(canvasElement);
    expect(list.length).toBeLessThan(40);
    const g = await grid(canvasElement);
    const last = () => Number(within(g).getAllByRole('row').at(-1)!.getAttribute('aria-rowindex'));
    for (let i = 0; i < 5; i++) {
      g.scrollTop = g.scrollHeight;
      const before = last();
      await waitFor(() => expect(g.scrollHeight - g.clientHeight - g.scrollTop).toBeGreaterThan(200), { timeout: 4000 });
      expect(last()).toBeGreaterThanOrEqual(before);
    }
    expect(last()).toBeGreaterThan(400);
    expect(within(g).getAllByRole('row').length).toBeLessThan(40);
  },
};

/** Slots: a custom row body; swipe, selection and the menu stay the kit's. */
export const CustomRow: Story = {
  args: {
    count: 200,
    ...({
      rowHeight: 56,
      renderRowContent: (c: { showName: string; unreadCount: number }, s: { selected: boolean }) => (
        <div className="sb-custom-row" data-selected={s.selected || undefined}>
          <strong>{c.showName}</strong>
          {c.unreadCount > 0 && <span> · {c.unreadCount} new</span>}
        </div>
      ),
    } as object),
  },
  play: async ({ canvasElement }) => {
    const list = await rows(canvasElement);
    expect(list[0].querySelector('.sb-custom-row')).not.toBeNull();
    expect(list[0].getBoundingClientRect().height).toBe(56);
  },
};

/** The leading swipe: Pin / Mark read, offered because the adapter has those capabilities. */
export const PinAndMark: Story = {
  args: { count: 200 },
  play: async ({ canvasElement }) => {
    const list = await rows(canvasElement);
    const row = list[3];
    await userEvent.click(within(row).getByRole('button', { name: 'More actions' }));
    const menu = await within(document.body).findByRole('menu');
    await waitFor(() => expect(within(menu).getByRole('menuitem', { name: /pin/i })).toBeVisible());
    expect(within(menu).getByRole('menuitem', { name: /mark/i })).toBeVisible();
    expect(within(menu).getByRole('menuitem', { name: 'Delete' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
  },
};

