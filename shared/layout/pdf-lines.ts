/**
 * Geometry of a PDF text layer: text items → printed lines → paragraphs, column by column. Pure (the pdfjs call
 * lives in the main-process service); used by `shared/import/pdf.ts`.
 *
 * Why each step is as it is (docs/layout-formats.md, "PDF"):
 * - **Lines never cross a gutter.** Columns set side by side share their baselines, so "same baseline, small gap"
 *   alone splices the line of one column onto the line of the next when the gutter is narrow (a CSS column gap of
 *   1 em is narrower than the 1.5 em such a rule allows). A gap on a baseline is a gutter when it is wide
 *   (`GUTTER_SURE` em), or when it is at least `GUTTER_MIN` em and the same white strip runs through the printed
 *   rows above and below (word spaces of justified Latin text do not line up from row to row; gutters do).
 * - **Paragraphs are read from the setting.** Inside a column a line opens a new block when it is indented
 *   (first-line indent), when the line before it stopped short of the column's right edge in justified text (a
 *   paragraph's last line), when the white above it is clearly more than the line pitch (paragraph spacing), or
 *   when its type size differs.
 */
export interface TextRun {
  str: string;
  /** Left edge and top/bottom of the run, in page coordinates with y growing downwards. */
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  /** Index in the content stream. */
  order: number;
}

export interface PrintedLine {
  runs: TextRun[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  first: number;
}

export interface TextBlockGeometry {
  lines: PrintedLine[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  first: number;
}

/**
 * A gap on one baseline at least this many ems wide is a gutter whatever the rows around it. Wide: loosely
 * justified Latin lines from producers that emit no space items have word gaps of 1.5–2 em.
 */
const GUTTER_SURE = 3;
/** A narrower gap is a gutter only when the rows above or below are white there too; narrower than this never. */
const GUTTER_MIN = 0.45;
/** How much of the gap the neighbouring row must leave white (in ems) to count as the same strip. */
const STRIP_OVERLAP = 0.3;
/** A line is indented (a paragraph's first line) when it starts this many ems right of its column's left edge. */
const INDENT_MIN = 0.6;
/** A line stops short (a paragraph's last line) when it ends this many ems left of its column's right edge. */
const SHORT_MIN = 1;
/** A column is justified when this share of its lines (last lines aside) reach the right edge. */
const JUSTIFIED_SHARE = 0.6;
/** Type sizes further apart than this ratio are different settings (a subhead, a caption) — never one block. */
const SIZE_RATIO = 1.15;
/** Lines set this many times the page's median size are headings (never split by indent or short lines). */
const HEADING_RATIO = 1.2;
/** White above a line beyond the column's usual pitch by this many ems is paragraph spacing. */
const EXTRA_SPACE = 0.35;

interface Row {
  runs: TextRun[];
  top: number;
  bottom: number;
  /** Largest type size on the row. */
  size: number;
}

/** Runs on one baseline in one type size form a row, top to bottom. */
function rows(runs: readonly TextRun[]): Row[] {
  const out: Row[] = [];
  for (const r of [...runs].sort((a, b) => a.bottom - b.bottom || a.x0 - b.x0)) {
    // Same baseline and same type size: a deck beside the first body line of the next article is another row.
    const row = out.find(
      (w) =>
        Math.abs(w.bottom - r.bottom) < 0.5 * Math.min(r.size, w.bottom - w.top) &&
        Math.max(w.size, r.size) / Math.min(w.size, r.size) < SIZE_RATIO,
    );
    if (row) {
      row.runs.push(r);
      row.top = Math.min(row.top, r.top);
      row.bottom = Math.max(row.bottom, r.bottom);
      row.size = Math.max(row.size, r.size);
    } else out.push({ runs: [r], top: r.top, bottom: r.bottom, size: r.size });
  }
  for (const w of out) w.runs.sort((a, b) => a.x0 - b.x0);
  return out.sort((a, b) => a.top - b.top);
}

/** Whether row `w` leaves [lo, hi] white over at least `need` of its width (w's runs are sorted by x). */
function whiteIn(w: Row, lo: number, hi: number, need: number): boolean {
  let white = 0;
  let at = lo;
  for (const r of w.runs) {
    if (r.x1 <= at) continue;
    if (r.x0 >= hi) break;
    if (r.x0 > at) white = Math.max(white, Math.min(r.x0, hi) - at);
    at = Math.max(at, r.x1);
    if (at >= hi) break;
  }
  if (at < hi) white = Math.max(white, hi - at);
  return white >= need;
}

/**
 * The index of the row of the same type size above/below `k` within two line heights, or -1. Rows that overlap this one, and
 * rows set in another size (a headline spanning the columns right above their first lines), say nothing about
 * its gaps.
 */
function neighbour(all: Row[], k: number, dir: -1 | 1, anySize = false): number {
  const w = all[k];
  const h = w.bottom - w.top;
  for (let j = k + dir; j >= 0 && j < all.length; j += dir) {
    const v = all[j];
    const dist = dir < 0 ? w.top - v.bottom : v.top - w.bottom;
    if (dist > 2 * h) return -1;
    if (dist >= -0.25 * h && (anySize || Math.max(v.size, w.size) / Math.min(v.size, w.size) < SIZE_RATIO)) return j;
  }
  return -1;
}

/** Up to two rows next to row `k` in direction `dir`, each next to the one before (see `neighbour`). */
function rowsAround(all: Row[], k: number, dir: -1 | 1, anySize: boolean): Row[] {
  const out: Row[] = [];
  for (let at = k, n = 0; n < 2; n++) {
    at = neighbour(all, at, dir, anySize);
    if (at < 0) break;
    out.push(all[at]);
  }
  return out;
}

/** Printed lines: the runs of each row, cut at gutters. */
export function printedLines(runs: readonly TextRun[]): PrintedLine[] {
  const all = rows(runs.filter((r) => r.str && r.size > 0));
  const lines: PrintedLine[] = [];
  all.forEach((w, k) => {
    let cur: PrintedLine | null = null;
    for (const r of w.runs) {
      if (cur) {
        const gap = r.x0 - cur.x1;
        const em = Math.max(cur.size, r.size);
        let gutter = gap >= GUTTER_SURE * em;
        if (!gutter && gap >= GUTTER_MIN * em) {
          const need = Math.min(gap, STRIP_OVERLAP * em);
          // Two rows each way where there are any (a gutter runs on, a word space lines up with one or two).
          let near = [...rowsAround(all, k, -1, false), ...rowsAround(all, k, 1, false)];
          // A row with no row of its size near it (two headlines side by side) asks the rows of any size.
          if (!near.length) near = [...rowsAround(all, k, -1, true), ...rowsAround(all, k, 1, true)];
          gutter = near.length > 0 && near.every((v) => whiteIn(v, cur!.x1, r.x0, need));
        }
        // Lines of one column never overlap the next run backwards by much (pdfjs items of one line are in order).
        if (!gutter && r.x0 >= cur.x0 - em) {
          cur.runs.push(r);
          cur.x1 = Math.max(cur.x1, r.x1);
          cur.top = Math.min(cur.top, r.top);
          cur.bottom = Math.max(cur.bottom, r.bottom);
          cur.size = Math.max(cur.size, r.size);
          cur.first = Math.min(cur.first, r.order);
          continue;
        }
      }
      cur = { runs: [r], x0: r.x0, x1: r.x1, top: r.top, bottom: r.bottom, size: r.size, first: r.order };
      lines.push(cur);
    }
  });
  return lines;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

/**
 * Lines → column runs (a line joins the run right above it when they overlap horizontally, the white between
 * them is under a line and the type size is alike) → paragraphs (indent, short last line of justified text,
 * paragraph spacing).
 */
export function textBlocks(lines: readonly PrintedLine[]): TextBlockGeometry[] {
  const runs: PrintedLine[][] = [];
  const ends: PrintedLine[] = [];
  for (const l of [...lines].sort((a, b) => a.top - b.top || a.x0 - b.x0)) {
    let best = -1;
    let bestOverlap = -Infinity;
    // A line that starts left of an indented line and reaches up to its start (the second line of a paragraph
    // whose first line is indented, however short) continues its column: no other column can stand there.
    const overlapOf = (e: PrintedLine) =>
      Math.max(Math.min(e.x1, l.x1) - Math.max(e.x0, l.x0), l.x0 < e.x0 && l.x1 >= e.x0 - 0.25 * l.size ? 0.01 : 0);
    ends.forEach((e, k) => {
      const overlap = overlapOf(e);
      const gap = l.top - e.bottom;
      const ratio = Math.max(e.size, l.size) / Math.min(e.size, l.size);
      if (overlap > 0 && gap >= -l.size * 0.5 && gap < l.size * 1.2 && ratio < SIZE_RATIO && overlap > bestOverlap) {
        best = k;
        bestOverlap = overlap;
      }
    });
    // A line below two runs (a spanning line under columns) belongs to neither: it starts a run of its own.
    const under = ends.filter((e) => {
      const gap = l.top - e.bottom;
      return overlapOf(e) > 0 && gap >= -l.size * 0.5 && gap < l.size * 1.2;
    }).length;
    if (best >= 0 && under === 1) {
      runs[best].push(l);
      ends[best] = l;
    } else {
      runs.push([l]);
      ends.push(l);
    }
  }
  // Headings are set centred, line by line: their lines are not paragraphs, only the white above them counts.
  const body = median(lines.map((l) => l.size));
  return runs.flatMap((run) => splitParagraphs(run, median(run.map((l) => l.size)) >= HEADING_RATIO * body));
}

function splitParagraphs(run: PrintedLine[], heading: boolean): TextBlockGeometry[] {
  const size = median(run.map((l) => l.size));
  const left = Math.min(...run.map((l) => l.x0));
  const right = Math.max(...run.map((l) => l.x1));
  const pitches = run.slice(1).map((l, k) => l.top - run[k].top);
  const pitch = pitches.length ? Math.min(...pitches.filter((p) => p > 0), Infinity) : Infinity;
  const indented = (l: PrintedLine) => l.x0 - left >= INDENT_MIN * size;
  const short = (l: PrintedLine) => right - l.x1 >= SHORT_MIN * size;
  // Justified: most lines reach the right edge. Ragged text makes every line look short, so then only the indent
  // and the spacing count.
  const full = run.filter((l) => !short(l)).length;
  const justified = run.length >= 3 && full >= JUSTIFIED_SHARE * (run.length - 1);
  const out: TextBlockGeometry[] = [];
  let cur: PrintedLine[] = [];
  run.forEach((l, k) => {
    if (k > 0) {
      const prev = run[k - 1];
      const spaced = Number.isFinite(pitch) && l.top - prev.top > pitch + EXTRA_SPACE * size;
      // An indented line opens a paragraph unless the line before it is indented too and carries on a paragraph
      // (indented material such as a quotation, where every line stands in); an indented one-line block before
      // it is a paragraph of its own.
      const opens = !heading && indented(l) && (!indented(prev) || short(prev) || cur.length === 1);
      const closes = !heading && justified && short(prev);
      if (opens || closes || spaced) {
        out.push(block(cur));
        cur = [];
      }
    }
    cur.push(l);
  });
  if (cur.length) out.push(block(cur));
  return out;
}

function block(lines: PrintedLine[]): TextBlockGeometry {
  return {
    lines,
    x0: Math.min(...lines.map((l) => l.x0)),
    x1: Math.max(...lines.map((l) => l.x1)),
    top: Math.min(...lines.map((l) => l.top)),
    bottom: Math.max(...lines.map((l) => l.bottom)),
    size: Math.max(...lines.map((l) => l.size)),
    first: Math.min(...lines.map((l) => l.first)),
  };
}
