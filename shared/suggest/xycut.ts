/**
 * Recursive XY-cut reading order over the boxes of one page (Nagy & Seth's XY-cut with
 * the newspaper refinements of XY-Cut++: spanning headlines block the gutters they cross, so they are read before
 * the columns under them).
 *
 * A region is split at a white gap that runs across all of it: a horizontal gap (a band above another band) or a
 * vertical gap (a column left of another column). Bands are read top to bottom, columns left to right, and each
 * part is cut again. Which direction first decides most of the result:
 * - a horizontal gap of a full text line or more (or, without a known line pitch, clearly wider than the usual
 *   break between blocks stacked in one column and at least half the widest gutter) is structure (a rule under a
 *   masthead, a feuilleton below the news) and is cut first;
 * - otherwise the columns are cut first, so paragraph breaks that happen to line up across columns do not make
 *   the page read row by row;
 * - with no clean cut (boxes that overlap a lot, such as table cells), the region is read by a partial order:
 *   a box above another that overlaps it horizontally, or left of one that overlaps it vertically, comes first.
 * Slight overlaps (OCR boxes a few pixels into the gutter) are tolerated: a cut may pass through up to
 * `overlapTolerance` of the page extent, and never through more than a quarter of either box.
 * Vertical CJK pages (tiers read top to bottom, right to left within) are the same problem turned a quarter.
 */

/** A box in page coordinates (y grows downwards), as on Galley fragments. */
export interface XyBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface XyCutOptions {
  /** Overlap a cut may pass through, as a share of the page's extent in that direction (default 0.004). */
  overlapTolerance?: number;
  /**
   * Line pitch of the body text (same units as the boxes), when known. A horizontal gap of at least `bandLines`
   * lines is then structure; paragraph breaks are less than a line.
   */
  lineHeight?: number;
  /** Default 1. */
  bandLines?: number;
  /** Without `lineHeight`: a horizontal gap is structure when it is at least this many times the usual in-column
   *  break and half the widest gutter (default 2). */
  bandFactor?: number;
  /**
   * `vertical-rl` (traditional CJK): tiers top to bottom, blocks right to left within a tier. The page is turned a
   * quarter (tiers become columns, right-to-left becomes top-to-bottom) and cut as horizontal text; `lineHeight`
   * is then the horizontal pitch of the vertical lines. Default `horizontal`.
   */
  writingMode?: WritingMode;
}

export type WritingMode = 'horizontal' | 'vertical-rl';

interface Cut {
  at: number;
  size: number;
}

/**
 * The reading order of `boxes`: their indices, first read first. Pure; O(n² log n) in the worst case, a few
 * hundred boxes take well under a millisecond in practice (bench prints it).
 */
export function xyCutOrder(boxes: readonly XyBox[], options: XyCutOptions = {}): number[] {
  if (options.writingMode === 'vertical-rl') {
    return cutOrder(
      boxes.map((b) => ({ x: b.y, y: -(b.x + b.w), w: b.h, h: b.w })),
      options,
    );
  }
  return cutOrder(boxes, options);
}

function cutOrder(boxes: readonly XyBox[], options: XyCutOptions): number[] {
  const n = boxes.length;
  if (n <= 1) return n ? [0] : [];
  const tolShare = options.overlapTolerance ?? 0.004;
  const bandFactor = options.bandFactor ?? 2;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.w);
    maxY = Math.max(maxY, b.y + b.h);
  }
  const tolX = tolShare * (maxX - minX);
  const tolY = tolShare * (maxY - minY);
  const x0 = (i: number) => boxes[i].x;
  const x1 = (i: number) => boxes[i].x + boxes[i].w;
  const y0 = (i: number) => boxes[i].y;
  const y1 = (i: number) => boxes[i].y + boxes[i].h;

  /** The widest cut across `sorted` (a region's boxes by start along one axis), or null: a cut sits before a box
   *  that starts after every earlier box ends (give or take the tolerance). */
  const widestCut = (
    sorted: number[],
    lo: (i: number) => number,
    hi: (i: number) => number,
    tolAbs: number,
  ): Cut | null => {
    let end = hi(sorted[0]);
    let endLen = hi(sorted[0]) - lo(sorted[0]);
    let best: Cut | null = null;
    for (let k = 1; k < sorted.length; k++) {
      const i = sorted[k];
      const gap = lo(i) - end;
      const tol = Math.min(tolAbs, 0.25 * Math.min(endLen, hi(i) - lo(i)));
      if (gap > -tol && (!best || gap > best.size)) best = { at: (lo(i) + end) / 2, size: gap };
      if (hi(i) > end) {
        end = hi(i);
        endLen = hi(i) - lo(i);
      }
    }
    return best;
  };

  /**
   * The usual break between a box and the nearest box below it in the same column: the lower quartile, because
   * headings sit in wider white space than the body blocks they separate (0 when no box has one below it).
   * A property of the page, computed once (O(n²)) and only when no line pitch is given.
   */
  const usualStackGap = (ids: number[]): number => {
    const gaps: number[] = [];
    const byTop = ids.slice().sort((a, b) => y0(a) - y0(b));
    for (const i of ids) {
      // Boxes by top edge: the first one below i that shares its column is the nearest.
      let lo = 0,
        hi = byTop.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (y0(byTop[mid]) < y1(i) - tolY) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < byTop.length; k++) {
        const j = byTop[k];
        if (j === i) continue;
        const overlap = Math.min(x1(i), x1(j)) - Math.max(x0(i), x0(j));
        if (overlap < 0.5 * Math.min(boxes[i].w, boxes[j].w)) continue;
        gaps.push(Math.max(0, y0(j) - y1(i)));
        break;
      }
    }
    if (!gaps.length) return 0;
    gaps.sort((a, b) => a - b);
    return gaps[Math.floor(gaps.length / 4)];
  };

  let stackGap: number | undefined;
  const pageStackGap = () => (stackGap ??= usualStackGap(boxes.map((_, i) => i)));
  const out: number[] = [];
  // A region is its boxes twice, sorted by top and by left edge; filtering keeps both sorted, so no level sorts.
  const first = new Uint8Array(n);
  const visit = (byY: number[], byX: number[]): void => {
    const ids = byY;
    if (ids.length <= 1) {
      out.push(...ids);
      return;
    }
    // One column (every box shares an x-range, so no part of it can be cut vertically): cut every horizontal
    // gap at once instead of one per level, which keeps a tall column linear.
    let maxX0 = -Infinity,
      minX1 = Infinity;
    for (const i of ids) {
      maxX0 = Math.max(maxX0, x0(i));
      minX1 = Math.min(minX1, x1(i));
    }
    if (maxX0 < minX1 - tolX) {
      let band: number[] = [byY[0]];
      let end = y1(byY[0]);
      let endLen = boxes[byY[0]].h;
      const flush = () => {
        out.push(...(band.length > 1 ? partialOrder(band) : band));
      };
      for (let k = 1; k < byY.length; k++) {
        const i = byY[k];
        if (y0(i) - end > -Math.min(tolY, 0.25 * Math.min(endLen, boxes[i].h))) {
          flush();
          band = [];
        }
        band.push(i);
        if (y1(i) > end) {
          end = y1(i);
          endLen = boxes[i].h;
        }
      }
      flush();
      return;
    }
    const h = widestCut(byY, y0, y1, tolY);
    const v = widestCut(byX, x0, x1, tolX);
    let horizontal: boolean;
    if (h && v) {
      // Paragraph breaks that line up across columns by chance are less than a line and narrower than the usual
      // in-column break allows; those must not make the page read row by row.
      const structural =
        h.size > 0 &&
        (options.lineHeight
          ? h.size >= (options.bandLines ?? 1) * options.lineHeight
          : h.size >= 0.5 * v.size && h.size >= bandFactor * pageStackGap());
      horizontal = structural || (h.size >= 0 && v.size < 0) || (h.size < 0 && v.size < 0 && h.size > v.size);
    } else if (h || v) horizontal = !!h;
    else {
      out.push(...partialOrder(ids));
      return;
    }
    const cut = horizontal ? h! : v!;
    // Each box goes to the side its centre lies on (a box straddling the cut by the tolerance goes by its middle).
    const centre = horizontal ? (i: number) => y0(i) + boxes[i].h / 2 : (i: number) => x0(i) + boxes[i].w / 2;
    let firstCount = 0;
    for (const i of ids) {
      first[i] = centre(i) < cut.at ? 1 : 0;
      firstCount += first[i];
    }
    if (firstCount === 0 || firstCount === ids.length) {
      out.push(...partialOrder(ids));
      return;
    }
    const parts = [1, 0].map((f) => [byY.filter((i) => first[i] === f), byX.filter((i) => first[i] === f)]);
    visit(parts[0][0], parts[0][1]);
    visit(parts[1][0], parts[1][1]);
  };

  /** No clean cut: repeatedly take the top-most box that no remaining box must precede (O(k³): large knots of
   *  overlapping boxes are read top to bottom instead). */
  const partialOrder = (ids: number[]): number[] => {
    const rest = ids.slice().sort((a, b) => y0(a) - y0(b) || x0(a) - x0(b) || y1(a) - y1(b) || x1(a) - x1(b) || a - b);
    if (rest.length > 60) return rest;
    const order: number[] = [];
    const before = (a: number, b: number): boolean => {
      const xo = Math.min(x1(a), x1(b)) - Math.max(x0(a), x0(b));
      const yo = Math.min(y1(a), y1(b)) - Math.max(y0(a), y0(b));
      if (xo > 0 && y0(a) + boxes[a].h / 2 < y0(b) + boxes[b].h / 2 && yo < 0.5 * Math.min(boxes[a].h, boxes[b].h))
        return true;
      return yo > 0.5 * Math.min(boxes[a].h, boxes[b].h) && x0(a) + boxes[a].w / 2 < x0(b) + boxes[b].w / 2;
    };
    while (rest.length) {
      let pick = rest.findIndex((b) => !rest.some((a) => a !== b && before(a, b)));
      if (pick < 0) pick = 0; // a cycle (cannot happen with consistent boxes): top-most first
      order.push(rest[pick]);
      rest.splice(pick, 1);
    }
    return order;
  };

  const all = boxes.map((_, i) => i);
  // Ties broken by the other axis before the index, so the order does not depend on the input order.
  const byY = all.slice().sort((a, b) => y0(a) - y0(b) || y1(a) - y1(b) || x0(a) - x0(b) || x1(a) - x1(b) || a - b);
  const byX = all.slice().sort((a, b) => x0(a) - x0(b) || x1(a) - x1(b) || y0(a) - y0(b) || y1(a) - y1(b) || a - b);
  visit(byY, byX);
  return out;
}

/** Share of a page's fragments that must have a usable box before their file order is replaced by XY-cut order. */
export const XYCUT_MIN_BOX_SHARE = 0.9;

/**
 * When at least this share of the file's consecutive pairs are also consecutive in XY-cut order, the file order
 * is already a reading order and is kept: producers such as docWorks write ALTO blocks in article order, which
 * knows more than geometry (an article's column foot before the next story's top in the same column).
 */
export const KEEP_FILE_ORDER_AGREEMENT = 0.5;

/**
 * A page's fragments in reading order when (nearly) all have boxes and the file order is not already one: the
 * boxed ones in XY-cut order, each fragment without a box right after the fragment that preceded it in the file.
 * Otherwise the input, unchanged (text-only pages keep their extraction order). Returns the same array when
 * nothing moves.
 */
export function readingOrder<T extends { box?: XyBox; text?: string }>(
  fragments: readonly T[],
  options: XyCutOptions = {},
): readonly T[] {
  const usable = (f: T) =>
    !!f.box && f.box.w > 0 && f.box.h > 0 && [f.box.x, f.box.y, f.box.w, f.box.h].every(Number.isFinite);
  const boxed = fragments.filter(usable);
  if (boxed.length < 2 || boxed.length < XYCUT_MIN_BOX_SHARE * fragments.length) return fragments;
  const mode = options.writingMode ?? writingMode(boxed);
  const lineHeight = options.lineHeight ?? linePitch(boxed, mode);
  const order = xyCutOrder(
    boxed.map((f) => f.box!),
    { ...options, writingMode: mode, ...(lineHeight ? { lineHeight } : {}) },
  ).map((k) => boxed[k]);
  if (fileOrderAgreement(boxed, order) >= KEEP_FILE_ORDER_AGREEMENT) return fragments;
  if (boxed.length < fragments.length) {
    // Unboxed fragments follow their file predecessor (or lead, when first in the file).
    let prev: T | null = null;
    for (const f of fragments) {
      if (!usable(f)) order.splice(prev ? order.indexOf(prev) + 1 : 0, 0, f);
      prev = f;
    }
  }
  return order.every((f, i) => f === fragments[i]) ? fragments : order;
}

/**
 * Median line pitch of the boxed fragments that carry text: box height (box width for vertical text) over printed
 * lines (the importers end each ALTO/PAGE/hOCR line with a newline). Undefined when no fragment has text.
 */
export function linePitch(
  fragments: ReadonlyArray<{ box?: XyBox; text?: string }>,
  mode: WritingMode = 'horizontal',
): number | undefined {
  const pitches = fragments
    .filter((f) => f.box && f.text?.trim())
    .map((f) => (mode === 'vertical-rl' ? f.box!.w : f.box!.h) / f.text!.trim().split('\n').length)
    .sort((a, b) => a - b);
  return pitches.length ? pitches[Math.floor(pitches.length / 2)] : undefined;
}

const HAN = /\p{Script=Han}/u;

/**
 * Vertical or horizontal text, from the shape of multi-line CJK blocks: with square glyphs, a horizontal block is
 * about (characters per line × glyph) wide and (lines × pitch) high, a vertical one the other way round. A block
 * votes for the reading whose line pitch is 0.95–1.9 glyphs (not both); the page is `vertical-rl` when at least three blocks
 * vote and two thirds of the votes say vertical. Narrow horizontal columns are tall too, so the box shape alone
 * would not do.
 */
export function writingMode(fragments: ReadonlyArray<{ box?: XyBox; text?: string }>): WritingMode {
  let vertical = 0;
  let votes = 0;
  for (const f of fragments) {
    if (!f.box || !f.text) continue;
    const lines = f.text
      .trim()
      .split('\n')
      .map((l) => [...l.replace(/\s+/g, '')]);
    if (lines.length < 2) continue;
    const chars = lines.flat();
    if (chars.filter((c) => HAN.test(c)).length < 0.5 * chars.length) continue;
    const perLine = lines.map((l) => l.length).sort((a, b) => a - b)[Math.floor(lines.length / 2)];
    if (perLine < 4) continue;
    const plausible = (pitch: number, glyph: number) => pitch >= 0.95 * glyph && pitch <= 1.9 * glyph;
    const h = plausible(f.box.h / lines.length, f.box.w / perLine);
    const v = plausible(f.box.w / lines.length, f.box.h / perLine);
    if (h === v) continue;
    votes++;
    if (v) vertical++;
  }
  return votes >= 3 && vertical >= (2 / 3) * votes ? 'vertical-rl' : 'horizontal';
}

/** Share of consecutive pairs of `file` that are consecutive, in the same direction, in `order` (same items). */
export function fileOrderAgreement<T>(file: readonly T[], order: readonly T[]): number {
  if (file.length < 2) return 1;
  const next = new Map<T, T>();
  for (let k = 1; k < order.length; k++) next.set(order[k - 1], order[k]);
  let same = 0;
  for (let k = 1; k < file.length; k++) if (next.get(file[k - 1]) === file[k]) same++;
  return same / (file.length - 1);
}
