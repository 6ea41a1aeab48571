import { describe, expect, it } from 'vitest';
import { generateConversations } from '../../src/sdk/generate.js';
import { compareConversations } from '../../src/sdk/order.js';

const NOW = Date.UTC(2025, 0, 15, 12);
const DAY = 86_400_000;

describe('generateConversations', () => {
  const data = generateConversations(5000, { seed: 42, now: NOW });

  it('is deterministic for the same seed and now, and differs for another seed', () => {
    expect(generateConversations(300, { seed: 42, now: NOW })).toEqual(generateConversations(300, { seed: 42, now: NOW }));
    expect(generateConversations(300, { seed: 43, now: NOW })).not.toEqual(generateConversations(300, { seed: 42, now: NOW }));
  });

  it('returns the requested count with unique web-style IDs', () => {
    expect(data).toHaveLength(5000);
    expect(new Set(data.map((c) => c.conversationID)).size).toBe(5000);
    for (const c of data) {
      if (c.type === 'c2c') expect(c.conversationID).toBe(`C2C${c.userID}`);
      else expect(c.conversationID).toBe(`GROUP${c.groupID}`);
    }
  });

  it('is in list order, with orderKey = last message timestamp', () => {
    expect([...data].sort(compareConversations)).toEqual(data);
    for (const c of data) if (c.lastMessage) expect(c.orderKey).toBe(c.lastMessage.timestamp);
  });

  it('spreads timestamps over months before now', () => {
    const ages = data.map((c) => NOW - c.orderKey);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeGreaterThan(90 * DAY);
    expect(Math.max(...ages)).toBeLessThanOrEqual(181 * DAY);
    expect(ages.filter((a) => a < DAY).length).toBeGreaterThan(0);
  });

  it('names people and groups in Latin, Chinese and Arabic scripts', () => {
    const names = data.map((c) => c.showName);
    expect(names.some((n) => /[A-Za-z]/.test(n))).toBe(true);
    expect(names.some((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
    expect(names.some((n) => /[\u0600-\u06ff]/.test(n))).toBe(true);
    expect(data.some((c) => c.type === 'group')).toBe(true);
    expect(data.some((c) => c.type === 'c2c')).toBe(true);
  });

  it('varies message length and includes emoji', () => {
    const texts = data.flatMap((c) => (c.lastMessage ? [c.lastMessage.text] : []));
    expect(texts.some((t) => t.length <= 5)).toBe(true);
    expect(texts.some((t) => t.length > 100)).toBe(true);
    expect(texts.some((t) => /\p{Extended_Pictographic}/u.test(t))).toBe(true);
  });

  it('has unread counts (a few above 99), a few pinned, drafts and group @-mentions', () => {
    expect(data.filter((c) => c.unreadCount > 0).length).toBeGreaterThan(500);
    const over99 = data.filter((c) => c.unreadCount > 99).length;
    expect(over99).toBeGreaterThan(0);
    expect(over99).toBeLessThan(250);
    const pinned = data.filter((c) => c.isPinned).length;
    expect(pinned).toBeGreaterThan(0);
    expect(pinned).toBeLessThanOrEqual(8);
    expect(data.some((c) => c.draftText)).toBe(true);
    const mentions = data.filter((c) => c.hasAtMention);
    expect(mentions.length).toBeGreaterThan(0);
    expect(mentions.every((c) => c.type === 'group' && c.unreadCount > 0)).toBe(true);
  });

  it('group messages name their sender; one-to-one messages do not', () => {
    for (const c of data) {
      if (!c.lastMessage) continue;
      if (c.type === 'group') expect(c.lastMessage.senderName).toBeTruthy();
      else expect(c.lastMessage.senderName).toBeUndefined();
    }
  });

  it('uses only inline avatars, never network URLs', () => {
    const urls = data.flatMap((c) => (c.faceUrl ? [c.faceUrl] : []));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => u.startsWith('data:image/svg+xml,'))).toBe(true);
  });

  it('handles 0 and small counts, and rejects bad counts', () => {
    expect(generateConversations(0)).toEqual([]);
    expect(generateConversations(3, { seed: 1 })).toHaveLength(3);
    expect(generateConversations(10, { seed: 1 }).filter((c) => c.isPinned).length).toBeGreaterThan(0);
    expect(() => generateConversations(-1)).toThrow(RangeError);
    expect(() => generateConversations(1.5)).toThrow(RangeError);
  });

  it('defaults now to the current time', () => {
    const before = Date.now();
    const [c] = generateConversations(1);
    expect(c.orderKey).toBeLessThanOrEqual(Date.now());
    expect(c.orderKey).toBeGreaterThan(before - 181 * DAY);
  });

  // Speed is the benchmark's to measure (test/bench), never a timed test.
  it('makes 100,000 conversations with unique IDs', () => {
    const many = generateConversations(100_000, { seed: 1, now: NOW });
    expect(many).toHaveLength(100_000);
    expect(new Set(many.map((c) => c.conversationID)).size).toBe(100_000);
  });
});
