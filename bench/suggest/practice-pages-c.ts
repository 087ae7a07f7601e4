import type { Truth, TruthArticle } from './truth';
import { int, pick, rng } from './rng';
import type { SourceArticle } from './practice-pages-b';

/**
 * Practice set C: pages that break article grouping, made on a model of their own (neither set A's block simulator
 * nor set B's page of fragments): a page is a stack of **rows**, each row a few articles set side by side in
 * columns of a given width, and extraction reads every row **line by line across all its columns** (what a
 * text-layer extractor does with a band of narrow articles), printed lines joined by nothing (wrap spaces lost) or
 * by a space. Nothing is `#`-marked: headings are known only by their shape, their place, or not at all.
 *
 * * `triples`: rows of two or three narrow articles side by side; their headlines stand one after the other
 *   (three headlines in a row), then their lines interleave; a column that runs out leaves the others alone.
 * * `inline-pens`: a column of short items whose pen name closes the last paragraph (`…云、（小隱）`), most with a
 *   short title, some without any (the pen name is then the only boundary).
 * * `mixed`: a wide article set in column blocks (a column foot cuts a paragraph into two blocks), then a row of two
 *   narrow articles side by side, then a few items closed by a pen name on its own line.
 *
 * Nothing is lost (no open ends). Each page's truth lists its articles in reading order.
 */
export type KindC = 'triples' | 'inline-pens' | 'mixed';

export interface PracticePageC {
  name: string;
  text: string;
  truth: Truth;
  kind: KindC;
  wrap: 'none' | 'space';
}

interface Line {
  text: string;
  art: number;
  para: number;
}
interface Block {
  lines: Line[];
}

const PENS = [
  '小隱',
  '天馬',
  '老圃',
  '寄萍',
  '冷眼',
  '秋郎',
  '半農',
  '獨鶴',
  '瘦鵑',
  '大雄',
  '拾遺',
  '聽濤',
  '醉翁',
  '如是',
];
/** A bracketed pen name closing a paragraph (already in the source text). */
const PEN_END = /[（(][^（）()]{1,4}[）)]$/u;

export function makePracticePageC(
  articles: SourceArticle[],
  opts: { seed: number; targetFragments: number; kind?: KindC },
  name: string,
): PracticePageC {
  const r = rng(opts.seed);
  const kind: KindC = opts.kind ?? pick(r, ['triples', 'inline-pens', 'mixed'] as KindC[]);
  const wrap = pick(r, ['none', 'space'] as const);
  let next = int(r, 0, articles.length - 1);
  const take = (): SourceArticle => articles[next++ % articles.length];
  const reading: Block[][] = [];
  const page: Block[] = [];
  const emit = (b: Block) => {
    reading[b.lines[0].art].push(b);
    page.push(b);
  };
  const newArticle = () => {
    reading.push([]);
    return reading.length - 1;
  };
  /** Lines of paragraphs wrapped at `width` (no indent: set C's columns are set flush). */
  const wrapParas = (paras: string[], art: number, width: number): Line[] =>
    paras.flatMap((p, para) => {
      const cs = [...p];
      const out: Line[] = [];
      for (let i = 0; i < cs.length; i += width) out.push({ text: cs.slice(i, i + width).join(''), art, para });
      return out;
    });
  /** A title line (para −1) when the article has one. */
  const titleLine = (a: SourceArticle, art: number): Line[] => (a.title ? [{ text: a.title, art, para: -1 }] : []);
  /** Narrow articles side by side: titles one after the other, then the lines across all columns. */
  const row = (count: number) => {
    const width = int(r, 7, 11);
    const depth = int(r, 6, 16);
    const cols = Array.from({ length: count }, () => {
      const a = take();
      const art = newArticle();
      const lines = wrapParas(fit(a.paragraphs, width, depth), art, width);
      return { art, title: titleLine(a, art), lines };
    });
    for (const c of cols) if (c.title.length) emit({ lines: c.title });
    for (let k = 0; cols.some((c) => k < c.lines.length); k++)
      for (const c of cols) if (k < c.lines.length) emit({ lines: [c.lines[k]] });
  };
  /** Items closed by a pen name: inline at the end of the last paragraph, or on a line of its own. */
  const items = (count: number, inline: boolean) => {
    const width = int(r, 12, 20);
    for (let k = 0; k < count; k++) {
      const a = take();
      const prose = a.paragraphs.filter((p) => [...p].length >= 20).map((p) => p.replace(PEN_END, ''));
      if (!prose.length) continue;
      const art = newArticle();
      const paras = prose.slice(0, int(r, 1, 2)).map((p) => short(p));
      const pen = `（${pick(r, PENS)}）`;
      if (inline) paras[paras.length - 1] += pen;
      // Most items keep their title; a few open straight with their text.
      if (a.title && r() < 0.8) emit({ lines: titleLine(a, art) });
      for (const [pi, p] of paras.entries())
        emit({ lines: wrapParas([p], art, width).map((l) => ({ ...l, para: pi })) });
      if (!inline) emit({ lines: [{ text: pen, art, para: -2 }] });
    }
  };
  /** A wide article in column blocks of `depth` lines: a column foot cuts a paragraph into two blocks. */
  const wide = () => {
    const a = take();
    const art = newArticle();
    if (a.title) emit({ lines: titleLine(a, art) });
    const lines = wrapParas(a.paragraphs.slice(0, 4), art, int(r, 16, 22));
    const depth = int(r, 6, 12);
    for (let i = 0; i < lines.length; i += depth) {
      let cur: Block | null = null;
      for (const l of lines.slice(i, i + depth)) {
        if (cur && cur.lines[0].para === l.para) cur.lines.push(l);
        else emit((cur = { lines: [l] }));
      }
    }
  };

  while (page.length < opts.targetFragments) {
    if (kind === 'triples') row(r() < 0.5 ? 3 : 2);
    else if (kind === 'inline-pens') items(int(r, 10, 15), true);
    else {
      wide();
      row(2);
      items(int(r, 3, 5), false);
    }
    if (kind === 'inline-pens') break;
  }

  const idOf = new Map<Block, string>();
  page.forEach((b, i) => idOf.set(b, `p1.${i + 1}`));
  const truthArticles: TruthArticle[] = reading
    .filter((bs) => bs.length)
    .map((bs) => ({
      items: bs.map((b, k) => ({
        id: idOf.get(b)!,
        join: k > 0 && bs[k - 1].lines.at(-1)!.para >= 0 && bs[k - 1].lines.at(-1)!.para === b.lines[0].para,
      })),
    }));
  const sep = wrap === 'space' ? ' ' : '';
  const text = `${page.map((b) => b.lines.map((l) => l.text).join(sep)).join('\n\n')}\n`;
  return { name, text, truth: { articles: truthArticles, openEnds: [] }, kind, wrap };
}

/** Whole paragraphs from the first that fit in about `depth` lines of `width` (at least one). */
function fit(paras: string[], width: number, depth: number): string[] {
  const out: string[] = [];
  let lines = 0;
  for (const p of paras) {
    const n = Math.ceil([...p].length / width);
    if (out.length && lines + n > depth) break;
    out.push(p);
    lines += n;
  }
  return out;
}

/** An item's paragraph: cut after its first sentence end past 40 characters. */
function short(p: string): string {
  const m = /^.{40,}?[。！？]/su.exec(p);
  return m && m[0].length < p.length ? m[0] : p;
}
