import type { CorpusArticle } from '../../scripts/suggest/corpus';
import type { Truth, TruthArticle } from './truth';
import { int, pick, rng } from './rng';

/**
 * Practice pages from corpus articles, simulating multi-column extraction ("column cuts"):
 * each article's body is re-wrapped into columns of `width` characters and `height` lines; a block is a run of
 * lines inside one column and one paragraph, so columns cut paragraphs mid-sentence. Then the extraction is
 * damaged the ways the sample page shows (paragraph first lines indented two cells, as printed): narrow columns come out line by line and interleaved, a column lands
 * inside another article, a line at a column foot is lost (an open end), a narrow column's paragraph starts and ends
 * come after its full lines. Headlines get `#` marks.
 */
export interface PracticePage {
  name: string;
  text: string;
  truth: Truth;
}

interface Block {
  text: string;
  heading?: number;
  article: number;
  join: boolean;
  openEnd: boolean;
}

export interface PracticeOptions {
  seed: number;
  /** Approximate number of fragments wanted. */
  targetFragments: number;
  /**
   * What lands inside another article: `blocks` (default, the dev set's own): runs of 1–4 blocks moved anywhere,
   * into the middle of a column or a band too; `columns`: whole columns (a band of interleaved narrow columns as
   * one) moved to a column boundary elsewhere on the page, as a misread column lands; `none`: nothing moved (the
   * same pages otherwise: what the other damage alone costs).
   */
  moves?: 'blocks' | 'columns' | 'none';
}

export function makePracticePage(articles: CorpusArticle[], opts: PracticeOptions, name: string): PracticePage {
  const r = rng(opts.seed);
  const pool = articles.filter((a) => a.paragraphs.length >= 2 && a.paragraphs.flat().join('').length >= 120);
  const used = new Set<number>();
  const perArticle: Block[][] = [];
  const extraction: Block[] = [];
  const columns: Block[][] = [];
  let total = 0;
  while (total < opts.targetFragments && used.size < pool.length) {
    let k = Math.floor(r() * pool.length);
    while (used.has(k)) k = (k + 1) % pool.length;
    used.add(k);
    const laid = layoutArticle(pool[k], perArticle.length, r);
    perArticle.push(laid.reading);
    extraction.push(...laid.extraction.flat());
    columns.push(...laid.extraction);
    total += laid.reading.length;
  }
  // Page order: articles one after another as extracted, then damage.
  let order: Block[] = extraction;
  const moves = int(r, 1, Math.max(1, Math.round(perArticle.length / 2)));
  if (opts.moves === 'columns') {
    let cols = columns;
    for (let k = 0; k < moves; k++) cols = displaceWholeColumn(cols, r);
    order = cols.flat();
  } else if (opts.moves !== 'none') for (let k = 0; k < moves; k++) order = displaceColumn(order, r);
  const truthArticles: TruthArticle[] = perArticle.map(() => ({ items: [] }));
  const openEnds: string[] = [];
  // Ids follow the plain-text import: p1.1, p1.2, … in page order.
  const idOf = new Map<Block, string>();
  order.forEach((b, i) => idOf.set(b, `p1.${i + 1}`));
  perArticle.forEach((blocks, ai) => {
    for (const b of blocks) {
      truthArticles[ai].items.push({ id: idOf.get(b)!, join: b.join });
      if (b.openEnd) openEnds.push(idOf.get(b)!);
    }
  });
  const text = order.map((b) => (b.heading ? `${'#'.repeat(b.heading)} ${b.text}` : b.text)).join('\n\n') + '\n';
  return { name, text, truth: { articles: truthArticles, openEnds } };
}

/** Blocks of one article in reading order, and in extraction order grouped by column band. */
function layoutArticle(a: CorpusArticle, ai: number, r: () => number): { reading: Block[]; extraction: Block[][] } {
  const paras = a.paragraphs.map((p) => p.join(''));
  const groups: Block[][] = [];
  let body = paras;
  // A short first paragraph without sentence punctuation is the title. So is a longer one with no punctuation or
  // symbol at all (a list with leader dots ⋯ is not): a headline printed over several lines (各路華軍大擧反攻克復石龍
  // 包圍南昌…, about one corpus article in 20), set as the main headline (level 1, not drawn from the generator's
  // random numbers). A short bracketed paragraph after the title is the byline.
  const head: Block[] = [];
  const shortTitle = paras[0].length <= 24 && !/[。，、]/.test(paras[0].slice(0, -1));
  const longTitle = !shortTitle && paras[0].length <= 80 && !/[\p{P}\p{S}]/u.test(paras[0]);
  if (shortTitle || longTitle) {
    head.push({
      text: paras[0],
      heading: shortTitle ? pick(r, [1, 2, 2, 3]) : 1,
      article: ai,
      join: false,
      openEnd: false,
    });
    body = paras.slice(1);
  }
  if (body.length > 1 && body[0].length <= 16 && /^[（(]/.test(body[0])) {
    head.push({ text: body[0], article: ai, join: false, openEnd: false });
    body = body.slice(1);
  }
  if (head.length) groups.push(head);
  const narrow = r() < 0.2;
  const width = narrow ? int(r, 9, 14) : int(r, 14, 22);
  const height = narrow ? int(r, 4, 10) : int(r, 6, 18);
  // Lines with their paragraph index. As Chinese papers print them: each paragraph's first line is indented two
  // cells (the extraction drops the indent, so the line just holds two characters fewer), and a line holds a
  // character more or less now and then (punctuation squeezed at the line end, half-width digits).
  const lines: Array<{ text: string; para: number }> = [];
  body.forEach((p, pi) => {
    const cs = [...p];
    let i = 0;
    let first = true;
    while (i < cs.length) {
      const jitter = r() < 0.25 ? pick(r, [-1, 1]) : 0;
      const take = Math.max(2, (first ? width - 2 : width) + jitter);
      lines.push({ text: cs.slice(i, i + take).join(''), para: pi });
      i += take;
      first = false;
    }
  });
  const columns: Array<Array<{ text: string; para: number }>> = [];
  for (let i = 0; i < lines.length; i += height) columns.push(lines.slice(i, i + height));
  const colBlocks: Block[][] = columns.map(() => []);
  let prevPara = -1;
  columns.forEach((col, ci) => {
    let cur: { lines: string[]; para: number } | null = null;
    const flush = () => {
      if (!cur) return;
      colBlocks[ci].push({ text: cur.lines.join(' '), article: ai, join: cur.para === prevPara, openEnd: false });
      prevPara = cur.para;
      cur = null;
    };
    for (const l of col) {
      // Narrow columns: every line its own block (the extractor saw each line as a block).
      if (!cur || cur.para !== l.para || narrow) {
        flush();
        cur = { lines: [], para: l.para };
      }
      cur.lines.push(l.text);
    }
    flush();
  });
  // Lost line: drop the last line of a column whose paragraph goes on; the block becomes an open end.
  if (r() < 0.35 && columns.length > 1) {
    const ci = int(r, 0, columns.length - 2);
    const blocks = colBlocks[ci];
    const last = blocks[blocks.length - 1];
    const next = colBlocks[ci + 1][0];
    if (last && next?.join) {
      const parts = last.text.split(' ');
      if (parts.length > 1) {
        last.text = parts.slice(0, -1).join(' ');
        last.openEnd = true;
        next.join = false;
      }
    }
  }
  // Narrow columns interleave line by line across neighbouring columns; or (as on the sample page, p1.9–p1.29) each
  // column comes out whole, its full lines first and then, last first, the lines that do not span it: indented
  // paragraph starts and short paragraph ends.
  const out: Block[][] = [...groups];
  if (narrow && r() < 0.3) {
    const flat = colBlocks.flat();
    const partial = (b: Block) => {
      const k = flat.indexOf(b);
      const end = k === flat.length - 1 || !flat[k + 1].join;
      return !b.join || (end && [...b.text].length < width - 1);
    };
    for (const col of colBlocks) out.push([...col.filter((b) => !partial(b)), ...col.filter(partial).reverse()]);
  } else if (narrow) {
    // Bands of 2 or 3 columns side by side, so no single stride dominates.
    const bandSize = int(r, 2, 3);
    for (let c = 0; c < colBlocks.length; c += bandSize) {
      const band = colBlocks.slice(c, c + bandSize);
      const mixed: Block[] = [];
      for (let row = 0; band.some((col) => row < col.length); row++)
        for (const col of band) if (row < col.length) mixed.push(col[row]);
      out.push(mixed);
    }
  } else out.push(...colBlocks);
  return { reading: [...groups.flat(), ...colBlocks.flat()], extraction: out.filter((g) => g.length) };
}

/** Moves one column (or band) of body text to a column boundary elsewhere on the page. */
function displaceWholeColumn(cols: Block[][], r: () => number): Block[][] {
  const body = cols.map((c, i) => i).filter((i) => !cols[i].some((b) => b.heading));
  if (body.length < 3) return cols;
  const from = body[int(r, 0, body.length - 1)];
  const rest = [...cols.slice(0, from), ...cols.slice(from + 1)];
  const to = int(r, 0, rest.length);
  return [...rest.slice(0, to), cols[from], ...rest.slice(to)];
}

/** Moves a run of consecutive blocks (one "column") of the page to another place. */
function displaceColumn(order: Block[], r: () => number): Block[] {
  if (order.length < 8) return order;
  const len = int(r, 1, Math.min(4, Math.floor(order.length / 4)));
  const from = int(r, 0, order.length - len);
  const seg = order.slice(from, from + len);
  if (seg.some((b) => b.heading)) return order;
  const rest = [...order.slice(0, from), ...order.slice(from + len)];
  const to = int(r, 0, rest.length);
  return [...rest.slice(0, to), ...seg, ...rest.slice(to)];
}
