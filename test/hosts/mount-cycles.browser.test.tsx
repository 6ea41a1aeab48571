/**
 * Mounting and unmounting (issue 7, Hosts): a hundred cycles leave no adapter listener, timer or
 * document listener behind; unmounting during a confirmed bulk delete still finishes the calls.
 */
import { render } from '@testing-library/react';
import { page, userEvent } from 'vitest/browser';
import { ConversationList } from '../../src/components/ConversationList/index.js';
import { createMemoryChatServer } from '../../src/sdk/memory/index.js';
import { Pointer } from '../components/listHarness.js';
import { expectNothingIrreversibleUnconfirmed, people, renderFaulty, screen, within } from '../reliability/harness.js';

beforeEach(async () => {
  await page.viewport(800, 800);
});

/** Counts live timeouts, intervals and document listeners created while installed. */
function census() {
  type Fn = (...args: unknown[]) => unknown;
  const w = window as unknown as Record<'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval', Fn>;
  const d = document as unknown as Record<'addEventListener' | 'removeEventListener', Fn>;
  const wl = window as unknown as Record<'addEventListener' | 'removeEventListener', Fn>;
  const orig = {
    setTimeout: w.setTimeout,
    clearTimeout: w.clearTimeout,
    setInterval: w.setInterval,
    clearInterval: w.clearInterval,
    add: d.addEventListener,
    remove: d.removeEventListener,
    wadd: wl.addEventListener,
    wremove: wl.removeEventListener,
  };
  const timeouts = new Set<unknown>();
  const intervals = new Set<unknown>();
  const listeners = new Set<string>();
  const ids = new WeakMap<object, number>();
  let nextID = 0;
  const idOf = (fn: object) => ids.get(fn) ?? (ids.set(fn, ++nextID), nextID);
  const keyOf = (type: unknown, fn: object, options: unknown, where = 'document') =>
    `${where}:${String(type)}|${typeof options === 'boolean' ? options : Boolean((options as EventListenerOptions | undefined)?.capture)}|${idOf(fn)}`;

  w.setTimeout = (fn, ms, ...args) => {
    const id = orig.setTimeout.call(
      window,
      (...a: unknown[]) => {
        timeouts.delete(id);
        if (typeof fn === 'function') (fn as Fn)(...a);
      },
      ms,
      ...args,
    );
    timeouts.add(id);
    return id;
  };
  w.clearTimeout = (id) => {
    timeouts.delete(id);
    return orig.clearTimeout.call(window, id);
  };
  w.setInterval = (...args) => {
    const id = orig.setInterval.call(window, ...args);
    intervals.add(id);
    return id;
  };
  w.clearInterval = (id) => {
    intervals.delete(id);
    return orig.clearInterval.call(window, id);
  };
  // The DOM ignores a second identical registration, and so does the count.
  d.addEventListener = function (this: unknown, type, fn, options) {
    if (fn) listeners.add(keyOf(type, fn as object, options));
    return orig.add.call(this, type, fn, options);
  };
  d.removeEventListener = function (this: unknown, type, fn, options) {
    if (fn) listeners.delete(keyOf(type, fn as object, options));
    return orig.remove.call(this, type, fn, options);
  };
  wl.addEventListener = function (this: unknown, type, fn, options) {
    if (fn) listeners.add(keyOf(type, fn as object, options, 'window'));
    return orig.wadd.call(this, type, fn, options);
  };
  wl.removeEventListener = function (this: unknown, type, fn, options) {
    if (fn) listeners.delete(keyOf(type, fn as object, options, 'window'));
    return orig.wremove.call(this, type, fn, options);
  };
  return {
    live: () => ({ timeouts: timeouts.size, intervals: intervals.size, listeners: [...listeners].map((k) => k.split('|')[0]) }),
    /** Document listeners added and not removed, however many (a sanity check of the count). */
    added: () => nextID,
    uninstall() {
      Object.assign(w, { setTimeout: orig.setTimeout, clearTimeout: orig.clearTimeout, setInterval: orig.setInterval, clearInterval: orig.clearInterval });
      Object.assign(d, { addEventListener: orig.add, removeEventListener: orig.remove });
      Object.assign(wl, { addEventListener: orig.wadd, removeEventListener: orig.wremove });
    },
  };
}

const settle = (ms = 50) => new Promise((r) => setTimeout(r, ms));

describe('given 100 mount/unmount cycles', () => {
  it('leaves no adapter listener, timer or document listener behind', async () => {
    const server = createMemoryChatServer({ conversations: people(20) });
    const adapter = server.connect();
    // React DOM adds one 'selectionchange' listener per document, for good, on its first root.
    render(<p>warm-up</p>).unmount();
    const c = census();
    try {
      for (let i = 0; i < 100; i++) {
        const { container, unmount } = render(
          <div style={{ width: 400, height: 400, display: 'flex', flexDirection: 'column' }}>
            <ConversationList adapter={adapter} clearHistory={i % 2 ? 'never' : 'ask'} />
          </div>,
        );
        await vi.waitFor(() => expect(container.querySelector('[role="row"][data-id]')).not.toBeNull(), { interval: 5 });
        if (i % 10 === 0) {
          // Unmount with UI open that holds document/window listeners: the menu, and a swipe
          // in the middle of its drag.
          const menu = () => document.querySelector('[role="menu"]');
          await vi.waitFor(
            () => {
              if (!menu()) (container.querySelector('.ck-ActionMenu-trigger') as HTMLElement).click();
              expect(menu()).not.toBeNull();
            },
            { interval: 50, timeout: 3000 },
          );
          const row = container.querySelectorAll<HTMLElement>('[role="row"][data-id]')[1];
          const r = row.getBoundingClientRect();
          new Pointer(row.querySelector('.ck-SwipeActions-surface')!, 'touch').down(r.right - 60, r.top + 30).drag(-40);
        }
        unmount();
      }
      await settle(100);
      expect(server.listenerCount()).toBe(0);
      expect(c.live()).toEqual({ timeouts: 0, intervals: 0, listeners: [] });
      // The count saw the list's listeners come and go (the menu's outside click, the drag).
      expect(c.added()).toBeGreaterThan(0);
    } finally {
      c.uninstall();
    }
  });
});

describe('given an unmount during a confirmed bulk delete', () => {
  it('finishes the server calls and leaves the server consistent', async () => {
    const errors = vi.spyOn(console, 'error');
    const h = await renderFaulty({ count: 250, server: { latencyMs: 30 } });
    const all = h.serverIDs();
    h.rows()[0].focus();
    await userEvent.keyboard('{Control>}a{/Control}');
    await userEvent.keyboard('{Delete}');
    const dialog = await screen.findByRole('alertdialog');
    for (const id of all) h.confirmed.add(id);
    // "All" means every conversation on the server: the dialog counts them before it can confirm.
    const confirm = await within(dialog).findByRole('button', { name: 'Delete 250 conversations' }, { timeout: 5000 });
    // D8: deleting every conversation may ask for a typed phrase ("To confirm, type “…”.").
    const phrase = within(dialog).queryByRole('textbox');
    if (phrase) await userEvent.type(phrase, /“(.+?)”/.exec(phrase.closest('label')?.textContent ?? '')?.[1] ?? '');
    await vi.waitFor(() => expect(confirm.getAttribute('aria-disabled')).not.toBe('true'));
    await userEvent.click(confirm);
    await vi.waitFor(() => expect(h.server.calls.some((x) => x.operation === 'deleteConversationList')).toBe(true));
    h.unmount();
    await vi.waitFor(() => expect(h.server.getConversations()).toEqual([]), { timeout: 8000 });
    const deletes = h.server.calls.filter((x) => x.operation === 'deleteConversationList');
    const sent = deletes.flatMap((x) => x.ids as string[]);
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent.sort()).toEqual([...all].sort());
    expect(deletes.every((x) => (x.ids as string[]).length <= 100 && x.clearMessage === true)).toBe(true);
    await settle();
    expect(h.server.listenerCount()).toBe(0);
    expect(errors.mock.calls.map((x) => String(x[0]))).toEqual([]);
    errors.mockRestore();
    expectNothingIrreversibleUnconfirmed(h);
  });
});
