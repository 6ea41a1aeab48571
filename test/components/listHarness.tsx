/// <reference types="vite/client" />
/**
 * Shared harness for the ConversationList browser tests: a real memory server, a real store
 * (inside the list), the real stylesheet, a sized host, and helpers that read the list only
 * through roles, names, focus and data-* (style.md, Tests).
 */
import { render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { cdp, page } from 'vitest/browser';
import axe from 'axe-core';
import { ConversationList, type ConversationListProps } from '../../src/components/ConversationList/index.js';
import { createMemoryChatServer, type MemoryChatServerOptions } from '../../src/sdk/memory/index.js';
import { generateConversations } from '../../src/sdk/generate.js';
import type { Conversation } from '../../src/sdk/types.js';
import '../../src/styles.css';
import { Pointer as BasePointer, type PointerKind } from '../support/pointer.js';

export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

// Updates from native listeners and the store are scheduled by React as in an app, not by act().
// (Testing Library turns the act environment on in its own beforeAll, so this runs per test.)
beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

export interface Setup extends Partial<Omit<ConversationListProps, 'adapter'>> {
  /** Number of generated conversations (ignored when `conversations` is given). @default 30 */
  count?: number;
  conversations?: Conversation[];
  server?: Omit<MemoryChatServerOptions, 'conversations'>;
  width?: number;
  height?: number;
  /** Wait for the first page. @default true */
  waitForRows?: boolean;
  /** Wraps the list (e.g. in a `<Profiler>`). */
  wrap?: (list: ReactElement) => ReactElement;
}

/** `n` small, predictable conversations: "Person 1" … with distinct order keys. */
export function people(n: number): Conversation[] {
  return Array.from({ length: n }, (_, i) => ({
    conversationID: `C2Cuser${i + 1}`,
    type: 'c2c' as const,
    showName: `Person ${i + 1}`,
    isPinned: false,
    orderKey: 1_000_000 - i,
    unreadCount: 0,
    lastMessage: { text: `Hello from ${i + 1}`, timestamp: NOW - i * 60_000 },
  }));
}

export async function renderList({
  count = 30,
  conversations,
  server: serverOptions,
  width = 400,
  height = 640,
  waitForRows = true,
  wrap = (list) => list,
  ...props
}: Setup = {}) {
  const server = createMemoryChatServer({
    conversations: conversations ?? people(count),
    ...serverOptions,
  });
  const adapter = server.connect();
  const element = (extra: Partial<ConversationListProps> = {}): ReactElement => (
    <div data-testid="host" style={{ width, height, display: 'flex', flexDirection: 'column' }}>
      {wrap(<ConversationList adapter={adapter} {...props} {...extra} />)}
      <button type="button">Outside</button>
    </div>
  );
  const utils = render(element());
  const host = screen.getByTestId('host');
  const root = host.querySelector<HTMLElement>('.ck-ConversationList')!;
  const grid = within(host).getByRole('grid');
  if (waitForRows) await vi.waitFor(() => expect(rowsIn(grid).length).toBeGreaterThan(0));
  return {
    ...utils,
    server,
    adapter,
    host,
    root,
    grid,
    rerenderWith: (extra: Partial<ConversationListProps>) => utils.rerender(element(extra)),
    rows: () => rowsIn(grid),
    row: (name: string) => rowNamed(grid, name),
    status: () => within(root).getByRole('status'),
    toolbar: () => within(root).getByRole('toolbar'),
  };
}
export type ListHarness = Awaited<ReturnType<typeof renderList>>;

/** Conversation rows (not the loading/error state rows), in DOM order. */
export function rowsIn(grid: HTMLElement): HTMLElement[] {
  return Array.from(grid.querySelectorAll<HTMLElement>('[role="row"][data-id]'));
}

/** The row whose accessible name begins with `name` (followed by a separator, not a digit). */
export function rowNamed(grid: HTMLElement, name: string): HTMLElement {
  const found = rowsIn(grid).filter((r) => {
    const label = r.getAttribute('aria-label') ?? '';
    return label.startsWith(name) && !/^[0-9]/.test(label.slice(name.length));
  });
  if (found.length !== 1) throw new Error(`expected one row named "${name}", found ${found.length}`);
  return found[0];
}

/** The row that has keyboard focus (or holds it), if any. */
export function focusedRow(): HTMLElement | null {
  return (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[role="row"][data-id]') ?? null;
}

export const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Rows that are in the tab sequence. The roving tabindex keeps exactly one. */
export function tabbableRows(grid: HTMLElement) {
  return rowsIn(grid).filter((r) => r.tabIndex === 0);
}

/** Focus never falls to <body> (C3). */
export function expectFocusNotOnBody() {
  expect(document.activeElement).not.toBe(document.body);
  expect(document.activeElement).not.toBeNull();
}

/** Waits until every running animation and transition under `root` (and open dialogs) is done. */
export async function settleAnimations(root: Element = document.body) {
  await nextFrame();
  const running = [...root.getAnimations({ subtree: true }), ...document.getAnimations()];
  await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
  await nextFrame();
}

/** axe on the given container: no violations at all (impact noted in the message). */
export async function expectNoAxeViolations(container: Element) {
  // Colours are read mid-transition otherwise (tray slide, toast and dialog entry).
  await settleAnimations(container);
  const result = await axe.run(container, { resultTypes: ['violations'] });
  const summary = result.violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

/** A synthetic pointer whose moves take 50 ms by default: slow drags, where the release position decides. */
export class Pointer extends BasePointer {
  constructor(target: Element, kind: PointerKind = 'touch') {
    super(target, kind, 50);
  }
}

/** The swipe surface of a row. */
export function surfaceOf(row: HTMLElement) {
  return row.querySelector<HTMLElement>('.ck-SwipeActions-surface')!;
}
export function swipeOf(row: HTMLElement) {
  return row.querySelector<HTMLElement>('.ck-SwipeActions')!;
}

/**
 * Drags a row toward its start edge (left in LTR, right in RTL) by `distance` px, slowly, and
 * releases. Starts 10 px inside the end edge, far from the start-edge guard (A3).
 */
export function swipeRow(row: HTMLElement, distance: number, { dir = 'ltr' as 'ltr' | 'rtl' } = {}) {
  const r = row.getBoundingClientRect();
  const sign = dir === 'rtl' ? 1 : -1;
  const x = dir === 'rtl' ? r.left + 10 : r.right - 10;
  const p = new Pointer(surfaceOf(row), 'touch').down(x, r.top + r.height / 2);
  p.drag(sign * distance);
  p.up();
  return p;
}

/** Trusted mouse input through the DevTools protocol (real hover, real clicks with modifiers). */
export function devtools() {
  const frame = (window.frameElement as HTMLElement).getBoundingClientRect();
  const scale = frame.width / window.innerWidth;
  const at = (x: number, y: number) => ({ x: frame.left + x * scale, y: frame.top + y * scale });
  const session = cdp();
  return {
    async move(x: number, y: number) {
      await session.send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...at(x, y), button: 'none' });
    },
  };
}

export { page, screen, within };
