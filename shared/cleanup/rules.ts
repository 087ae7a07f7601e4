import type { TextChange } from './text-change';
import {
  bylineRanges,
  charAt,
  charBefore,
  cjkLeft,
  cjkRight,
  inRanges,
  isCjkChar,
  isDigit,
  isLatinLetter,
  literalRanges,
} from './chars';

/**
 * The text rules of Cleanup. Each one reads the whole input (a paragraph: its joined fragments separated by `\n`)
 * and reports changes against that same input, so rules combine without seeing each other's output and the UI can
 * accept or skip every change on its own.
 */
export const CLEANUP_RULES = ['cjk-spaces', 'punctuation', 'quotes', 'dash', 'dehyphenate'] as const;
export type CleanupRule = (typeof CLEANUP_RULES)[number];

/** Labels for menus and previews (the UI translates by rule id). */
export const CLEANUP_RULE_LABELS: Record<CleanupRule, string> = {
  'cjk-spaces': 'Remove line-wrap spaces inside Chinese text',
  punctuation: 'Half-width punctuation to full-width in Chinese text',
  quotes: 'Straight quotes to “” and ‘’ in Chinese text',
  dash: 'A lone - at a cut between Chinese text to ——',
  dehyphenate: 'Join a Latin word hyphenated across a join',
};

export interface RuleInput {
  text: string;
  /** Text that follows the input (the next fragment of the article), for a dash at the very end. */
  tail?: string;
}

const WRAP_SPACE = /[ \t\r\n]+/g;
/** Chinese punctuation (not brackets or quotes, which may open a Latin phrase). */
const CJK_MARK = /[\u3001\u3002\uff0c\uff1a\uff1b\uff1f\uff01]/u;

/** A half-width mark that itself sits in Chinese text (`声,` or `"管`) counts as Chinese for the space rule. */
function cjkSide(text: string, ch: string | undefined, i: number, left: boolean): boolean {
  if (!ch) return false;
  if (isCjkChar(ch)) return true;
  if (!',.;:?!)"\'(-'.includes(ch)) return false;
  return left
    ? cjkLeft(text, i - ch.length) && !isDigit(charBefore(text, i - ch.length))
    : cjkRight(text, i + ch.length);
}

/**
 * Line-wrap spaces and line breaks between Chinese characters: `机器声, 记者` → `机器声,记者`, `不是 居民` →
 * `不是居民`. Spaces next to Latin words or numbers (`GDP 比重`, `达 1723 亿元`), byline and credit spaces
 * (`记者 刘健`), the ideographic space U+3000 and leading/trailing space are kept.
 */
export function wrapSpaces({ text }: RuleInput): TextChange[] {
  if (!/[ \t\r\n]/.test(text)) return [];
  const keep = [...bylineRanges(text), ...literalRanges(text)];
  const out: TextChange[] = [];
  for (const m of text.matchAll(WRAP_SPACE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start === 0 || end === text.length || inRanges(keep, start, end)) continue;
    const l = charBefore(text, start);
    const r = charAt(text, end);
    // After Chinese punctuation a space is never meant (`， 1944年`); elsewhere both sides must be Chinese.
    const afterMark =
      (l !== undefined && CJK_MARK.test(l)) ||
      (l !== undefined && ',;:?!'.includes(l) && cjkSide(text, l, start, true));
    if (
      (afterMark && r !== undefined && !isLatinLetter(r)) ||
      (cjkSide(text, l, start, true) && cjkSide(text, r, end, false))
    ) {
      out.push({ start, end, before: m[0], after: '', rule: 'cjk-spaces' });
    }
  }
  return out;
}

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

/**
 * `, : ; ? ! ( )` → `，：；？！（）` where the nearest letter on either side is Chinese. Marks inside URLs, e-mail
 * addresses and numbers (`10:30`, `1,000`) stay; brackets change in pairs so `(RB/T 081-2022)` keeps matching.
 */
export function punctuation({ text }: RuleInput): TextChange[] {
  if (!/[,:;?!()]/.test(text)) return [];
  const keep = literalRanges(text);
  const out: TextChange[] = [];
  const context = (i: number) => cjkLeft(text, i) || cjkRight(text, i + 1);
  // Brackets first, as pairs: a pair changes together, so `(RB/T 081-2022)` never ends up half full-width.
  const open: number[] = [];
  const pairs = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length) pairs.set(open.pop()!, i);
  }
  const bracketDone = new Set<number>();
  for (const [o, c] of pairs) {
    if (inRanges(keep, o) || inRanges(keep, c)) continue;
    const inner = text.slice(o + 1, c);
    if (cjkLeft(text, o) || cjkRight(text, c + 1) || [...inner].some(isCjkChar)) {
      out.push({ start: o, end: o + 1, before: '(', after: '（', rule: 'punctuation' });
      out.push({ start: c, end: c + 1, before: ')', after: '）', rule: 'punctuation' });
    }
    bracketDone.add(o).add(c);
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const to = FULL[ch];
    if (!to || bracketDone.has(i) || inRanges(keep, i)) continue;
    if ((ch === ',' || ch === ':') && isDigit(text[i - 1]) && isDigit(text[i + 1])) continue;
    // Unpaired brackets and the other marks: by their neighbours.
    if (context(i)) {
      out.push({ start: i, end: i + 1, before: ch, after: to, rule: 'punctuation' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Straight quotes in Chinese text to `“”` and `‘’`, paired in reading order (opening, closing, opening, …) per
 * kind, so `"…'用工难'…"` nests as `“…‘用工难’…”`. A quote between Latin letters (an apostrophe) is not a
 * candidate; curly quotes already there count in the pairing; an opening quote left without a partner at the end
 * of the paragraph stays as it is, for the proofreader to judge.
 */
export function quotes({ text }: RuleInput): TextChange[] {
  if (!/["']/.test(text)) return [];
  const keep = literalRanges(text);
  const out: TextChange[] = [];
  for (const [q, open, close] of [
    ['"', '“', '”'],
    ["'", '‘', '’'],
  ] as const) {
    // Curly quotes already in the text take part in the pairing: `“管家"上门` closes with `”`.
    let inside = false;
    let pendingOpen: TextChange | null = null;
    const mine: TextChange[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === open) {
        inside = true;
        pendingOpen = null;
        continue;
      }
      if (ch === close) {
        inside = false;
        pendingOpen = null;
        continue;
      }
      if (ch !== q || inRanges(keep, i)) continue;
      if (isLatinLetter(charBefore(text, i)) && isLatinLetter(charAt(text, i + 1))) continue;
      if (!(cjkLeft(text, i) || cjkRight(text, i + 1))) continue;
      const change = { start: i, end: i + 1, before: q, after: inside ? close : open, rule: 'quotes' };
      mine.push(change);
      pendingOpen = inside ? null : change;
      inside = !inside;
    }
    // An opening quote that never closes has no partner in this paragraph: leave it for the proofreader.
    out.push(...mine.filter((c) => c !== pendingOpen));
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A lone `-` after Chinese text at a cut (end of a line or fragment, or closed up before a quotation) whose
 * continuation starts with Chinese text is a dash the extraction shortened: `醒目-"成为…` → `醒目——“成为…`,
 * `面前-` + next fragment `一条…` → `面前——`. Hyphens between Latin letters or digits stay.
 */
export function dash({ text, tail }: RuleInput): TextChange[] {
  if (!text.includes('-')) return [];
  const out: TextChange[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '-' || text[i - 1] === '-' || text[i + 1] === '-') continue;
    const prev = charBefore(text, i);
    if (!(isCjkChar(prev) || (prev !== undefined && '"\'”’)）'.includes(prev) && cjkLeft(text, i)))) continue;
    const after = /^[ \t]*(?:\n|$)/.exec(text.slice(i + 1));
    let next: string;
    if (after) {
      const restAt = i + 1 + after[0].length;
      next = restAt >= text.length && !after[0].endsWith('\n') ? (tail ?? '') : text.slice(restAt);
    } else if ('"“「『《(（'.includes(text[i + 1])) {
      // Mid-line only where a quotation follows (`醒目-"成为…"`): a cut the extraction closed up; a `-` between
      // two words (`北京-上海`) may be a range and is left to the proofreader.
      next = text.slice(i + 1);
    } else continue;
    if (!cjkRight(next, 0) || /^[ \t]*[A-Za-z0-9]/.test(next)) continue;
    out.push({ start: i, end: i + 1, before: '-', after: '——', rule: 'dash' });
  }
  return out;
}

/** U+00AD SOFT HYPHEN: marks a word hyphenated at a cut; the export joins across it without a space. */
export const SOFT_HYPHEN = '\u00ad';

/**
 * `con-` joined to `tinued`: the hyphen of a Latin word cut at a column edge. The fragment keeps a soft hyphen
 * in its place (invisible, and the Unicode mark for "hyphen only at a line break"); `joinTexts` (so `buildExport`
 * and the article preview) joins across it with no space: `continued`. A hyphen before a capital or a digit is a
 * real one and stays.
 */
export function dehyphenate(left: string, right: string): TextChange | null {
  const m = /\p{Script=Latin}-$/u.exec(left);
  if (!m || !/^\p{Ll}/u.test(right)) return null;
  return { start: left.length - 1, end: left.length, before: '-', after: SOFT_HYPHEN, rule: 'dehyphenate' };
}
