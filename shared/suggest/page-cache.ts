/**
 * The page's own character statistics (a "cache model", SUGGESTIONS.md §5): names and terms repeat within a page
 * (史孟艳, 灵峰社区), so a seam whose characters form a bigram or trigram seen elsewhere on the page, away from any
 * seam, is likely a cut word or name.
 */
export interface PageCache {
  count: (gram: string) => number;
}

export function buildPageCache(texts: string[]): PageCache {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const cs = [...t].filter((ch) => ch !== ' ' && ch !== '\n' && ch !== '\t');
    for (let i = 0; i + 1 < cs.length; i++) {
      if (!han(cs[i]) || !han(cs[i + 1])) continue;
      const g2 = cs[i] + cs[i + 1];
      counts.set(g2, (counts.get(g2) ?? 0) + 1);
      if (i + 2 < cs.length && han(cs[i + 2])) {
        const g3 = g2 + cs[i + 2];
        counts.set(g3, (counts.get(g3) ?? 0) + 1);
      }
    }
  }
  return { count: (g) => counts.get(g) ?? 0 };
}

function han(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x3400 && c <= 0x9fff;
}
