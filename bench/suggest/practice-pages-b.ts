import type { CorpusArticle } from '../../scripts/suggest/corpus';
import type { Truth, TruthArticle } from './truth';
import { int, pick, rng } from './rng';

/**
 * Practice set B: pages scrambled in ways the first generator (practice-pages.ts) does not make, built on its own
 * model of a page. Every printed line is an object that knows its article and paragraph; a fragment is a run of
 * lines; the page is a list of fragments in extraction order. Three kinds of page:
 *
 * * `pairs`: narrow articles set side by side, two at a time, each in one column, read line by line across both
 *   (A1 B1 A2 B2 …): the lines of two *different* articles interleave, and their two headlines stand one after
 *   the other (headline A, headline B) before the bodies;
 * * `intrusions`: wide articles in columns, and a whole column of one article landing inside a block of another
 *   (the block is cut in two around it: a mid-paragraph join across the intruder);
 * * `briefs`: 10–15 short items, each a short title line (never `#`-marked), one or two paragraphs and a
 *   bracketed pen name such as `（小隱）` on its own line.
 *
 * Per page: the printed lines come out joined by a space (as the first set), by nothing (the wrap spaces lost) or
 * by a line break; titles of `pairs`/`intrusions` pages carry `#` marks on half the pages; paragraphs open with a
 * two-cell indent on most pages. Nothing is lost (no open ends): what this set measures is the reading order.
 */
export type KindB = 'pairs' | 'intrusions' | 'briefs';
export type Wrap = 'space' | 'none' | 'newline';

export interface PracticePageB {
  name: string;
  text: string;
  truth: Truth;
  kind: KindB;
  wrap: Wrap;
}

/** An article as the generator takes it: an optional title and plain paragraphs. */
export interface SourceArticle {
  title?: string;
  paragraphs: string[];
}

interface Line {
  text: string;
  art: number;
  para: number;
  heading: boolean;
}
interface Frag {
  lines: Line[];
}

/** Pen names of the period set as bylines after an item (the form `（小隱）`). */
const PEN_NAMES = [
  '小隱',
  '天馬',
  '老圃',
  '寄萍',
  '冷眼',
  '秋郎',
  '半農',
  '獨鶴',
  '瘦鵑',
  '丁悚',
  '大雄',
  '拾遺',
  '聽濤',
  '醉翁',
  '閒人',
  '如是',
];

/** A pen name in brackets closing a paragraph: `…云、（波）`. */
const BYLINE_END = /[（(][^（）()]{1,4}[）)]$/u;

/** Corpus articles as source articles: a short first paragraph without sentence punctuation is the title. */
export function fromCorpus(articles: CorpusArticle[]): SourceArticle[] {
  return articles
    .map((a) => {
      const paras = a.paragraphs.map((p) => p.join(''));
      const title =
        paras[0].length <= 24 && !/[。，、！？；：]/.test(paras[0]) && paras.length > 1 ? paras[0] : undefined;
      return { title, paragraphs: title ? paras.slice(1) : paras };
    })
    .filter((a) => a.paragraphs.join('').length >= 60);
}

export interface PracticeOptionsB {
  seed: number;
  targetFragments: number;
  kind?: KindB;
}

export function makePracticePageB(articles: SourceArticle[], opts: PracticeOptionsB, name: string): PracticePageB {
  const r = rng(opts.seed);
  const kind: KindB = opts.kind ?? pick(r, ['pairs', 'pairs', 'intrusions', 'intrusions', 'briefs'] as KindB[]);
  const wrap: Wrap = pick(r, ['space', 'space', 'none', 'none', 'newline'] as Wrap[]);
  const marks = kind !== 'briefs' && r() < 0.5;
  const indent = r() < 0.75 ? 2 : 0;
  const order = shuffled(articles.length, r);
  let next = 0;
  const take = () => articles[order[next++ % order.length]];
  // Each article's fragments in reading order (the truth) and the page's fragments in extraction order.
  const reading: Frag[][] = [];
  const page: Frag[] = [];
  const count = () => page.length;
  const add = (a: SourceArticle, paras: string[], width: number) => {
    const ai = reading.length;
    reading.push([]);
    return { ai, lines: wrapArticle(a.title, paras, ai, width, indent, r) };
  };

  if (kind === 'briefs') {
    const items = int(r, 10, 15);
    const width = int(r, 12, 20);
    for (let k = 0; k < items; k++) {
      const a = take();
      // The item's prose only (no bracketed pen name of its own: the item gets one below).
      const prose = a.paragraphs.filter((p) => p.length >= 20);
      if (!prose.length) continue;
      const paras = shortParagraphs(prose, r).map((p) => p.replace(BYLINE_END, ''));
      const { ai, lines } = add(a, paras, width);
      lines.push({ text: `（${pick(r, PEN_NAMES)}）`, art: ai, para: -2, heading: false });
      const frags = blocks(lines, false);
      reading[ai].push(...frags);
      page.push(...frags);
    }
  } else if (kind === 'pairs') {
    while (count() < opts.targetFragments) {
      // Sometimes a wide article between the pairs, so a page is not all pairs.
      if (r() < 0.3) {
        const a = take();
        const { ai, lines } = add(a, a.paragraphs.slice(0, 4), int(r, 16, 22));
        const frags = columnBlocks(lines, int(r, 6, 14));
        reading[ai].push(...frags);
        page.push(...frags);
      }
      const width = int(r, 8, 13);
      const maxLines = int(r, 8, 24);
      const pair = [take(), take()].map((a) => {
        const lines = add(a, fitLines(a.paragraphs, width, maxLines, indent), width);
        return {
          ai: lines.ai,
          heads: lines.lines.filter((l) => l.heading),
          body: lines.lines.filter((l) => !l.heading),
        };
      });
      // Headlines first, one after the other, then the bodies line by line across both columns.
      for (const p of pair)
        if (p.heads.length) {
          const f = { lines: p.heads };
          reading[p.ai].push(f);
          page.push(f);
        }
      for (let row = 0; pair.some((p) => row < p.body.length); row++) {
        for (const p of pair)
          if (row < p.body.length) {
            const f = { lines: [p.body[row]] };
            reading[p.ai].push(f);
            page.push(f);
          }
      }
    }
  } else {
    const cols: Array<{ ai: number; frags: Frag[] }> = [];
    while (count() < opts.targetFragments) {
      const a = take();
      const { ai, lines } = add(a, a.paragraphs, int(r, 14, 22));
      const height = int(r, 6, 16);
      const body = lines.filter((l) => !l.heading);
      const heads = lines.filter((l) => l.heading);
      if (heads.length) {
        const f = { lines: heads };
        reading[ai].push(f);
        page.push(f);
      }
      for (let i = 0; i < body.length; i += height) {
        const frags = blocks(body.slice(i, i + height), false);
        reading[ai].push(...frags);
        page.push(...frags);
        cols.push({ ai, frags });
      }
    }
    // One or two columns (never an article's only one) land inside a block of several lines of another article,
    // which the extraction cuts in two around them.
    const intrusions = int(r, 1, 2);
    for (let k = 0; k < intrusions; k++) {
      const movable = cols.filter(
        (c) => cols.filter((d) => d.ai === c.ai).length > 1 && c.frags.every((f) => page.includes(f)),
      );
      if (!movable.length) break;
      const mover = pick(r, movable);
      const hosts = page.filter((f) => f.lines.length >= 2 && !f.lines[0].heading && f.lines[0].art !== mover.ai);
      if (!hosts.length) break;
      const host = pick(r, hosts);
      for (const f of mover.frags) page.splice(page.indexOf(f), 1);
      const cut = int(r, 1, host.lines.length - 1);
      const top = { lines: host.lines.slice(0, cut) };
      const bottom = { lines: host.lines.slice(cut) };
      const at = page.indexOf(host);
      page.splice(at, 1, top, ...mover.frags, bottom);
      const art = reading[host.lines[0].art];
      art.splice(art.indexOf(host), 1, top, bottom);
    }
  }

  const idOf = new Map<Frag, string>();
  page.forEach((f, i) => idOf.set(f, `p1.${i + 1}`));
  const truthArticles: TruthArticle[] = reading
    .filter((fs) => fs.length)
    .map((fs) => ({
      items: fs.map((f, k) => ({ id: idOf.get(f)!, join: k > 0 && joins(fs[k - 1], f) })),
    }));
  const sep = wrap === 'space' ? ' ' : wrap === 'none' ? '' : '\n';
  const text =
    page
      .map((f) => {
        const t = f.lines.map((l) => l.text).join(sep);
        return f.lines[0].heading && marks ? `${f.lines[0].para === -1 ? '#' : '##'} ${t.replace(/\n/g, ' ')}` : t;
      })
      .join('\n\n') + '\n';
  return { name, text, truth: { articles: truthArticles, openEnds: [] }, kind, wrap };
}

/** B continues A's paragraph: both are body text of the same paragraph. */
function joins(a: Frag, b: Frag): boolean {
  const last = a.lines[a.lines.length - 1];
  const first = b.lines[0];
  return !last.heading && !first.heading && last.para >= 0 && last.para === first.para;
}

/** Lines of an article: the title (one line, para −1) and each paragraph wrapped at `width`, first line indented. */
function wrapArticle(
  title: string | undefined,
  paras: string[],
  art: number,
  width: number,
  indent: number,
  r: () => number,
): Line[] {
  const out: Line[] = [];
  if (title) out.push({ text: title, art, para: -1, heading: true });
  paras.forEach((p, para) => {
    const cs = [...p];
    for (let i = 0, first = true; i < cs.length; first = false) {
      // A line holds a cell more or less now and then (punctuation squeezed at the end, half-width digits).
      const take = Math.max(2, (first ? width - indent : width) + (r() < 0.2 ? pick(r, [-1, 1]) : 0));
      out.push({ text: cs.slice(i, i + take).join(''), art, para, heading: false });
      i += take;
    }
  });
  return out;
}

/** Consecutive lines of one paragraph form one block; `single`: every line its own block. */
function blocks(lines: Line[], single: boolean): Frag[] {
  const out: Frag[] = [];
  for (const l of lines) {
    const cur = out[out.length - 1];
    if (cur && !single && !l.heading && !cur.lines[0].heading && cur.lines[0].para === l.para) cur.lines.push(l);
    else out.push({ lines: [l] });
  }
  return out;
}

/** Blocks of an article set in columns of `height` lines (a column foot cuts a paragraph into two blocks). */
function columnBlocks(lines: Line[], height: number): Frag[] {
  const heads = lines.filter((l) => l.heading);
  const body = lines.filter((l) => !l.heading);
  const out: Frag[] = heads.length ? [{ lines: heads }] : [];
  for (let i = 0; i < body.length; i += height) out.push(...blocks(body.slice(i, i + height), false));
  return out;
}

/** Whole paragraphs from the start that fit in about `maxLines` lines of `width` (at least one paragraph). */
function fitLines(paras: string[], width: number, maxLines: number, indent: number): string[] {
  const out: string[] = [];
  let lines = 0;
  for (const p of paras) {
    const n = Math.ceil(([...p].length + indent) / width);
    if (out.length && lines + n > maxLines) break;
    out.push(p);
    lines += n;
  }
  return out;
}

/** One or two paragraphs, the first cut after a sentence end once it is long enough (a brief). */
function shortParagraphs(paras: string[], r: () => number): string[] {
  const n = Math.min(paras.length, int(r, 1, 2));
  return paras.slice(0, n).map((p) => {
    const m = /^.{40,}?[。！？]/su.exec(p);
    return m && m[0].length < p.length ? m[0] : p;
  });
}

function shuffled(n: number, r: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
