import type { Article, Issue } from '../model/types';
import { audit, articleEnds, coverage, misplacedOf, type AuditReport } from './audit';
import { PlacementTracker } from './placements';

/**
 * `audit()` for a document that changes one operation at a time: the renderer audits a 20,000-fragment
 * issue after every drop and keystroke, and the full audit (a 20,000-entry counting map, a lookup per placed id,
 * every article's open ends) took ~15–100 ms of main thread per edit. This one keeps
 * - placement and fragment counts, updated by diffing the new version against the previous one (`PlacementTracker`);
 *   `misplaced` is empty unless some touched id is off, and only then computed in full, in the report's order;
 * - each article's open ends, recomputed only for new article objects and for articles holding a fragment whose
 *   object changed (a text edit, a role change, a split or merge);
 * - per-page lost/duplicated text, memoized per frozen page by `coverage`.
 * The report deep-equals `audit(issue)` for every document (property test: tests/shared/audit). A document that
 * is not frozen cannot be diffed safely and gets the full `audit()`.
 *
 * Returns a function meant for one sequence of versions of one document (a store); it holds the last version.
 */
export function createIncrementalAudit(): (issue: Issue) => AuditReport {
  const tracker = new PlacementTracker();
  // Open ends per article object, correct for every article of the last version audited: articles new in a version
  // and articles holding a changed fragment are recomputed; an article object that left and comes back (undo) is
  // new again in that version, so a stale entry is never read.
  let openByArticle = new WeakMap<Article, Ends>();
  /** Ids for which the counts say something is misplaced. */
  const bad = new Set<string>();

  const isBad = (id: string) => {
    const f = tracker.fragments(id);
    const p = tracker.placements(id);
    return f > 0 ? p !== 1 : p > 0;
  };

  /** The pool of the last report and its (frozen) copy: a keystroke does not copy 8,000 ids again. */
  let pool: { of: readonly string[]; copy: string[] } | null = null;
  const unassignedOf = (p: readonly string[]): string[] => {
    if (pool?.of !== p) pool = { of: p, copy: Object.freeze([...p]) as string[] };
    return pool.copy;
  };
  /** The article-side lists of the last report (reused while they do not change). */
  let last: {
    articles: Issue['articles'];
    openEnds: string[];
    resolvedOpenEnds: string[];
    emptyArticles: string[];
    placed: number;
  } | null = null;

  return (issue: Issue): AuditReport => {
    const delta = tracker.update(issue);
    if (!delta) {
      openByArticle = new WeakMap();
      bad.clear();
      last = null;
      return audit(issue);
    }
    if (delta.rebuilt) {
      openByArticle = new WeakMap();
      bad.clear();
      last = null;
    }
    for (const id of delta.touched) {
      if (isBad(id)) bad.add(id);
      else bad.delete(id);
    }

    // Articles whose open ends must be recomputed: new objects, and those holding a changed fragment.
    const dirty = new Set<Article>(delta.addedArticles);
    let all = false;
    for (const id of delta.changedFragments) {
      const n = tracker.placements(id);
      if (n === 0) continue;
      if (n > 1) {
        all = true;
        break;
      } // placed twice (a corrupt document): any article may hold it
      const o = tracker.ownerOf(id);
      if (o && o !== 'pool' && o !== 'discard') dirty.add(o);
    }

    let openEnds: string[] = [];
    let resolvedOpenEnds: string[] = [];
    let emptyArticles: string[] = [];
    let placed = 0;
    // Same articles, and no article's open ends changed (a pool change, a keystroke that keeps its sentence end):
    // the previous lists stand, and keep their identity, so that sets built from them are reused too.
    const sameArticles = !!last && last.articles === issue.articles && !all;
    let changed = !sameArticles;
    if (sameArticles) {
      for (const a of dirty) {
        const before = openByArticle.get(a);
        const now = articleEnds(issue, a);
        openByArticle.set(a, now);
        if (!before || !sameList(before.open, now.open) || !sameList(before.resolved, now.resolved)) changed = true;
      }
    }
    if (!changed) {
      ({ openEnds, resolvedOpenEnds, emptyArticles, placed } = last!);
    } else {
      for (const a of issue.articles) {
        // With the same articles the dirty ones were recomputed above; otherwise here.
        let open = all || (!sameArticles && dirty.has(a)) ? undefined : openByArticle.get(a);
        if (!open) {
          open = articleEnds(issue, a);
          openByArticle.set(a, open);
        }
        for (const id of open.open) openEnds.push(id);
        for (const id of open.resolved) resolvedOpenEnds.push(id);
        if (!a.items.length) emptyArticles.push(a.id);
        placed += a.items.length;
      }
      // A recomputed article whose open ends did not change leaves the list as it was: keep the old array.
      if (last && sameList(last.openEnds, openEnds)) openEnds = last.openEnds;
      if (last && sameList(last.resolvedOpenEnds, resolvedOpenEnds)) resolvedOpenEnds = last.resolvedOpenEnds;
      if (last && sameList(last.emptyArticles, emptyArticles)) emptyArticles = last.emptyArticles;
    }
    // Shared between reports of successive versions: frozen, so that no reader can change another version's report.
    last = {
      articles: issue.articles,
      openEnds: Object.freeze(openEnds) as string[],
      resolvedOpenEnds: Object.freeze(resolvedOpenEnds) as string[],
      emptyArticles: Object.freeze(emptyArticles) as string[],
      placed,
    };

    let fragments = 0;
    for (const p of issue.pages) fragments += p.fragments.length;
    const { lost, duplicated } = coverage(issue);
    return {
      lost,
      duplicated,
      misplaced: bad.size ? misplacedOf(issue) : [],
      unassigned: unassignedOf(issue.pool),
      openEnds: last.openEnds,
      resolvedOpenEnds: last.resolvedOpenEnds,
      emptyArticles: last.emptyArticles,
      fragments,
      placed: placed + issue.discarded.length,
    };
  };
}

/** One article's open ends: still open, and resolved by the proofreader. */
type Ends = { open: string[]; resolved: string[] };

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
