/**
 * Text-only signals about one fragment's ends (docs/suggestions.md, How it decides). Pure string functions on the fragment's
 * current text; they never look at other fragments.
 */

/** Sentence-final marks, full and half width. */
const TERMINAL = '。！？!?…．';
/** Closers that may follow a sentence-final mark (`。”` / `。）`). */
const CLOSERS = '”’」』）)》〉】〕"\'';
/** Characters that may not start a line (OOXML zh-CN defaults plus full-width forms). */
export const LINE_START_PROHIBITED = new Set(
  '!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！％），．：；＞？］｝～'.split(''),
);
/** Characters that may not end a line. */
export const LINE_END_PROHIBITED = new Set('$([{£¥‘“〈《「『【〔〖〝﹙﹛﹝（［｛'.split(''));

const OPENERS: Record<string, string> = {
  '「': '」',
  '『': '』',
  '“': '”',
  '（': '）',
  '(': ')',
  '《': '》',
  '【': '】',
  '〔': '〕',
  '〈': '〉',
};
const CLOSER_OF = new Set(Object.values(OPENERS));

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * The text with line-wrap spaces inside CJK text removed and outer whitespace trimmed: a space goes unless it
 * stands between two Latin letters or digits (or the text is mostly Latin, where spaces are real).
 */
export function compact(text: string): string {
  const t = text.trim();
  if (!isCjkText(t)) return t;
  return t.replace(/(?<![A-Za-z0-9])[ \t\r\n]+|[ \t\r\n]+(?![A-Za-z0-9])/g, '');
}

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/** Mostly Han characters? Decides whether the CJK signals apply or the language-neutral fallback. */
export function isCjkText(text: string): boolean {
  let han = 0;
  let latin = 0;
  for (const ch of text) {
    if (CJK.test(ch)) han++;
    else if (LATIN_LETTER.test(ch)) latin++;
  }
  return han >= latin;
}

/**
 * True when the text ends a sentence: a final mark optionally followed by closing quotes or brackets.
 * Headlines and bylines have no final mark; callers treat them by role, not by this test.
 */
export function endsComplete(text: string): boolean {
  const t = text.trimEnd();
  let i = t.length - 1;
  while (i >= 0 && CLOSERS.includes(t[i])) i--;
  if (i < 0) return false;
  if (TERMINAL.includes(t[i])) return true;
  // A Latin full stop ends a sentence unless it closes a common abbreviation or an initial ("Mr.", "J.").
  if (t[i] === '.') return !/(?:\b[A-Z]|\bMr|\bMrs|\bDr|\bSt|\bNo|\bvol|\bp)\.$/.test(t.slice(0, i + 1));
  return false;
}

/** The first non-space character is one that may not start a line: B continues something. */
export function startsProhibited(text: string): boolean {
  const ch = text.trimStart()[0];
  return ch !== undefined && LINE_START_PROHIBITED.has(ch);
}

/** The last non-space character is one that may not end a line (an opening bracket or quote). */
export function endsWithOpener(text: string): boolean {
  const t = text.trimEnd();
  return t.length > 0 && LINE_END_PROHIBITED.has(t[t.length - 1]);
}

/**
 * Brackets and quotes left open at the end of the text (innermost last). Straight `"` are paired by parity,
 * since extracted Chinese text often uses them for both ends.
 */
export function openBrackets(text: string): string[] {
  const stack: string[] = [];
  let straight = 0;
  for (const ch of text) {
    if (ch === '"') {
      straight++;
      continue;
    }
    if (OPENERS[ch]) stack.push(ch);
    else if (CLOSER_OF.has(ch)) {
      const k = stack.map((o) => OPENERS[o]).lastIndexOf(ch);
      if (k >= 0) stack.length = k;
    }
  }
  if (straight % 2 === 1) stack.push('"');
  return stack;
}

/** Closers in the text that have no opener before them (the text closes a bracket opened elsewhere). */
export function unmatchedClosers(text: string, limit = 40): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  let n = 0;
  for (const ch of text) {
    if (++n > limit) break;
    if (OPENERS[ch]) stack.push(ch);
    else if (CLOSER_OF.has(ch)) {
      if (stack.length && OPENERS[stack[stack.length - 1]] === ch) stack.pop();
      else out.push(ch);
    }
  }
  return out;
}

/** Latin text: a word hyphenated across the cut (`impor-` + `tant`). */
export function endsHyphenated(text: string): boolean {
  return /\p{L}[-\u00ad¬]$/u.test(text.trimEnd()) && !/[-\u00ad¬]{2}$/.test(text.trimEnd());
}

/** Latin text: starts with a lower-case letter, so it continues a sentence. */
export function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text.trimStart());
}

/** The last `n` characters with spaces removed (the text before the seam). */
export function tail(text: string, n: number): string {
  const t = compact(text);
  return [...t].slice(-n).join('');
}

/** The first `n` characters with spaces removed (the text after the seam). */
export function head(text: string, n: number): string {
  const t = compact(text);
  return [...t].slice(0, n).join('');
}
