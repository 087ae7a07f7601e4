import type { TextChange } from './text-change';

/** Closing brackets and quotes whose opener may have been on a lost line, with their openers. */
const PAIRS: Record<string, string> = {
  '》': '《',
  '」': '「',
  '』': '『',
  '）': '（',
  ')': '(',
  '】': '【',
  '〉': '〈',
};
const OPENERS = new Set(Object.values(PAIRS));
/** How far after a removed space an unmatched closer still points at it (about one printed line of a column). */
export const TRACE_REACH = 20;

/** Positions of closers in `text` whose opener is not before them (the opener was lost, or never there). */
export function unmatchedClosers(text: string): number[] {
  const stack: string[] = [];
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (OPENERS.has(ch)) stack.push(ch);
    else if (PAIRS[ch]) {
      const at = stack.lastIndexOf(PAIRS[ch]);
      if (at < 0) out.push(i);
      else stack.length = at;
    }
  }
  return out;
}

/**
 * Whether a change removes the only visible trace of lost text: a space that the extraction left where a printed
 * line went missing (`节目演 十四行诗》诗集`: the line holding `《` is lost). Removing it as a line-wrap space
 * (`cjk-spaces`) would glue the two ends together and hide the loss. Told by a closing bracket or quote, shortly
 * after the space with no other space between, whose opener is nowhere before it in the fragment.
 */
export function removesLostTextTrace(text: string, c: TextChange): boolean {
  if (!/^\s+$/.test(c.before) || c.after.trim() !== '') return false;
  return unmatchedClosers(text).some((p) => {
    if (p < c.end || p - c.end > TRACE_REACH) return false;
    return !/\s/.test(text.slice(c.end, p));
  });
}
