import type { ArticleSuggestion, PlacementItem } from './types';
import { linePitch, writingMode, xyCutOrder, type XyBox } from './xycut';

/**
 * The reading a page's geometry gives, for pages whose file says where every block stands and how large its type
 * is (PDF text layers, ALTO with styles): the blocks in XY-cut order (spanning headlines before the columns under
 * them, an article's columns before the article beside it), and a new article at every headline. Text cannot
 * beat this on such pages: the order inside a column and the column an article owns are printed facts, which the
 * pairwise text scores only guess at (a paragraph break between two blocks of one column looks like any other).
 *
 * It applies only where it is sure of its ground:
 * - every fragment has a usable box and the page is set horizontally (vertical CJK pages are left to the engine);
 * - the headlines are known from the file: at least one fragment carries a heading rank from its type size
 *   (`hint` h1–h3, as the PDF importer and the ALTO importer with styles set it);
 * - at least as many fragments are body text as heading lines.
 * Otherwise it returns null and the engine's reading stands.
 */
export interface LayoutFragment {
  id: string;
  text: string;
  box?: XyBox;
  hint?: string;
}

export interface LayoutArticle {
  /** Fragment ids in reading order; the first is the article's first heading line (or its first block). */
  ids: string[];
}

const HAN = /\p{Script=Han}/u;

const level = (f: LayoutFragment) => Number(/^h([1-6])$/.exec(f.hint ?? '')?.[1] ?? 0);

const usable = (b: XyBox | undefined): b is XyBox =>
  !!b && b.w > 0 && b.h > 0 && [b.x, b.y, b.w, b.h].every(Number.isFinite);

export function layoutReading(frags: readonly LayoutFragment[]): LayoutArticle[] | null {
  if (frags.length < 2 || !frags.every((f) => usable(f.box))) return null;
  const headings = frags.filter((f) => level(f) > 0).length;
  if (!headings || frags.length - headings < headings) return null;
  const mode = writingMode(frags);
  if (mode !== 'horizontal') return null;
  const pitch = linePitch(frags, mode) ?? median(frags.map((f) => f.box!.h));
  const spans = spannedBoxes(frags, pitch);
  const order = xyCutOrder(
    spans,
    // A white band cut before the columns must be two lines deep: the box-based pitch runs short of the real one
    // (a block's height counts its last line's glyphs, not its leading), and the white under a headline is about
    // one line.
    { lineHeight: pitch, bandLines: 2 },
  );
  // Heading groups in reading order: a heading line opens one, unless it belongs to the heading right above it (a
  // kicker over its headline or a deck under it is set in another size — two headlines of one size one after
  // the other are two articles' headlines — and stands directly under it, overlapping it).
  const groupOf = new Map<number, number>();
  const groups: number[][] = [];
  const headsTopDown = frags
    .map((_, k) => k)
    .filter((k) => level(frags[k]) > 0)
    .sort((a, b) => frags[a].box!.y - frags[b].box!.y || frags[a].box!.x - frags[b].box!.x);
  for (const k of headsTopDown) {
    const above = headsTopDown.find(
      (p) =>
        groupOf.has(p) &&
        level(frags[p]) !== level(frags[k]) &&
        directlyBelow(frags[p].box!, frags[k].box!, pitch) &&
        groups[groupOf.get(p)!].at(-1) === p,
    );
    if (above !== undefined) {
      groups[groupOf.get(above)!].push(k);
      groupOf.set(k, groupOf.get(above)!);
    } else {
      groups.push([k]);
      groupOf.set(k, groups.length - 1);
    }
  }
  // Groups in reading order (of their first line).
  const rank = new Map(order.map((k, i) => [k, i]));
  const sortedGroups = groups.map((g, gi) => ({ g, gi })).sort((a, b) => rank.get(a.g[0])! - rank.get(b.g[0])!);
  // Each body block belongs to the nearest heading group above it whose (widened) heading spans its column; a
  // block under no heading stays with what the XY-cut reads before it.
  const bodies: number[][] = groups.map(() => []);
  const loose: number[][] = [];
  let last: number[] | null = null;
  for (const k of order) {
    if (level(frags[k])) {
      last = bodies[groupOf.get(k)!];
      continue;
    }
    const b = frags[k].box!;
    let best = -1;
    let bestBottom = -Infinity;
    groups.forEach((g, gi) => {
      for (const h of g) {
        const H = spans[h];
        const overlap = Math.min(H.x + H.w, b.x + b.w) - Math.max(H.x, b.x);
        const bottom = H.y + H.h;
        if (overlap > 0.5 * Math.min(b.w, H.w) && bottom <= b.y + 0.5 * pitch && bottom > bestBottom) {
          best = gi;
          bestBottom = bottom;
        }
      }
    });
    if (best >= 0) last = bodies[best];
    else if (!last) loose.push((last = []));
    last.push(k);
  }
  const out: LayoutArticle[] = loose.map((ks) => ({ ids: ks.map((k) => frags[k].id) }));
  for (const { g, gi } of sortedGroups) out.push({ ids: [...g, ...bodies[gi]].map((k) => frags[k].id) });
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Boxes for the XY-cut with each heading widened to the columns it heads. A headline is set centred over its
 * article (or flush left, or right), often narrower than the article's columns; left as it is, the cut passes
 * beside it and reads the article's outer columns before (or after) their headline. The headings of one band (side
 * by side, at one height) share out the columns of the first row under them: each takes the columns it stands over,
 * and the columns between two headings are split where most headings come out aligned with their share (centred
 * over it, or flush with its left or right edge), wider shares breaking ties. A share never reaches past a block
 * standing beside the headings (a column that runs up past them).
 */
export function spannedBoxes(frags: readonly LayoutFragment[], pitch: number): XyBox[] {
  const boxes = frags.map((f) => ({ ...f.box! }));
  const heads = frags.map((f, i) => i).filter((i) => level(frags[i]) > 0);
  const done = new Set<number>();
  for (const h of heads) {
    if (done.has(h)) continue;
    const H = frags[h].box!;
    const band = heads.filter(
      (k) => !done.has(k) && frags[k].box!.y < H.y + H.h && frags[k].box!.y + frags[k].box!.h > H.y,
    );
    band.forEach((k) => done.add(k));
    band.sort((a, b) => frags[a].box!.x - frags[b].box!.x);
    const top = Math.min(...band.map((k) => frags[k].box!.y));
    const bottom = Math.max(...band.map((k) => frags[k].box!.y + frags[k].box!.h));
    const beside = frags
      .filter((f) => !level(f) && f.box!.y < bottom - 0.25 * pitch && f.box!.y + f.box!.h > top + 0.25 * pitch)
      .map((f) => f.box!);
    // Column slots of the first row under the band.
    const slots: Array<[number, number]> = [];
    for (const b of frags
      .filter((f) => !level(f) && f.box!.y >= bottom - 0.5 * pitch && f.box!.y <= bottom + 3 * pitch)
      .map((f) => f.box!)
      .sort((a, b) => a.x - b.x)) {
      const last = slots.at(-1);
      if (last && b.x < last[1]) last[1] = Math.max(last[1], b.x + b.w);
      else slots.push([b.x, b.x + b.w]);
    }
    if (!slots.length) continue;
    const core = band.map((k) => {
      const B = frags[k].box!;
      const over = slots.map((sl, i) => (sl[0] < B.x + B.w && sl[1] > B.x ? i : -1)).filter((i) => i >= 0);
      return over.length ? [over[0], over.at(-1)!] : null;
    });
    if (core.some((c) => !c)) continue;
    const cores = core as Array<[number, number]>;
    // Options for each boundary: left of the first heading, between neighbours, right of the last.
    const options: number[][] = [];
    options.push(range(0, cores[0][0]));
    for (let j = 1; j < band.length; j++) options.push(range(cores[j - 1][1], cores[j][0] - 1));
    options.push(range(cores.at(-1)![1], slots.length - 1));
    if (options.some((o) => !o.length)) continue;
    let best: Array<[number, number]> | null = null;
    let bestScore = -Infinity;
    const pick = (choice: number[]) => {
      const spans = band.map((_, j): [number, number] => [
        j === 0 ? choice[0] : choice[j] + 1,
        j === band.length - 1 ? choice[band.length] : choice[j + 1],
      ]);
      let score = 0;
      for (let j = 0; j < band.length; j++) {
        const x0 = slots[spans[j][0]][0];
        const x1 = slots[spans[j][1]][1];
        if (beside.some((b) => b.x < x1 && b.x + b.w > x0)) return;
        const B = frags[band[j]].box!;
        const aligned =
          Math.abs(B.x - x0) <= pitch ||
          Math.abs(B.x + B.w - x1) <= pitch ||
          Math.abs(B.x + B.w / 2 - (x0 + x1) / 2) <= pitch;
        score += (aligned ? 10 : 0) + (spans[j][1] - spans[j][0]) * 0.01;
      }
      if (score > bestScore) {
        bestScore = score;
        best = spans;
      }
    };
    const walk = (j: number, choice: number[]) => {
      if (j === options.length) return pick(choice);
      for (const o of options[j]) walk(j + 1, [...choice, o]);
    };
    walk(0, []);
    if (!best) continue;
    (best as Array<[number, number]>).forEach(([a, b], j) => {
      const B = frags[band[j]].box!;
      const x0 = Math.min(B.x, slots[a][0]);
      const x1 = Math.max(B.x + B.w, slots[b][1]);
      boxes[band[j]] = { x: x0, y: B.y, w: x1 - x0, h: B.h };
    });
  }
  return boxes;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

function directlyBelow(a: XyBox, b: XyBox, pitch: number): boolean {
  const overlap = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const gap = b.y - (a.y + a.h);
  return overlap > 0.3 * Math.min(a.w, b.w) && gap > -0.5 * pitch && gap < 2.5 * pitch;
}

/**
 * Whether B opens a paragraph, read from the lines' lengths (the importers keep printed line breaks): its first
 * line stands in by an indent (at least 1.5 characters shorter than its longest other line), or A's last line stops
 * short of A's longest line by that much. Unknown (one-line blocks, text not mostly Han) is null.
 */
export function opensParagraph(a: string, b: string): boolean | null {
  // Character counts measure a line only in CJK type (one cell each); Latin lines vary with the words.
  const han = [...(a + b)].filter((c) => HAN.test(c)).length;
  if (han < 0.5 * [...(a + b).replace(/\s+/g, '')].length) return null;
  const len = (s: string) => [...s.replace(/\s+/g, '')].length;
  const bl = b.trim().split('\n').map(len);
  const al = a.trim().split('\n').map(len);
  if (bl.length >= 2 && Math.max(...bl.slice(1)) - bl[0] >= 1.5) return true;
  if (al.length >= 2 && Math.max(...al.slice(0, -1)) - al[al.length - 1] >= 1.5) return true;
  if (bl.length >= 2 && al.length >= 2) return false;
  return null;
}

/** What the page pass decided, as far as the layout reading needs it. */
export interface EngineArticles {
  articles: ArticleSuggestion[];
  fragments: Record<string, { complete: boolean }>;
}

/** Confidence of a link only the geometry makes (the engine's text reading differs): shown, never applied alone. */
const GEOMETRY_ONLY_CONFIDENCE = 0.6;

/**
 * The page's articles from its layout reading, when it applies and nothing on the page is placed yet (placed
 * fragments are the proofreader's: the engine's extension of their articles stands). A link the engine also made
 * keeps its join flag, confidence and reasons; a link only the geometry makes gets GEOMETRY_ONLY_CONFIDENCE and a
 * join flag read from the lines (opensParagraph) or, failing that, from whether A ends a sentence. Returns null
 * when the engine's articles stand.
 */
export function layoutArticles(
  frags: readonly LayoutFragment[],
  engine: EngineArticles,
  opts: { placed: (id: string) => boolean; forbidden: (from: string, to: string) => boolean; minConfidence: number },
): ArticleSuggestion[] | null {
  if (frags.some((f) => opts.placed(f.id))) return null;
  const reading = layoutReading(frags);
  if (!reading) return null;
  for (const a of reading)
    for (let k = 1; k < a.ids.length; k++) if (opts.forbidden(a.ids[k - 1], a.ids[k])) return null;
  const text = new Map(frags.map((f) => [f.id, f]));
  const engineItem = new Map<string, { prev: string | null; item: PlacementItem }>();
  for (const a of engine.articles)
    a.items.forEach((it, k) => engineItem.set(it.id, { prev: k ? a.items[k - 1].id : null, item: it }));
  return reading.map((a) => {
    const items: PlacementItem[] = a.ids.map((id, k) => {
      const prev = k ? a.ids[k - 1] : null;
      const e = engineItem.get(id);
      // The join flag: the lines' lengths first (an indented first line is printed evidence), then the engine's
      // flag where it made the same link, then whether A ends a sentence.
      let join = false;
      if (prev && !level(text.get(prev)!) && !level(text.get(id)!)) {
        const opens = opensParagraph(text.get(prev)!.text, text.get(id)!.text);
        join = opens !== null ? !opens : e && e.prev === prev ? e.item.join : !engine.fragments[prev]?.complete;
      }
      if (e && e.prev === prev) return { ...e.item, join };
      return {
        id,
        join,
        confidence: GEOMETRY_ONLY_CONFIDENCE,
        confident: GEOMETRY_ONLY_CONFIDENCE >= opts.minConfidence,
        fixed: false,
        reasons: [prev ? 'next in the page layout (XY-cut)' : 'heading line: an article starts here'],
      };
    });
    const suggested = items.filter((it) => !it.fixed);
    const first = text.get(a.ids[0])!.text.replace(/\s+/g, ' ').trim();
    return {
      articleId: null,
      title: first.length > 40 ? `${first.slice(0, 40)}…` : first,
      items,
      confidence: suggested.reduce((s, it) => s + it.confidence, 0) / Math.max(1, suggested.length),
    };
  });
}
