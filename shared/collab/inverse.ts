import type { Issue } from '../model/types';
import { findArticle, findFragment, placeIndex } from '../model/lookup';
import type { Op } from '../ops';

/**
 * The operation that undoes `op` on `before` (the issue it is applied to), or null when there is none to write as
 * an operation. In a shared issue undo cannot restore a snapshot (others may have changed it since): it is a new
 * operation, merged like any other. Returns null for operations whose inverse would need ids of things they
 * destroy (a merge; deleting an article), which the app undoes only while nobody else has written since.
 */
export function inverseOf(before: Issue, op: Op): Op | null {
  switch (op.type) {
    case 'batch': {
      // Undone in reverse order; each inverse is computed against the state its op saw.
      return null;
    }
    case 'editText': {
      const f = findFragment(before, op.fragmentId);
      return f ? { type: 'editText', fragmentId: f.id, text: f.text } : null;
    }
    case 'setRole': {
      const ops: Op[] = op.fragmentIds.flatMap((id) => {
        const f = findFragment(before, id);
        return f ? [{ type: 'setRole' as const, fragmentIds: [id], role: f.role }] : [];
      });
      return ops.length ? { type: 'batch', ops } : null;
    }
    case 'setJoin': {
      const p = placeIndex(before).get(op.fragmentId);
      if (p?.kind !== 'article') return null;
      const a = findArticle(before, p.articleId)!;
      return { type: 'setJoin', fragmentId: op.fragmentId, join: a.items[p.index].join };
    }
    case 'splitFragment':
      return { type: 'mergeFragments', fragmentId: op.fragmentId, nextId: op.newId };
    case 'renameArticle': {
      const a = findArticle(before, op.articleId);
      return a ? { type: 'renameArticle', articleId: a.id, title: a.title ?? null } : null;
    }
    case 'setStatus': {
      const a = findArticle(before, op.articleId);
      if (!a) return null;
      return {
        type: 'setStatus',
        articleId: a.id,
        status: a.status,
        ...(a.review ? { by: a.review.by, at: a.review.at } : {}),
      };
    }
    case 'moveArticle': {
      const i = before.articles.findIndex((a) => a.id === op.articleId);
      return i < 0 ? null : { type: 'moveArticle', articleId: op.articleId, index: i };
    }
    case 'createArticle':
      return op.fragmentIds?.length ? null : { type: 'deleteArticle', articleId: op.articleId };
    case 'moveFragments': {
      // Each fragment back where it was: into its article after its old predecessor (or first), or to the pool
      // or the discard pile (kept in source order there).
      const places = placeIndex(before);
      const ops: Op[] = [];
      for (const id of [...new Set(op.fragmentIds)]) {
        const p = places.get(id);
        if (!p) return null;
        if (p.kind === 'article') {
          const a = findArticle(before, p.articleId)!;
          ops.push({
            type: 'moveFragments',
            fragmentIds: [id],
            to: {
              kind: 'article',
              articleId: a.id,
              after: p.index > 0 ? a.items[p.index - 1].id : null,
              join: a.items[p.index].join,
            },
          });
        } else ops.push({ type: 'moveFragments', fragmentIds: [id], to: { kind: p.kind } });
      }
      return { type: 'batch', ops };
    }
    default:
      return null;
  }
}
