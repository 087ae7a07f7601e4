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
  const pitch = linePitch(frags, mode);
  const order = xyCutOrder(
    spannedBoxes(frags, pitch ?? median(frags.map((f) => f.box!.h))),
    pitch ? { lineHeight: pitch } : {},
  ).map((k) => frags[k]);
  const out: LayoutArticle[] = [];
  let cur: LayoutArticle | null = null;
  let prev: LayoutFragment | null = null;
  for (const f of order) {
    const lv = level(f);
    // A heading line opens an article, unless it belongs to the heading right above it: a kicker over its
    // headline or a deck under it is set in another size (two headlines of one size one after the other are two
    // articles' headlines) and stands directly under it, overlapping it.
    const groupsWithPrev =
      !!prev && level(prev) > 0 && lv !== level(prev) && directlyBelow(prev.box!, f.box!, pitch ?? f.box!.h);
    if (!cur || (lv > 0 && !groupsWithPrev)) {
      cur = { ids: [] };
      out.push(cur);
    }
    cur.ids.push(f.id);
    prev = f;
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Boxes for the XY-cut with each heading widened to the columns it heads. A headline is set centred over its
 * article, often narrower than the article's columns; left as it is, the cut passes beside it and reads the
 * article's outer columns before (or after) their headline. A heading is widened to the blocks of the first row
 * under it that reach it over gutters only: the widening stops at anything standing beside the heading (another
 * article's headline, or a column that runs up past it) and leaves out blocks nearer to a heading beside it.
 */
export function spannedBoxes(frags: readonly LayoutFragment[], pitch: number): XyBox[] {
  const boxes = frags.map((f) => ({ ...f.box! }));
  frags.forEach((h, i) => {
    if (!level(h)) return;
    const H = h.box!;
    const bottom = H.y + H.h;
    const beside = frags.filter(
      (f, k) => k !== i && f.box!.y < bottom - 0.25 * pitch && f.box!.y + f.box!.h > H.y + 0.25 * pitch,
    );
    const below = frags.filter((f) => !level(f) && f.box!.y >= bottom - 0.5 * pitch && f.box!.y <= bottom + 3 * pitch);
    let x0 = H.x;
    let x1 = H.x + H.w;
    const blocked = (a: number, b: number) => beside.some((f) => f.box!.x < b && f.box!.x + f.box!.w > a);
    const dist = (a: XyBox, b: XyBox) => Math.max(0, a.x - (b.x + b.w), b.x - (a.x + a.w));
    // A block nearer to another heading of the same band than to this one is that heading's.
    const theirs = (b: XyBox) => beside.some((f) => level(f) > 0 && dist(f.box!, b) < dist(H, b));
    for (let grew = true; grew;) {
      grew = false;
      for (const f of below) {
        const b = f.box!;
        if (b.x >= x0 && b.x + b.w <= x1) continue;
        const gapL = x0 - (b.x + b.w);
        const gapR = b.x - x1;
        const near = Math.max(gapL, gapR) <= 3 * pitch;
        const lo = Math.min(x0, b.x);
        const hi = Math.max(x1, b.x + b.w);
        if (near && !blocked(lo, hi) && !theirs(b)) {
          x0 = lo;
          x1 = hi;
          grew = true;
        }
      }
    }
    boxes[i] = { x: x0, y: H.y, w: x1 - x0, h: H.h };
  });
  return boxes;
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
