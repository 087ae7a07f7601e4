import type { Issue } from '@shared/model/types';
import { placeIndex } from '@shared/model/lookup';
import { PlacementTracker, type Owner } from '@shared/audit/placements';

/**
 * Which container holds a fragment, for the rows that colour themselves by article. `placeIndex`
 * rebuilds a 20,000-entry map after every move (its cache key is the articles/pool/discard arrays, which every
 * move replaces): ~6 ms per drop, paid in the first row selector that asks. The tracker instead diffs each new
 * frozen version against the previous one, so a move costs what it touched. Unfrozen versions (a document just
 * opened) and ids placed twice fall back to `placeIndex`, so answers are always those of `placeIndex`.
 */
const tracker = new PlacementTracker();

/** The article holding a fragment, 'pool', 'discard', or null when it is placed nowhere. */
export function containerOf(issue: Issue, id: string): Owner | null {
  if (tracker.update(issue)) {
    const n = tracker.placements(id);
    if (n === 0) return null;
    if (n === 1) {
      const o = tracker.ownerOf(id);
      if (o) return o;
    }
  }
  const p = placeIndex(issue).get(id);
  if (!p) return null;
  return p.kind === 'article' ? (issue.articles.find((a) => a.id === p.articleId) ?? null) : p.kind;
}

/** Indexes a version ahead of the first edit (called when idle after a big document was opened and frozen). */
export function primePlacements(issue: Issue): void {
  tracker.update(issue);
}
