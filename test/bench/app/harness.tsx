// Page side of the benchmark. Each subject page calls `startBench(subject)`; run.mjs drives the
// page through `window.__bench` with playwright-core. Nothing here is timed until `mount()`.
import { Profiler, type ProfilerOnRenderCallback, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import './shared.css';

export interface Subject<P = unknown> {
  /** Matches one rendered conversation row (not placeholders). */
  rowSelector: string;
  /** The element that scrolls. */
  scroller(): HTMLElement | null;
  /** What a real app has before the list renders (data, adapter). Not timed. */
  prepare(n: number): P;
  element(prepared: P): ReactElement;
  /** Subject-specific measurements, called by run.mjs after mount. */
  extras?: (prepared: P) => Record<string, (...args: any[]) => unknown>;
}

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  over16_7: number;
  over17_5: number;
  longTasks: number;
  longestTask: number;
  totalMs: number;
  finalScrollTop: number;
  scrollHeight: number;
  lastIndex: number | null;
}

const raf = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Collects long tasks (> 50 ms) from now until `stop()`. */
export function watchLongTasks() {
  const durations: number[] = [];
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
  } catch {
    // no Long Tasks API: report none
  }
  return {
    async stop() {
      // Long-task entries are delivered after the task; give them a moment.
      await sleep(60);
      if (observer) {
        for (const entry of observer.takeRecords()) durations.push(entry.duration);
        observer.disconnect();
      }
      return { count: durations.filter((d) => d > 50).length, longest: durations.length ? Math.max(...durations) : 0 };
    },
  };
}

/** Row elements' data-index (virtual lists), for checking the scroll reached the end. */
function lastVisibleIndex(scroller: HTMLElement, rowSelector: string): number | null {
  const box = scroller.getBoundingClientRect();
  let last: number | null = null;
  for (const row of scroller.querySelectorAll<HTMLElement>(rowSelector)) {
    const index = row.dataset.index;
    if (index === undefined) return null;
    const r = row.getBoundingClientRect();
    if (r.bottom > box.top && r.top < box.bottom) last = Math.max(last ?? -1, Number(index));
  }
  return last;
}

declare global {
  interface Window {
    __bench: Record<string, any>;
    __benchCommits?: { phase: string; actualDuration: number; startTime: number; commitTime: number }[];
    gc?: () => void;
  }
}

export function startBench<P>(subject: Subject<P>) {
  const params = new URLSearchParams(location.search);
  const n = Number(params.get('n') ?? 1000);
  const profile = params.get('profile') === '1';
  const box = document.getElementById('box')!;
  const prepared = subject.prepare(n);
  const commits: NonNullable<Window['__benchCommits']> = (window.__benchCommits = []);
  const onRender: ProfilerOnRenderCallback = (_id, phase, actualDuration, _base, startTime, commitTime) => {
    commits.push({ phase, actualDuration, startTime, commitTime });
  };

  const bench: Record<string, unknown> = {
    n,
    ready: true,
    rowCount: () => document.querySelectorAll(subject.rowSelector).length,

    /** From the `render` call to the first frame with rows painted (rows in the DOM + 2 rAF). */
    async mount() {
      await raf();
      await raf();
      let rowsAt = 0;
      const rowsInDom = new Promise<void>((resolve) => {
        const check = () => {
          if (document.querySelector(subject.rowSelector)) {
            rowsAt = performance.now();
            observer.disconnect();
            resolve();
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(box, { childList: true, subtree: true });
      });
      const element = subject.element(prepared);
      const t0 = performance.now();
      createRoot(box).render(profile ? <Profiler id="bench" onRender={onRender}>{element}</Profiler> : element);
      await rowsInDom;
      await raf();
      await raf();
      const t1 = performance.now();
      return { mountMs: t1 - t0, rowsInDomMs: rowsAt - t0, rows: document.querySelectorAll(subject.rowSelector).length };
    },

    /** The whole list top → bottom in `steps` rAF-paced steps. */
    async scroll(steps = 200, label = 'scroll'): Promise<FrameStats> {
      const el = subject.scroller();
      if (!el) throw new Error('no scroller');
      el.scrollTop = 0;
      await raf();
      await raf();
      const longTasks = watchLongTasks();
      console.timeStamp(`bench:${label}:start`);
      const started = performance.now();
      const frames: number[] = [];
      let last = await raf();
      for (let i = 1; i <= steps; i++) {
        const max = el.scrollHeight - el.clientHeight;
        el.scrollTop = Math.round((i / steps) * max);
        const t = await raf();
        frames.push(t - last);
        last = t;
      }
      // The frame after the last step shows it.
      const t = await raf();
      frames.push(t - last);
      const totalMs = performance.now() - started;
      console.timeStamp(`bench:${label}:end`);
      const lt = await longTasks.stop();
      const sorted = [...frames].sort((a, b) => a - b);
      return {
        frames: frames.length,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        max: sorted[sorted.length - 1],
        over16_7: frames.filter((f) => f > 16.7).length,
        over17_5: frames.filter((f) => f > 17.5).length,
        longTasks: lt.count,
        longestTask: lt.longest,
        totalMs,
        finalScrollTop: el.scrollTop,
        scrollHeight: el.scrollHeight,
        lastIndex: lastVisibleIndex(el, subject.rowSelector),
      };
    },
    raf,
    sleep,
    watchLongTasks,
    commits: () => commits.slice(),
    ...(subject.extras?.(prepared) ?? {}),
  };
  window.__bench = bench;
}
