/**
 * A misbehaving adapter for the reliability suite (issue 7, "Faulty backends"). It WRAPS a real
 * memory adapter: every call goes to the real server unless a rule says otherwise, so the server
 * stays the truth that the list must equal after settling. Nothing is mocked.
 *
 *   const server = createMemoryChatServer({ conversations });
 *   const f = misbehave(server.connect());
 *   f.on('deleteConversationList', rejectWith(2800), { times: 1 });
 *   render(<ConversationList adapter={f.adapter} />);
 *
 * Rules apply in the order they were added; a rule with `times` is used up after that many calls.
 */
import { ChatError } from '../../src/sdk/errors.js';
import type { MemoryChatAdapter } from '../../src/sdk/memory/index.js';
import type {
  ChatAdapter,
  Conversation,
  ConversationListener,
  ConversationOperationResult,
  ConversationPage,
} from '../../src/sdk/types.js';

export type Method =
  | 'getConversationList'
  | 'deleteConversationList'
  | 'addConversationListener'
  | 'pinConversation'
  | 'markConversation';

/** One call as the kit made it. */
export interface Call {
  method: Method;
  args: unknown[];
  /** How the wrapper answered: 'inner' (the real server), or the rule's name. */
  answer: string;
}

/** What a rule does with one call. `next()` makes the real call with the same arguments. */
export type Behaviour = ((args: unknown[], next: () => unknown) => unknown) & { label?: string };

const named = (label: string, fn: Behaviour): Behaviour => Object.assign(fn, { label });

/** An Error like the web SDK's: `{ code, message }` on an `Error`, not a `ChatError`. */
export function sdkError(code: number, message = `SDK error ${code}`): Error {
  return Object.assign(new Error(message), { code, data: undefined });
}

// ---------------------------------------------------------------------------------------------
// Behaviours
// ---------------------------------------------------------------------------------------------

/** Rejects without reaching the server, asynchronously, as a failed round trip would. */
export const rejectWith = (code: number, message?: string): Behaviour =>
  named(`reject ${code}`, () => new Promise((_, reject) => setTimeout(() => reject(sdkError(code, message)), 0)));

/** Throws synchronously (the web SDK's "Params validate failed."). */
export const throwSync = (error: unknown = new Error('Params validate failed.')): Behaviour =>
  named('throw', () => {
    throw error;
  });

/** Answers after the real call with something else (malformed results, paging faults). */
export const mapResult = (label: string, fn: (value: unknown, args: unknown[]) => unknown): Behaviour =>
  named(label, async (args, next) => fn(await next(), args));

/**
 * A call that never settles until `release()`; then it makes the real call (a late answer from
 * the server, which really applies it) or, with `release(value)`, answers `value`.
 */
export function hang() {
  const parked: { args: unknown[]; next: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  const behaviour = named('hang', (args, next) => new Promise((resolve, reject) => parked.push({ args, next, resolve, reject })));
  return {
    behaviour,
    /** Calls parked so far. */
    get count() {
      return parked.length;
    },
    /** Answers every parked call: with the real server's answer, or with `value`. */
    async release(...value: [] | [unknown]) {
      const all = parked.splice(0);
      for (const p of all) {
        if (value.length) p.resolve(value[0]);
        else {
          try {
            p.resolve(await p.next());
          } catch (e) {
            p.reject(e);
          }
        }
      }
    },
  };
}

// ---- malformed per-item results (deleteConversationList) -----------------------------------

type Results = ConversationOperationResult[];
const asResults = (v: unknown) => v as Results;

export const malformed = {
  /** The answer leaves `id` out (the web SDK drops failed items). */
  missingItem: (id: string) => mapResult(`missing ${id}`, (v) => asResults(v).filter((r) => r.conversationID !== id)),
  /** The answer also names an ID nobody asked for. */
  unknownID: (id = 'C2Cnobody') => mapResult('unknown id', (v) => [...asResults(v), { conversationID: id, resultCode: 0, resultInfo: '' }]),
  /** Every item twice (the second copy a failure, which must not count). */
  duplicated: () =>
    mapResult('duplicated', (v) => [...asResults(v), ...asResults(v).map((r) => ({ ...r, resultCode: 2800, resultInfo: 'dup' }))]),
  /** One item with a wrong type (resultCode a string). */
  wrongTyped: () =>
    mapResult('wrong type', (v) => asResults(v).map((r, i) => (i === 0 ? { ...r, resultCode: '0' as unknown as number } : r))),
  /** Not an array at all. */
  nonArray: () => mapResult('non-array', () => ({ ok: true })),
};

// ---- paging faults (getConversationList) -----------------------------------------------------

export const paging = {
  /** Each page after the first repeats the previous page's last conversation (a changed copy). */
  duplicateAcrossPages() {
    let previous: Conversation | undefined;
    return mapResult('duplicate across pages', (v) => {
      const page = v as ConversationPage;
      const list = previous ? [{ ...previous, showName: `${previous.showName}` }, ...page.conversationList] : page.conversationList;
      previous = page.conversationList[page.conversationList.length - 1] ?? previous;
      return { ...page, conversationList: list };
    });
  },
  /** Never finishes and never moves on: the same `nextSeq` comes back with the same page. */
  stalled: () =>
    mapResult('stalled nextSeq', (v, args) => {
      const page = v as ConversationPage;
      const seq = args[0] as string;
      return { ...page, isFinished: false, nextSeq: seq === '0' ? page.nextSeq : seq };
    }),
  /** Never finishes, with a new `nextSeq` every time (the real pages, then empty ones). */
  endless() {
    let n = 0;
    return named('endless nextSeq', async (args, next) => {
      const seq = args[0] as string;
      if (seq.startsWith('endless:')) return { conversationList: [], nextSeq: `endless:${++n}`, isFinished: false };
      const page = (await next()) as ConversationPage;
      return page.isFinished ? { ...page, isFinished: false, nextSeq: `endless:${++n}` } : page;
    });
  },
};

// ---------------------------------------------------------------------------------------------
// The wrapper
// ---------------------------------------------------------------------------------------------

interface Rule {
  method: Method;
  behaviour: Behaviour;
  times: number;
  /** Only for calls matching this (e.g. a page cursor or an ID). */
  when?: (args: unknown[]) => boolean;
}

interface Registration {
  listener: ConversationListener;
  removed: boolean;
}

export type FaultyAdapter = ReturnType<typeof misbehave>;

export function misbehave(inner: MemoryChatAdapter) {
  const rules: Rule[] = [];
  const calls: Call[] = [];
  const registrations: Registration[] = [];

  function run(method: Method, args: unknown[], real: () => unknown): unknown {
    const i = rules.findIndex((r) => r.method === method && r.times > 0 && (!r.when || r.when(args)));
    if (i < 0) {
      calls.push({ method, args, answer: 'inner' });
      return real();
    }
    const rule = rules[i];
    if (--rule.times === 0) rules.splice(i, 1);
    calls.push({ method, args, answer: rule.behaviour.label ?? 'rule' });
    return rule.behaviour(args, real);
  }

  const adapter: ChatAdapter & Required<Pick<ChatAdapter, 'pinConversation' | 'markConversation'>> = {
    getConversationList: (nextSeq, count) =>
      run('getConversationList', [nextSeq, count], () => inner.getConversationList(nextSeq, count)) as Promise<ConversationPage>,
    deleteConversationList: (ids, clear) =>
      run('deleteConversationList', [ids, clear], () => inner.deleteConversationList(ids, clear)) as Promise<Results>,
    pinConversation: (id, pinned) => run('pinConversation', [id, pinned], () => inner.pinConversation(id, pinned)) as Promise<void>,
    markConversation: (ids, type, enable) =>
      run('markConversation', [ids, type, enable], () => inner.markConversation(ids, type, enable)) as Promise<Results>,
    addConversationListener(listener) {
      return run('addConversationListener', [listener], () => {
        const reg: Registration = { listener, removed: false };
        registrations.push(reg);
        const remove = inner.addConversationListener(listener);
        return () => {
          reg.removed = true;
          remove();
        };
      }) as () => void;
    },
  };

  return {
    adapter,
    /** Adds a rule for `method`: every call (or the next `times`, or those matching `when`). */
    on(method: Method, behaviour: Behaviour, options: { times?: number; when?: (args: unknown[]) => boolean } = {}) {
      rules.push({ method, behaviour, times: options.times ?? Infinity, when: options.when });
      return this;
    },
    /** Drops every rule (for `method`, or all). */
    heal(method?: Method) {
      for (let i = rules.length - 1; i >= 0; i--) if (!method || rules[i].method === method) rules.splice(i, 1);
    },
    calls,
    callsOf: (method: Method) => calls.filter((c) => c.method === method),
    /** Listeners the kit registered and has not removed. */
    liveListeners: () => registrations.filter((r) => !r.removed).length,
    /**
     * Listener abuse: calls the kit's listeners directly and synchronously, like a buggy SDK.
     * `evenRemoved` also calls listeners the kit has already removed (events after unmount).
     */
    emit(event: { new?: unknown[]; changed?: unknown[]; deleted?: unknown[] }, { evenRemoved = false } = {}) {
      for (const r of registrations) {
        if (r.removed && !evenRemoved) continue;
        if (event.new) r.listener.onNewConversation?.(event.new as Conversation[]);
        if (event.changed) r.listener.onConversationChanged?.(event.changed as Conversation[]);
        if (event.deleted) r.listener.onConversationDeleted?.(event.deleted as string[]);
      }
    },
  };
}

/** `ChatError` for tests that want the kit's own class. */
export { ChatError };
