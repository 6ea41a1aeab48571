/**
 * StrictMode (issue 7, Hosts): double effects and double initialisers still mean one adapter
 * listener, one first-page fetch and one server call per confirmed deletion.
 */
import { StrictMode } from 'react';
import { page } from 'vitest/browser';
import {
  deleteRow,
  deleteSelected,
  expectListEqualsServer,
  expectNothingIrreversibleUnconfirmed,
  expectToldUser,
  renderFaulty,
} from '../reliability/harness.js';

beforeEach(async () => {
  await page.viewport(800, 800);
});

const strict = { wrap: (list: React.ReactElement) => <StrictMode>{list}</StrictMode> };

describe('given StrictMode', () => {
  it('subscribes one listener and fetches the first page once', async () => {
    const h = await renderFaulty({ ...strict });
    await expectListEqualsServer(h);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.server.listenerCount()).toBe(1);
    expect(h.server.calls.filter((c) => c.operation === 'getConversationList')).toHaveLength(1);
    h.unmount();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.server.listenerCount()).toBe(0);
  });

  it('sends one server call per confirmed deletion, single and bulk', async () => {
    const h = await renderFaulty({ ...strict, count: 8 });
    await deleteRow(h, 'Person 2');
    await expectToldUser(h, 'Conversation deleted', /Person 3/);
    await expectListEqualsServer(h);
    await deleteSelected(h, ['Person 4', 'Person 5', 'Person 6']);
    await expectToldUser(h, '3 conversations deleted', /Person 7/);
    await expectListEqualsServer(h);
    const deletes = h.server.calls.filter((c) => c.operation === 'deleteConversationList');
    expect(deletes.map((c) => [c.ids, c.clearMessage])).toEqual([
      [['C2Cuser2'], true],
      [['C2Cuser4', 'C2Cuser5', 'C2Cuser6'], true],
    ]);
    expect(h.server.listenerCount()).toBe(1);
    expectNothingIrreversibleUnconfirmed(h);
  });

  it('hears a deletion on another device once', async () => {
    const h = await renderFaulty({ ...strict });
    await h.server.connect().deleteConversationList(['C2Cuser3'], false);
    await expectToldUser(h, 'Deleted on another device', /Person 4/);
    await expectListEqualsServer(h);
    expectNothingIrreversibleUnconfirmed(h);
  });
});
