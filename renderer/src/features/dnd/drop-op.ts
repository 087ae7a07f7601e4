import type { Issue } from '@shared/model/types';
import type { Op } from '@shared/ops/op-schema';

/** What a fragment drag carries (pragmatic-dnd element data). */
export interface FragmentDragData {
  [k: string | symbol]: unknown;
  type: 'galley-fragments';
  ids: string[];
}

export function isFragmentDrag(d: Record<string | symbol, unknown>): d is FragmentDragData {
  return d.type === 'galley-fragments' && Array.isArray(d.ids);
}

/** Where a drop lands. `item` targets carry the closest edge of the row under the pointer. */
export type DropTarget =
  | { kind: 'item'; articleId: string; itemId: string; edge: 'top' | 'bottom' }
  | { kind: 'article'; articleId: string }
  | { kind: 'pool' }
  | { kind: 'discard' }
  | { kind: 'newArticle'; articleId: string };

/**
 * The ONE operation a drop performs (one undo step), or null when the drop changes nothing (a fragment dropped
 * on its own place). Pure, so the exact landing position is unit-tested apart from the DOM.
 */
export function dropToOp(issue: Issue, ids: string[], target: DropTarget): Op | null {
  if (!ids.length) return null;
  const moving = new Set(ids);
  switch (target.kind) {
    case 'pool':
      return { type: 'moveFragments', fragmentIds: ids, to: { kind: 'pool' } };
    case 'discard':
      return { type: 'moveFragments', fragmentIds: ids, to: { kind: 'discard' } };
    case 'newArticle':
      return { type: 'createArticle', articleId: target.articleId, fragmentIds: ids };
    case 'article': {
      const art = issue.articles.find((a) => a.id === target.articleId);
      if (!art) return null;
      const rest = art.items.filter((it) => !moving.has(it.id));
      return {
        type: 'moveFragments',
        fragmentIds: ids,
        to: { kind: 'article', articleId: art.id, after: rest.length ? rest[rest.length - 1].id : null },
      };
    }
    case 'item': {
      const art = issue.articles.find((a) => a.id === target.articleId);
      if (!art) return null;
      const at = art.items.findIndex((it) => it.id === target.itemId);
      if (at < 0) return null;
      // The anchor is the nearest fragment above the line that is not itself travelling.
      const upto = target.edge === 'top' ? at - 1 : at;
      let after: string | null = null;
      for (let k = upto; k >= 0; k--)
        if (!moving.has(art.items[k].id)) {
          after = art.items[k].id;
          break;
        }
      const rest = art.items.filter((it) => !moving.has(it.id));
      const pos = after === null ? 0 : rest.findIndex((it) => it.id === after) + 1;
      const result = [...rest.slice(0, pos).map((it) => it.id), ...ids, ...rest.slice(pos).map((it) => it.id)];
      if (result.length === art.items.length && result.every((id, i) => art.items[i].id === id)) return null;
      return { type: 'moveFragments', fragmentIds: ids, to: { kind: 'article', articleId: art.id, after } };
    }
  }
}
