import type { Box, Fragment, Page } from '../model/types';

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

interface Line {
  items: PdfTextItem[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  first: number;
}
interface Block {
  lines: Line[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  first: number;
}

function lineText(l: Line): string {
  let out = '';
  let prevEnd: number | undefined;
  for (const it of l.items) {
    const s = it.str;
    if (!s) continue;
    if (prevEnd !== undefined && out && !/\s$/.test(out) && !/^\s/.test(s)) {
      const gap = it.x - prevEnd;
      const cjkPair = CJK.test(out.at(-1) ?? '') && CJK.test(s[0]);
      if (gap > it.size * 0.15 && !cjkPair) out += ' ';
    }
    out += s;
    prevEnd = it.x + it.width;
  }
  return out.replace(/\s+$/, '').replace(/^\s+/, '');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

export function pageFromPdfText(input: PdfPageInput, opts: PdfPageOptions): Page {
  const H = input.height;
  // 1. Lines: items on one baseline and close together (a wide gap means another column).
  const lines: Line[] = [];
  input.items.forEach((it, idx) => {
    if (!it.str || it.size <= 0) return;
    const top = H - it.y - it.size,
      bottom = H - it.y;
    const line = lines.find(
      (l) =>
        Math.abs(l.bottom - bottom) < Math.max(l.size, it.size) * 0.5 &&
        it.x >= l.x0 - it.size &&
        it.x - l.x1 < Math.max(l.size, it.size) * 1.5,
    );
    if (line) {
      line.items.push(it);
      line.x0 = Math.min(line.x0, it.x);
      line.x1 = Math.max(line.x1, it.x + it.width);
      line.top = Math.min(line.top, top);
      line.bottom = Math.max(line.bottom, bottom);
      line.size = Math.max(line.size, it.size);
    } else {
      lines.push({ items: [it], x0: it.x, x1: it.x + it.width, top, bottom, size: it.size, first: idx });
    }
  });
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  // 2. Blocks: a line joins the block right above it when they overlap horizontally, the gap is small and the
  //    type size is alike. Lines are visited top to bottom so a block grows downwards.
  const blocks: Block[] = [];
  for (const l of [...lines].sort((a, b) => a.top - b.top || a.x0 - b.x0)) {
    const b = blocks.find((bk) => {
      const overlap = Math.min(bk.x1, l.x1) - Math.max(bk.x0, l.x0);
      const gap = l.top - bk.bottom;
      const ratio = Math.max(bk.size, l.size) / Math.min(bk.size, l.size);
      return overlap > 0 && gap >= -l.size * 0.5 && gap < l.size * 0.8 && ratio < 1.3;
    });
    if (b) {
      b.lines.push(l);
      b.x0 = Math.min(b.x0, l.x0);
      b.x1 = Math.max(b.x1, l.x1);
      b.bottom = Math.max(b.bottom, l.bottom);
      b.first = Math.min(b.first, l.first);
    } else {
      blocks.push({ lines: [l], x0: l.x0, x1: l.x1, top: l.top, bottom: l.bottom, size: l.size, first: l.first });
    }
  }
  blocks.sort((a, b) => a.first - b.first);
  const bodySize = median(lines.map((l) => l.size));
  let original = '';
  const fragments: Fragment[] = [];
  for (const b of blocks) {
    const text = b.lines.map(lineText).filter(Boolean).join('\n');
    if (!text) continue;
    if (original) original += '\n\n';
    const start = original.length;
    original += text;
    const box: Box = { x: round(b.x0), y: round(b.top), w: round(b.x1 - b.x0), h: round(b.bottom - b.top) };
    const large = bodySize > 0 && b.size >= bodySize * 1.5;
    fragments.push({
      id: `${opts.pageId}.${fragments.length + 1}`,
      page: opts.pageId,
      spans: [{ start, end: original.length }],
      text,
      role: large ? 'headline' : 'body',
      ...(large ? { hint: 'large' } : {}),
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

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
