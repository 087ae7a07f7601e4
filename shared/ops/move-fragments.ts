import type { Draft } from 'immer';
import type { Article, ArticleItem, Issue } from '../model/types';
import { OpError, placeOf } from '../model/lookup';
import type { Op } from './op-schema';
import { insertInSourceOrder, removeItems } from './containers';

type MoveOp = Extract<Op, { type: 'moveFragments' }>;

/**
 * Moves fragments, in the given order, to an article after an anchor, to the pool or to the discard pile.
 * Joins between fragments that travel together (consecutive and joined in the same article) are kept.
 */
export function moveFragments(draft: Draft<Issue>, base: Issue, op: MoveOp): void {
  const ids = [...new Set(op.fragmentIds)];
  const moving = new Set(ids);
  const places = ids.map((id) => {
    const p = placeOf(base, id);
    if (!p) throw new OpError(`fragment ${id} does not exist`);
    return p;
  });
  const to = op.to;
  let targetIndex = -1;
  if (to.kind === 'article') {
    targetIndex = base.articles.findIndex((a) => a.id === to.articleId);
    if (targetIndex < 0) throw new OpError(`article ${to.articleId} does not exist`);
    if (to.after !== null) {
      if (moving.has(to.after)) throw new OpError('cannot place fragments after one of themselves');
      if (!base.articles[targetIndex].items.some((it) => it.id === to.after)) {
        throw new OpError(`fragment ${to.after} is not in article ${to.articleId}`);
      }
    }
  }

  // Joins that survive the trip: item k joined to item k-1 and both move, adjacent, from the same article.
  const keptJoin = new Map<string, boolean>();
  for (let k = 1; k < ids.length; k++) {
    const a = places[k - 1];
    const b = places[k];
    if (a.kind === 'article' && b.kind === 'article' && a.articleId === b.articleId && b.index === a.index + 1) {
      const art = base.articles.find((x) => x.id === b.articleId)!;
      keptJoin.set(ids[k], art.items[b.index].join);
    }
  }

  // Remove from every article that holds one of them.
  const touched = new Set(
    places.filter((p) => p.kind === 'article').map((p) => (p as { articleId: string }).articleId),
  );
  if (to.kind === 'article') touched.add(to.articleId);
  // The new articles array is built from the base and assigned whole (cheaper for immer than drafting a
  // 1,500-article array; see bench/foundation.ts).
  let articlesChanged = false;
  const articles = base.articles.map((art, ai) => {
    if (!touched.has(art.id)) return art;
    let items = removeItems(art.items, moving);
    if (ai === targetIndex && to.kind === 'article') {
      const at = to.after === null ? 0 : items.findIndex((it) => it.id === to.after) + 1;
      const inserted: ArticleItem[] = ids.map((id, k) => ({
        id,
        join: k === 0 ? at > 0 && !!to.join : (keptJoin.get(id) ?? false),
      }));
      // The fragment that followed the anchor continued the anchor's paragraph, not the newcomers'.
      const rest = items.slice(at);
      if (rest[0]?.join) rest[0] = { ...rest[0], join: false };
      items = [...items.slice(0, at), ...inserted, ...rest];
    }
    articlesChanged = true;
    return { ...art, items };
  });
  // Frozen before they go into the draft: immer then takes them as finished values instead of walking every
  // entry of a 20,000-id pool looking for nested drafts (it freezes its results anyway).
  if (articlesChanged) draft.articles = freezeArticles(articles);

  const fromPool = places.some((p) => p.kind === 'pool');
  const fromDiscard = places.some((p) => p.kind === 'discard');
  let pool: readonly string[] = base.pool;
  let discarded: readonly string[] = base.discarded;
  if (fromPool)
    pool = removeAt(
      pool,
      places.flatMap((p) => (p.kind === 'pool' ? [p.index] : [])),
    );
  if (fromDiscard)
    discarded = removeAt(
      discarded,
      places.flatMap((p) => (p.kind === 'discard' ? [p.index] : [])),
    );
  if (to.kind === 'pool') pool = insertInSourceOrder(base, pool, ids);
  if (to.kind === 'discard') discarded = insertInSourceOrder(base, discarded, ids);
  if (pool !== base.pool) draft.pool = Object.freeze(pool) as string[];
  if (discarded !== base.discarded) draft.discarded = Object.freeze(discarded) as string[];
}

/** The list without the entries at the given indexes (copied in slices, not filtered entry by entry). */
function removeAt(list: readonly string[], indexes: number[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const i of [...indexes].sort((a, b) => a - b)) {
    for (let k = from; k < i; k++) out.push(list[k]);
    from = i + 1;
  }
  for (let k = from; k < list.length; k++) out.push(list[k]);
  return out;
}

/**
 * Freezes the articles array with its articles, items and item objects, as immer would have: it does not walk into
 * a frozen value, so anything left unfrozen here (new objects, or articles of a freshly loaded issue) would stay
 * mutable. Already frozen articles are skipped, so after the first operation this is one check per article.
 */
function freezeArticles(articles: Article[]): Article[] {
  articles.forEach((a) => {
    if (Object.isFrozen(a) && Object.isFrozen(a.items)) return;
    a.items.forEach((it) => Object.freeze(it));
    Object.freeze(a.items);
    Object.freeze(a);
  });
  return Object.freeze(articles) as Article[];
}
