/**
 * Mounting and unmounting (issue 7, Hosts): a hundred cycles leave no adapter listener, timer or
 * document listener behind; unmounting during a confirmed bulk delete still finishes the calls.
 */
import { render } from '@testing-library/react';
import { page, userEvent } from 'vitest/browser';
import { ConversationList } from '../../src/components/ConversationList/index.js';
import { createMemoryChatServer } from '../../src/sdk/memory/index.js';
import { expectNothingIrreversibleUnconfirmed, people, renderFaulty, screen, within } from '../reliability/harness.js';

beforeEach(async () => {
  await page.viewport(800, 800);
});

/** Counts live timeouts, intervals and document listeners created while installed. */
function census() {
  const timeouts = new Set<number>();
  const intervals = new Set<number>();
  const listeners = new Map<string, number>();
  const orig = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    add: document.addEventListener,
    remove: document.removeEventListener,
  };
  const keyOf = (type: string, fn: unknown, options?: boolean | EventListenerOptions) =>
    `${type}|${typeof options === 'boolean' ? options : Boolean(options?.capture)}|${listenerIDs.get(fn as object) ?? listenerIDs.set(fn as object, listenerIDs.size + 1).get(fn as object)}`;
  const listenerIDs = new WeakMap<object, number>();
  window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = orig.setTimeout.call(
      window,
      (...a: unknown[]) => {
        timeouts.delete(id);
        if (typeof fn === 'function') (fn as (...x: unknown[]) => void)(...a);
      },
      ms,
      ...args,
    );
    timeouts.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timeouts.delete(id);
    orig.clearTimeout.call(window, id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = orig.setInterval.call(window, fn, ms, ...args);
    intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    orig.clearInterval.call(window, id);
  }) as typeof window.clearInterval;
  document.addEventListener = function (this: Document, type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (fn) {
      const k = keyOf(type, fn, options);
      // The DOM ignores a second identical registration.
      if (!listeners.has(k)) listeners.set(k, 1);
    }
    return orig.add.call(this, type, fn, options);
  } as typeof document.addEventListener;
  document.removeEventListener = function (this: Document, type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    if (fn) listeners.delete(keyOf(type, fn, options));
    return orig.remove.call(this, type, fn, options);
  } as typeof document.removeEventListener;
  return {
    live: () => ({ timeouts: timeouts.size, intervals: intervals.size, documentListeners: [...listeners.keys()].map((k) => k.split('|')[0]) }),
    uninstall() {
      Object.assign(window, { setTimeout: orig.setTimeout, clearTimeout: orig.clearTimeout, setInterval: orig.setInterval, clearInterval: orig.clearInterval });
      document.addEventListener = orig.add;
      document.removeEventListener = orig.remove;
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
          // Open and close some UI on the way: the menu (document listeners) and a swipe state.
          (container.querySelector('.ck-ActionMenu-trigger') as HTMLElement | null)?.click();
        }
        unmount();
      }
      await settle(100);
      expect(server.listenerCount()).toBe(0);
      expect(c.live()).toEqual({ timeouts: 0, intervals: 0, documentListeners: [] });
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
    await userEvent.click(within(dialog).getByRole('button', { name: /^Delete/ }));
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
