import { pageModernity } from './modern-model';

/**
 * The page's own character statistics (a "cache model"): names and terms repeat within a page
 * (史孟艳, 灵峰社区), so a seam whose characters form a bigram or trigram seen elsewhere on the page, away from any
 * seam, is likely a cut word or name. Lookups are organised by A's tail so the n² pair loop does no string work.
 */
export interface PageCache {
  /** Counts of what follows `x` (one character): single characters and two-character strings. */
  after: (x: string) => { one: Map<string, number>; two: Map<string, number> };
  /** Counts of the characters that follow the two-character string `xy`. */
  afterPair: (xy: string) => Map<string, number>;
  /** How often a character occurs on the page, and the page's character total. */
  unigram: (x: string) => number;
  total: number;
  /** How modern the page's script is (modern-model.ts `pageModernity`): the weight of the modern seam. */
  modernity: number;
}

const EMPTY = new Map<string, number>();

export function buildPageCache(texts: string[]): PageCache {
  const one = new Map<string, Map<string, number>>();
  const two = new Map<string, Map<string, number>>();
  const pair = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, k: string, v: string) => {
    let inner = m.get(k);
    if (!inner) m.set(k, (inner = new Map()));
    inner.set(v, (inner.get(v) ?? 0) + 1);
  };
  const uni = new Map<string, number>();
  let total = 0;
  for (const t of texts) {
    const cs = [...t].filter((ch) => ch !== ' ' && ch !== '\n' && ch !== '\t');
    for (const ch of cs) {
      uni.set(ch, (uni.get(ch) ?? 0) + 1);
      total++;
    }
    for (let i = 0; i + 1 < cs.length; i++) {
      if (!han(cs[i]) || !han(cs[i + 1])) continue;
      bump(one, cs[i], cs[i + 1]);
      if (i + 2 < cs.length && han(cs[i + 2])) {
        bump(two, cs[i], cs[i + 1] + cs[i + 2]);
        bump(pair, cs[i] + cs[i + 1], cs[i + 2]);
      }
    }
  }
  return {
    after: (x) => ({ one: one.get(x) ?? EMPTY, two: two.get(x) ?? EMPTY }),
    afterPair: (xy) => pair.get(xy) ?? EMPTY,
    unigram: (x) => uni.get(x) ?? 0,
    total: Math.max(1, total),
    modernity: pageModernity(texts),
  };
}

function han(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x3400 && c <= 0x9fff;
}
