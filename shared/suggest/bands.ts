import type { FragFeatures } from './features';
import { mergeGrid, type MergeGrid } from './merge-span';
import { logAdd } from './log-space';

/**
 * Band parsing: when k narrow columns stand side by side, the extractor reads them row by
 * row, so their one-line blocks come out as col1 line1, col2 line1, …, colk line1, col1 line2, … Pairwise scores
 * see one seam at a time; a band is a whole hypothesis: given where it starts, how many columns it has and how deep
 * they are, the reading order of all its lines follows, the column feet and the next column tops included.
 *
 * Each run of one-line blocks is read as a sequence of spans: one line in source order, or a band of k = 2…4
 * columns of depth h (the last column may be shorter: the article ends there). An article set in narrow columns
 * repeats the same band down the page, so a band with the previous band's shape (k, h) costs nothing and a new
 * shape costs `newShape`. A reading's score is the sum of its links' scores (every reading is a path through all
 * the run's lines, so sums compare like with like), and readings are weighted by exp(score / temperature).
 *
 * Rather than trusting the best reading, the parser sums over all of them (forward–backward over the spans) and
 * returns each link's posterior probability: the links inside a column hold in nearly every good reading, a
 * column foot's link to the next column top only in the readings that agree on the column depth. So the bonus the
 * engine gives a link follows how sure the band model is of it, not just whether the single best reading has it.
 */
export interface BandOptions {
  maxDepth: number;
  maxColumns: number;
  /** Cost of a band whose shape (k, h) differs from the previous band's. */
  newShape: number;
  /** Scale of the link scores when readings are weighted (log-odds units per e-fold). */
  temperature: number;
  /** Merge spans (merge-span.ts): at most this many full lines and set-apart lines, and the cost of such a span. */
  maxFull: number;
  maxApart: number;
  mergeCost: number;
}

export const DEFAULT_BAND_OPTIONS: BandOptions = {
  maxDepth: 14,
  maxColumns: 4,
  newShape: 8,
  temperature: 1,
  maxFull: 28,
  maxApart: 8,
  mergeCost: 6,
};

/** The widest printed line a CJK column sets (broadsheet body columns run 10–30 cells). */
const MAX_LINE_CELLS = 34;

/** Posterior probability that j follows i in the reading of i's run, or 0; and the band i belongs to, if any. */
export interface BandPosterior {
  prob: (i: number, j: number) => number;
  /** Posterior probability that line i is read inside a band (not as a source-order line). */
  inBand: Float64Array;
  /** The share of prob(i, j) that comes from merge spans (a column read back with its set-apart lines). */
  merged: (i: number, j: number) => number;
}

/**
 * A block is one printed line of a CJK column: no line-break spaces inside, and no wider than a printed line can be
 * (a whole paragraph whose wrap spaces were lost is one "line" by its spaces, but runs far past any column).
 */
export function isLineBlock(f: FragFeatures): boolean {
  return f.cjk && f.headingLevel === 0 && f.lineWidths.length <= 1 && !f.box && f.width <= MAX_LINE_CELLS;
}

/** Source positions, relative to the band's start, in reading order, for column lengths `lens` read row by row. */
export function bandReading(lens: number[]): number[] {
  const pos: number[][] = lens.map(() => []);
  let p = 0;
  const rows = Math.max(...lens);
  for (let r = 0; r < rows; r++) for (let c = 0; c < lens.length; c++) if (r < lens[c]) pos[c].push(p++);
  return pos.flat();
}

interface Shape {
  /** State number: 0 is "one line in source order", shapes are 1…S. */
  id: number;
  /** Columns of a band; 1: one line in source order; 0: a merge span (`a` full lines, `d` set-apart lines). */
  k: number;
  merge?: { a: number; d: number; endB: boolean };
  h: number;
  len: number;
  rel: Int32Array;
  /** Reading-last line, relative to the start. */
  lastRel: number;
}

const shapeMemo = new Map<string, Shape[]>();
function allShapes(opts: BandOptions): Shape[] {
  const key = `${opts.maxDepth}/${opts.maxColumns}/${opts.maxFull}/${opts.maxApart}`;
  let shapes = shapeMemo.get(key);
  if (shapes) return shapes;
  shapes = [{ id: 0, k: 1, h: 1, len: 1, rel: Int32Array.of(0), lastRel: 0 }];
  for (let k = 2; k <= opts.maxColumns; k++) {
    for (let h = 2; h <= opts.maxDepth; h++) {
      for (let m = 1; m <= h; m++) {
        const rel = Int32Array.from(bandReading([...Array(k - 1).fill(h), m]));
        shapes.push({ id: shapes.length, k, h, len: rel.length, rel, lastRel: rel[rel.length - 1] });
      }
    }
  }
  // Merge spans: the reading inside is not fixed (the grid sums over it), only its length and possible last lines.
  for (let a = 2; a <= opts.maxFull; a++) {
    for (let d = 2; d <= opts.maxApart; d++) {
      for (const endB of [false, true]) {
        shapes.push({
          id: shapes.length,
          k: 0,
          h: a,
          merge: { a, d, endB },
          len: a + d,
          rel: Int32Array.of(0),
          lastRel: endB ? a : a - 1,
        });
      }
    }
  }
  shapeMemo.set(key, shapes);
  return shapes;
}

/** What a line may be when set apart from its column: bit 1 a paragraph's end, bit 2 a paragraph's (indented) start. */
export const APART_END = 1;
export const APART_START = 2;

/**
 * Link posteriors over the page's runs of line blocks. `link(i, j)` scores "j follows i in reading" (a join or a
 * paragraph break, whichever is likelier), -Infinity when impossible; `inBand(i)` says whether a fragment may be
 * part of a band at all (not a heading, byline or caption); `apart(i)` what it may be if its column set it apart
 * (APART_END | APART_START bits, 0: a full line).
 */
export function bandPosteriors(
  n: number,
  F: FragFeatures[],
  link: (i: number, j: number) => number,
  inBand: (i: number) => boolean,
  apart: (i: number) => number = () => 0,
  opts: BandOptions = DEFAULT_BAND_OPTIONS,
): BandPosterior {
  const probs = new Map<number, number>();
  const mergedProbs = new Map<number, number>();
  const banded = new Float64Array(n);
  const FLOOR = -12;
  const ln = (i: number, j: number) => Math.max(FLOOR, link(i, j)) / opts.temperature;
  let a = 0;
  while (a < n) {
    if (!isLineBlock(F[a]) || !inBand(a)) {
      a++;
      continue;
    }
    let b = a;
    while (b < n && isLineBlock(F[b]) && inBand(b) && F[b].page === F[a].page) b++;
    if (b - a >= 3) runPosteriors(a, b, n, ln, apart, opts, probs, mergedProbs, banded);
    a = b;
  }
  return {
    prob: (i, j) => probs.get(i * n + j) ?? 0,
    inBand: banded,
    merged: (i, j) => mergedProbs.get(i * n + j) ?? 0,
  };
}

function runPosteriors(
  a: number,
  b: number,
  n: number,
  lnRaw: (i: number, j: number) => number,
  apart: (i: number) => number,
  opts: BandOptions,
  probs: Map<number, number>,
  mergedProbs: Map<number, number>,
  banded: Float64Array,
): void {
  const shapes = allShapes(opts);
  const S = shapes.length;
  const R = b - a;
  // Link scores inside the run, cached by offset (every span asks for the same near pairs many times over).
  const W = Math.max(opts.maxColumns * opts.maxDepth, opts.maxFull + opts.maxApart);
  const lnCache = new Float64Array(R * (2 * W + 1)).fill(NaN);
  const ln = (i: number, j: number): number => {
    const o = j - i;
    if (o < -W || o > W || i < a || i >= b) return lnRaw(i, j);
    const k = (i - a) * (2 * W + 1) + o + W;
    let v = lnCache[k];
    if (Number.isNaN(v)) lnCache[k] = v = lnRaw(i, j);
    return v;
  };
  const pen = opts.newShape / opts.temperature;
  // The (k, h) family of a shape, for the same-shape rule (0 for the source-order line).
  const fam = (sh: Shape) => (sh.k === 1 ? 0 : (sh.k - 2) * (opts.maxDepth + 1) + sh.h);
  const FAMS = (opts.maxColumns - 1) * (opts.maxDepth + 1) + 1;
  // internal[(s - a) · S + id]: the summed scores of the links inside a span of shape id starting at s.
  const internal = new Float64Array(R * S).fill(-Infinity);
  const mergePen = opts.mergeCost / opts.temperature;
  // A merge span: lines s…s+a-1 read in order, the set-apart lines s+a…s+a+d-1 (each a paragraph start or end) read
  // back in, last first.
  const gridOf = (s: number, m: { a: number; d: number }) => {
    const full = Array.from({ length: m.a }, (_, t) => s + t);
    const set = Array.from({ length: m.d }, (_, t) => s + m.a + m.d - 1 - t);
    return mergeGrid(full, set, ln);
  };
  const grids = new Map<number, MergeGrid>();
  // Set-apart candidates: apartRun[p] = how many lines from p on may be set apart together. Each paragraph boundary
  // inside a column sets apart a pair, the start of one paragraph and the end of the one before, so in source order
  // the set-apart lines alternate start, end, start… (a one-line paragraph may be either): a run of sentence ends
  // alone (a list of short complete lines) is no such tail, and costs the parser nothing.
  const apartRun = new Int32Array(R + 1);
  const kind = Array.from({ length: R }, (_, t) => apart(a + t));
  for (let p = b - 1; p >= a; p--) {
    const x = kind[p - a];
    const y = p + 1 < b ? kind[p + 1 - a] : 0;
    const alternates = (x & APART_START && y & APART_END) || (x & APART_END && y & APART_START);
    apartRun[p - a] = x ? (alternates ? apartRun[p + 1 - a] + 1 : 1) : 0;
  }
  for (let s = a; s < b; s++) {
    for (const sh of shapes) {
      if (s + sh.len > b) continue;
      if (sh.merge) {
        if (sh.merge.endB || apartRun[s + sh.merge.a - a] < sh.merge.d) continue;
        const g = gridOf(s, sh.merge);
        grids.set((s - a) * S + sh.id, g);
        internal[(s - a) * S + sh.id] = g.endA;
        internal[(s - a) * S + sh.id + 1] = g.endB;
        continue;
      }
      let sc = 0;
      for (let t = 1; t < sh.len; t++) sc += ln(s + sh.rel[t - 1], s + sh.rel[t]);
      internal[(s - a) * S + sh.id] = sc;
    }
  }
  // alpha[(p - a) · S + id]: log-sum of the readings of lines a…p-1 whose last span has shape id.
  const alpha = new Float64Array((R + 1) * S).fill(-Infinity);
  const beta = new Float64Array((R + 1) * S).fill(-Infinity);
  const lastOf = (p: number, sh: Shape) => p - sh.len + sh.lastRel;
  // Into a span starting at s: the link from the previous span's last line, and the shape rule.
  const enter = (s: number): { any: number; byFam: Float64Array } => {
    let any = -Infinity;
    const byFam = new Float64Array(FAMS).fill(-Infinity);
    if (s === a) return { any: 0, byFam };
    for (const sh of shapes) {
      const v = alpha[(s - a) * S + sh.id];
      if (v === -Infinity) continue;
      const w = v + ln(lastOf(s, sh), s);
      any = logAdd(any, w);
      if (sh.k > 1) byFam[fam(sh)] = logAdd(byFam[fam(sh)], w);
    }
    return { any, byFam };
  };
  const incoming = (e: { any: number; byFam: Float64Array }, sh: Shape) =>
    sh.k === 1 ? e.any : sh.k === 0 ? e.any - mergePen : logAdd(e.any - pen, e.byFam[fam(sh)]);
  // Every span that can start at s, with the log-weight of the readings up to its end (forward pass: each s is
  // entered once, after all spans ending at s are in alpha; the posterior pass reuses the entries).
  const entries: Array<{ any: number; byFam: Float64Array } | null> = new Array(R).fill(null);
  const spansAt = (s: number, fn: (sh: Shape, upToEnd: number) => void) => {
    const e = entries[s - a];
    if (!e || e.any === -Infinity) return;
    for (const sh of shapes) {
      const int = internal[(s - a) * S + sh.id];
      if (int !== -Infinity) fn(sh, incoming(e, sh) + int);
    }
  };
  for (let s = a; s < b; s++) {
    entries[s - a] = enter(s);
    spansAt(s, (sh, w) => {
      const k = (s + sh.len - a) * S + sh.id;
      alpha[k] = logAdd(alpha[k], w);
    });
  }
  let Z = -Infinity;
  for (let id = 0; id < S; id++) Z = logAdd(Z, alpha[R * S + id]);
  if (Z === -Infinity) return;
  // beta[(p - a) · S + id]: log-sum of the continuations after a span of shape id that ends at p.
  for (let id = 0; id < S; id++) beta[R * S + id] = 0;
  for (let p = b - 1; p > a; p--) {
    // Out of position p: the sum over the next span's shapes, per family and overall.
    let anyNext = -Infinity;
    let lineNext = -Infinity;
    let mergeNext = -Infinity;
    const famNext = new Float64Array(FAMS).fill(-Infinity);
    for (const sh of shapes) {
      const int = internal[(p - a) * S + sh.id];
      if (int === -Infinity) continue;
      const v = int + beta[(p + sh.len - a) * S + sh.id];
      if (sh.k === 1) lineNext = logAdd(lineNext, v);
      else if (sh.k === 0) mergeNext = logAdd(mergeNext, v);
      else {
        anyNext = logAdd(anyNext, v);
        famNext[fam(sh)] = logAdd(famNext[fam(sh)], v);
      }
    }
    for (const sh of shapes) {
      if (alpha[(p - a) * S + sh.id] === -Infinity) continue;
      const into = logAdd(
        logAdd(lineNext, mergeNext - mergePen),
        logAdd(anyNext - pen, sh.k > 1 ? famNext[fam(sh)] : -Infinity),
      );
      beta[(p - a) * S + sh.id] = ln(lastOf(p, sh), p) + into;
    }
  }
  // Posteriors: each span's links inside, and the link into each span.
  const add = (i: number, j: number, pr: number) => {
    const key = i * n + j;
    probs.set(key, (probs.get(key) ?? 0) + pr);
  };
  for (let s = a; s < b; s++) {
    spansAt(s, (sh, w) => {
      const pr = Math.exp(w + beta[(s + sh.len - a) * S + sh.id] - Z);
      if (pr < 1e-4) return;
      if (sh.merge) {
        // The grid of this span (kept under its endA shape) from the scoring pass.
        grids.get((s - a) * S + sh.id - (sh.merge.endB ? 1 : 0))!.marginals(sh.merge.endB, (i, j, p) => {
          add(i, j, pr * p);
          mergedProbs.set(i * n + j, (mergedProbs.get(i * n + j) ?? 0) + pr * p);
        });
        for (let t = 0; t < sh.len; t++) banded[s + t] += pr;
        return;
      }
      for (let t = 1; t < sh.len; t++) add(s + sh.rel[t - 1], s + sh.rel[t], pr);
      if (sh.k > 1) for (let t = 0; t < sh.len; t++) banded[s + sh.rel[t]] += pr;
    });
    // The link from the previous span's last line into s.
    if (s > a) {
      for (const sh of shapes) {
        const v = alpha[(s - a) * S + sh.id];
        if (v === -Infinity) continue;
        const pr = Math.exp(v + beta[(s - a) * S + sh.id] - Z);
        if (pr >= 1e-4) add(lastOf(s, sh), s, pr);
      }
    }
  }
}
