import type { Issue } from '../model/types';
import type { Op } from '../ops';

/** Fragments whose text, and fragments whose place, an operation changes (applied to `before`). */
export function touchedBy(op: Op, before: Issue): { text: string[]; place: string[] } {
  switch (op.type) {
    case 'batch': {
      const parts = op.ops.map((o) => touchedBy(o, before));
      return { text: parts.flatMap((p) => p.text), place: parts.flatMap((p) => p.place) };
    }
    case 'editText':
      return { text: [op.fragmentId], place: [] };
    case 'splitFragment':
      return { text: [op.fragmentId, op.newId], place: [op.fragmentId, op.newId] };
    case 'mergeFragments':
      return { text: [op.fragmentId, op.nextId], place: [op.fragmentId, op.nextId] };
    case 'moveFragments':
      return { text: [], place: op.fragmentIds };
    case 'createArticle':
      return { text: [], place: op.fragmentIds ?? [] };
    case 'deleteArticle':
      return { text: [], place: before.articles.find((a) => a.id === op.articleId)?.items.map((i) => i.id) ?? [] };
    default:
      return { text: [], place: [] };
  }
}
