/**
 * Listener abuse (issue 7): events for unknown IDs, events after unmount, 10,000 events in one
 * burst, and a deletion from another device for a row that is mid-swipe, selected, or in the open
 * dialog. The real list, the real store, the real memory server (and its second device).
 */
import { Profiler, type ReactElement } from 'react';
import { page } from 'vitest/browser';
import { ConversationRow } from '../../src/components/ConversationRow/index.js';
import { useConversationStoreApi } from '../../src/hooks/ConversationStoreProvider.js';
import type { ConversationStore } from '../../src/store/types.js';
import { Pointer } from '../components/listHarness.js';
import {
  deleteRow,
  expectListEqualsServer,
  expectNothingIrreversibleUnconfirmed,
  expectToldUser,
  NOW,
  renderFaulty,
  screen,
  userEvent,
  within,
} from './harness.js';

beforeEach(async () => {
  await page.viewport(800, 800);
});

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? setTimeout(resolve, 0) : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });

/** Reaches the list's store from inside it (a row slot), for checks the UI cannot show. */
function probe() {
  const found: { store?: ConversationStore } = {};
  function Probe() {
    found.store = useConversationStoreApi();
    return null;
  }
  return {
    found,
    renderRowContent: (c: Parameters<typeof ConversationRow>[0]['conversation'], s: { selected: boolean; selectionMode: 'none' | 'multiple' }) => (
      <>
        <Probe />
        <ConversationRow conversation={c} selected={s.selected} selectionMode={s.selectionMode} now={NOW} />
      </>
    ),
  };
}

describe('given events for unknown IDs', () => {
  it('ignores deletions of unknown IDs and malformed items; announces only what the user could see', async () => {
    const h = await renderFaulty();
    h.f.emit({ deleted: ['C2Cghost', 42, null] });
    h.f.emit({ changed: [{ conversationID: 'C2Cuser3' }, null, 'junk', { conversationID: 7, isPinned: true, orderKey: 1 }] });
    h.f.emit({ new: [{ conversationID: 'C2Cbroken', isPinned: false, orderKey: Number.NaN }] });
    await frames();
    expect(h.status().textContent).toBe('');
    await expectListEqualsServer(h);

    // A real deletion on another device, with a ghost riding along: one is announced, not two.
    const other = h.server.connect();
    await other.deleteConversationList(['C2Cuser2'], false);
    h.f.emit({ deleted: ['C2Cghost'] });
    await expectToldUser(h, 'Deleted on another device', /Person 3/);
    await expectListEqualsServer(h);
    expectNothingIrreversibleUnconfirmed(h);
  });
});

describe('given events after unmount', () => {
  it('causes no state update and no React warning', async () => {
    const errors = vi.spyOn(console, 'error');
    const p = probe();
    const h = await renderFaulty({ renderRowContent: p.renderRowContent });
    await vi.waitFor(() => expect(h.f.liveListeners()).toBe(1));
    const store = p.found.store!;
    h.unmount();
    await frames();
    expect(h.server.listenerCount()).toBe(0);
    let updates = 0;
    const stop = store.subscribe(() => updates++);
    // A buggy SDK keeps calling removed listeners, and the server keeps changing.
    h.f.emit({ deleted: ['C2Cuser1'], changed: [{ ...h.server.getConversation('C2Cuser2')!, showName: 'Late' }] }, { evenRemoved: true });
    h.server.receiveMessage('C2Cuser3', { text: 'after unmount', timestamp: NOW + 1 });
    await h.server.connect().deleteConversationList(['C2Cuser4'], true);
    await frames(3);
    stop();
    expect(updates).toBe(0);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe('given 10,000 events in one burst', () => {
  it('coalesces them into a frame’s worth of renders and shows the final state', async () => {
    let commits = 0;
    const wrap = (list: ReactElement) => (
      <Profiler id="list" onRender={() => commits++}>
        {list}
      </Profiler>
    );
    const h = await renderFaulty({ wrap });
    await expectListEqualsServer(h);
    await frames();
    commits = 0;
    const ids = h.ids();
    // 10,000 changes over the 6 conversations; each delivered as its own listener call.
    for (let i = 0; i < 10_000; i++) {
      const id = ids[i % ids.length];
      const c = h.server.getConversation(id)!;
      h.server.upsertConversation({
        ...c,
        orderKey: 2_000_000 + ((i * 7919) % 10_000),
        lastMessage: { text: `message ${i}`, timestamp: NOW },
      });
    }
    await frames(3);
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThanOrEqual(3);
    await expectListEqualsServer(h);
    // The user sees the latest message of each conversation, and nothing was announced.
    for (let k = 0; k < ids.length; k++) {
      const last = 10_000 - ids.length + k;
      expect(h.grid.textContent).toContain(`message ${last}`);
    }
    expect(h.status().textContent).toBe('');
    expectNothingIrreversibleUnconfirmed(h);
  });
});

describe('given a deletion from another device', () => {
  it('of a row in the middle of a swipe: the row leaves, the gesture ends harmlessly', async () => {
    const h = await renderFaulty();
    const row = h.row('Person 2');
    const r = row.getBoundingClientRect();
    const p = new Pointer(row.querySelector('.ck-SwipeActions-surface')!, 'touch').down(r.right - 60, r.top + r.height / 2);
    p.drag(-60);
    await h.server.connect().deleteConversationList(['C2Cuser2'], false);
    await expectToldUser(h, 'Deleted on another device', /Person 3/);
    p.drag(-200);
    p.up();
    await frames();
    await expectListEqualsServer(h);
    expect(h.root.querySelector('[data-open]')).toBeNull();
    expect(h.f.callsOf('deleteConversationList')).toHaveLength(0);
    expectNothingIrreversibleUnconfirmed(h);
  });

  it('of a row with its swipe tray open: the tray closes with it', async () => {
    const h = await renderFaulty();
    const row = h.row('Person 2');
    const r = row.getBoundingClientRect();
    const p = new Pointer(row.querySelector('.ck-SwipeActions-surface')!, 'touch').down(r.right - 60, r.top + r.height / 2);
    p.drag(-120);
    p.up();
    await vi.waitFor(() => expect(h.row('Person 2').hasAttribute('data-open')).toBe(true));
    await h.server.connect().deleteConversationList(['C2Cuser2'], false);
    await expectToldUser(h, 'Deleted on another device', /Person 3/);
    await expectListEqualsServer(h);
    expect(h.root.querySelector('[data-open]')).toBeNull();
    expectNothingIrreversibleUnconfirmed(h);
  });

  it('of a selected row: it leaves the selection and the count', async () => {
    const h = await renderFaulty();
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Select' }));
    await userEvent.click(h.row('Person 2'));
    await userEvent.click(h.row('Person 3'));
    await vi.waitFor(() => within(h.toolbar()).getByRole('button', { name: 'Delete 2' }));
    await h.server.connect().deleteConversationList(['C2Cuser2'], false);
    await expectToldUser(h, 'Deleted on another device', 'Delete 1');
    await expectListEqualsServer(h);
    expect(h.row('Person 3').getAttribute('aria-selected')).toBe('true');
    expectNothingIrreversibleUnconfirmed(h);
  });

  it('of the only row in the open dialog: the dialog closes and nothing is sent', async () => {
    const h = await renderFaulty();
    await deleteRow(h, 'Person 2', { confirm: false });
    await h.server.connect().deleteConversationList(['C2Cuser2'], false);
    await vi.waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await expectToldUser(h, 'Deleted on another device', /Person 3/);
    await expectListEqualsServer(h);
    expect(document.activeElement).not.toBe(document.body);
    expect(h.f.callsOf('deleteConversationList')).toHaveLength(0);
    expectNothingIrreversibleUnconfirmed(h);
  });

  it('of one of two rows in the open dialog: the dialog shrinks to the other, which is then deleted', async () => {
    const h = await renderFaulty();
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Select' }));
    await userEvent.click(h.row('Person 2'));
    await userEvent.click(h.row('Person 3'));
    await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Delete 2' }));
    await screen.findByRole('alertdialog', { name: 'Delete 2 conversations?' });
    await h.server.connect().deleteConversationList(['C2Cuser2'], false);
    const dialog = await screen.findByRole('alertdialog', { name: /Delete (1 conversation|conversation with Person 3)\?/ });
    await expectToldUser(h, 'Deleted on another device', /Delete (1 conversation|conversation with Person 3)\?/);
    h.confirmed.add('C2Cuser3');
    await userEvent.click(within(dialog).getByRole('button', { name: /^Delete/ }));
    await expectToldUser(h, 'Conversation deleted', /Person 4/);
    await expectListEqualsServer(h);
    const mine = h.f.callsOf('deleteConversationList');
    expect(mine.map((c) => c.args)).toEqual([[['C2Cuser3'], true]]);
    expectNothingIrreversibleUnconfirmed(h);
  });
});
