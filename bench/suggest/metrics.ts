import type { Suggestions } from '../../shared/suggest/types';
import type { Truth } from './truth';

/** Scores of one page's suggestions against its truth (see docs/suggestions.md for the definitions). */
export interface PageScore {
  fragments: number;
  /** True "A then B" pairs (inside one article) found adjacent in one suggested article. */
  succFound: number;
  succTotal: number;
  /** Among true pairs found adjacent: join flag right. */
  joinRight: number;
  /** True joins (mid-paragraph links) found adjacent with join = true. */
  trueJoinsFound: number;
  trueJoins: number;
  bcubedP: number;
  bcubedR: number;
  openPredicted: number;
  openRight: number;
  /** Suggested links (item after its predecessor) flagged confident, and how many of them are true pairs. */
  confidentLinks: number;
  confidentRight: number;
  /** All suggested links (for coverage). */
  links: number;
  ms: number;
  /** Articles in the truth and in the suggestion (every fragment placed: the whole reading). */
  articlesTrue: number;
  articlesPred: number;
}

export function scorePage(s: Suggestions, truth: Truth): PageScore {
  const trueNext = new Map<string, { id: string; join: boolean }>();
  const trueArticle = new Map<string, number>();
  truth.articles.forEach((a, ai) =>
    a.items.forEach((it, k) => {
      trueArticle.set(it.id, ai);
      if (k > 0) trueNext.set(a.items[k - 1].id, { id: it.id, join: it.join });
    }),
  );
  const predNext = new Map<string, { id: string; join: boolean; confident: boolean }>();
  const predArticle = new Map<string, number>();
  s.articles.forEach((a, ai) =>
    a.items.forEach((it, k) => {
      predArticle.set(it.id, ai);
      if (k > 0) predNext.set(a.items[k - 1].id, { id: it.id, join: it.join, confident: it.confident });
    }),
  );
  let succFound = 0;
  let joinRight = 0;
  let trueJoins = 0;
  let trueJoinsFound = 0;
  for (const [a, b] of trueNext) {
    const p = predNext.get(a);
    if (b.join) trueJoins++;
    if (p && p.id === b.id) {
      succFound++;
      if (p.join === b.join) joinRight++;
      if (b.join && p.join) trueJoinsFound++;
    }
  }
  let confidentLinks = 0;
  let confidentRight = 0;
  for (const [a, p] of predNext) {
    if (!p.confident) continue;
    confidentLinks++;
    if (trueNext.get(a)?.id === p.id) confidentRight++;
  }
  // BCubed over all fragments of the truth; unplaced fragments are singletons.
  const ids = [...trueArticle.keys()];
  const clusterOf = (m: Map<string, number>, id: string) => (m.has(id) ? `c${m.get(id)}` : `s${id}`);
  const predMembers = new Map<string, string[]>();
  const trueMembers = new Map<string, string[]>();
  for (const id of ids) {
    const pc = clusterOf(predArticle, id);
    const tc = clusterOf(trueArticle, id);
    (predMembers.get(pc) ?? predMembers.set(pc, []).get(pc)!).push(id);
    (trueMembers.get(tc) ?? trueMembers.set(tc, []).get(tc)!).push(id);
  }
  let bp = 0;
  let br = 0;
  for (const id of ids) {
    const pm = predMembers.get(clusterOf(predArticle, id))!;
    const tm = trueMembers.get(clusterOf(trueArticle, id))!;
    const tc = clusterOf(trueArticle, id);
    const pc = clusterOf(predArticle, id);
    const both = pm.filter((x) => clusterOf(trueArticle, x) === tc).length;
    bp += both / pm.length;
    br += tm.filter((x) => clusterOf(predArticle, x) === pc).length / tm.length;
  }
  const truthOpen = new Set(truth.openEnds);
  return {
    fragments: ids.length,
    succFound,
    succTotal: trueNext.size,
    joinRight,
    trueJoinsFound,
    trueJoins,
    bcubedP: bp / ids.length,
    bcubedR: br / ids.length,
    openPredicted: s.openEnds.length,
    openRight: s.openEnds.filter((o) => truthOpen.has(o.id)).length,
    confidentLinks,
    confidentRight,
    links: predNext.size,
    ms: s.stats.ms,
    articlesTrue: truth.articles.length,
    articlesPred: s.articles.length,
  };
}

export interface Summary {
  pages: number;
  successor: number;
  bcubedF: number;
  joinAccuracy: number;
  joinRecall: number;
  openEndPrecision: number;
  confidentPrecision: number;
  confidentCoverage: number;
  /** Share of pages whose article count comes out exactly right, and the mean |suggested − true| / true. */
  countExact: number;
  countError: number;
}

export function summarize(scores: PageScore[]): Summary {
  const sum = (f: (s: PageScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const p = sum((s) => s.bcubedP * s.fragments) / sum((s) => s.fragments);
  const r = sum((s) => s.bcubedR * s.fragments) / sum((s) => s.fragments);
  return {
    pages: scores.length,
    successor:
      sum((s) => s.succFound) /
      Math.max(
        1,
        sum((s) => s.succTotal),
      ),
    bcubedF: (2 * p * r) / (p + r || 1),
    joinAccuracy:
      sum((s) => s.joinRight) /
      Math.max(
        1,
        sum((s) => s.succFound),
      ),
    joinRecall:
      sum((s) => s.trueJoinsFound) /
      Math.max(
        1,
        sum((s) => s.trueJoins),
      ),
    openEndPrecision:
      sum((s) => s.openRight) /
      Math.max(
        1,
        sum((s) => s.openPredicted),
      ),
    confidentPrecision:
      sum((s) => s.confidentRight) /
      Math.max(
        1,
        sum((s) => s.confidentLinks),
      ),
    confidentCoverage:
      sum((s) => s.confidentLinks) /
      Math.max(
        1,
        sum((s) => s.succTotal),
      ),
    countExact: scores.filter((s) => s.articlesPred === s.articlesTrue).length / Math.max(1, scores.length),
    countError:
      sum((s) => Math.abs(s.articlesPred - s.articlesTrue) / Math.max(1, s.articlesTrue)) / Math.max(1, scores.length),
  };
}

export function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}
