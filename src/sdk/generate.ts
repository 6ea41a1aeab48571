import { compareConversations } from './order.js';
import { MARK_TYPE_UNREAD, type Conversation } from './types.js';

/** Options of {@link generateConversations}. */
export interface GenerateConversationsOptions {
  /** PRNG seed: the same seed and `now` always give the same conversations. @default 1 */
  seed?: number;
  /** "Now" in ms; timestamps spread over the months before it. @default Date.now() */
  now?: number;
}

// mulberry32: tiny, fast and good enough for fixtures; determinism matters more than quality.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: people and groups in Latin, Chinese and Arabic scripts, so layouts meet mixed
// widths, CJK line breaking and right-to-left text.
// ---------------------------------------------------------------------------------------------

const LATIN_FIRST = [
  'Alice', 'Ben', 'Chloé', 'Daniel', 'Emma', 'François', 'Grace', 'Hugo', 'Isabel', 'Jonas',
  'Katarzyna', 'Liam', 'María', 'Noah', 'Olivia', 'Pedro', 'Quentin', 'Rosa', 'Søren', 'Tomás',
  'Ursula', 'Viktor', 'Wei', 'Yusuf', 'Zoë', 'Aleksandr', 'Bianca', 'Chidi', 'Dmitri', 'Elif',
];
const LATIN_LAST = [
  'Anderson', 'Becker', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Hansen', 'Ivanova',
  'Jensen', 'Kowalski', 'Lopez', 'Müller', 'Nakamura', 'Okafor', 'Petrović', 'Quinn', 'Rossi',
  'Schmidt', 'Tanaka', 'Van der Berg', 'Wójcik', 'Yılmaz', 'Zhang', 'Montgomery-Fitzgerald',
];
const ZH_SURNAME = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '欧阳', '司马'];
const ZH_GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '晓明', '子涵', '一诺', '浩然'];
const AR_FIRST = ['محمد', 'أحمد', 'فاطمة', 'عائشة', 'علي', 'عمر', 'ليلى', 'يوسف', 'مريم', 'خالد', 'نور', 'سارة', 'حسن', 'زينب', 'كريم'];
const AR_LAST = ['العلي', 'الحسن', 'المصري', 'الخطيب', 'السيد', 'حداد', 'منصور', 'الشامي', 'الزهراني', 'القاسم'];

const GROUPS_LATIN = [
  'Product Team', 'Family', 'Weekend Hiking Club', 'Design Review', 'Book Club', 'Launch War Room',
  'Neighbours', 'Football Sunday', 'Release Engineering', 'Mum & Dad', 'Climbing Crew',
  'Q3 Planning – EMEA and APAC Regional Leads (extended)', 'Flatmates', 'Support Escalations',
];
const GROUPS_ZH = ['产品讨论组', '家人群', '周末徒步', '前端技术交流', '大学同学', '项目发布', '读书会', '羽毛球俱乐部', '公司年会筹备小组', '邻居群'];
const GROUPS_AR = ['فريق المنتج', 'العائلة', 'نادي الكتاب', 'أصدقاء الجامعة', 'فريق التصميم', 'رحلة نهاية الأسبوع'];

const TEXT_LATIN = [
  'ok 👍', 'Thanks!', 'See you soon', 'On my way 🚗', 'lol 😂', 'Sounds good', 'Can you call me?',
  'Did you see the latest build? The list scrolls so much smoother now 🎉',
  'Running 10 minutes late, sorry! 🙏', 'Happy birthday!!! 🎂🎈🥳', '[Image]', '[Voice message] 0:42',
  'Meeting moved to 3pm, same room.', 'Who is bringing the snacks? 🍕🍩',
  'I pushed the fix, please review when you have a moment. It touches the deletion flow and the undo toast, so take a careful look at the edge cases around retries.',
  'Good morning ☀️', 'Let me check and get back to you', 'Done ✅', '👍', '🎉🎉🎉',
  'Flight lands at 18:05, terminal 2 ✈️', 'Can we reschedule to next week? Something came up at work.',
];
const TEXT_ZH = [
  '好的 👌', '收到', '明天见', '哈哈哈 😂', '我到楼下了', '[图片]', '[语音] 0:15', '谢谢!🙏',
  '今天的会议改到下午三点，地点不变。', '周末一起去爬山吗？天气预报说是晴天 ☀️',
  '新版本已经发布了，大家更新一下，有问题随时在群里反馈。', '生日快乐 🎂🎉', '在吗？', '辛苦了 💪',
];
const TEXT_AR = [
  'حسناً 👍', 'شكراً جزيلاً!', 'أراك قريباً', 'صباح الخير ☀️', 'أنا في الطريق 🚗', '[صورة]',
  'تم تأجيل الاجتماع إلى الساعة الثالثة.', 'كل عام وأنت بخير 🎉', 'هل يمكنك الاتصال بي؟',
];
const DRAFTS = ['I think we should', 'Sure, but', '我觉得', 'لا أعرف', 'Let me', '@Alice can you', 'Re: the budget —'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// A few inline SVG avatars (never network URLs: fixtures must work offline and in CI).
const AVATARS = ['#4f46e5', '#059669', '#d97706', '#db2777', '#0891b2', '#7c3aed'].map((color, i) => {
  const shape =
    i % 2 === 0
      ? `<circle cx="20" cy="16" r="7" fill="#fff" opacity=".9"/><rect x="8" y="26" width="24" height="14" rx="7" fill="#fff" opacity=".9"/>`
      : `<path d="M8 30 L20 10 L32 30 Z" fill="#fff" opacity=".85"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="${color}"/>${shape}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
});

/**
 * Deterministic, realistic conversations for demos, stories, tests and benchmarks: people and
 * groups in Latin, Chinese and Arabic scripts; messages of varied length with emoji; timestamps
 * over the six months before `now`; unread counts (a few above 99), a few pinned, drafts, group
 * @-mentions, group senders and a few inline-SVG avatars. IDs are web-SDK style
 * (`C2C<userID>` / `GROUP<groupID>`) and unique; `orderKey` is the last message's timestamp.
 * Returned in list order. 100,000 take well under a second.
 */
export function generateConversations(count: number, options: GenerateConversationsOptions = {}): Conversation[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`generateConversations: count must be a non-negative integer, got ${String(count)}`);
  }
  const now = options.now ?? Date.now();
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

  // "A few" pinned, whatever the size: real users pin a handful, not 1%.
  const pinnedTarget = count < 5 ? 0 : Math.min(8, Math.max(1, Math.round(count * 0.02)));
  const pinned = new Set<number>();
  while (pinned.size < pinnedTarget) pinned.add(Math.floor(random() * count));

  const result: Conversation[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const isGroup = random() < 0.3;
    const script = random();
    const lang = script < 0.6 ? 'latin' : script < 0.85 ? 'zh' : 'ar';
    const serial = (i + 1).toString(36);

    const personName = (l: string) =>
      l === 'latin' ? `${pick(LATIN_FIRST)} ${pick(LATIN_LAST)}` : l === 'zh' ? pick(ZH_SURNAME) + pick(ZH_GIVEN) : `${pick(AR_FIRST)} ${pick(AR_LAST)}`;

    const showName = isGroup ? pick(lang === 'latin' ? GROUPS_LATIN : lang === 'zh' ? GROUPS_ZH : GROUPS_AR) : personName(lang);

    // Recent activity dominates, with a long tail over the past months.
    const r = random();
    const age =
      r < 0.35 ? random() * 2 * DAY : r < 0.7 ? 2 * DAY + random() * 28 * DAY : 30 * DAY + random() * 150 * DAY;
    const timestamp = Math.floor(now - age);

    const u = random();
    const unreadCount =
      u < 0.62 ? 0 : u < 0.9 ? 1 + Math.floor(random() * 5) : u < 0.985 ? 6 + Math.floor(random() * 94) : 100 + Math.floor(random() * 2400);

    const hasMessage = random() > 0.004;
    const text = pick(lang === 'latin' ? TEXT_LATIN : lang === 'zh' ? TEXT_ZH : TEXT_AR);
    const c: Conversation = isGroup
      ? { conversationID: `GROUPgroup_${serial}`, type: 'group', groupID: `group_${serial}`, showName, unreadCount, isPinned: pinned.has(i), orderKey: timestamp }
      : { conversationID: `C2Cuser_${serial}`, type: 'c2c', userID: `user_${serial}`, showName, unreadCount, isPinned: pinned.has(i), orderKey: timestamp };
    if (hasMessage) {
      c.lastMessage = isGroup ? { text, timestamp, senderName: personName(lang).split(' ')[0] } : { text, timestamp };
    }
    if (random() < 0.12) c.faceUrl = pick(AVATARS);
    if (random() < 0.05) c.draftText = pick(DRAFTS);
    if (isGroup && unreadCount > 0 && random() < 0.15) c.hasAtMention = true;
    if (random() < 0.02) c.markList = [MARK_TYPE_UNREAD];
    result[i] = c;
  }
  // List order lets the memory server skip its sort (it only verifies order in one pass).
  return result.sort(compareConversations);
}
