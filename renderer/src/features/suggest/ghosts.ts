import type { Issue } from '@shared/model/types';
import type { Suggestions } from '@shared/suggest/types';
import { articleSwatch, type ArticleSwatch } from '../../model/colors';

/** Ghost identity of a proposed article: an existing article keeps its colour and number; new ones come after. */
export function ghostSwatches(issue: Issue, s: Suggestions): ArticleSwatch[] {
  let fresh = issue.articles.length;
  return s.articles.map((a) => {
    const i = a.articleId ? issue.articles.findIndex((x) => x.id === a.articleId) : -1;
    return articleSwatch(i >= 0 ? i : fresh++);
  });
}

export interface GhostMark {
  swatch: ArticleSwatch;
  confident: boolean;
}

const cache = new WeakMap<Suggestions, Map<string, GhostMark>>();

/**
 * Fragment id → ghost article of its pending suggestion. Cached per answer: every row of the page pane looks
 * itself up here, and a result object is never mutated.
 */
export function ghostMarks(issue: Issue, s: Suggestions): Map<string, GhostMark> {
  let m = cache.get(s);
  if (m) return m;
  m = new Map();
  const sw = ghostSwatches(issue, s);
  s.articles.forEach((a, i) => {
    for (const it of a.items) if (!it.fixed) m!.set(it.id, { swatch: sw[i], confident: it.confident });
  });
  cache.set(s, m);
  return m;
}
