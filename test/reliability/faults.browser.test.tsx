/**
 * Faulty backends against the real list and store (issue 7): rejections with every code,
 * synchronous throws from every adapter method, hanging calls and late answers, malformed results.
 * Each case checks what the user sees and hears, that the list equals the server after settling,
 * and that no history was cleared without a confirmation.
 */
import { page } from 'vitest/browser';
import { malformed, hang, rejectWith, throwSync, sdkError } from './adapters.js';
import {
  deleteCalls,
  deleteRow,
  deleteSelected,
  expectListEqualsServer,
  expectNothingIrreversibleUnconfirmed,
  expectToldUser,
  renderFaulty,
  screen,
  userEvent,
  within,
} from './harness.js';

beforeEach(async () => {
  await page.viewport(800, 800);
});

const REASONS: Record<number, string> = {
  2500: 'The conversation no longer exists.',
  2503: 'The conversation ID is not valid.',
  2800: 'Network error. Check your connection and try again.',
  2996: 'Too many requests. Wait a moment and try again.',
  2999: 'Chat is not ready yet. Try again in a moment.',
  10006: 'The server is busy. Wait a moment and try again.',
  4242: 'Something went wrong (code 4242).',
};
const RETRIED = new Set([2800, 2996, 10006]);

describe('given a delete that rejects', () => {
  describe.each(Object.keys(REASONS).map(Number))('with code %i', (code) => {
    it(`names the reason, is ${RETRIED.has(code) ? 'retried 3 times' : 'not retried'}, and restores the row`, async () => {
      const h = await renderFaulty({ before: (f) => f.on('deleteConversationList', rejectWith(code)) });
      const dialog = await deleteRow(h, 'Person 2');
      const reason = REASONS[code];
      await expectToldUser(h, `Couldn't delete 1 conversation: ${reason}`, `Couldn't delete 1 conversation. ${reason}`);
      expect(within(dialog).getByRole('alert').textContent).toBe(`Couldn't delete 1 conversation. ${reason}`);
      expect(deleteCalls(h)).toHaveLength(RETRIED.has(code) ? 3 : 1);
      expect(deleteCalls(h).every((c) => (c.args[0] as string[]).join() === 'C2Cuser2')).toBe(true);
      // Restored in its original place, and the server still has it.
      await expectListEqualsServer(h);
      expect(h.ids()[1]).toBe('C2Cuser2');
      expectNothingIrreversibleUnconfirmed(h);

      // The user's Retry re-runs only the failed item; once the backend heals it goes through.
      h.f.heal();
      await userEvent.click(within(dialog).getByRole('button', { name: 'Retry' }));
      await expectToldUser(h, 'Conversation deleted', /Person 1/);
      await expectListEqualsServer(h);
      expect(h.ids()).not.toContain('C2Cuser2');
      expect(deleteCalls(h).at(-1)!.args).toEqual([['C2Cuser2'], true]);
      expectNothingIrreversibleUnconfirmed(h);
    });
  });
});

describe('given an adapter method that throws synchronously', () => {
  it('deleteConversationList: handled like a rejection, the row comes back', async () => {
    const h = await renderFaulty({ before: (f) => f.on('deleteConversationList', throwSync(sdkError(2503, 'Params validate failed.'))) });
    await deleteRow(h, 'Person 3');
    await expectToldUser(h, `Couldn't delete 1 conversation: ${REASONS[2503]}`, `Couldn't delete 1 conversation. ${REASONS[2503]}`);
    expect(deleteCalls(h)).toHaveLength(1);
    await expectListEqualsServer(h);
    expectNothingIrreversibleUnconfirmed(h);
  });

  it('deleteConversationList with a plain Error: an unknown reason, still no crash', async () => {
    const h = await renderFaulty({ before: (f) => f.on('deleteConversationList', throwSync(new Error('Params validate failed.'))) });
    await deleteRow(h, 'Person 3');
    await expectToldUser(h, /^Couldn't delete 1 conversation: Something went wrong/, /^Couldn't delete 1 conversation\. Something went wrong/);
    await expectListEqualsServer(h);
    expectNothingIrreversibleUnconfirmed(h);
  });

  it('getConversationList: the first page fails with Retry, which then loads the server', async () => {
    const h = await renderFaulty({
      waitForRows: false,
      before: (f) => f.on('getConversationList', throwSync(sdkError(2999, 'not ready')), { times: 1 }),
    });
    await expectToldUser(h, `Couldn't load conversations: ${REASONS[2999]}`, "Couldn't load conversations.");
    expect(h.ids()).toEqual([]);
    await userEvent.click(within(h.grid).getByRole('button', { name: 'Retry' }));
    await expectListEqualsServer(h);
    expectNothingIrreversibleUnconfirmed(h);
  });

  it('addConversationListener: the list still loads and works; deletions still go through', async () => {
    const h = await renderFaulty({
      waitForRows: false,
      before: (f) => f.on('addConversationListener', throwSync(sdkError(2999, 'not ready')), { times: 1 }),
    });
    await expectListEqualsServer(h);
    await expectToldUser(h, `Couldn't load conversations: ${REASONS[2999]}`, /Person 1/);
    await deleteRow(h, 'Person 1');
    await expectToldUser(h, 'Conversation deleted', /Person 2/);
    await expectListEqualsServer(h);
    expectNothingIrreversibleUnconfirmed(h);
  });

  it.each(['pinConversation', 'markConversation'] as const)('%s: the change is rolled back and the failure is told', async (method) => {
    const h = await renderFaulty({ before: (f) => f.on(method, throwSync(sdkError(2800, 'offline'))) });
    const unhandled: unknown[] = [];
    const onUnhandled = (e: PromiseRejectionEvent) => {
      unhandled.push(e.reason);
      e.preventDefault();
    };
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      await userEvent.click(within(h.row('Person 2')).getByRole('button', { name: 'More actions' }));
      await userEvent.click(await screen.findByRole('menuitem', { name: method === 'pinConversation' ? 'Pin' : 'Mark as unread' }));
      await expectToldUser(h, "Couldn't change Person 2: Network error. Check your connection and try again.", /Person 2/);
      await expectListEqualsServer(h);
      expect(h.server.getConversation('C2Cuser2')!.isPinned).toBe(false);
      expect(h.row('Person 2').getAttribute('aria-label')).not.toMatch(/Pinned|unread/);
      expect(unhandled).toEqual([]);
      expectNothingIrreversibleUnconfirmed(h);
    } finally {
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });
});

describe('given a delete that hangs', () => {
  it('fails after callTimeoutMs with Retry; the late answer is reconciled once', async () => {
    const parked = hang();
    const h = await renderFaulty({ callTimeoutMs: 300, before: (f) => f.on('deleteConversationList', parked.behaviour, { times: 1 }) });
    const dialog = await deleteRow(h, 'Person 2');
    await expectToldUser(h, "Couldn't delete 1 conversation: The server took too long to answer.", "Couldn't delete 1 conversation. The server took too long to answer.");
    expect(within(dialog).getByRole('button', { name: 'Retry' })).toBeTruthy();
    await expectListEqualsServer(h);
    expect(h.ids()).toContain('C2Cuser2');

    // The answer arrives late: the server really deleted it; the row leaves, once.
    await parked.release();
    await expectListEqualsServer(h);
    expect(h.ids()).not.toContain('C2Cuser2');
    // Retry now has nothing to send: no second request for an ID the late answer settled.
    const before = deleteCalls(h).length;
    const retry = within(document.body).queryByRole('button', { name: 'Retry' });
    if (retry) await userEvent.click(retry);
    await new Promise((r) => setTimeout(r, 100));
    expect(deleteCalls(h)).toHaveLength(before);
    expect(h.server.calls.filter((c) => c.operation === 'deleteConversationList')).toHaveLength(1);
    await vi.waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expectNothingIrreversibleUnconfirmed(h);
  });

  it('a retry while the hung call is still out is not sent twice', async () => {
    const parked = hang();
    const h = await renderFaulty({ callTimeoutMs: 300, before: (f) => f.on('deleteConversationList', parked.behaviour, { times: 1 }) });
    const dialog = await deleteRow(h, 'Person 2');
    await expectToldUser(h, /took too long/, /took too long/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Retry' }));
    await new Promise((r) => setTimeout(r, 100));
    // Still one request carrying C2Cuser2 while the first has not answered.
    expect(deleteCalls(h)).toHaveLength(1);
    await parked.release();
    await expectToldUser(h, 'Conversation deleted', /Person 1/);
    await expectListEqualsServer(h);
    expect(h.server.calls.filter((c) => c.operation === 'deleteConversationList')).toHaveLength(1);
    expectNothingIrreversibleUnconfirmed(h);
  });
});

describe('given a malformed delete result', () => {
  it('a missing item (the web SDK drops failures) counts as failed and comes back', async () => {
    const h = await renderFaulty({
      server: { injectFault: (op, id) => (op === 'deleteConversationList' && id === 'C2Cuser3' ? 2503 : undefined) },
      before: (f) => f.on('deleteConversationList', malformed.missingItem('C2Cuser3')),
    });
    await deleteSelected(h, ['Person 2', 'Person 3', 'Person 4']);
    await expectToldUser(
      h,
      "Couldn't delete 1 conversation: The server did not answer for this conversation.",
      "Couldn't delete 1 conversation. The server did not answer for this conversation.",
    );
    await expectListEqualsServer(h);
    expect(h.ids()).toEqual(['C2Cuser1', 'C2Cuser3', 'C2Cuser5', 'C2Cuser6']);
    expectNothingIrreversibleUnconfirmed(h);
  });

  it('an unknown ID in the answer is ignored, even one that is on the list', async () => {
    const h = await renderFaulty({ before: (f) => f.on('deleteConversationList', malformed.unknownID('C2Cuser5')) });
    await deleteRow(h, 'Person 2');
    await expectToldUser(h, 'Conversation deleted', /Person 5/);
    await expectListEqualsServer(h);
    expect(h.ids()).toContain('C2Cuser5');
    expectNothingIrreversibleUnconfirmed(h);
  });

  it('a duplicated item counts once', async () => {
    const h = await renderFaulty({ before: (f) => f.on('deleteConversationList', malformed.duplicated()) });
    await deleteSelected(h, ['Person 2', 'Person 3', 'Person 4']);
    await expectToldUser(h, '3 conversations deleted', /Person 5/);
    await expectListEqualsServer(h);
    expect(h.ids()).toEqual(['C2Cuser1', 'C2Cuser5', 'C2Cuser6']);
    expect(h.root.querySelector('.ck-ConversationList-banner')).toBeNull();
    expectNothingIrreversibleUnconfirmed(h);
  });

  it.each([
    ['an item of the wrong type', () => malformed.wrongTyped()],
    ['a non-array', () => malformed.nonArray()],
  ])('%s fails the batch without a crash; Retry reconciles with the server', async (_, make) => {
    const h = await renderFaulty({ before: (f) => f.on('deleteConversationList', make(), { times: 1 }) });
    const dialog = await deleteSelected(h, ['Person 2', 'Person 3']);
    await expectToldUser(
      h,
      "Couldn't delete 2 conversations: The server sent an answer the app could not read.",
      "Couldn't delete 2 conversations. The server sent an answer the app could not read.",
    );
    // The rows are back, still selected; the list is intact.
    expect(h.row('Person 2').getAttribute('aria-selected')).toBe('true');
    expect(h.ids()).toEqual(['C2Cuser1', 'C2Cuser2', 'C2Cuser3', 'C2Cuser4', 'C2Cuser5', 'C2Cuser6']);
    // The server did apply it (the answer was unreadable, not the deletion): Retry settles it.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Retry' }));
    await expectToldUser(h, '2 conversations deleted', /Person 4/);
    await expectListEqualsServer(h);
    expect(h.ids()).toEqual(['C2Cuser1', 'C2Cuser4', 'C2Cuser5', 'C2Cuser6']);
    expectNothingIrreversibleUnconfirmed(h);
  });
});
