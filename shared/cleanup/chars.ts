/**
 * Character context for the cleanup rules. A half-width mark or a space is judged by its neighbours: in Chinese
 * running text it is typesetting to fix, next to Latin words, numbers, URLs or e-mail addresses it is left alone.
 */

/** Han, kana, Hangul, CJK punctuation, full-width forms and the marks Chinese text sets between them. */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\u2014\u2018-\u201d\u2026\u00b7\u2022]/u;

export function isCjkChar(ch: string | undefined): boolean {
  return !!ch && CJK.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return !!ch && ch >= '0' && ch <= '9';
}

export function isLatinLetter(ch: string | undefined): boolean {
  return !!ch && /\p{Script=Latin}/u.test(ch);
}

/** Half-width marks the rules convert; they count as CJK context when they sit in CJK text themselves. */
export const HALF_MARKS = ',.;:?!()"\'';

/** The code point ending right before `i` (a whole surrogate pair, so Han of plane 2 such as 𠮷 counts). */
export function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}

export function charAt(text: string, i: number): string | undefined {
  if (i >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(i)!);
}

/**
 * True when the nearest character to the left of `i` (skipping spaces and half-width marks) is CJK. Marks are
 * skipped so that `机器声,` + `"` + `记者` still reads as Chinese context on both sides.
 */
export function cjkLeft(text: string, i: number): boolean {
  let j = i;
  while (j > 0) {
    const ch = charBefore(text, j)!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || HALF_MARKS.includes(ch)) {
      j -= ch.length;
      continue;
    }
    return isCjkChar(ch);
  }
  return false;
}

/** Mirror of `cjkLeft`, from `i` (inclusive) to the right. */
export function cjkRight(text: string, i: number): boolean {
  let j = i;
  while (j < text.length) {
    const ch = charAt(text, j)!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || HALF_MARKS.includes(ch)) {
      j += ch.length;
      continue;
    }
    return isCjkChar(ch);
  }
  return false;
}

/** [start, end) ranges of the text that no rule may touch. */
export type Ranges = readonly (readonly [number, number])[];

export function inRanges(ranges: Ranges, start: number, end = start + 1): boolean {
  return ranges.some(([s, e]) => start < e && end > s);
}

function ranges(text: string, re: RegExp): [number, number][] {
  const out: [number, number][] = [];
  // exec on the shared global pattern (not matchAll, which clones it per call); the patterns never match empty.
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const URL_CHARS = "[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]";
const URL = new RegExp(`(?:https?|ftp)://${URL_CHARS}+|www\\.${URL_CHARS}+`, 'gi');
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** Times, ratios and thousands: `10:30`, `1:2`, `1,000`. */
const NUMERIC = /\d+(?:[:,.]\d+)+/g;

/** URLs, e-mail addresses and numbers with inner marks: no punctuation rule applies inside them. */
export function literalRanges(text: string): [number, number][] {
  return [...ranges(text, URL), ...ranges(text, EMAIL), ...ranges(text, NUMERIC)];
}

/**
 * Spaces that are real in Chinese text: between names in a byline `(记者 刘健 共享联盟・桐庐 雷燕)`, in a photo
 * credit `本报记者 刘健 … 摄`, after `记者`/`通讯员` before a name, and after the dateline `本报讯`.
 */
const BYLINE_GROUP = /[(（][^()（）\n]{0,80}?(?:记者|通讯员|摄影|特约)[^()（）\n]{0,80}?[)）]/gu;
const CREDIT_LINE = /(?:本报)?(?:记者|通讯员|摄影)[^\n。，,；;：:"“”]{0,80}?\s摄(?![\p{Script=Han}])/gu;
const AFTER_TITLE = /(?:记者|通讯员|摄影|本报讯)[ \t]+(?=\p{Script=Han})/gu;

export function bylineRanges(text: string): [number, number][] {
  return [...ranges(text, BYLINE_GROUP), ...ranges(text, CREDIT_LINE), ...ranges(text, AFTER_TITLE)];
}
