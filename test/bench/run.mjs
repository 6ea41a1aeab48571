#!/usr/bin/env node
// convokit benchmark (issue 6): convokit's ConversationList vs @chatscope/chat-ui-kit-react vs a
// hand-built @tanstack/react-virtual list, side by side in real headless Chromium.
//
//   npm run bench                                   full run: N = 1k, 10k, 100k; 3 loads each
//   node test/tools/with-chromium.mjs node test/bench/run.mjs --quick     N = 1k, one load (npm test)
//
// Options: --quick, --runs=3, --sizes=1000,10000, --subjects=convokit,tanstack, --no-bundle,
//          --out=path.json (default results/latest.json, or results/quick.json with --quick)
//
// Exit status: 0 whenever the harness worked, even with MISS lines (targets are goals, not
// gates); 1 when it broke (a build failed, a subject failed to mount, the browser died);
// 2 when the overall watchdog fired.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem, loadavg, type as osType, release, arch } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, chromiumArgs } from '../tools/find-chromium.mjs';
import { benchDir, buildPages, measureBundle } from './lib/build.mjs';
import { serve } from '../tools/static-server.mjs';
import { median, medianOf } from './lib/stats.mjs';
import { analyseTrace, startTrace } from './lib/trace.mjs';
import { startProfile } from './lib/profile.mjs';
import { renderMarkdown } from './lib/report.mjs';

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const quick = flag('quick');
const SUBJECTS = option('subjects', 'convokit,tanstack,chatscope').split(',');
const SIZES = option('sizes', quick ? '1000' : '1000,10000,100000').split(',').map(Number);
const RUNS = Number(option('runs', quick ? '1' : '3'));
const STEPS = 200;
const OUT = option('out', join(benchDir, 'results', quick ? 'quick.json' : 'latest.json'));
const WATCHDOG_MS = Number(option('watchdog', quick ? 150_000 : 40 * 60_000));
/** A peer taking longer than this at a size is skipped there (issue 6). */
const PEER_LIMIT_MS = 60_000;

const started = Date.now();
const log = (...args) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s]`, ...args);

class Skip extends Error {}

function withTimeout(promise, ms, what, ErrorType = Error) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new ErrorType(`${what}: no result after ${(ms / 1000).toFixed(0)} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------------------------
let browser;
let httpServer;

async function launch() {
  const executablePath = process.env.CHROMIUM_PATH || findChromium();
  if (!executablePath) throw new Error('no Chromium found (see test/tools/find-chromium.mjs)');
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
    timeout: 60_000,
  });
  return browser;
}

async function shutdown() {
  try {
    await withTimeout(browser?.close() ?? Promise.resolve(), 15_000, 'browser.close');
  } catch {
    try {
      browser?.process?.()?.kill('SIGKILL');
    } catch {}
  }
  await httpServer?.close().catch(() => {});
}

const watchdog = setTimeout(async () => {
  console.error(`\n✖ bench: watchdog fired after ${WATCHDOG_MS / 1000} s; closing the browser`);
  await shutdown();
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

/** A fresh context and page per load; always closed, even when the renderer is stuck. */
async function withPage(url, fn) {
  const context = await browser.newContext({ viewport: { width: 480, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(() => window.__bench?.ready === true, null, { timeout: 60_000 }).catch((e) => {
      throw new Error(`page did not start: ${e.message}; page errors: ${errors.join(' | ') || 'none'}`);
    });
    return await fn(page, errors);
  } finally {
    try {
      await withTimeout(context.close(), 20_000, 'context.close');
    } catch {
      log('a page did not close; restarting the browser');
      await shutdown();
      await launch();
    }
  }
}

const evaluate = (page, fn, arg, ms, what) => withTimeout(page.evaluate(fn, arg), ms, what);

async function heap(page) {
  return page.evaluate(async () => {
    for (let i = 0; i < 3; i++) {
      window.gc?.();
      await new Promise((r) => setTimeout(r, 20));
    }
    return performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null;
  });
}

// ---------------------------------------------------------------------------------------------
// One load of one subject at one size: mount, DOM, heap, scroll, traced scroll.
// ---------------------------------------------------------------------------------------------
async function measureLoad(origin, subject, n, { slow = false, trace = true, skipScroll = null } = {}) {
  const mountLimit = subject === 'chatscope' ? PEER_LIMIT_MS : 60_000;
  return withPage(`${origin}/${subject}.html?n=${n}`, async (page, errors) => {
    const result = { subject, n };
    try {
      result.mount = await evaluate(page, () => window.__bench.mount(), null, mountLimit, `${subject} mount`);
    } catch (e) {
      if (subject === 'chatscope' && /no result after/.test(e.message)) throw new Skip(`mount > ${PEER_LIMIT_MS / 1000} s`);
      throw new Error(`${subject} failed to mount at N = ${n}: ${e.message}; page errors: ${errors.join(' | ') || 'none'}`);
    }
    if (!(result.mount.rows > 0)) throw new Error(`${subject} mounted no rows at N = ${n}`);
    result.domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    result.heapMB = await heap(page);

    if (skipScroll) {
      result.scroll = { skipped: skipScroll };
      return result;
    }
    if (await page.evaluate(() => typeof window.__bench.preload === 'function')) {
      try {
        result.preload = await evaluate(page, () => window.__bench.preload(), null, 180_000, `${subject} preload`);
      } catch (e) {
        // Paging in the whole list is slow, not broken: the scroll is not measured on this load.
        result.scroll = { skipped: `not measured: paging in all ${n.toLocaleString('en')} rows timed out (${e.message.slice(0, 80)})` };
        return result;
      }
    }
    const scrollLimit = slow ? 120_000 : 60_000;
    // The quick run scrolls once, under the trace; the full run scrolls once untraced for the
    // frame figures and once traced for the main-thread figure (tracing costs frame time).
    if (trace !== 'combined') {
      try {
        result.scroll = await evaluate(page, (steps) => window.__bench.scroll(steps, 'scroll'), STEPS, scrollLimit, `${subject} scroll`);
      } catch (e) {
        if (subject === 'chatscope') {
          result.scroll = { skipped: `scroll > ${scrollLimit / 1000} s` };
          return result;
        }
        throw e;
      }
    }
    if (trace && !(slow && result.scroll?.totalMs > 60_000)) {
      const cdp = await page.context().newCDPSession(page);
      const tracer = await startTrace(cdp);
      let traced;
      try {
        traced = await evaluate(page, (steps) => window.__bench.scroll(steps, 'trace'), STEPS, scrollLimit, `${subject} traced scroll`);
      } finally {
        const events = await withTimeout(tracer.stop(), 60_000, 'trace collection');
        result.trace = traced ? analyseTrace(events, 'trace', traced.frames) : { error: 'traced scroll failed' };
        if (traced) result.trace.scrollUnderTrace = { p95: traced.p95, over17_5: traced.over17_5 };
        if (trace === 'combined') result.scroll = traced ?? { skipped: 'scroll failed' };
      }
      await cdp.detach().catch(() => {});
    } else if (trace) {
      result.trace = { skipped: 'scroll > 60 s' };
    }
    if (errors.length) result.pageErrors = errors.slice(0, 5);
    return result;
  });
}

// ---------------------------------------------------------------------------------------------
// convokit only
// ---------------------------------------------------------------------------------------------
async function measureDeleteAll(origin, n) {
  return withPage(`${origin}/convokit.html?n=${n}`, async (page, errors) => {
    await evaluate(page, () => window.__bench.mount(), null, 60_000, 'convokit mount');
    const click = (locator, what) => withTimeout(locator.click({ timeout: 10_000 }), 15_000, what);
    await click(page.getByRole('button', { name: 'Select', exact: true }), '"Select"');
    await click(page.getByRole('button', { name: 'Select all', exact: true }), '"Select all"');
    const toolbarDelete = page.getByRole('button', { name: /^Delete/ }).first();
    const toolbarLabel = (await toolbarDelete.textContent())?.trim();
    await click(toolbarDelete, `toolbar "${toolbarLabel}"`);
    const dialog = page.getByRole('dialog').or(page.getByRole('alertdialog')).first();
    await dialog.waitFor({ timeout: 10_000 });
    // "Select all, then delete" counts every conversation first: the confirm button says
    // "Counting…" (aria-disabled) until the count is known, then "Delete 10,000 conversations".
    const confirm = dialog.getByRole('button', { name: /^Delete/ }).first();
    await confirm.waitFor({ timeout: 60_000 });
    // Deleting every conversation may ask the user to type a phrase (D8): type it, as a user would.
    const phraseInput = dialog.getByRole('textbox');
    if (await phraseInput.count()) {
      const phrase = (await dialog.textContent())?.match(/[“"]([^”"]+)[”"]/)?.[1];
      if (!phrase) throw new Error('the dialog asks for a phrase but does not say which');
      await phraseInput.first().fill(phrase);
    }
    await withTimeout(
      page.waitForFunction(() => {
        const d = document.querySelector('[role="alertdialog"],[role="dialog"]');
        const b = d && [...d.querySelectorAll('button')].find((e) => /^Delete/.test(e.textContent?.trim() ?? ''));
        return !!b && b.getAttribute('aria-disabled') !== 'true' && !b.disabled;
      }, null, { timeout: 20_000 }),
      25_000,
      'the dialog enabling its confirm button',
    );
    const confirmLabel = (await confirm.textContent())?.trim();
    await page.evaluate(() => window.__bench.armDeleteAll());
    await click(confirm, `dialog "${confirmLabel}"`);
    const done = await evaluate(page, () => window.__bench.deleteAllDone(), null, 90_000, 'delete-all');
    if (done.doneMs === null) throw new Error(`delete-all did not finish: ${JSON.stringify(done)}; page errors: ${errors.join(' | ')}`);
    return { n, toolbarLabel, confirmLabel, ...done };
  });
}

/**
 * convokit on React's profiling build (unminified): remote deletion and swipe commits; with
 * `diagnose`, also JS CPU profiles of the mount and of a scroll and the React commits of the
 * mount, to show where the time goes.
 */
async function measureProfiled(origin, n, { diagnose = false } = {}) {
  return withPage(`${origin}/profiling/convokit.html?n=${n}&profile=1`, async (page) => {
    const cdp = diagnose ? await page.context().newCDPSession(page) : null;
    const diagnosis = {};
    let profiler = cdp ? await startProfile(cdp) : null;
    const mount = await evaluate(page, () => window.__bench.mount(), null, 60_000, 'convokit (profiling) mount');
    if (profiler) {
      diagnosis.mount = {
        ...mount,
        commits: await page.evaluate(() => window.__bench.commits().map((c) => ({ phase: c.phase, ms: Math.round(c.actualDuration * 100) / 100, at: Math.round(c.commitTime) }))),
        cpu: await profiler.stop(15),
      };
    }
    await page.evaluate(() => window.__bench.sleep(300));
    const remote = await evaluate(page, () => window.__bench.remoteDelete(2), null, 30_000, 'remote deletion');
    await page.evaluate(() => window.__bench.sleep(300));
    const swipe = await evaluate(page, () => window.__bench.swipe(30), null, 30_000, 'swipe');
    if (cdp) {
      profiler = await startProfile(cdp);
      const scroll = await evaluate(page, (steps) => window.__bench.scroll(steps, 'profile'), STEPS, 60_000, 'profiled scroll');
      diagnosis.scroll = { p95: scroll.p95, over17_5: scroll.over17_5, longTasks: scroll.longTasks, cpu: await profiler.stop(15) };
      const t = await page.evaluate(() => performance.now());
      diagnosis.remoteDeletionRows = await page.evaluate(async () => {
        // Back at the top first, so the rows mounted by that scroll are not counted as renders.
        const scroller = document.querySelector('.ck-ConversationList-viewport');
        if (scroller) scroller.scrollTop = 0;
        for (let i = 0; i < 5; i++) await window.__bench.raf();
        await window.__bench.sleep(200);
        window.__benchHookDetail = true;
        const r = await window.__bench.remoteDelete(2);
        const last = window.__benchHook.commits.filter((c) => c.names).map((c) => c.names);
        const counts = {};
        for (const names of last) for (const name of names) { const k = name.replace(/ @row .*/, ' (in a row)').replace(/ \(mount\)/, ''); counts[k] = (counts[k] ?? 0) + 1; }
        return { rowsRendered: r.rowsRendered, renderMs: r.renderMs, componentRenders: counts };
      });
      void t;
      await cdp.detach().catch(() => {});
    }
    return { n, remote, swipe, diagnosis: diagnose ? diagnosis : undefined };
  });
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------
async function main() {
  const outDir = join(benchDir, '.dist', quick ? 'quick' : 'full');
  log(`building the bench pages (${SUBJECTS.join(', ')}) with Vite …`);
  const bundlePromise = flag('no-bundle')
    ? Promise.resolve(null)
    : (async () => {
        const out = {};
        for (const [name, entry] of [['convokit', 'convokit.ts'], ['tanstack', 'handbuilt.ts'], ['chatscope', 'chatscope.ts']]) {
          if (SUBJECTS.includes(name)) out[name] = await measureBundle(entry);
        }
        return out;
      })();
  await buildPages({ outDir, subjects: SUBJECTS });
  const bundles = await bundlePromise;
  log('built; bundles measured');

  httpServer = await serve(outDir);
  await launch();
  const machine = {
    os: `${osType()} ${release()} ${arch()}`,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: browser.version(),
    loadavgAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
    date: new Date().toISOString(),
  };
  log(`Chromium ${machine.chromium}, ${machine.cpus}, load ${machine.loadavgAtStart.join(' ')}`);

  const loads = []; // every measured load
  const skipped = {}; // `${subject}@${n}` → reason
  let broken = null;

  for (const n of SIZES) {
    for (let run = 0; run < RUNS; run++) {
      // Interleave the subjects, rotating who goes first.
      const order = SUBJECTS.map((_, i) => SUBJECTS[(i + run) % SUBJECTS.length]);
      for (const subject of order) {
        const key = `${subject}@${n}`;
        if (skipped[key]) continue;
        // chatscope renders every row: measured once at 10k and above, time-boxed.
        if (subject === 'chatscope' && n >= 10_000 && run > 0) continue;
        const slow = subject === 'chatscope' && n >= 10_000;
        // Paging in 100k rows takes about a minute: convokit's 100k scroll is measured on one load.
        let skipScroll = subject === 'convokit' && n >= 100_000 && run > 0 ? 'measured on the first load only' : null;
        const smaller = loads.find((l) => l.subject === subject && l.n === n / 10 && l.scroll?.totalMs);
        if (subject === 'chatscope' && smaller && smaller.scroll.totalMs * 10 > PEER_LIMIT_MS) {
          skipScroll = `skipped (> 60 s): the ${(n / 10).toLocaleString('en')} scroll took ${(smaller.scroll.totalMs / 1000).toFixed(0)} s`;
        }
        try {
          const t = Date.now();
          const result = await measureLoad(httpServer.origin, subject, n, { slow, skipScroll, trace: quick ? 'combined' : 'separate' });
          result.run = run;
          loads.push(result);
          log(
            `${subject.padEnd(9)} N=${String(n).padStart(6)} run ${run + 1}: mount ${result.mount.mountMs.toFixed(1)} ms,`,
            `${result.domNodes} nodes, ${result.heapMB?.toFixed(1)} MB,`,
            result.scroll.skipped ? `scroll ${result.scroll.skipped}` : `scroll p95 ${result.scroll.p95.toFixed(1)} ms, >17.5: ${result.scroll.over17_5}, long tasks ${result.scroll.longTasks},`,
            result.trace?.msPerFrame !== undefined ? `trace ${result.trace.msPerFrame.toFixed(2)} ms/frame` : '',
            `(${((Date.now() - t) / 1000).toFixed(1)} s)`,
          );
          if (subject === 'chatscope' && result.mount.mountMs * 10 > PEER_LIMIT_MS && SIZES.includes(n * 10)) {
            skipped[`chatscope@${n * 10}`] = `skipped (> 60 s): ${n.toLocaleString('en')} took ${(result.mount.mountMs / 1000).toFixed(1)} s to mount`;
          }
        } catch (e) {
          if (e instanceof Skip) {
            skipped[key] = `skipped (> 60 s): ${e.message}`;
            log(`${subject} N=${n}: ${skipped[key]}`);
            continue;
          }
          broken = `${key}: ${e.message}`;
          log(`✖ ${broken}`);
          break;
        }
      }
      if (broken) break;
    }
    if (broken) break;
  }

  const extras = {};
  if (!broken && SUBJECTS.includes('convokit')) {
    const deleteN = quick ? 1000 : 10_000;
    const remoteN = quick ? 1000 : 100_000;
    try {
      const deletes = [];
      const profiled = [];
      for (let run = 0; run < RUNS; run++) {
        const d = await measureDeleteAll(httpServer.origin, deleteN);
        deletes.push(d);
        log(`convokit delete-all N=${deleteN}: done ${d.doneMs?.toFixed(0)} ms (status ${d.statusMs?.toFixed(0)} ms), longest task ${d.longestTask.toFixed(0)} ms`);
        const p = await measureProfiled(httpServer.origin, remoteN, { diagnose: run === 0 && !quick });
        profiled.push(p);
        log(
          `convokit remote deletion N=${remoteN}: ${p.remote.commits} commits, render ${p.remote.renderMs.toFixed(2)} ms, rows ${p.remote.rowsRendered}, wall ${p.remote.wallMs.toFixed(1)} ms;`,
          `swipe: ${p.swipe.commits} commits over ${p.swipe.moves} pointermoves`,
        );
      }
      extras.deleteAll = { runs: deletes, median: medianOf(deletes) };
      extras.remoteDeletion = { runs: profiled.map((p) => p.remote), median: medianOf(profiled.map((p) => p.remote)), n: remoteN };
      extras.swipe = { runs: profiled.map((p) => p.swipe), median: medianOf(profiled.map((p) => p.swipe)) };
      if (profiled[0].diagnosis) extras.diagnosis = { n: remoteN, ...profiled[0].diagnosis };
    } catch (e) {
      broken = `convokit extras: ${e.message}`;
      log(`✖ ${broken}`);
    }
  }

  // Medians per subject and size.
  const summary = {};
  for (const subject of SUBJECTS) {
    summary[subject] = {};
    for (const n of SIZES) {
      const key = `${subject}@${n}`;
      const runs = loads.filter((l) => l.subject === subject && l.n === n);
      if (!runs.length) {
        summary[subject][n] = { skipped: skipped[key] ?? (broken ? 'not measured (harness broke)' : 'not measured') };
        continue;
      }
      const scrolled = runs.filter((r) => r.scroll && !r.scroll.skipped);
      const traced = runs.filter((r) => r.trace && !r.trace.skipped && !r.trace.error);
      summary[subject][n] = {
        runs: runs.length,
        mountMs: median(runs.map((r) => r.mount.mountMs)),
        rowsInDomMs: median(runs.map((r) => r.mount.rowsInDomMs)),
        preloadMs: median(runs.map((r) => r.preload?.ms)),
        domNodes: median(runs.map((r) => r.domNodes)),
        heapMB: median(runs.map((r) => r.heapMB)),
        scroll: scrolled.length ? medianOf(scrolled.map((r) => r.scroll)) : runs[0].scroll,
        scrollRuns: scrolled.length,
        trace: traced.length ? medianOf(traced.map((r) => r.trace)) : runs[0].trace ?? { skipped: runs[0].scroll?.skipped ?? 'not measured' },
      };
    }
  }
  machine.loadavgAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  machine.durationS = Math.round((Date.now() - started) / 1000);

  const report = { quick, sizes: SIZES, runs: RUNS, steps: STEPS, subjects: SUBJECTS, machine, summary, extras, bundles, skipped, broken, loads };
  const markdown = renderMarkdown(report);
  await mkdir(join(benchDir, 'results'), { recursive: true });
  await writeFile(OUT, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(OUT.replace(/\.json$/, '.md'), markdown);
  console.log(`\n${markdown}`);
  log(`wrote ${OUT} and ${OUT.replace(/\.json$/, '.md')}`);
  return broken;
}

// --render=results/latest.json: rewrite the markdown from a JSON result (no browser).
const renderOnly = option('render', null);
if (renderOnly) {
  const { readFile } = await import('node:fs/promises');
  const report = JSON.parse(await readFile(renderOnly, 'utf8'));
  const markdown = renderMarkdown(report);
  await writeFile(renderOnly.replace(/\.json$/, '.md'), markdown);
  console.log(markdown);
  process.exit(0);
}

let exitCode = 0;
try {
  const broken = await main();
  if (broken) {
    console.error(`\n✖ bench: the harness broke: ${broken}`);
    exitCode = 1;
  }
} catch (e) {
  console.error(`\n✖ bench: ${e?.stack ?? e}`);
  exitCode = 1;
} finally {
  await shutdown();
  clearTimeout(watchdog);
}
process.exit(exitCode);
