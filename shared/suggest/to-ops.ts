import type { Issue } from '../model/types';
import type { Op } from '../ops/op-schema';
import { nextFreeId } from '../model/create';
import type { Suggestions } from './types';

/**
 * Which suggestions to turn into operations. Without `articles`/`items`, every article is considered ("accept
 * all"); `articles` picks suggested articles by index ("accept this article"); `items` picks single placements by
 * fragment id ("accept this decision"). In every case only decisions at or above `minConfidence` are taken.
 */
export interface SuggestionSelection {
  minConfidence?: number;
  articles?: number[];
  items?: string[];
  /** Also set the suggested roles of the fragments placed (default true). */
  roles?: boolean;
}

/**
 * Confident suggestions as one `batch` op (ONE undo step), or null when nothing qualifies. Placements are taken
 * in article order and stop at the first decision that is not confident: a fragment is only ever placed right
 * after a fragment that is already there, so a doubtful link never drags the rest of a chain into the wrong
 * place; what is not taken stays in the unassigned pool. New article ids come from `issue.nextId`.
 */
export function suggestionOps(issue: Issue, s: Suggestions, sel: SuggestionSelection = {}): Op | null {
  const min = sel.minConfidence ?? s.minConfidence;
  const pool = new Set(issue.pool);
  const itemFilter = sel.items ? new Set(sel.items) : null;
  const ops: Op[] = [];
  const roleOps = new Map<string, string[]>();
  let created = 0;
  let placedCount = 0;
  s.articles.forEach((art, ai) => {
    if (sel.articles && !sel.articles.includes(ai)) return;
    let articleId = art.articleId;
    if (articleId && !issue.articles.some((a) => a.id === articleId)) return;
    let prev: string | null = null;
    for (let k = 0; k < art.items.length; k++) {
      const it = art.items[k];
      if (it.fixed) {
        prev = it.id;
        continue;
      }
      const wanted = (!itemFilter || itemFilter.has(it.id)) && it.confidence >= min && pool.has(it.id);
      if (!wanted) break;
      if (!articleId) {
        if (k !== 0) break;
        articleId = nextFreeId(issue, 'a', created);
        created++;
        ops.push({ type: 'createArticle', articleId, label: `New article ${art.title}` });
      }
      ops.push({
        type: 'moveFragments',
        fragmentIds: [it.id],
        to: { kind: 'article', articleId, after: prev, join: prev !== null && it.join },
      });
      placedCount++;
      prev = it.id;
      if (sel.roles !== false) {
        const f = s.fragments[it.id];
        const current = issue.pages.find((p) => p.id === f?.page)?.fragments.find((x) => x.id === it.id)?.role;
        if (f && f.role.role !== current && f.role.confidence >= Math.min(min, 0.6)) {
          const list = roleOps.get(f.role.role) ?? [];
          list.push(it.id);
          roleOps.set(f.role.role, list);
        }
      }
    }
  });
  if (!placedCount) return null;
  for (const [role, ids] of roleOps)
    ops.push({ type: 'setRole', fragmentIds: ids, role: role as Extract<Op, { type: 'setRole' }>['role'] });
  return { type: 'batch', ops, label: `Apply ${placedCount} suggested placement${placedCount === 1 ? '' : 's'}` };
}
