import type { Issue } from '../model/types';
import { placeIndex } from '../model/lookup';
import { applyOp } from '../ops/apply';
import type { Op } from '../ops/op-schema';
import { nextFreeId } from '../model/create';
import type { Suggestions } from './types';

/**
 * The operations of the doubt queue (see doubts.ts), pure. None of them creates an article: an alternative is
 * placed next to a fragment that is already in one, and a re-solve rebuilds only the articles it is given.
 */

/** `b` right after `a` in a's article (joined or not); null when `a` is not in an article or `b` is discarded. */
export function placeAfterOp(issue: Issue, a: string, b: string, join: boolean): Op | null {
  const places = placeIndex(issue);
  const pa = places.get(a);
  const pb = places.get(b);
  if (a === b || pa?.kind !== 'article' || !pb || pb.kind === 'discard') return null;
  const art = issue.articles.find((x) => x.id === pa.articleId)!;
  const next = art.items[pa.index + 1];
  if (next?.id === b && next.join === join) return null;
  return { type: 'moveFragments', fragmentIds: [b], to: { kind: 'article', articleId: pa.articleId, after: a, join } };
}

/** Flips the seam before `b` (join ↔ paragraph break); null for the first item of an article or outside one. */
export function toggleJoinOp(issue: Issue, b: string): Op | null {
  const p = placeIndex(issue).get(b);
  if (p?.kind !== 'article' || p.index === 0) return null;
  const art = issue.articles.find((x) => x.id === p.articleId)!;
  return { type: 'setJoin', fragmentId: b, join: !art.items[p.index].join };
}

export interface ReadingScope {
  /** Pages whose fragments the reading covers. */
  pageIds: string[];
  /**
   * Rebuild only these articles (default: every article whose fragments are all on the pages). Fragments of other
   * articles stay where they are.
   */
  articleIds?: string[];
  /** Create articles for the reading's articles that match none (default false: their fragments stay put). */
  create?: boolean;
  /** Links the proofreader confirmed: kept whatever the reading says (`to` right after `from`). */
  keep?: Array<{ from: string; to: string; join?: boolean }>;
}

/**
 * The operations that make the scoped articles read as `reading` does, as ONE batch (one undo step), or null when
 * they already do. Each reading article is matched to the scoped article holding most of its fragments (each used
 * once); it then gets exactly the reading's fragments, order and joins. Discarded fragments are never moved.
 */
export function readingOps(issue: Issue, reading: Suggestions, scope: ReadingScope): Op | null {
  const onPages = new Set(
    issue.pages.filter((p) => scope.pageIds.includes(p.id)).flatMap((p) => p.fragments.map((f) => f.id)),
  );
  const places = placeIndex(issue);
  const inScope = new Set(
    issue.articles
      .filter((a) => (scope.articleIds ? scope.articleIds.includes(a.id) : a.items.every((it) => onPages.has(it.id))))
      .map((a) => a.id),
  );
  // A fragment may move when it is on the pages and in the pool or a scoped article.
  const movable = (id: string) => {
    const p = places.get(id);
    return onPages.has(id) && !!p && (p.kind === 'pool' || (p.kind === 'article' && inScope.has(p.articleId)));
  };
  const targets = reading.articles.map((a) =>
    a.items.filter((it) => movable(it.id)).map((it) => ({ id: it.id, join: it.join })),
  );
  // The proofreader's links win: b goes right after a, wherever the reading put it.
  for (const k of scope.keep ?? []) {
    const ta = targets.find((t) => t.some((x) => x.id === k.from));
    if (!ta || !movable(k.to)) continue;
    const tb = targets.find((t) => t.some((x) => x.id === k.to));
    const old = tb?.find((x) => x.id === k.to);
    if (tb) tb.splice(tb.indexOf(old!), 1);
    ta.splice(ta.findIndex((x) => x.id === k.from) + 1, 0, { id: k.to, join: k.join ?? old?.join ?? false });
  }
  // Match reading articles to scoped articles by overlap, largest first.
  const pairs: Array<[number, string, number]> = [];
  targets.forEach((t, ri) => {
    const count = new Map<string, number>();
    for (const x of t) {
      const p = places.get(x.id);
      if (p?.kind === 'article') count.set(p.articleId, (count.get(p.articleId) ?? 0) + 1);
    }
    for (const [aid, c] of count) pairs.push([ri, aid, c]);
  });
  pairs.sort((p, q) => q[2] - p[2] || p[0] - q[0]);
  const articleOf = new Map<number, string>();
  const used = new Set<string>();
  for (const [ri, aid] of pairs) {
    if (articleOf.has(ri) || used.has(aid)) continue;
    articleOf.set(ri, aid);
    used.add(aid);
  }

  let cur = issue;
  const ops: Op[] = [];
  const run = (op: Op) => {
    cur = applyOp(cur, op).issue;
    ops.push(op);
  };
  let created = 0;
  targets.forEach((t, ri) => {
    if (!t.length) return;
    let aid = articleOf.get(ri);
    if (!aid) {
      if (!scope.create) return;
      aid = nextFreeId(issue, 'a', created++);
      run({ type: 'createArticle', articleId: aid, label: `New article ${reading.articles[ri].title}` });
    }
    const art = cur.articles.find((a) => a.id === aid)!;
    const same = art.items.length >= t.length && t.every((x, k) => art.items[k].id === x.id);
    if (!same)
      run({
        type: 'moveFragments',
        fragmentIds: t.map((x) => x.id),
        to: { kind: 'article', articleId: aid, after: null },
      });
    const now = cur.articles.find((a) => a.id === aid)!;
    t.forEach((x, k) => {
      if (k > 0 && now.items[k].join !== x.join) run({ type: 'setJoin', fragmentId: x.id, join: x.join });
    });
  });
  return ops.length ? { type: 'batch', ops, label: 'Read the page again' } : null;
}
