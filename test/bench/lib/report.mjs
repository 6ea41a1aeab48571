// The markdown table: one line per figure and size, convokit next to both peers, the
// convokit/peer ratios, the issue-6 target and PASS/MISS.

const fmtN = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
const round = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? null : Number(x.toFixed(d)));

function ms(x) {
  if (x === null || x === undefined) return '—';
  return x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`;
}
const int = (x) => (x === null || x === undefined ? '—' : Math.round(x).toLocaleString('en'));
const mb = (x) => (x === null || x === undefined ? '—' : `${x.toFixed(1)} MB`);
const kb = (x) => (x === null || x === undefined ? '—' : `${x.toFixed(1)} KB`);

function ratio(a, b) {
  if (typeof a !== 'number' || typeof b !== 'number') return '—';
  if (b === 0) return a === 0 ? '1×' : '∞';
  const r = a / b;
  return `${r >= 10 ? r.toFixed(0) : r >= 0.1 ? r.toFixed(2) : r.toFixed(3)}×`;
}

const verdict = (ok) => (ok === null || ok === undefined ? '—' : ok ? 'PASS' : 'MISS');

/** Builds the lines (also used for the JSON's `table`). */
export function tableLines(report) {
  const { summary, sizes, extras, bundles } = report;
  const lines = [];
  const cell = (subject, n, pick, format) => {
    const s = summary[subject]?.[n];
    if (!s) return { text: '—', value: null };
    if (s.skipped) return { text: s.skipped.replace(/:.*/, ''), value: null, note: s.skipped };
    const v = pick(s);
    if (v && typeof v === 'object' && v.skipped) return { text: v.skipped.replace(/:.*/, ''), value: null };
    return { text: format(v), value: typeof v === 'number' ? v : null };
  };
  const line = (figure, n, pick, format, target = '—', pass = () => null) => {
    const c = cell('convokit', n, pick, format);
    const h = cell('tanstack', n, pick, format);
    const p = cell('chatscope', n, pick, format);
    lines.push({
      figure,
      n: fmtN(n),
      convokit: c.text,
      handBuilt: h.text,
      chatscope: p.text,
      vsHandBuilt: ratio(c.value, h.value),
      vsChatscope: ratio(c.value, p.value),
      target,
      result: c.value === null ? '—' : verdict(pass(c.value, h.value)),
    });
  };

  const smallest = sizes[0];
  for (const n of sizes) {
    const mountTarget = n === 10_000 ? 100 : n === 100_000 ? 150 : null;
    line(
      'mount (render → rows painted)',
      n,
      (s) => s.mountMs,
      ms,
      mountTarget ? `≤ ${mountTarget} ms and ≤ 1.2× hand-built` : '— (targets at 10k, 100k)',
      mountTarget ? (c, h) => c <= mountTarget && (h === null || c <= 1.2 * h) : () => null,
    );
    line('DOM nodes after mount', n, (s) => s.domNodes, int, '< 1,500, constant in N', (c) => {
      const base = summary.convokit?.[smallest]?.domNodes;
      return c < 1500 && (typeof base !== 'number' || Math.abs(c - base) <= 0.1 * base);
    });
    line('JS heap after mount + gc', n, (s) => s.heapMB, mb);
    if (typeof summary.convokit?.[n]?.preloadMs === 'number') {
      lines.push({
        figure: 'page in all N before the scroll (convokit pages 100 at a time)',
        n: fmtN(n),
        convokit: ms(summary.convokit[n].preloadMs),
        handBuilt: 'n/a (all in memory)',
        chatscope: 'n/a (all rendered)',
        vsHandBuilt: 'n/a',
        vsChatscope: 'n/a',
        target: '—',
        result: '—',
      });
    }
    line('scroll frame p50 / p95 / max', n, (s) => (s.scroll.skipped ? s.scroll : s.scroll.p95), () => '', '— (p95 ratio)');
    const last = lines[lines.length - 1];
    for (const [key, subject] of [['convokit', 'convokit'], ['handBuilt', 'tanstack'], ['chatscope', 'chatscope']]) {
      const s = summary[subject]?.[n];
      if (s && !s.skipped && !s.scroll.skipped) last[key] = `${ms(s.scroll.p50)} / ${ms(s.scroll.p95)} / ${ms(s.scroll.max)}`;
    }
    line('scroll frames > 17.5 ms (of 201)', n, (s) => (s.scroll.skipped ? s.scroll : s.scroll.over17_5), int, '0', (c) => c === 0);
    line('scroll long tasks (> 50 ms)', n, (s) => (s.scroll.skipped ? s.scroll : s.scroll.longTasks), int, '0', (c) => c === 0);
    line(
      'main-thread work per scroll frame (trace: CPU, wall)',
      n,
      (s) => (s.trace?.skipped || s.trace?.error ? { skipped: s.trace.skipped ?? 'trace failed' } : s.trace?.cpuMsPerFrame ?? s.trace?.msPerFrame),
      ms,
      '≤ 8 ms (CPU)',
      (c) => c <= 8,
    );
    const traceLine = lines[lines.length - 1];
    for (const [key, subject] of [['convokit', 'convokit'], ['handBuilt', 'tanstack'], ['chatscope', 'chatscope']]) {
      const t = summary[subject]?.[n]?.trace;
      if (t && typeof t.msPerFrame === 'number') traceLine[key] = `${ms(t.cpuMsPerFrame)}, ${ms(t.msPerFrame)}`;
    }
  }

  const only = (figure, n, value, format, target, pass) =>
    lines.push({
      figure,
      n,
      convokit: value === null || value === undefined ? '—' : format(value),
      handBuilt: 'n/a',
      chatscope: 'n/a',
      vsHandBuilt: 'n/a',
      vsChatscope: 'n/a',
      target,
      result: value === null || value === undefined ? '—' : verdict(pass(value)),
    });
  const del = extras?.deleteAll?.median;
  if (del) {
    only('select all → delete all: done', fmtN(del.n), del.doneMs, ms, '< 2 s', (v) => v < 2000);
    only('select all → delete all: longest task', fmtN(del.n), del.longestTask, (v) => (v === 0 ? 'none ≥ 50 ms' : ms(v)), '≤ 50 ms', (v) => v <= 50);
  }
  const rd = extras?.remoteDeletion?.median;
  if (rd) {
    only('remote deletion: React commit time (Profiler)', fmtN(extras.remoteDeletion.n), rd.renderMs, (v) => `${v.toFixed(2)} ms`, '≤ 4 ms', (v) => v <= 4);
    only('remote deletion: rows re-rendered', fmtN(extras.remoteDeletion.n), rd.rowsRendered, int, '≤ 2', (v) => v <= 2);
  }
  const sw = extras?.swipe?.median;
  if (sw) {
    only('swipe drag: React commits per pointermove', '30 moves', sw.commits / sw.moves, (v) => `${v.toFixed(3)} (${sw.commits} in ${sw.moves})`, '0', (v) => v === 0);
  }
  if (bundles) {
    const b = (s) => bundles[s]?.jsGzKB ?? null;
    lines.push({
      figure: 'bundle: JS min+gzip, peers external',
      n: '—',
      convokit: kb(b('convokit')),
      handBuilt: kb(b('tanstack')),
      chatscope: kb(b('chatscope')),
      vsHandBuilt: ratio(b('convokit'), b('tanstack')),
      vsChatscope: ratio(b('convokit'), b('chatscope')),
      target: '≤ 25 KB',
      result: b('convokit') === null ? '—' : verdict(b('convokit') <= 25),
    });
  }
  return lines;
}

export function renderMarkdown(report) {
  const lines = tableLines(report);
  report.table = lines;
  const m = report.machine;
  const out = [];
  out.push(`### convokit benchmark${report.quick ? ' (quick: N = 1,000, one load)' : ''}`);
  out.push('');
  out.push(
    `Median of ${report.runs} fresh page load${report.runs > 1 ? 's' : ''} per subject and size, subjects interleaved; ` +
      `${report.steps} rAF-paced scroll steps. ${m.date.slice(0, 10)}, Chromium ${m.chromium} headless, node ${m.node}, ` +
      `${m.os}, ${m.cpus}, ${m.memoryGB} GB; load average ${m.loadavgAtStart.join(' ')} at start, ` +
      `${(m.loadavgAtEnd ?? []).join(' ')} at end (a shared machine: expect noise).`,
  );
  out.push('');
  out.push('| figure | N | convokit | hand-built (tanstack) | chatscope | convokit / hand-built | convokit / chatscope | target | result |');
  out.push('|---|---|---|---|---|---|---|---|---|');
  for (const l of lines) {
    out.push(`| ${l.figure} | ${l.n} | ${l.convokit} | ${l.handBuilt} | ${l.chatscope} | ${l.vsHandBuilt} | ${l.vsChatscope} | ${l.target} | ${l.result} |`);
  }
  out.push('');
  const notes = [];
  for (const [key, reason] of Object.entries(report.skipped ?? {})) notes.push(`- ${key.replace('@', ' at N = ')}: ${reason}`);
  for (const [subject, sizes] of Object.entries(report.summary)) {
    for (const [n, s] of Object.entries(sizes)) {
      if (s.scroll?.skipped) notes.push(`- ${subject} at N = ${Number(n).toLocaleString('en')}: scroll ${s.scroll.skipped}.`);
      else if (s.scrollRuns && s.scrollRuns < s.runs) notes.push(`- ${subject} at N = ${Number(n).toLocaleString('en')}: scroll measured on ${s.scrollRuns} of ${s.runs} loads (paging in all rows takes about a minute there).`);
    }
  }
  const chatscope10k = report.summary.chatscope?.[10000];
  if (chatscope10k && !chatscope10k.skipped) notes.push('- chatscope at N ≥ 10,000 is measured once (one load), time-boxed.');
  if (report.bundles?.convokit) {
    const b = report.bundles;
    notes.push(
      `- Bundles (min+gzip JS / CSS): convokit ${kb(b.convokit.jsGzKB)} / ${kb(b.convokit.cssGzKB)} (styles.css is a separate import)` +
        (b.tanstack ? `; hand-built ${kb(b.tanstack.jsGzKB)} / ${kb(b.tanstack.cssGzKB)}` : '') +
        (b.chatscope ? `; chatscope ${kb(b.chatscope.jsGzKB)} (its styles package is separate)` : '') +
        '. Peers external: react, react-dom, @tanstack/react-query.' +
        (b.convokit.jsGzLibKB
          ? ` Fully minified (Oxc) after Vite's library build, which keeps whitespace and comments in ES output; as that output: convokit ${kb(b.convokit.jsGzLibKB)}` +
            (b.tanstack ? `, hand-built ${kb(b.tanstack.jsGzLibKB)}` : '') +
            (b.chatscope ? `, chatscope ${kb(b.chatscope.jsGzLibKB)}` : '') +
            '.'
          : ''),
    );
  }
  const rd = report.extras?.remoteDeletion?.median;
  if (rd) notes.push(`- Remote deletion: ${rd.commits} commit(s), ${rd.renderMs.toFixed(2)} ms render (Profiler actualDuration), event → row gone ${rd.wallMs.toFixed(1)} ms wall.`);
  const sw = report.extras?.swipe?.median;
  const swRun = report.extras?.swipe?.runs?.[0];
  if (sw && swRun) {
    const at = swRun.perMove.map((c, i) => (c ? `move ${i + 1}` : null)).filter(Boolean);
    notes.push(`- Swipe: ${sw.commits} commit(s) during ${sw.moves} pointermoves${at.length ? ` (first load: after ${at.join(', ')}; none after)` : ''}; surface transform at the end ${swRun.transform}.`);
  }
  notes.push(
    '- Targets are goals, not gates. Frame figures come from an untraced scroll; the main-thread figure from a second, traced scroll ' +
      '(CPU = the renderer main thread\'s thread time in top-level tasks, wall = their wall time; per frame of 201). ' +
      'Long Tasks only reports tasks ≥ 50 ms, so "none ≥ 50 ms" is the most it can say.',
  );
  if (report.broken) notes.push(`- **The harness broke:** ${report.broken}`);
  if (notes.length) out.push(...notes, '');
  out.push(...diagnosisMarkdown(report));
  return `${out.join('\n')}\n`;
}

export { round };

/** "Where the time goes": measured breakdowns for the convokit lines. */
function diagnosisMarkdown(report) {
  const out = [];
  const d = report.extras?.diagnosis;
  const big = report.sizes[report.sizes.length - 1];
  const trace = (subject) => report.summary[subject]?.[big]?.trace;
  const fmtTop = (list) => list.map((x) => `${x.fn ?? x.name} ${x.ms ?? x.msPerFrame} ms`).join('; ');
  const haveAny = d || trace('convokit')?.breakdown || report.bundles?.convokit?.byPart;
  if (!haveAny) return out;
  out.push('#### Where the time goes (measured)', '');
  for (const subject of ['convokit', 'tanstack']) {
    const t = trace(subject);
    if (t?.breakdown) {
      out.push(
        `- ${subject === 'convokit' ? 'convokit' : 'hand-built'} scroll at N = ${big.toLocaleString('en')}, trace self time per frame: ${fmtTop(t.breakdown.slice(0, 8))} ` +
          `(longest task ${t.longestTaskMs?.toFixed(1)} ms).`,
      );
    }
  }
  if (d?.mount) {
    const commits = d.mount.commits.map((c) => `${c.phase} ${c.ms} ms`).join(', ');
    out.push(
      `- convokit mount at N = ${d.n.toLocaleString('en')} on the profiling build: rows in the DOM after ${d.mount.rowsInDomMs.toFixed(1)} ms, painted after ${d.mount.mountMs.toFixed(1)} ms; ` +
        `React commits: ${commits}. JS self time (CPU profile): ${fmtTop(d.mount.cpu.top.slice(0, 8))}.`,
    );
  }
  if (d?.scroll) out.push(`- convokit scroll at N = ${d.n.toLocaleString('en')}, JS self time (CPU profile, whole scroll): ${fmtTop(d.scroll.cpu.top.slice(0, 8))}.`);
  if (d?.remoteDeletionRows) {
    const r = d.remoteDeletionRows;
    out.push(
      `- Remote deletion of the 3rd row at N = ${d.n.toLocaleString('en')}: ${r.rowsRendered} rows rendered; component renders: ` +
        `${Object.entries(r.componentRenders).map(([k, v]) => `${k} ×${v}`).join(', ')}.` +
        (r.rowsRendered <= 2
          ? ' The rows below the deleted one move (a layout effect writes their offset) without rendering.'
          : ' Every row below the deleted one renders again (its index and offset change).'),
    );
  }
  const parts = report.bundles?.convokit?.byPart;
  if (parts) out.push(`- convokit bundle by part (rendered code before minification, for shares): ${parts.map((p) => `${p.part} ${p.renderedKB} KB`).join(', ')}.`);
  out.push('');
  return out;
}
