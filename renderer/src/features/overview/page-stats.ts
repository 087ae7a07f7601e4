import type { Fragment, Issue } from '@shared/model/types';
import { endsSentence } from '@shared/text/chars';

/** Coverage of one page for the issue overview: what a team lead scans to see where work is left. */
export interface PageStats {
  index: number;
  id: string;
  label: string;
  fragments: number;
  placed: number;
  unassigned: number;
  discarded: number;
  openEnds: number;
}

export interface IssueStats {
  pages: PageStats[];
  /** Problem fragment ids (unassigned, open end) in source order across the whole issue: what F8 walks. */
  problems: string[];
}

const OPEN_END_ROLES = new Set(['body']);

/**
 * Per-page coverage, computed in one pass (O(fragments)); the same open-end rule as the audit (a body fragment
 * in an article that ends mid-sentence and is not joined to its successor). Cached by document identity, so
 * the overview and F8/Shift+F8 share one computation per version.
 */
const cache = new WeakMap<Issue, IssueStats>();
export function issueStats(issue: Issue): IssueStats {
  const hit = cache.get(issue);
  if (hit) return hit;
  const byId = new Map<string, Fragment>();
  for (const p of issue.pages) for (const f of p.fragments) byId.set(f.id, f);
  const pool = new Set(issue.pool);
  const discarded = new Set(issue.discarded);
  const open = new Set<string>();
  for (const a of issue.articles) {
    a.items.forEach((it, i) => {
      const f = byId.get(it.id);
      if (!f || !OPEN_END_ROLES.has(f.role) || a.items[i + 1]?.join) return;
      if (!endsSentence(f.text)) open.add(f.id);
    });
  }
  const problems: string[] = [];
  const pages = issue.pages.map((p, index): PageStats => {
    let unassigned = 0,
      disc = 0,
      openEnds = 0;
    for (const f of p.fragments) {
      if (pool.has(f.id)) {
        unassigned++;
        problems.push(f.id);
      } else if (discarded.has(f.id)) disc++;
      else if (open.has(f.id)) {
        openEnds++;
        problems.push(f.id);
      }
    }
    return {
      index,
      id: p.id,
      label: p.label,
      fragments: p.fragments.length,
      placed: p.fragments.length - unassigned - disc,
      unassigned,
      discarded: disc,
      openEnds,
    };
  });
  const r = { pages, problems };
  cache.set(issue, r);
  return r;
}

/**
 * The next (dir 1) or previous (dir -1) problem from the cursor, in source order, wrapping around; null when
 * there is none. `order` is every fragment id in source order.
 */
export function stepProblem(
  stats: IssueStats,
  order: readonly string[],
  cursor: string | null,
  dir: 1 | -1,
): string | null {
  if (!stats.problems.length) return null;
  const problems = new Set(stats.problems);
  const start = cursor ? order.indexOf(cursor) : -1;
  const n = order.length;
  const from = start < 0 && dir < 0 ? 0 : start;
  for (let k = 1; k <= n; k++) {
    const id = order[(((from + dir * k) % n) + n) % n];
    if (problems.has(id)) return id;
  }
  return null;
}
