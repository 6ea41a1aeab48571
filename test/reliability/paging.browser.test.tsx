/**
 * Paging faults (issue 7): duplicate conversation IDs across pages, a page that fails halfway
 * through a scroll, and a `nextSeq` that never finishes (guarded by the page cap, and reported).
 * Small pages and a short viewport, so the list really pages as the user scrolls.
 */
import { page } from 'vitest/browser';
import { paging, rejectWith } from './adapters.js';
import {
  expectNothingIrreversibleUnconfirmed,
  expectToldUser,
  renderFaulty,
  userEvent,
  within,
  type Harness,
} from './harness.js';

beforeEach(async () => {
  await page.viewport(800, 800);
});

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Scrolls the virtualised grid from top to bottom and returns every row it rendered, in order. */
async function scrollThrough(h: Harness): Promise<string[]> {
  const seen = new Map<number, string>();
  h.grid.scrollTop = 0;
  await frame();
  let last = -1;
  for (let guard = 0; guard < 400; guard++) {
    for (const r of h.rows()) seen.set(Number(r.getAttribute('aria-rowindex')), r.dataset.id!);
    if (h.grid.scrollTop === last) break;
    last = h.grid.scrollTop;
    h.grid.scrollTop += h.grid.clientHeight / 2;
    await frame();
    await frame();
  }
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
}

/** (2) for a virtualised list: once every page is in, scrolling shows exactly the server's list. */
async function expectScrolledListEqualsServer(h: Harness) {
  await vi.waitFor(async () => {
    const ids = await scrollThrough(h);
    expect(ids).toEqual(h.serverIDs());
  }, { timeout: 8000, interval: 200 });
}

describe('given duplicate conversation IDs across pages', () => {
  it('merges them: each conversation is one row, in the server’s order, without React key warnings', async () => {
    const errors = vi.spyOn(console, 'error');
    const h = await renderFaulty({
      count: 40,
      pageSize: 10,
      height: 300,
      before: (f) => f.on('getConversationList', paging.duplicateAcrossPages()),
    });
    await expectScrolledListEqualsServer(h);
    expect(h.grid.getAttribute('aria-rowcount')).toBe('40');
    expect(h.status().textContent).toBe('');
    expect(errors.mock.calls.filter((c) => /same key|unique "key"/.test(String(c[0])))).toEqual([]);
    errors.mockRestore();
    expectNothingIrreversibleUnconfirmed(h);
  });
});

describe('given a page that fails halfway through a scroll', () => {
  it('keeps what is loaded, names the failure with Retry at the end, and then loads the rest', async () => {
    let pages = 0;
    const h = await renderFaulty({
      count: 60,
      pageSize: 10,
      height: 300,
      before: (f) =>
        f.on('getConversationList', rejectWith(2800), {
          times: 1,
          // The fourth page: after the first screenful, while the user scrolls on.
          when: () => ++pages === 4,
        }),
    });
    // Scroll down until the failure shows.
    for (let i = 0; i < 60 && !within(h.grid).queryByRole('button', { name: 'Retry' }); i++) {
      h.grid.scrollTop = h.grid.scrollHeight;
      await frame();
    }
    await expectToldUser(
      h,
      "Couldn't load conversations: Network error. Check your connection and try again.",
      "Couldn't load more conversations.",
    );
    // Nothing loaded was dropped or moved: every rendered row sits at its server position.
    const server = h.serverIDs();
    expect(h.rows().length).toBeGreaterThan(0);
    for (const r of h.rows()) expect(r.dataset.id).toBe(server[Number(r.getAttribute('aria-rowindex')) - 1]);
    await userEvent.click(within(h.grid).getByRole('button', { name: 'Retry' }));
    await expectScrolledListEqualsServer(h);
    expect(h.grid.getAttribute('aria-rowcount')).toBe('60');
    expectNothingIrreversibleUnconfirmed(h);
  });
});

describe('given a first page that does not fill the viewport', () => {
  it('loads the next pages by itself (the user cannot scroll to ask)', async () => {
    const h = await renderFaulty({ count: 30, pageSize: 5, height: 640 });
    await expectScrolledListEqualsServer(h);
    expect(h.grid.getAttribute('aria-rowcount')).toBe('30');
    expect(h.status().textContent).toBe('');
    expectNothingIrreversibleUnconfirmed(h);
  });
});

describe('given a nextSeq that never finishes', () => {
  it('stops at the cap, says so (visibly and in the live region), and keeps every row once', async () => {
    const h = await renderFaulty({
      count: 30,
      pageSize: 10,
      height: 300,
      before: (f) => f.on('getConversationList', paging.stalled()),
    });
    await expectToldUser(h, 'Stopped loading after 2 pages.', 'Stopped loading after 2 pages.');
    const calls = h.f.callsOf('getConversationList').length;
    const ids = await scrollThrough(h);
    // The 20 conversations it got, in the server's order, once each; no request storm.
    expect(ids).toEqual(h.serverIDs().slice(0, 20));
    await frame();
    expect(h.f.callsOf('getConversationList').length).toBe(calls);
    expect(calls).toBeLessThanOrEqual(3);
    expectNothingIrreversibleUnconfirmed(h);
  });
});
