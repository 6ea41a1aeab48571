/**
 * ConversationList: virtualisation, paging, load errors and live deletion from another device.
 */
import { userEvent } from 'vitest/browser';
import { createMemoryChatServer } from '../../src/sdk/memory/index.js';
import { generateConversations } from '../../src/sdk/generate.js';
import { ConversationList } from '../../src/components/ConversationList/index.js';
import { render } from '@testing-library/react';
import { NOW, focusedRow, nextFrame, page, people, renderList, rowsIn, screen, within, type ListHarness } from './listHarness.js';

beforeEach(async () => {
  await page.viewport(800, 800);
});

const big = new Map<number, ReturnType<typeof generateConversations>>();
function generated(n: number) {
  if (!big.has(n)) big.set(n, generateConversations(n, { seed: 7, now: NOW }));
  return big.get(n)!;
}

/** Scrolls to the end until `loaded` rows are in the list (aria-rowcount is set once finished). */
async function scrollUntilLoaded(h: ListHarness, loaded: number, rowHeight = 72) {
  await vi.waitFor(
    async () => {
      h.grid.scrollTop = h.grid.scrollHeight;
      await nextFrame();
      expect(h.grid.scrollHeight).toBeGreaterThanOrEqual(loaded * rowHeight);
    },
    { timeout: 20_000, interval: 20 },
  );
}

async function scrollTo(h: ListHarness, top: number) {
  h.grid.scrollTop = top;
  await nextFrame();
  await nextFrame();
}

describe('ConversationList: virtualisation', () => {
  it('10,000 conversations: DOM rows stay under 40 and constant; the middle renders its own rows', async () => {
    const h = await renderList({ conversations: generated(10_000), pageSize: 1000 });
    const counts = [h.rows().length];
    await scrollUntilLoaded(h, 10_000);
    await vi.waitFor(() => expect(h.grid.getAttribute('aria-rowcount')).toBe('10000'));
    for (const top of [100_000, 360_000, 500_000]) {
      await scrollTo(h, top);
      counts.push(h.rows().length);
    }
    expect(Math.max(...counts)).toBeLessThan(40);
    // Constant: one more row when a partly visible row sits at each edge.
    const middle = counts.slice(1);
    expect(Math.max(...middle) - Math.min(...middle)).toBeLessThanOrEqual(1);
    const indexes = h.rows().map((r) => Number(r.getAttribute('aria-rowindex')));
    // Row 1 is the roving tab stop and stays mounted; every other row is near the middle.
    expect(indexes[0]).toBe(1);
    expect(Math.min(...indexes.slice(1))).toBeGreaterThan(6900);
    expect(indexes).toContain(Math.floor(500_000 / 72) + 2);
    // The row at the top of the viewport is where the scroll position says it is.
    const top = h.rows().find((r) => Number(r.getAttribute('aria-rowindex')) === Math.floor(500_000 / 72) + 1)!;
    expect(Math.abs(top.getBoundingClientRect().top - h.grid.getBoundingClientRect().top + (500_000 % 72))).toBeLessThan(2);
    expect(top.getAttribute('aria-label')!.startsWith(h.server.getConversations()[Math.floor(500_000 / 72)].showName)).toBe(
      true,
    );
  });

  it('100,000 conversations: the DOM holds only the visible rows plus overscan', async () => {
    const h = await renderList({ conversations: generated(100_000), pageSize: 1000 });
    await scrollUntilLoaded(h, 3000);
    const counts: number[] = [];
    for (const top of [10_000, 50_000, 120_000, 150_000]) {
      await scrollTo(h, top);
      counts.push(h.rows().length);
    }
    expect(Math.max(...counts)).toBeLessThan(40);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(h.grid.getAttribute('aria-rowcount')).toBe('-1'); // not everything is loaded yet
  });

  it('keyboard focus survives scrolling: the focused row stays mounted and focused; Down continues from it', async () => {
    const h = await renderList({ count: 1000, pageSize: 1000 });
    h.row('Person 3').focus();
    await scrollTo(h, 40_000);
    const mounted = rowsIn(h.grid).map((r) => r.dataset.id);
    expect(mounted).toContain('C2Cuser3');
    expect(document.activeElement).toBe(h.row('Person 3'));
    expect(h.row('Person 3').tabIndex).toBe(0);
    await userEvent.keyboard('{ArrowDown}');
    await vi.waitFor(() => expect(focusedRow()?.dataset.id).toBe('C2Cuser4'));
    // The list scrolled back to show it.
    const r = h.row('Person 4').getBoundingClientRect();
    const g = h.grid.getBoundingClientRect();
    expect(r.top).toBeGreaterThanOrEqual(g.top - 1);
    expect(r.bottom).toBeLessThanOrEqual(g.bottom + 1);
  });

  it('the list stays in the tab order after scrolling away from its tab stop', async () => {
    const h = await renderList({ count: 1000, pageSize: 1000 });
    within(h.toolbar()).getByRole('button', { name: 'Select' }).focus();
    await scrollTo(h, 40_000);
    await userEvent.keyboard('{Tab}');
    expect(h.grid.contains(document.activeElement)).toBe(true);
    expect(focusedRow()).not.toBeNull();
    await userEvent.keyboard('{ArrowDown}');
    expect(focusedRow()).not.toBeNull();
  });

  it('End jumps to the last loaded row and renders it (scrolls the virtualiser)', async () => {
    const h = await renderList({ count: 500, pageSize: 500 });
    h.row('Person 1').focus();
    await userEvent.keyboard('{End}');
    await vi.waitFor(() => expect(focusedRow()?.dataset.id).toBe('C2Cuser500'));
    expect(h.rows().length).toBeLessThan(40);
  });

  it('the row height is the theme token: theme={{ rowHeight: 56 }} gives 56 px rows', async () => {
    const h = await renderList({ count: 20, theme: { rowHeight: 56 } });
    expect(h.root.style.getPropertyValue('--ck-row-height')).toBe('56px');
    const rows = h.rows();
    for (const r of rows.slice(0, 5)) expect(r.getBoundingClientRect().height).toBeCloseTo(56, 0);
    expect(rows[1].getBoundingClientRect().top - rows[0].getBoundingClientRect().top).toBeCloseTo(56, 0);
    expect(h.grid.scrollHeight).toBeGreaterThanOrEqual(20 * 56);
    expect(h.grid.scrollHeight).toBeLessThan(20 * 72);
  });

  it('loads more pages as you scroll (1,000 conversations, pageSize 100)', async () => {
    const h = await renderList({ count: 1000, pageSize: 100 });
    const pages = () => h.server.calls.filter((c) => c.operation === 'getConversationList').length;
    expect(pages()).toBeLessThanOrEqual(2);
    await scrollUntilLoaded(h, 1000);
    await vi.waitFor(() => expect(h.grid.getAttribute('aria-rowcount')).toBe('1000'));
    expect(pages()).toBeGreaterThanOrEqual(10);
    await scrollTo(h, h.grid.scrollHeight);
    const last = h.rows().at(-1)!;
    expect(last.getAttribute('aria-rowindex')).toBe('1000');
    expect(last.getAttribute('aria-label')!.startsWith('Person 1000')).toBe(true);
  });
});

describe('ConversationList: errors are visible', () => {
  it('the first page fails: an error state with Retry; Retry loads the list', async () => {
    let fail = true;
    const h = await renderList({
      count: 10,
      waitForRows: false,
      server: { injectFault: (op) => (fail && op === 'getConversationList' ? 2800 : undefined) },
    });
    await vi.waitFor(() => expect(within(h.grid).getByText("Couldn't load conversations.")).toBeTruthy());
    await vi.waitFor(() => expect(h.status().textContent).toMatch(/^Couldn't load conversations: Network error/));
    fail = false;
    await userEvent.click(within(h.grid).getByRole('button', { name: 'Retry' }));
    await vi.waitFor(() => expect(h.rows()).toHaveLength(10));
    expect(within(h.grid).queryByText("Couldn't load conversations.")).toBeNull();
    // The Retry button is gone; focus stayed in the list and the keyboard goes on from there.
    expect(document.activeElement).toBe(h.grid);
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(h.row('Person 1'));
  });

  it('a later page fails: loaded rows stay and Retry sits at the end of the list', async () => {
    let fail = false;
    const h = await renderList({
      count: 300,
      pageSize: 100,
      server: { injectFault: (op) => (fail && op === 'getConversationList' ? 2800 : undefined) },
    });
    fail = true;
    await vi.waitFor(async () => {
      h.grid.scrollTop = h.grid.scrollHeight;
      await nextFrame();
      expect(within(h.grid).getByText("Couldn't load more conversations.")).toBeTruthy();
    });
    const footer = within(h.grid).getByText("Couldn't load more conversations.").closest<HTMLElement>('[role="row"]')!;
    const loaded = h.grid.scrollHeight;
    expect(loaded).toBeGreaterThanOrEqual(100 * 72);
    expect(h.rows().length).toBeGreaterThan(0);
    // The footer is after the last loaded row.
    const lastRow = h.rows().at(-1)!;
    expect(footer.getBoundingClientRect().top).toBeGreaterThanOrEqual(lastRow.getBoundingClientRect().bottom - 1);
    fail = false;
    await userEvent.click(within(footer).getByRole('button', { name: 'Retry' }));
    await vi.waitFor(() => expect(within(h.grid).queryByText("Couldn't load more conversations.")).toBeNull());
    expect(h.grid.contains(document.activeElement)).toBe(true);
    await scrollUntilLoaded(h, 300);
    await vi.waitFor(() => expect(h.grid.getAttribute('aria-rowcount')).toBe('300'));
  });
});

describe('ConversationList: two devices of one server', () => {
  it('a deletion on one device leaves the other list, announced as deleted on another device', async () => {
    const server = createMemoryChatServer({ conversations: people(6) });
    const box = (testid: string) => ({ width: 380, height: 500, display: 'flex', flexDirection: 'column' as const });
    render(
      <div style={{ display: 'flex', gap: 10 }}>
        <div data-testid="a" style={box('a')}>
          <ConversationList adapter={server.connect()} aria-label="Phone" />
        </div>
        <div data-testid="b" style={box('b')}>
          <ConversationList adapter={server.connect()} aria-label="Laptop" />
        </div>
      </div>,
    );
    const a = screen.getByTestId('a');
    const b = screen.getByTestId('b');
    const gridA = within(a).getByRole('grid');
    const gridB = within(b).getByRole('grid');
    await vi.waitFor(() => expect(rowsIn(gridA)).toHaveLength(6));
    await vi.waitFor(() => expect(rowsIn(gridB)).toHaveLength(6));
    expect(server.listenerCount()).toBeGreaterThanOrEqual(2);
    rowsIn(gridA)[1].focus();
    await userEvent.keyboard('{Delete}');
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: /^Delete/ }));
    await vi.waitFor(() => expect(rowsIn(gridB).map((r) => r.dataset.id)).not.toContain('C2Cuser2'));
    expect(rowsIn(gridB)).toHaveLength(5);
    await vi.waitFor(() => expect(within(b).getByRole('status').textContent).toBe('Deleted on another device'));
    await vi.waitFor(() => expect(within(a).getByRole('status').textContent).toBe('Conversation deleted'));
  });

  it('unmounting the list leaves no listener behind', async () => {
    const h = await renderList({ count: 3 });
    expect(h.server.listenerCount()).toBeGreaterThan(0);
    h.unmount();
    await vi.waitFor(() => expect(h.server.listenerCount()).toBe(0));
  });
});
