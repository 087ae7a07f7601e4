import type { Fragment } from '../model/types';
import type { CharModel } from './lm';
import {
  compact,
  endsComplete,
  endsHyphenated,
  endsWithOpener,
  head,
  isCjkText,
  openBrackets,
  startsLowercase,
  startsProhibited,
  tail,
  unmatchedClosers,
} from './text-signals';
import { bylineCue, captionCue, creditCue, datelineCue, furnitureCue, jumpFromCue, jumpToCue } from './cues';

/** Everything the scorer needs to know about one fragment, computed once per run. */
export interface FragFeatures {
  id: string;
  page: string;
  /** Position in the page's source order. */
  index: number;
  text: string;
  cjk: boolean;
  /** Raw (compacted) ends for reasons and the word-straddle test. */
  rawTail: string;
  rawHead: string;
  /** Folded ends for the character model. */
  foldTail: string;
  foldHead: string;
  /** The same ends split into characters once (the pair loop is n²). */
  tailChars: string[];
  headChars: string[];
  foldTailChars: string[];
  foldHeadChars: string[];
  /** First two characters of the text. */
  head2: string;
  complete: boolean;
  startsProhibited: boolean;
  endsOpener: boolean;
  openCount: number;
  closesEarly: number;
  hyphenated: boolean;
  lowerStart: boolean;
  /** `#` level from the import hint (1…6), 0 when none. */
  headingLevel: number;
  /** Short line without sentence punctuation (a headline candidate even without a hint). */
  headlineLike: boolean;
  dateline: string | null;
  byline: string | null;
  caption: string | null;
  credit: string | null;
  jumpFrom: string | null;
  jumpTo: string | null;
  furniture: string | null;
  /** Printed line width (characters) when line breaks survive as spaces inside CJK text, else the length. */
  width: number;
  /**
   * Printed widths of the block's lines in character cells (ASCII letters, digits and straight quotes count half:
   * extraction turns full-width punctuation into ASCII, but digits and Latin are printed half width).
   */
  lineWidths: number[];
  /** Several printed lines: the last one is full (the block was cut at a column foot) or short (a paragraph end). */
  lastLine: 'full' | 'short' | 'unknown';
  /** Several printed lines and the first ends a sentence: it may be short because a paragraph ends there. */
  firstLineEnds: boolean;
  /** Lines of the fragment's text as imported (ALTO and hOCR keep one per print line). */
  lineCount: number;
  /** Region on the page when the import had coordinates (ALTO, PAGE, hOCR, PDF). */
  box: { x: number; y: number; w: number; h: number } | null;
}

/**
 * Printed lines of a CJK block: extraction keeps a print line break as a space inside CJK
 * text, so any space not between two Latin letters or digits is taken as a line break.
 */
function printedLines(raw: string): string[] {
  return raw
    .trim()
    .split(/(?<![A-Za-z0-9])[ \t\n]+|[ \t\n]+(?![A-Za-z0-9])/)
    .map((l) => l.replace(/\s+/g, ''))
    .filter(Boolean);
}

export function fragmentFeatures(f: Fragment, index: number, model: CharModel): FragFeatures {
  const text = compact(f.text);
  const cjk = isCjkText(text);
  const level = /^h([1-6])$/.exec(f.hint ?? '')?.[1];
  const short = cjk ? [...text].length <= 30 : text.length <= 80;
  return {
    id: f.id,
    page: f.page,
    index,
    text,
    cjk,
    rawTail: tail(text, 4),
    rawHead: head(text, 4),
    foldTail: model.fold(tail(text, 6)),
    foldHead: model.fold(head(text, 6)),
    tailChars: [...tail(text, 4)],
    headChars: [...head(text, 4)],
    foldTailChars: [...model.fold(tail(text, 6))],
    foldHeadChars: [...model.fold(head(text, 6))],
    head2: head(text, 2),
    complete: endsComplete(text),
    startsProhibited: startsProhibited(text),
    endsOpener: endsWithOpener(text),
    openCount: openBrackets(text).length,
    closesEarly: unmatchedClosers(text).length,
    hyphenated: !cjk && endsHyphenated(text),
    lowerStart: !cjk && startsLowercase(text),
    headingLevel: level ? Number(level) : 0,
    headlineLike:
      short && !/[。，,；;！!？?]/.test(text.slice(0, -1)) && !endsComplete(text) && !/[，,、；;：:]$/.test(text),
    dateline: datelineCue(text),
    byline: bylineCue(text),
    caption: captionCue(text),
    credit: creditCue(text),
    jumpFrom: jumpFromCue(text),
    jumpTo: jumpToCue(text),
    furniture: furnitureCue(text),
    ...lineShape(f.text, cjk),
    lineCount: f.text.trim().split('\n').length,
    box: f.box && f.box.w > 0 && f.box.h > 0 ? { ...f.box } : null,
  };
}

/** Width of a printed line in character cells. */
export function printedWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += /[A-Za-z0-9"']/.test(ch) ? 0.5 : 1;
  // A lone digit between CJK characters (等8个) is set full width, as Chinese papers set single digits.
  w += 0.5 * (line.match(/(?<![A-Za-z0-9.])[0-9](?![A-Za-z0-9.])/g)?.length ?? 0);
  return w;
}

function lineShape(
  raw: string,
  cjk: boolean,
): { width: number; lastLine: 'full' | 'short' | 'unknown'; lineWidths: number[]; firstLineEnds: boolean } {
  if (!cjk) return { width: raw.length, lastLine: 'unknown', lineWidths: [], firstLineEnds: false };
  const printed = printedLines(raw);
  return { ...lineWidthsOf(printed), firstLineEnds: printed.length >= 2 && endsComplete(printed[0]) };
}

function lineWidthsOf(printed: string[]): {
  width: number;
  lastLine: 'full' | 'short' | 'unknown';
  lineWidths: number[];
} {
  const lineWidths = printed.map(printedWidth);
  // A line after a sentence end inside the block opens a paragraph: it was printed two cells in (段首空两格).
  const lines = printed.map((l, k) => [...l].length + (k > 0 && endsComplete(printed[k - 1]) ? 2 : 0));
  if (!lines.length) return { width: 0, lastLine: 'unknown', lineWidths };
  const width = Math.max(...lines);
  if (lines.length < 2) return { width, lastLine: 'unknown', lineWidths };
  const last = lines[lines.length - 1];
  const before = Math.max(...lines.slice(0, -1));
  return { width, lastLine: last >= before - 1 ? 'full' : last <= before - 3 ? 'short' : 'unknown', lineWidths };
}
