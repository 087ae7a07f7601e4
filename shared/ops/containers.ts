import type { ArticleItem, Issue } from '../model/types';
import { sourceOrder } from '../model/lookup';

/**
 * Helpers that compute new container arrays from the *base* (un-drafted) issue. Assigning plain arrays to the
 * draft avoids proxy reads over a 20,000-entry pool on every drag.
 */

/** Items with the given ids removed; an item that lost its predecessor no longer joins it. */
export function removeItems(items: readonly ArticleItem[], ids: ReadonlySet<string>): ArticleItem[] {
  const out: ArticleItem[] = [];
  let lostPrevious = false;
  for (const it of items) {
    if (ids.has(it.id)) {
      lostPrevious = true;
      continue;
    }
    const join = out.length === 0 ? false : lostPrevious ? false : it.join;
    out.push(join === it.join ? it : { ...it, join });
    lostPrevious = false;
  }
  return out;
}

/**
 * Merges ids into a list kept in source order (the pool and the discard pile read like the page). Binary search
 * per added id, so that dropping one fragment into a 20,000-entry pool does not look up every entry's position.
 */
export function insertInSourceOrder(issue: Issue, list: readonly string[], ids: readonly string[]): string[] {
  const add = [...ids].sort((a, b) => sourceOrder(issue, a) - sourceOrder(issue, b));
  const out: string[] = [];
  let from = 0;
  for (const id of add) {
    const k = sourceOrder(issue, id);
    let lo = from;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sourceOrder(issue, list[mid]) < k) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) out.push(list[i]);
    out.push(id);
    from = lo;
  }
  for (let i = from; i < list.length; i++) out.push(list[i]);
  return out;
}
