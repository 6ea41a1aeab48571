/** Bidi controls, zero-width and other invisible format characters: never shown as initials. */
// (ZWJ U+200D is kept: it glues emoji sequences; a stray leading one is dropped below.)
const INVISIBLE = /[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/g;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/** Scripts with letter case read best as two initials ("AL"); others as one sign ("张", "م"). */
const CASED = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}]/u;

/** Marks, joiners and variation selectors: a following one makes a multi-code-unit grapheme. */
const EXTENDS = /^[\p{M}\u200C\u200D\uFE00-\uFE0F]/u;

/**
 * The first grapheme of a word. Most names start with one UTF-16 unit that stands alone
 * ("A", "张", "م"): take it directly. Only surrogate pairs (emoji), combining marks and joiners
 * need Intl.Segmenter, whose first construction costs tens of ms (ICU data), and mount time is
 * measured (test/bench).
 */
function firstGrapheme(word: string): string | undefined {
  if (!word) return undefined;
  const c = word.charCodeAt(0);
  const surrogate = c >= 0xd800 && c <= 0xdbff;
  if (!surrogate && !EXTENDS.test(word.slice(1, 2))) return word[0];
  return graphemes(word)[0];
}

let segmenter: Intl.Segmenter | null | undefined;
function graphemes(text: string): string[] {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  // Without Intl.Segmenter: code points (an emoji ZWJ sequence is then cut to its first emoji).
  if (!segmenter) return Array.from(text);
  const out: string[] = [];
  for (const s of segmenter.segment(text)) {
    out.push(s.segment);
    if (out.length > 1) break; // only the first two are ever needed
  }
  return out;
}

/**
 * Initials for an avatar: one emoji (whole ZWJ sequence/flag), one sign for uncased scripts
 * (Chinese, Japanese, Arabic, Hebrew…), or up to two upper-cased letters for cased scripts.
 */
export function getInitials(name: string, fallback = '?'): string {
  const words = name.replace(INVISIBLE, '').trim().split(/\s+/).map((w) => w.replace(/^[\u200C\u200D]+/, '')).filter(Boolean);
  if (words.length === 0) return fallback;
  const first = firstGrapheme(words[0]) ?? '';
  if (!first) return fallback;
  if (EMOJI.test(first) || !CASED.test(first)) return first;
  const lastWord = words.length > 1 ? words[words.length - 1] : '';
  const second = lastWord && CASED.test(lastWord) ? (firstGrapheme(lastWord) ?? '') : '';
  return (first + second).toLocaleUpperCase();
}

/** A stable palette slot (0…size-1) for an ID: FNV-1a. */
export function colorIndex(id: string, size = 8): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % size;
}
