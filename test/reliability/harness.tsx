/// <reference types="vite/client" />
/**
 * The reliability suite's harness: the real list, the real store inside it, a real memory server
 * behind a misbehaving wrapper (adapters.ts), and the three checks every case makes (issue 7,
 * "Done when"): what the user sees and hears, the list equals the server, and no history was
 * cleared without a confirmation.
 */
import { render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { userEvent } from 'vitest/browser';
import { ConversationList, type ConversationListProps } from '../../src/components/ConversationList/index.js';
import { createMemoryChatServer, type MemoryChatServerOptions } from '../../src/sdk/memory/index.js';
import type { Conversation } from '../../src/sdk/types.js';
import { misbehave, type FaultyAdapter } from './adapters.js';
import '../../src/styles.css';

export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

// Updates come from timers and listeners, as in an app, not from act(). Testing Library turns the
// act environment on in its own beforeAll, so turn it off again per test.
const noAct = () => void ((globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false);
noAct();
beforeEach(noAct);

export function people(n: number, prefix = 'user'): Conversation[] {
  return Array.from({ length: n }, (_, i) => ({
    conversationID: `C2C${prefix}${i + 1}`,
    type: 'c2c' as const,
    showName: `Person ${i + 1}`,
    isPinned: false,
    orderKey: 1_000_000 - i,
    unreadCount: 0,
    lastMessage: { text: `Hello from ${i + 1}`, timestamp: NOW - i * 60_000 },
  }));
}

export interface Options extends Partial<Omit<ConversationListProps, 'adapter'>> {
  count?: number;
  conversations?: Conversation[];
  server?: Omit<MemoryChatServerOptions, 'conversations'>;
  /** Rules to add before the list mounts (first-page faults). */
  before?: (f: FaultyAdapter) => void;
  height?: number;
  waitForRows?: boolean;
  wrap?: (list: ReactElement) => ReactElement;
}

export async function renderFaulty({
  count = 6,
  conversations,
  server: serverOptions,
  before,
  height = 640,
  waitForRows = true,
  wrap = (l) => l,
  ...props
}: Options = {}) {
  const server = createMemoryChatServer({ conversations: conversations ?? people(count), ...serverOptions });
  const f = misbehave(server.connect());
  before?.(f);
  const element = (extra: Partial<ConversationListProps> = {}) => (
    <div data-testid="host" style={{ width: 400, height, display: 'flex', flexDirection: 'column' }}>
      {wrap(<ConversationList adapter={f.adapter} {...props} {...extra} />)}
    </div>
  );
  const utils = render(element());
  const host = screen.getByTestId('host');
  const root = host.querySelector<HTMLElement>('.ck-ConversationList')!;
  const grid = within(host).getByRole('grid');
  const rows = () => Array.from(grid.querySelectorAll<HTMLElement>('[role="row"][data-id]'));
  if (waitForRows) await vi.waitFor(() => expect(rows().length).toBeGreaterThan(0));
  const h = {
    ...utils,
    server,
    f,
    adapter: f.adapter,
    host,
    root,
    grid,
    rows,
    ids: () => rows().map((r) => r.dataset.id!),
    serverIDs: () => server.getConversations().map((c) => c.conversationID),
    row(name: string) {
      const found = rows().filter((r) => {
        const label = r.getAttribute('aria-label') ?? '';
        return label.startsWith(name) && !/^[0-9]/.test(label.slice(name.length));
      });
      if (found.length !== 1) throw new Error(`expected one row named "${name}", found ${found.length}`);
      return found[0];
    },
    status: () => within(root).getByRole('status'),
    toolbar: () => within(root).getByRole('toolbar'),
    rerenderWith: (extra: Partial<ConversationListProps>) => utils.rerender(element(extra)),
    /** IDs the user confirmed for a history-clearing delete. */
    confirmed: new Set<string>(),
  };
  return h;
}
export type Harness = Awaited<ReturnType<typeof renderFaulty>>;

// ---------------------------------------------------------------------------------------------
// The three checks
// ---------------------------------------------------------------------------------------------

/** (1) The user sees it (visible text in the list) and hears it (the live region). */
export async function expectToldUser(h: Harness, heard: RegExp | string, seen: RegExp | string = heard, timeout = 6000) {
  await vi.waitFor(
    () => {
      const text = h.status().textContent ?? '';
      if (typeof heard === 'string') expect(text).toBe(heard);
      else expect(text).toMatch(heard);
    },
    { timeout },
  );
  const visible = [...h.host.querySelectorAll<HTMLElement>('*')].filter(
    (el) => el.getAttribute('role') !== 'status' && !el.closest('[role="status"]') && el.children.length === 0,
  );
  const texts = [...visible, ...document.querySelectorAll<HTMLElement>('[role="alertdialog"] *')].map((e) => e.textContent ?? '');
  const matches = texts.some((t) => (typeof seen === 'string' ? t.includes(seen) : seen.test(t)));
  expect(matches, `visible text ${String(seen)} in: ${JSON.stringify([...new Set(texts.filter(Boolean))])}`).toBe(true);
}

/** (2) After settling, the rendered rows are the server's conversations, in order. */
export async function expectListEqualsServer(h: Harness, timeout = 6000) {
  await vi.waitFor(() => expect(h.ids()).toEqual(h.serverIDs()), { timeout });
}

/** (3) No call ever carried `clearMessage: true` for an ID the user did not confirm. */
export function expectNothingIrreversibleUnconfirmed(h: Harness) {
  const sent = [
    ...h.f.callsOf('deleteConversationList').map((c) => ({ ids: c.args[0] as string[], clear: c.args[1] })),
    ...h.server.calls.filter((c) => c.operation === 'deleteConversationList').map((c) => ({ ids: c.ids as string[], clear: c.clearMessage })),
  ];
  for (const call of sent) {
    if (call.clear === true) for (const id of call.ids) expect(h.confirmed.has(id), `clearMessage: true for unconfirmed ${id}`).toBe(true);
  }
}

// ---------------------------------------------------------------------------------------------
// User paths
// ---------------------------------------------------------------------------------------------

/** Focus the row, press Delete, and (unless `confirm: false`) confirm the dialog. */
export async function deleteRow(h: Harness, name: string, { confirm = true } = {}) {
  h.row(name).focus();
  await userEvent.keyboard('{Delete}');
  const dialog = await screen.findByRole('alertdialog');
  if (confirm) {
    h.confirmed.add(h.row(name).dataset.id!);
    await userEvent.click(within(dialog).getByRole('button', { name: /^Delete/ }));
  }
  return dialog;
}

/** Select rows in selection mode and confirm the toolbar's delete. */
export async function deleteSelected(h: Harness, names: string[]) {
  await userEvent.click(within(h.toolbar()).getByRole('button', { name: 'Select' }));
  for (const n of names) {
    await userEvent.click(h.row(n));
    h.confirmed.add(h.row(n).dataset.id!);
  }
  await userEvent.click(within(h.toolbar()).getByRole('button', { name: `Delete ${names.length}` }));
  const dialog = await screen.findByRole('alertdialog');
  await userEvent.click(within(dialog).getByRole('button', { name: /^Delete/ }));
  return dialog;
}

export const deleteCalls = (h: Harness) => h.f.callsOf('deleteConversationList');

export { screen, within, userEvent };
