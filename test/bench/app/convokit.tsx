// convokit's ConversationList on the in-memory server at zero latency.
import '../../../src/styles.css';
import { ConversationList } from '../../../src/index.ts';
import { createMemoryAdapter, type MemoryChatAdapter } from '../../../src/sdk/memory/index.ts';
import { startBench, watchLongTasks } from './harness.tsx';
import { benchData } from './data.ts';

const ROW = '.ck-ConversationList-row[data-id]';
const raf = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface HookLog {
  commits: { t: number; rows: string[] }[];
}
const hookLog = (): HookLog | undefined => (window as unknown as { __benchHook?: HookLog }).__benchHook;

function timeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no result after ${ms} ms`)), ms)),
  ]);
}

/** Commits (React Profiler, profiling build) and rendered rows (DevTools hook) since `since`. */
function commitsSince(since: number) {
  const commits = (window.__benchCommits ?? []).filter((c) => c.commitTime >= since);
  const hookCommits = (hookLog()?.commits ?? []).filter((c) => c.t >= since);
  const rows = new Set<string>();
  for (const c of hookCommits) for (const id of c.rows) rows.add(id);
  return {
    commits: commits.length,
    hookCommits: hookCommits.length,
    renderMs: commits.reduce((s, c) => s + c.actualDuration, 0),
    maxCommitMs: commits.reduce((m, c) => Math.max(m, c.actualDuration), 0),
    rowsRendered: rows.size,
    rowRendersPerCommit: hookCommits.map((c) => c.rows.length),
  };
}

startBench({
  rowSelector: ROW,
  scroller: () => document.querySelector<HTMLElement>('.ck-ConversationList-viewport'),
  prepare: (n): MemoryChatAdapter => createMemoryAdapter({ conversations: benchData(n), latencyMs: 0 }),
  element: (adapter) => <ConversationList adapter={adapter} style={{ height: '100%' }} />,
  extras: (adapter) => {
    let deleteAll: Promise<unknown> | undefined;
    return {
      /**
       * convokit pages (100 a page) as the user nears the end. Before the scroll figures, page in
       * the whole list so the scroll covers all N rows, as it does for the other subjects.
       */
      async preload() {
        const el = document.querySelector<HTMLElement>('.ck-ConversationList-viewport')!;
        const n: number = window.__bench.n;
        const t0 = performance.now();
        let frames = 0;
        for (;;) {
          el.scrollTop = el.scrollHeight;
          await raf();
          frames++;
          const rows = el.querySelectorAll<HTMLElement>(ROW);
          const last = rows.length ? Number(rows[rows.length - 1].dataset.index) : -1;
          if (last >= n - 1) break;
          if (performance.now() - t0 > 110_000) throw new Error(`preload reached row ${last} of ${n}`);
        }
        const ms = performance.now() - t0;
        el.scrollTop = 0;
        for (let i = 0; i < 3; i++) await raf();
        return { ms, frames };
      },
      /** A second device deletes the conversation shown at `index`; what does this list redo? */
      async remoteDelete(index = 2) {
        const scroller = document.querySelector<HTMLElement>('.ck-ConversationList-viewport');
        if (scroller && scroller.scrollTop !== 0) {
          scroller.scrollTop = 0;
          for (let i = 0; i < 5; i++) await raf();
          await sleep(200);
        }
        const row = document.querySelector<HTMLElement>(`${ROW}[data-index="${index}"]`);
        if (!row) throw new Error(`no row at index ${index}`);
        const id = row.dataset.id!;
        const other = adapter.server.connect();
        await raf();
        await raf();
        const longTasks = watchLongTasks();
        const gone = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (!row.isConnected) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(document.getElementById('box')!, { childList: true, subtree: true });
        });
        const since = performance.now();
        await other.deleteConversationList([id], false);
        const goneAt = await timeout(gone, 10_000, 'remote deletion');
        await raf();
        await raf();
        await sleep(150);
        const lt = await longTasks.stop();
        return { id, index, wallMs: goneAt - since, longestTask: lt.longest, ...commitsSince(since) };
      },

      /** pointerdown on a row's swipe surface, then `moves` pointermoves, one per frame. */
      async swipe(moves = 30) {
        const surface = document.querySelector<HTMLElement>(`${ROW}[data-index="1"] .ck-SwipeActions-surface`);
        if (!surface) throw new Error('no .ck-SwipeActions-surface');
        const r = surface.getBoundingClientRect();
        const y = r.top + r.height / 2;
        let x = r.left + r.width * 0.8;
        const init = (type: string, buttons: number): PointerEventInit => ({
          bubbles: true, cancelable: true, composed: true, pointerId: 7, pointerType: 'mouse', isPrimary: true,
          button: 0, buttons, clientX: x, clientY: y,
        });
        surface.dispatchEvent(new PointerEvent('pointerdown', init('pointerdown', 1)));
        await raf();
        const perMove: number[] = [];
        const started = performance.now();
        for (let i = 0; i < moves; i++) {
          const before = performance.now();
          x -= 4;
          surface.dispatchEvent(new PointerEvent('pointermove', init('pointermove', 1)));
          await raf();
          perMove.push((hookLog()?.commits ?? []).filter((c) => c.t >= before).length);
        }
        const during = commitsSince(started);
        const transform = getComputedStyle(surface).transform;
        surface.dispatchEvent(new PointerEvent('pointerup', init('pointerup', 0)));
        await raf();
        await raf();
        return { moves, transform, perMove, ...during };
      },

      /** Call before clicking the dialog's confirm button; resolves when all rows are gone. */
      async armDeleteAll() {
        const longTasks = watchLongTasks();
        let clickedAt = 0;
        const onClick = (e: Event) => {
          const button = (e.target as HTMLElement).closest('button');
          if (button && button.closest('[role="dialog"],[role="alertdialog"],dialog') && /^Delete/.test(button.textContent?.trim() ?? '')) {
            clickedAt = performance.now();
          }
        };
        document.addEventListener('click', onClick, true);
        deleteAll = (async () => {
          while (!clickedAt) await raf();
          document.removeEventListener('click', onClick, true);
          let statusAt = 0;
          let rowsGoneAt = 0;
          for (;;) {
            const t = await raf();
            const status = [...document.querySelectorAll('[role="status"],[aria-live]')].map((e) => e.textContent ?? '').join(' ');
            if (!statusAt && /deleted/i.test(status)) statusAt = t;
            if (!rowsGoneAt && !document.querySelector(ROW) && adapter.server.getConversations().length === 0) rowsGoneAt = t;
            if (rowsGoneAt && (statusAt || t - rowsGoneAt > 1000)) break;
            if (t - clickedAt > 60_000) break;
          }
          const lt = await longTasks.stop();
          return {
            doneMs: rowsGoneAt ? rowsGoneAt - clickedAt : null,
            statusMs: statusAt ? statusAt - clickedAt : null,
            longestTask: lt.longest,
            longTasks: lt.count,
            serverLeft: adapter.server.getConversations().length,
            rowsLeft: document.querySelectorAll(ROW).length,
          };
        })();
        return true;
      },
      deleteAllDone: () => deleteAll,
    };
  },
});
