// Main-thread work from a Chromium trace (CDP Tracing), between two console.timeStamp marks.
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'];

export async function startTrace(cdp) {
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      return events;
    },
  };
}

const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * Sums top-level tasks (RunTask) on the renderer main thread between `bench:<label>:start` and
 * `:end`, and the self time of every event name under them ("where the time goes").
 */
export function analyseTrace(events, label, frames) {
  const mark = (suffix) =>
    events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === `bench:${label}:${suffix}`);
  const start = mark('start');
  const end = mark('end');
  if (!start || !end) return { error: 'marks not found in trace', events: events.length };
  const onThread = events
    .filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X' && e.ts >= start.ts && e.ts <= end.ts)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  // Top-level tasks: outermost RunTask intervals, clipped to the window.
  let busy = 0;
  let cpu = 0;
  let longest = 0;
  let tasks = 0;
  let coveredUntil = -Infinity;
  for (const e of onThread) {
    if (!TASK.has(e.name)) continue;
    const s = Math.max(e.ts, coveredUntil);
    const f = Math.min(e.ts + (e.dur ?? 0), end.ts);
    if (f > s) {
      busy += f - s;
      // tdur: the thread's CPU time, which excludes time the OS gave to other processes.
      if (typeof e.tdur === 'number' && e.ts >= coveredUntil) cpu += e.tdur;
      tasks++;
      longest = Math.max(longest, e.dur ?? 0);
      coveredUntil = Math.max(coveredUntil, f);
    }
  }

  // Self time per event name (nesting by containment).
  const self = new Map();
  const stack = [];
  for (const e of onThread) {
    const eEnd = e.ts + (e.dur ?? 0);
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.dur ?? 0));
    self.set(e.name, (self.get(e.name) ?? 0) + (e.dur ?? 0));
    stack.push({ name: e.name, end: eEnd });
  }
  const windowMs = (end.ts - start.ts) / 1000;
  const breakdown = [...self.entries()]
    .map(([name, us]) => [name, us / 1000 / frames])
    .filter(([, ms]) => ms >= 0.01)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([name, ms]) => ({ name, msPerFrame: Math.round(ms * 100) / 100 }));
  return {
    windowMs,
    busyMs: busy / 1000,
    msPerFrame: busy / 1000 / frames,
    cpuMsPerFrame: cpu / 1000 / frames,
    tasks,
    longestTaskMs: longest / 1000,
    breakdown,
  };
}
