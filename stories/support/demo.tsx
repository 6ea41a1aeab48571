// Shared by the stories: a memory chat server wired to Storybook's controls and globals.
import { useEffect, useMemo } from 'react';
import type { Decorator } from '@storybook/react-vite';
import { createMemoryChatServer, type MemoryChatServer } from '../../src/sdk/memory/index.js';
import { generateConversations } from '../../src/sdk/generate.js';
import type { Conversation } from '../../src/sdk/types.js';

/** A fixed "now" so that every run of a story shows the same times. */
export const DEMO_NOW = Date.UTC(2026, 10, 27, 9, 30);

export interface ServerArgs {
  /** Conversations on the server. */
  count: number;
  /** Every adapter call settles after this many ms. */
  latencyMs: number;
  /** Share of deletions that fail, 0–1. */
  faultRate: number;
  /** The codes failing deletions get, picked in turn. */
  faultCodes: number[];
  /** Fixture seed. */
  seed: number;
}

export const serverArgTypes = {
  count: { control: { type: 'number', min: 0, max: 100_000, step: 100 }, table: { category: 'Memory server' } },
  latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 }, table: { category: 'Memory server' } },
  faultRate: { control: { type: 'range', min: 0, max: 1, step: 0.05 }, table: { category: 'Memory server' } },
  faultCodes: {
    control: 'inline-check',
    options: [2800, 2996, 10006, 2500, 2503, 2999],
    table: { category: 'Memory server' },
  },
  seed: { control: 'number', table: { category: 'Memory server' } },
} as const;

const cache = new Map<string, Conversation[]>();
export function fixtures(count: number, seed = 1): Conversation[] {
  const key = `${count}:${seed}`;
  let list = cache.get(key);
  if (!list) cache.set(key, (list = generateConversations(count, { seed, now: DEMO_NOW })));
  return list;
}

/** A deterministic per-item fault: the same IDs fail on every run, about `rate` of them. */
export function hashFault(rate: number, codes: number[]) {
  if (rate <= 0 || codes.length === 0) return undefined;
  return (operation: string, id?: string) => {
    if (operation !== 'deleteConversationList' || id === undefined) return undefined;
    let h = 2166136261;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
    const u = (h >>> 0) / 4294967296;
    return u < rate ? codes[(h >>> 0) % codes.length] : undefined;
  };
}

/** One server per story render for (count, seed); latency and faults follow the controls live. */
export function useDemoServer(args: ServerArgs): MemoryChatServer {
  const server = useMemo(
    () =>
      createMemoryChatServer({
        conversations: fixtures(args.count, args.seed),
        latencyMs: args.latencyMs,
        injectFault: hashFault(args.faultRate, args.faultCodes),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [args.count, args.seed],
  );
  useEffect(() => server.setLatency(args.latencyMs), [server, args.latencyMs]);
  useEffect(
    () => server.setFaultInjector(hashFault(args.faultRate, args.faultCodes)),
    [server, args.faultRate, args.faultCodes],
  );
  return server;
}

/** The page frame: a phone-sized box. */
export const inFrame: Decorator = (Story) => (
  <div className="sb-frame">
    <Story />
  </div>
);
