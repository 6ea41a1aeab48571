/**
 * The deletion engine (spec issue 3 §4). Plain store actions, no React: see DESIGN.md.
 *
 * - Batches of at most 100 IDs (MAX_IDS_PER_CALL), in list order, at most `maxInFlight` calls at
 *   once (one limit for the whole store, so two jobs cannot double the load on the server).
 * - Optimistic: rows leave the list when the job starts (`hidden: 'deleting'`); a failed item
 *   comes back at its sorted position, i.e. where it was.
 * - Retriable codes (2800, 2996, 10006) are retried with exponential backoff and jitter, at most
 *   `maxAttempts` tries; other codes fail at once. The user's Retry re-runs only failed items.
 * - No double requests: an ID is owned by one running job at a time, and an ID whose earlier call
 *   has not answered yet (a timed-out call) is not sent again until that call settles; if it says
 *   "deleted", that answer is used instead of a new request.
 * - A call that does not settle within `callTimeoutMs` fails its items with ErrorCode.TIMEOUT; a
 *   late answer is reconciled once (a late "deleted" removes the row).
 */
import { ErrorCode, RETRIABLE_CODES, toChatError } from '../sdk/errors.js';
import { MAX_IDS_PER_CALL, type ChatAdapter } from '../sdk/types.js';
import { hideRows, inListOrder, removeRows, restoreRows, type Work } from './rows.js';
import type { AnnouncementInput, ConversationStoreState, DeletionJob, FailedItem } from './types.js';

type Outcome = { ok: true } | { ok: false; code: number; message: string };

/** One adapter call. Outlives its timeout so a late answer can be reconciled. */
interface CallRec {
  readonly ids: readonly string[];
  readonly clear: boolean;
  settled: boolean;
  timedOut: boolean;
  outcomes?: Map<string, Outcome>;
  readonly done: Promise<void>;
}

export interface JobMeta {
  /** Started by the dialog's confirmation: the dialog follows the job (pending, error, closed). */
  confirm: boolean;
  /** Targets came from the selection: afterwards failed rows stay selected, the rest leave it. */
  fromSelection: boolean;
  /** Announce `'deleted'` on success (not for undo-window removals, announced as `'removed'`). */
  announceSuccess: boolean;
}

interface JobRec extends JobMeta {
  readonly id: string;
  readonly clearMessage: boolean;
  readonly items: Map<string, 'queued' | 'ok' | 'failed'>;
  readonly failures: Map<string, FailedItem & { call?: CallRec }>;
  runners: number;
  /** Successes since the last (re)start, for the `'deleted'` announcement of a retry. */
  roundSucceeded: number;
}

export interface EngineContext {
  get(): ConversationStoreState;
  commit(fn: (w: Work) => void): void;
  announce(w: Work, a: AnnouncementInput): void;
  adapter: ChatAdapter;
  /** Applies buffered listener events first, so results never overtake earlier events. */
  flushEvents(): void;
  /** Records IDs that just left the server, so an older page in flight cannot bring them back. */
  touch(ids: readonly string[]): void;
}

export interface DeletionEngine {
  start(ids: readonly string[], clearMessage: boolean, meta: JobMeta): string | undefined;
  retry(jobID: string): void;
  dismiss(jobID: string): void;
  /** True while `id` belongs to a running job. */
  owns(id: string): boolean;
}

/** Keeps at most this many finished jobs in state (the UI dismisses them; this bounds memory). */
const MAX_FINISHED_JOBS = 20;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Reads an adapter's answer into one outcome per requested ID (spec issue 3 §4, malformed
 * results): a non-array or a wrong-typed item fails the whole batch (MALFORMED_RESULT), a missing
 * ID fails (MISSING_RESULT), an unknown ID is ignored and a duplicate counts once (the first).
 * `resultCode 0` is success, and so is "conversation not found": it is gone (sdk.md, idempotent).
 */
export function readResults(
  ids: readonly string[],
  settled: { ok: true; value: unknown } | { ok: false; error: unknown },
): Map<string, Outcome> {
  const out = new Map<string, Outcome>();
  const failAll = (code: number, message: string) => {
    for (const id of ids) out.set(id, { ok: false, code, message });
    return out;
  };
  if (!settled.ok) {
    const e = toChatError(settled.error);
    return failAll(e.code, e.message);
  }
  const value = settled.value;
  if (!Array.isArray(value)) return failAll(ErrorCode.MALFORMED_RESULT, 'The adapter did not answer with a result list');
  for (const item of value) {
    const r = item as { conversationID?: unknown; resultCode?: unknown } | null;
    if (!r || typeof r !== 'object' || typeof r.conversationID !== 'string' || typeof r.resultCode !== 'number') {
      return failAll(ErrorCode.MALFORMED_RESULT, 'The adapter answered with a malformed result item');
    }
  }
  const wanted = new Set(ids);
  for (const item of value as { conversationID: string; resultCode: number; resultInfo?: unknown }[]) {
    const id = item.conversationID;
    if (!wanted.has(id) || out.has(id)) continue;
    const code = item.resultCode;
    if (code === 0 || code === ErrorCode.CONVERSATION_NOT_FOUND) out.set(id, { ok: true });
    else out.set(id, { ok: false, code, message: typeof item.resultInfo === 'string' ? item.resultInfo : '' });
  }
  for (const id of ids) {
    if (!out.has(id)) out.set(id, { ok: false, code: ErrorCode.MISSING_RESULT, message: 'The adapter left this conversation out of its answer' });
  }
  return out;
}

export function createDeletionEngine(ctx: EngineContext): DeletionEngine {
  const jobs = new Map<string, JobRec>();
  /** ID -> the running job that owns it. */
  const owned = new Map<string, JobRec>();
  /** ID -> the latest call that carried it, until that call settles. */
  const inFlight = new Map<string, CallRec>();
  let jobSeq = 0;

  // ---- the in-flight limit --------------------------------------------------------------------
  let active = 0;
  const waiting: (() => void)[] = [];
  const acquire = (): Promise<void> => {
    if (active < Math.max(1, ctx.get().options.maxInFlight)) {
      active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };

  // ---- state helpers ----------------------------------------------------------------------------
  function patchJob(w: Work, job: JobRec, fn: (j: DeletionJob) => DeletionJob): void {
    w.jobs = w.jobs.map((j) => (j.id === job.id ? fn(j) : j));
  }

  // ---- one adapter call ---------------------------------------------------------------------------
  async function call(ids: string[], clear: boolean): Promise<{ outcomes: Map<string, Outcome>; rec: CallRec }> {
    let resolveDone!: () => void;
    const rec: CallRec = {
      ids,
      clear,
      settled: false,
      timedOut: false,
      done: new Promise<void>((r) => (resolveDone = r)),
    };
    for (const id of ids) inFlight.set(id, rec);
    let p: Promise<unknown>;
    try {
      // A synchronous throw (the web SDK's "Params validate failed.") is a rejection (sdk.md).
      p = Promise.resolve(ctx.adapter.deleteConversationList(ids.slice(), clear));
    } catch (error) {
      p = Promise.reject(error);
    }
    const settled = p.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    // Registered before the race below, so this bookkeeping runs before the batch continues.
    void settled.then((s) => {
      rec.outcomes = readResults(ids, s);
      rec.settled = true;
      for (const id of ids) if (inFlight.get(id) === rec) inFlight.delete(id);
      resolveDone();
      if (rec.timedOut) reconcileLate(rec);
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ctx.get().options.callTimeoutMs);
    });
    const first = await Promise.race([settled, timeout]);
    clearTimeout(timer);
    if (first === 'timeout') {
      rec.timedOut = true;
      const outcomes = new Map<string, Outcome>();
      for (const id of ids) outcomes.set(id, { ok: false, code: ErrorCode.TIMEOUT, message: 'The request timed out' });
      return { outcomes, rec };
    }
    return { outcomes: rec.outcomes ?? readResults(ids, first), rec };
  }

  /** A late answer after a timeout: "deleted" removes the row, once (spec issue 3 §4). */
  function reconcileLate(rec: CallRec): void {
    ctx.flushEvents();
    const ok = rec.ids.filter((id) => rec.outcomes?.get(id)?.ok);
    if (ok.length === 0) return;
    const okSet = new Set(ok);
    const touchedJobs: JobRec[] = [];
    for (const job of jobs.values()) {
      let hit = false;
      for (const id of ok) {
        const f = job.failures.get(id);
        if (job.items.get(id) === 'failed' && f?.call === rec) {
          job.failures.delete(id);
          job.items.set(id, 'ok');
          hit = true;
        }
      }
      if (hit) touchedJobs.push(job);
    }
    // Rows owned by a running job are that job's business: it is waiting on this very call.
    const remove = ok.filter((id) => !owned.has(id));
    ctx.commit((w) => {
      removeRows(w, remove);
      for (const job of touchedJobs) {
        let n = 0;
        patchJob(w, job, (j) => {
          const failed = j.failed.filter((f) => !(okSet.has(f.conversationID) && job.items.get(f.conversationID) === 'ok'));
          n = j.failed.length - failed.length;
          return { ...j, failed, succeeded: j.succeeded + n };
        });
        job.roundSucceeded += n;
        if (job.runners === 0) finishInto(w, job);
      }
    });
    ctx.touch(remove);
  }

  // ---- batches ----------------------------------------------------------------------------------
  /**
   * Sends one batch until every item has an outcome: waits for earlier calls still carrying its
   * IDs, sends the rest, retries retriable failures with backoff, and commits progress each round.
   */
  async function runBatch(job: JobRec, ids: string[]): Promise<void> {
    job.runners++;
    try {
      let pending = ids;
      for (let attempt = 1; pending.length > 0; attempt++) {
        const outcomes = new Map<string, Outcome>();
        const calls = new Map<string, CallRec>();

        // No ID is sent while an earlier call carrying it has not answered (timed-out calls).
        const earlier = new Map<string, CallRec>();
        for (const id of pending) {
          const rec = inFlight.get(id);
          if (rec && !rec.settled) earlier.set(id, rec);
        }
        if (earlier.size > 0) {
          await Promise.race([
            Promise.all([...new Set(earlier.values())].map((r) => r.done)),
            sleep(ctx.get().options.callTimeoutMs),
          ]);
        }
        const toSend: string[] = [];
        for (const id of pending) {
          const rec = earlier.get(id);
          if (!rec) toSend.push(id);
          else if (!rec.settled) {
            outcomes.set(id, { ok: false, code: ErrorCode.TIMEOUT, message: 'An earlier request for this conversation has not answered' });
            calls.set(id, rec);
          } else if (rec.outcomes?.get(id)?.ok && (rec.clear || !job.clearMessage)) outcomes.set(id, { ok: true });
          else toSend.push(id);
        }

        if (toSend.length > 0) {
          await acquire();
          let result: { outcomes: Map<string, Outcome>; rec: CallRec };
          try {
            result = await call(toSend, job.clearMessage);
          } finally {
            release();
          }
          for (const [id, o] of result.outcomes) {
            outcomes.set(id, o);
            // A timed-out item remembers its call, so a late "deleted" can be reconciled.
            if (result.rec.timedOut) calls.set(id, result.rec);
          }
        }

        const maxAttempts = ctx.get().options.maxAttempts;
        const retry: string[] = [];
        const ok: string[] = [];
        const failed = new Map<string, FailedItem & { call?: CallRec }>();
        for (const id of pending) {
          const o = outcomes.get(id)!;
          if (o.ok) ok.push(id);
          else if (RETRIABLE_CODES.has(o.code) && attempt < maxAttempts) retry.push(id);
          else failed.set(id, { conversationID: id, code: o.code, message: o.message, call: calls.get(id) });
        }
        settle(job, ok, failed);
        pending = retry;
        if (pending.length > 0) {
          const { retryBaseMs, random } = ctx.get().options;
          // Exponential backoff plus up to 50% jitter (types.ts: ConversationStoreOptions.retryBaseMs).
          await sleep(retryBaseMs * 2 ** (attempt - 1) * (1 + 0.5 * random()));
        }
      }
    } finally {
      job.runners--;
      if (job.runners === 0) ctx.commit((w) => finishInto(w, job));
    }
  }

  /** Applies one round's outcomes in one state update: progress after each batch. */
  function settle(job: JobRec, ok: string[], failed: Map<string, FailedItem & { call?: CallRec }>): void {
    if (ok.length === 0 && failed.size === 0) return;
    ctx.flushEvents();
    const gone = [...ok];
    const restore: string[] = [];
    const byID = ctx.get().byID;
    for (const [id, f] of failed) {
      // Deleted elsewhere while in flight: it is gone, which is what the user asked for.
      if (!byID.has(id)) gone.push(id);
      else {
        restore.push(id);
        job.failures.set(id, f);
        job.items.set(id, 'failed');
      }
    }
    for (const id of gone) job.items.set(id, 'ok');
    for (const id of [...gone, ...restore]) if (owned.get(id) === job) owned.delete(id);
    job.roundSucceeded += gone.length;
    ctx.commit((w) => {
      removeRows(w, gone);
      restoreRows(w, restore);
      const newFailures = restore.map((id) => {
        const f = job.failures.get(id)!;
        return { conversationID: id, code: f.code, message: f.message };
      });
      patchJob(w, job, (j) => ({
        ...j,
        done: j.done + gone.length + restore.length,
        succeeded: j.succeeded + gone.length,
        failed: newFailures.length ? [...j.failed, ...newFailures] : j.failed,
      }));
    });
    ctx.touch(gone);
  }

  /** The job's end: status, dialog, announcement, selection (D9). */
  function finishInto(w: Work, job: JobRec): void {
    for (const state of job.items.values()) if (state === 'queued') return;
    const current = w.jobs.find((j) => j.id === job.id);
    if (!current) return;
    const failures = current.failed;
    const status: DeletionJob['status'] =
      failures.length === 0 ? 'succeeded' : current.succeeded === 0 ? 'failed' : 'partial';
    patchJob(w, job, (j) => ({ ...j, status }));
    if (current.status !== 'running' && status === current.status) return;
    if (job.confirm) {
      const conf = w.confirmation;
      if (conf && conf.jobID === job.id) {
        // D9: on failure the dialog stays with the error and Retry; on success it closes.
        w.confirmation = failures.length ? { ...conf, status: 'error', ids: failures.map((f) => f.conversationID), count: failures.length, allSelected: false } : null;
      }
    }
    if (failures.length > 0) {
      const codes = [...new Set(failures.map((f) => f.code))].sort((a, b) => a - b);
      ctx.announce(w, { kind: 'deleteFailed', count: failures.length, codes });
    } else if (job.announceSuccess && job.roundSucceeded > 0) {
      ctx.announce(w, { kind: 'deleted', count: job.roundSucceeded });
    }
    if (job.fromSelection) {
      const wasAll = w.selection === 'all';
      if (wasAll) {
        // "All" was expanded into this job; what is left selected is what failed (D9).
        w.selection = new Set(failures.map((f) => f.conversationID).filter((id) => w.byID.has(id)));
        w.excluded = new Set();
      }
      // B4: the mode ends when the selection becomes empty.
      if (w.selection !== 'all' && w.selection.size === 0 && w.selectionMode === 'multiple') {
        w.selectionMode = 'none';
        w.anchorID = null;
      }
    }
    // Bound the finished jobs kept in state.
    const finished = w.jobs.filter((j) => j.status !== 'running');
    if (finished.length > MAX_FINISHED_JOBS) {
      const drop = new Set(finished.slice(0, finished.length - MAX_FINISHED_JOBS).map((j) => j.id));
      w.jobs = w.jobs.filter((j) => !drop.has(j.id));
      for (const id of drop) jobs.delete(id);
    }
  }

  function launch(job: JobRec, ids: string[]): void {
    // Batches in list order; the in-flight limit makes them go out in that order too.
    for (let i = 0; i < ids.length; i += MAX_IDS_PER_CALL) void runBatch(job, ids.slice(i, i + MAX_IDS_PER_CALL));
  }

  return {
    start(ids, clearMessage, meta) {
      ctx.flushEvents();
      const s = ctx.get();
      const unique = [...new Set(ids)].filter((id) => s.byID.has(id) && !owned.has(id));
      if (unique.length === 0) return undefined;
      const sorted = inListOrder(s.byID, unique);
      const job: JobRec = {
        ...meta,
        id: `job-${++jobSeq}`,
        clearMessage,
        items: new Map(sorted.map((id) => [id, 'queued'])),
        failures: new Map(),
        runners: 0,
        roundSucceeded: 0,
      };
      jobs.set(job.id, job);
      for (const id of sorted) owned.set(id, job);
      ctx.commit((w) => {
        hideRows(w, sorted, 'deleting');
        w.jobs = [
          ...w.jobs,
          { id: job.id, clearMessage, total: sorted.length, done: 0, succeeded: 0, failed: [], status: 'running' },
        ];
      });
      launch(job, sorted);
      return job.id;
    },

    retry(jobID) {
      const job = jobs.get(jobID);
      if (!job || job.failures.size === 0) return;
      ctx.flushEvents();
      const s = ctx.get();
      const gone: string[] = [];
      const again: string[] = [];
      for (const id of job.failures.keys()) {
        if (!s.byID.has(id)) gone.push(id);
        else if (!owned.has(id) && !s.hidden.has(id)) again.push(id);
      }
      if (gone.length === 0 && again.length === 0) return;
      const redo = new Set([...gone, ...again]);
      for (const id of gone) {
        job.failures.delete(id);
        job.items.set(id, 'ok');
      }
      const sorted = inListOrder(s.byID, again);
      for (const id of sorted) {
        job.failures.delete(id);
        job.items.set(id, 'queued');
        owned.set(id, job);
      }
      job.roundSucceeded = gone.length;
      ctx.commit((w) => {
        hideRows(w, sorted, 'deleting');
        patchJob(w, job, (j) => ({
          ...j,
          done: j.done - sorted.length,
          succeeded: j.succeeded + gone.length,
          failed: j.failed.filter((f) => !redo.has(f.conversationID)),
          status: sorted.length > 0 ? 'running' : j.status,
        }));
        const conf = w.confirmation;
        if (conf && conf.jobID === job.id && conf.status === 'error' && sorted.length > 0) {
          w.confirmation = { ...conf, status: 'pending' };
        }
        if (sorted.length === 0) finishInto(w, job);
      });
      launch(job, sorted);
    },

    dismiss(jobID) {
      const job = jobs.get(jobID);
      if (job && job.runners > 0) return;
      jobs.delete(jobID);
      ctx.commit((w) => {
        w.jobs = w.jobs.filter((j) => j.id !== jobID || j.status === 'running');
      });
    },

    owns: (id) => owned.has(id),
  };
}
