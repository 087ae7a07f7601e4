import type { Box, Fragment, Page } from '../model/types';
import { printedLines, textBlocks, type PrintedLine, type TextRun } from '../layout/pdf-lines';

/**
 * PDF text layer → one page: text items (as pdfjs `getTextContent` gives them) are grouped into lines and lines
 * into blocks by geometry; one fragment per block, in the order the blocks first appear in the content stream
 * (the extraction order a proofreader has to fix). Boxes are in PDF points with the origin at the top left, and
 * `page.size` is the page's point size, so a rendering of any resolution scales onto them.
 * Pure: the file reading and pdfjs call live in the main-process service.
 */
export interface PdfTextItem {
  str: string;
  /** Baseline-left position in PDF user space (origin bottom left), from `transform[4..5]`. */
  x: number;
  y: number;
  width: number;
  /** Font size (≈ height), from the transform scale. */
  size: number;
  hasEOL?: boolean;
}
export interface PdfPageInput {
  width: number;
  height: number;
  items: PdfTextItem[];
}
export interface PdfPageOptions {
  pageId: string;
  label: string;
  sourceName?: string;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function lineText(l: PrintedLine): string {
  let out = '';
  let prevEnd: number | undefined;
  for (const it of l.runs) {
    // A glyph the font maps to no character comes out of pdfjs as U+0000 (or another control character): it
    // stands in the text as U+FFFD, so the page still shows where a character was and every export stays valid XML.
    const s = it.str.replace(CONTROL, '\ufffd');
    if (!s) continue;
    if (prevEnd !== undefined && out && !/\s$/.test(out) && !/^\s/.test(s)) {
      const gap = it.x0 - prevEnd;
      const cjkPair = CJK.test(out.at(-1) ?? '') && CJK.test(s[0]);
      if (gap > it.size * 0.15 && !cjkPair) out += ' ';
    }
    out += s;
    prevEnd = it.x1;
  }
  return out.replace(/\s+$/, '').replace(/^\s+/, '');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

export function pageFromPdfText(input: PdfPageInput, opts: PdfPageOptions): Page {
  const H = input.height;
  const runs: TextRun[] = [];
  input.items.forEach((it, order) => {
    if (!it.str || it.size <= 0) return;
    runs.push({
      str: it.str,
      x0: it.x,
      x1: it.x + it.width,
      top: H - it.y - it.size,
      bottom: H - it.y,
      size: it.size,
      order,
    });
  });
  // Lines cut at gutters, then paragraphs column by column (shared/layout/pdf-lines.ts).
  const lines = printedLines(runs);
  const blocks = textBlocks(lines);
  blocks.sort((a, b) => a.first - b.first);
  const bodySize = median(lines.map((l) => l.size));
  const levels = headingLevels(
    blocks.map((b) => b.size),
    bodySize,
  );
  let original = '';
  const fragments: Fragment[] = [];
  for (const b of blocks) {
    const text = b.lines.map(lineText).filter(Boolean).join('\n');
    if (!text) continue;
    if (original) original += '\n\n';
    const start = original.length;
    original += text;
    const box: Box = { x: round(b.x0), y: round(b.top), w: round(b.x1 - b.x0), h: round(b.bottom - b.top) };
    const large = bodySize > 0 && b.size >= bodySize * HEADLINE_SIZE;
    const level = levels.get(b.size);
    fragments.push({
      id: `${opts.pageId}.${fragments.length + 1}`,
      page: opts.pageId,
      spans: [{ start, end: original.length }],
      text,
      role: large ? 'headline' : 'body',
      ...(level ? { hint: `h${level}` } : {}),
      box,
    });
  }
  return {
    id: opts.pageId,
    label: opts.label,
    original,
    encoding: 'utf-8',
    markup: [],
    fragments,
    ...(opts.sourceName ? { source: { name: opts.sourceName, format: 'pdf' } } : {}),
    size: { width: input.width, height: input.height },
  };
}

/** A block set this many times the body size is a headline (its role at import). */
const HEADLINE_SIZE = 1.5;
/** A block set this many times the body size is a heading of some rank (an `h1`–`h3` hint, as `#` marks give). */
const HEADING_SIZE = 1.2;

/**
 * Heading ranks from type size: the sizes set at least HEADING_SIZE × the body size, largest first, become
 * `h1`, `h2`, `h3` (sizes within 5 % are one rank), so the engine reads them as it reads `#`, `##`, `###` marks.
 */
function headingLevels(sizes: number[], body: number): Map<number, number> {
  const big = [...new Set(sizes.filter((s) => body > 0 && s >= body * HEADING_SIZE))].sort((a, b) => b - a);
  const out = new Map<number, number>();
  let level = 0;
  let last = Infinity;
  for (const s of big) {
    if (s < last / 1.05) {
      level++;
      last = s;
    }
    out.set(s, Math.min(level, 3));
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
