import type { Issue } from '@shared/model/types';
import type { Op } from '@shared/ops/op-schema';
import { placeIndex } from '@shared/model/lookup';
import { applyOp } from '@shared/ops/apply';
import { suggestionOps } from '@shared/suggest/to-ops';
import type { ArticleSuggestion, Suggestions } from '@shared/suggest/types';

/**
 * Turning what the proofreader accepts in the suggestions panel into ONE `batch` op (one undo step). Pure: the
 * panel, the commands and the tests share these. The engine's answer may be a little older than the document
 * (it re-solves in a worker after each change), so every builder first `rebase`s it on the current issue.
 */

/**
 * The suggestions as they stand against `issue`: items the proofreader placed since (e.g. the prefix just
 * accepted) become `fixed` and a new article whose start was accepted now extends that article. An article is
 * cut where the document disagrees with it (an item placed elsewhere, discarded, or a fixed one moved away), so
 * an accept never links a fragment after something that is not there. Articles keep their indexes; one with
 * nothing left to place has no items.
 */
export function rebase(issue: Issue, s: Suggestions): Suggestions {
  const places = placeIndex(issue);
  const articles: ArticleSuggestion[] = [];
  for (const art of s.articles) {
    let articleId = art.articleId;
    const items: ArticleSuggestion['items'] = [];
    for (const it of art.items) {
      const p = places.get(it.id);
      if (!p) break;
      if (p.kind === 'pool') {
        if (it.fixed) break;
        items.push(it);
        continue;
      }
      if (p.kind !== 'article') break;
      // Placed: only a continuous, consistent prefix counts as the article's own items.
      if (items.some((x) => !x.fixed)) break;
      if (articleId === null && items.length === 0) articleId = p.articleId;
      if (p.articleId !== articleId) break;
      items.push(it.fixed ? it : { ...it, fixed: true });
    }
    const gone = articleId !== null && !issue.articles.some((a) => a.id === articleId);
    // Same length and order as the engine's list, so article indexes stay valid; nothing left = no items.
    articles.push({ ...art, articleId, items: gone || !items.some((x) => !x.fixed) ? [] : items });
  }
  return { ...s, articles };
}

/** Index of the suggested article (in `s.articles`) that holds the ghost placement of `fragmentId`. */
export function articleOfItem(s: Suggestions, fragmentId: string): number {
  return s.articles.findIndex((a) => a.items.some((it) => !it.fixed && it.id === fragmentId));
}

/** The fragment a ghost placement would follow (null: it starts the article). */
export function predecessorOf(s: Suggestions, fragmentId: string): string | null {
  const a = s.articles[articleOfItem(s, fragmentId)];
  if (!a) return null;
  const k = a.items.findIndex((it) => it.id === fragmentId);
  return k > 0 ? a.items[k - 1].id : null;
}

/**
 * Accept one decision: the fragment goes right after its suggested predecessor. A placement only ever follows
 * a fragment that is already there, so the not yet placed decisions before it in the same article are taken
 * along (they are what "after" refers to). The proofreader chose it explicitly: no confidence threshold.
 */
export function acceptItemOp(issue: Issue, s: Suggestions, fragmentId: string): Op | null {
  const r = rebase(issue, s);
  const ai = articleOfItem(r, fragmentId);
  if (ai < 0) return null;
  const art = r.articles[ai];
  let k = art.items.findIndex((it) => it.id === fragmentId);
  // A heading group goes in whole: a kicker is never accepted without the headline and deck under it.
  while (k + 1 < art.items.length && !art.items[k + 1].fixed && art.items[k + 1].reasons.includes(HEADING_GROUP)) k++;
  const ids = art.items
    .slice(0, k + 1)
    .filter((it) => !it.fixed)
    .map((it) => it.id);
  return suggestionOps(issue, r, { articles: [ai], items: ids, minConfidence: 0 });
}

/** Accept a whole suggested article as shown (the proofreader reviewed it): every ghost placement in it. */
export function acceptArticleOp(issue: Issue, s: Suggestions, index: number): Op | null {
  return suggestionOps(issue, rebase(issue, s), { articles: [index], minConfidence: 0 });
}

/** The reason the engine gives the links inside a heading group (kicker, headline, deck). */
const HEADING_GROUP = 'heading group';

/**
 * Accept the reading: every ghost placement of every suggested article, whatever its confidence, as ONE op. New
 * articles come after the existing ones, so nothing the proofreader is looking at moves.
 */
export function acceptReadingOp(issue: Issue, s: Suggestions): Op | null {
  return suggestionOps(issue, rebase(issue, s), { minConfidence: 0 });
}

/** Accept every confident suggestion (the engine's threshold; a chain stops at its first doubtful link). */
export function acceptAllConfidentOp(issue: Issue, s: Suggestions): Op | null {
  const r = rebase(issue, s);
  // Only what the panel marks ✓: the engine's `confident` flag (its rounded `confidence` can sit at the threshold
  // while the flag, from the unrounded value, says no).
  const items = r.articles.flatMap((a) => a.items.filter((it) => it.confident).map((it) => it.id));
  return suggestionOps(issue, r, { items });
}

/** How many placements an op makes (for the undo label). */
export function placementCount(op: Op): number {
  if (op.type !== 'batch') return op.type === 'moveFragments' ? op.fragmentIds.length : 0;
  return op.ops.reduce((n, o) => n + placementCount(o), 0);
}

/**
 * A fragment still in the pool is first accepted where the reading puts it (with what it follows and its heading
 * group), so an alternative is placed next to a fragment that is in an article, never in one made up for it.
 */
export function withAccepted(doc: Issue, result: Suggestions | null, a: string): { doc: Issue; ops: Op[] } {
  if (placeIndex(doc).get(a)?.kind !== 'pool' || !result) return { doc, ops: [] };
  const op = acceptItemOp(doc, result, a);
  return op ? { doc: applyOp(doc, op).issue, ops: [op] } : { doc, ops: [] };
}
