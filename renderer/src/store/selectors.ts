import type { Issue, Place } from '@shared/model/types';
import type { AuditReport } from '@shared/audit/audit';
import { auditFor } from './deferred-audit';
import { placeIndex, sourceOrder } from '@shared/model/lookup';
import type { AppState } from './types';
import { containerOf } from './placements';

/**
 * Selectors read derived data from the state. Anything costly is cached by the identity of the arrays it reads
 * (immer keeps unchanged arrays identical), so a drag recomputes only what it touched.
 */

export const selectDoc = (s: AppState): Issue | null => s.doc;

export function selectDirty(s: AppState): boolean {
  const top = s.past[s.past.length - 1];
  return (top ? top.id : 0) !== s.savedMark;
}

export const selectCanUndo = (s: AppState) => s.past.length > 0;
export const selectCanRedo = (s: AppState) => s.future.length > 0;
export const selectUndoLabel = (s: AppState) => s.past[s.past.length - 1]?.label ?? null;
export const selectRedoLabel = (s: AppState) => s.future[0]?.label ?? null;

/**
 * The audit of the current document, computed once per document version; on a big issue it is deferred to an
 * idle callback and the previous version's report stands in meanwhile (features/overview/deferred-audit.ts).
 */
export function selectAudit(s: AppState): AuditReport | null {
  return s.doc ? auditFor(s.doc) : null;
}

/** Cached by the open-end list itself: the incremental audit hands the same list to every version in which the
 * open ends did not change (a keystroke, a pool change), so the rows' badges read one set across versions. */
const openEndCache = new WeakMap<string[], Set<string>>();
const NO_OPEN_ENDS: Set<string> = new Set();
export function selectOpenEnds(s: AppState): Set<string> {
  const r = selectAudit(s);
  if (!r) return NO_OPEN_ENDS;
  let set = openEndCache.get(r.openEnds);
  if (!set) {
    set = new Set(r.openEnds);
    openEndCache.set(r.openEnds, set);
  }
  return set;
}

/** Open ends the proofreader resolved (cached the same way: the list keeps its identity while it does not change). */
export function selectResolvedOpenEnds(s: AppState): Set<string> {
  const r = selectAudit(s);
  if (!r) return NO_OPEN_ENDS;
  let set = openEndCache.get(r.resolvedOpenEnds);
  if (!set) {
    set = new Set(r.resolvedOpenEnds);
    openEndCache.set(r.resolvedOpenEnds, set);
  }
  return set;
}

export function selectPlace(s: AppState, id: string): Place | undefined {
  return s.doc ? placeIndex(s.doc).get(id) : undefined;
}

/**
 * Index of the article holding a fragment (for its color and number), -1 for pool, -2 for discarded, -3 for
 * nowhere. Every visible row asks after every change: answered from the incrementally kept placements
 * (store/placements.ts), not from a rebuilt 20,000-entry index.
 */
export function selectArticleIndexOf(s: AppState, id: string): number {
  const c = s.doc ? containerOf(s.doc, id) : null;
  if (c === null) return -3;
  if (c === 'pool') return -1;
  if (c === 'discard') return -2;
  return articleIndexById(s.doc!, c.id);
}

/** Id of the article holding a fragment, or null when it is in the pool, the discard pile or nowhere. */
export function selectArticleIdOf(s: AppState, id: string): string | null {
  const c = s.doc ? containerOf(s.doc, id) : null;
  return c === null || c === 'pool' || c === 'discard' ? null : c.id;
}

const articleIdx = new WeakMap<Issue['articles'], Map<string, number>>();
/** The last articles array indexed: a drop makes a new array with every article id where it was. */
let lastArticles: { list: Issue['articles']; map: Map<string, number> } | null = null;
export function articleIndexById(issue: Issue, id: string): number {
  const list = issue.articles;
  let m = articleIdx.get(list);
  if (!m) {
    const prev = lastArticles;
    m = prev && sameArticleIds(prev.list, list) ? prev.map : new Map(list.map((a, i) => [a.id, i]));
    articleIdx.set(list, m);
    lastArticles = { list, map: m };
  }
  return m.get(id) ?? -1;
}

function sameArticleIds(a: Issue['articles'], b: Issue['articles']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && a[i].id !== b[i].id) return false;
  return true;
}

export const selectIsSelected = (id: string) => (s: AppState) => s.selection.includes(id);

const selSetCache = new WeakMap<string[], Set<string>>();
export function selectionSet(s: AppState): Set<string> {
  let set = selSetCache.get(s.selection);
  if (!set) {
    set = new Set(s.selection);
    selSetCache.set(s.selection, set);
  }
  return set;
}

/** Fragment ids in the order the board shows them: articles in order, then the pool, then the discard pile. */
const boardOrderCache = new WeakMap<Issue['articles'], WeakMap<string[], WeakMap<string[], string[]>>>();
export function boardOrder(issue: Issue): string[] {
  let a = boardOrderCache.get(issue.articles);
  if (!a) {
    a = new WeakMap();
    boardOrderCache.set(issue.articles, a);
  }
  let b = a.get(issue.pool);
  if (!b) {
    b = new WeakMap();
    a.set(issue.pool, b);
  }
  let list = b.get(issue.discarded);
  if (!list) {
    list = [...issue.articles.flatMap((x) => x.items.map((it) => it.id)), ...issue.pool, ...issue.discarded];
    b.set(issue.discarded, list);
  }
  return list;
}

/** Fragment ids of the current page in source order. */
export function pageOrder(issue: Issue, page: number): string[] {
  return (issue.pages[page]?.fragments ?? []).map((f) => f.id);
}

/** The order ↑/↓ walks in the focused pane. */
export function paneOrder(s: AppState): string[] {
  if (!s.doc) return [];
  return s.focusedPane === 'board' ? boardOrder(s.doc) : pageOrder(s.doc, s.currentPage);
}

/**
 * Reading-order key of a fragment in one of the two orders: `board` (articles in order, then the pool, then the
 * discard pile) or `source` (page, then position on the page). O(1) per fragment from the cached indexes, so
 * sorting a selection never builds a 20,000-entry list.
 */
export function orderKey(issue: Issue, id: string, order: 'board' | 'source'): number {
  if (order === 'source') return sourceOrder(issue, id);
  const p = placeIndex(issue).get(id);
  if (!p) return Number.MAX_SAFE_INTEGER;
  const bucket =
    p.kind === 'article'
      ? articleIndexById(issue, p.articleId)
      : p.kind === 'pool'
        ? issue.articles.length
        : issue.articles.length + 1;
  return bucket * 1_000_000 + p.index;
}

/** The selection sorted in reading order (a drag and a command keep the order of the page or the board). */
export function orderedSelection(s: AppState, order?: 'board' | 'source'): string[] {
  if (!s.doc || !s.selection.length) return [];
  const o = order ?? (s.focusedPane === 'board' ? 'board' : 'source');
  const doc = s.doc;
  return [...s.selection].sort((a, b) => orderKey(doc, a, o) - orderKey(doc, b, o));
}

const allOrderCache = new WeakMap<Issue['pages'], string[]>();
export function allSourceOrder(issue: Issue): string[] {
  let l = allOrderCache.get(issue.pages);
  if (!l) {
    l = issue.pages.flatMap((p) => p.fragments.map((f) => f.id));
    allOrderCache.set(issue.pages, l);
  }
  return l;
}
