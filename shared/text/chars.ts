/** Character classes of Chinese and Latin typesetting used by the audit, the operations and the suggestions. */

/** Marks that end a sentence, possibly followed by closing quotes or brackets. */
export const TERMINAL = '。！？…!?.';
export const CLOSERS = '」』”’"\')）】》〉]}';

/** True when the text ends a sentence: 。！？… or .!? optionally followed by closing quotes/brackets. */
export function endsSentence(text: string): boolean {
  let t = text.replace(/\s+$/u, '');
  while (t.length && CLOSERS.includes(t[t.length - 1])) t = t.slice(0, -1);
  if (!t.length) return false;
  return TERMINAL.includes(t[t.length - 1]);
}

/** True when an offset falls between the two halves of a surrogate pair. */
export function insideSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const hi = text.charCodeAt(offset - 1);
  const lo = text.charCodeAt(offset);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/**
 * True when an offset falls inside a user-perceived character (a base letter and its combining marks, an emoji
 * ZWJ sequence, a flag, a surrogate pair). Only a window around the offset is segmented, so that a check on a
 * 50 MB single-line page stays instant; clusters longer than the window do not occur in newspaper text.
 */
export function insideGrapheme(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  if (insideSurrogatePair(text, offset)) return true;
  const from = Math.max(0, offset - 32);
  const window = text.slice(from, Math.min(text.length, offset + 32));
  const rel = offset - from;
  for (const s of graphemes.segment(window)) {
    if (s.index === rel) return false;
    if (s.index > rel) return true;
  }
  return true;
}

/** Grapheme boundaries (UTF-16 offsets) of a text, 0 and length included. Splits snap to these. */
export function graphemeBoundaries(text: string): number[] {
  const out: number[] = [];
  for (const s of graphemes.segment(text)) out.push(s.index);
  out.push(text.length);
  return out;
}

export function isWhitespace(ch: string): boolean {
  return /\s/u.test(ch);
}

export function isCjk(ch: string): boolean {
  return /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch);
}
