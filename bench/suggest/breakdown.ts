import type { Suggestions } from '../../shared/suggest/types';
import type { Truth } from './truth';

/**
 * Where the misses are: the true successor links of a page split by the layout of their article and by whether
 * either end was displaced, and article grouping (BCubed) split by whether the article has a heading. Read from
 * the page text and its truth alone, so it works on any practice page (the generator's own labels are not needed):
 *
 * - layout `interleaved`: an article set in narrow columns read row by row (some true link between two one-line
 *   blocks steps 2 or 3 places on, the stride of a band); `set-apart`: narrow columns otherwise (one-line blocks,
 *   read column by column, the paragraph starts and ends set apart); `wide`: blocks several lines deep;
 * - `displaced`: either end lies in a short run (≤ 4 blocks) of its article in source order while the article has
 *   more text elsewhere: a run that landed inside another article, or the block left next to where it was taken.
 */
export type Layout = 'interleaved' | 'set-apart' | 'wide';

export interface Tally {
  right: number;
  total: number;
}

export interface Breakdown {
  /** `${layout} ${displaced ? 'displaced' : 'in place'}` → successor links found / true links. */
  links: Map<string, Tally>;
  /**
   * `${join ? 'sentence goes on' : 'new paragraph'} ${near ? 'just after' : 'elsewhere'}` → links found / true
   * links. "Just after": B stands 1–4 places after A in source order (the next block, or a band's stride). A new
   * paragraph elsewhere has no seam to read: only the article's topic points at it, and every paragraph of the
   * article shares that, so these links bound what text alone can reach.
   */
  kinds: Map<string, Tally>;
  /** BCubed precision and recall sums over the items of headed and headless articles. */
  grouping: Map<'headed' | 'headless', { p: number; r: number; n: number }>;
}

export function emptyBreakdown(): Breakdown {
  return { links: new Map(), kinds: new Map(), grouping: new Map() };
}

/** Adds one page to `into`. `blocks`: the page's fragments in source order (`hint` h1…h6: a marked heading). */
export function addBreakdown(
  into: Breakdown,
  blocks: Array<{ id: string; text: string; hint?: string }>,
  truth: Truth,
  s: Suggestions,
): Breakdown {
  const pos = new Map(blocks.map((b, i) => [b.id, i]));
  const oneLine = (id: string) => !/\s/.test(blocks[pos.get(id)!].text.trim());
  const articleOf = new Map<string, number>();
  truth.articles.forEach((a, k) => a.items.forEach((it) => articleOf.set(it.id, k)));
  const runLength = (i: number) => {
    const a = articleOf.get(blocks[i].id);
    let lo = i;
    let hi = i;
    while (lo > 0 && articleOf.get(blocks[lo - 1].id) === a) lo--;
    while (hi + 1 < blocks.length && articleOf.get(blocks[hi + 1].id) === a) hi++;
    return hi - lo + 1;
  };
  const displaced = (id: string) => {
    const n = runLength(pos.get(id)!);
    return n <= 4 && truth.articles[articleOf.get(id)!].items.length > n;
  };
  const predNext = new Map<string, string>();
  const predArticle = new Map<string, number>();
  s.articles.forEach((a, k) =>
    a.items.forEach((it, i) => {
      predArticle.set(it.id, k);
      if (i > 0) predNext.set(a.items[i - 1].id, it.id);
    }),
  );
  const headed = truth.articles.map(
    (a) => a.items.length > 0 && /^h[1-6]$/.test(blocks[pos.get(a.items[0].id)!].hint ?? ''),
  );
  truth.articles.forEach((a) => {
    const links = a.items.slice(1).map((it, k) => ({ from: a.items[k].id, to: it.id, join: it.join }));
    const narrow = a.items.filter((it) => oneLine(it.id)).length > 0.7 * a.items.length;
    const interleaved = links.some(
      (l) => oneLine(l.from) && oneLine(l.to) && [2, 3].includes(pos.get(l.to)! - pos.get(l.from)!),
    );
    const layout: Layout = !narrow ? 'wide' : interleaved ? 'interleaved' : 'set-apart';
    for (const l of links) {
      const key = `${layout} ${displaced(l.from) || displaced(l.to) ? 'displaced' : 'in place'}`;
      const found = predNext.get(l.from) === l.to;
      tally(into.links, key, found);
      const d = pos.get(l.to)! - pos.get(l.from)!;
      tally(
        into.kinds,
        `${l.join ? 'sentence goes on' : 'new paragraph'} ${d >= 1 && d <= 4 ? 'just after' : 'elsewhere'}`,
        found,
      );
    }
  });
  // BCubed per item, split by the kind of its true article.
  const ids = [...articleOf.keys()];
  for (const x of ids) {
    const same = ids.filter((y) => articleOf.get(y) === articleOf.get(x));
    const px = predArticle.get(x);
    const pred = px === undefined ? [x] : ids.filter((y) => predArticle.get(y) === px);
    const both = pred.filter((y) => articleOf.get(y) === articleOf.get(x)).length;
    const key = headed[articleOf.get(x)!] ? 'headed' : 'headless';
    const g = into.grouping.get(key) ?? { p: 0, r: 0, n: 0 };
    g.p += both / pred.length;
    g.r += both / same.length;
    g.n++;
    into.grouping.set(key, g);
  }
  return into;
}

function tally(m: Map<string, Tally>, key: string, found: boolean): void {
  const t = m.get(key) ?? { right: 0, total: 0 };
  t.total++;
  if (found) t.right++;
  m.set(key, t);
}

export function formatBreakdown(b: Breakdown): string[] {
  const f = (x: number) => x.toFixed(3);
  const out: string[] = [];
  for (const [k, t] of [...b.links].sort((x, y) => y[1].total - x[1].total)) {
    out.push(
      `  successor, ${k.padEnd(28)} ${f(t.right / t.total)}  (${t.right}/${t.total}; misses ${t.total - t.right})`,
    );
  }
  const all = [...b.kinds.values()].reduce((n, t) => n + t.total, 0);
  for (const [k, t] of [...b.kinds].sort((x, y) => y[1].total - x[1].total)) {
    out.push(
      `  successor, ${k.padEnd(28)} ${f(t.right / t.total)}  (${t.right}/${t.total}, ${f(t.total / all)} of the links; misses ${t.total - t.right})`,
    );
  }
  for (const [k, g] of [...b.grouping].sort()) {
    const p = g.p / g.n;
    const r = g.r / g.n;
    out.push(
      `  BCubed, ${`${k} articles`.padEnd(31)} ${f((2 * p * r) / (p + r))}  (P ${f(p)}, R ${f(r)}; ${g.n} items)`,
    );
  }
  return out;
}
