import { ISSUE_FORMAT, SCHEMA_VERSION } from '../model/schema';
import type { Article, Fragment, Issue, Page } from '../model/types';
import type { CollabState } from './state';
import { joinSpans } from './spans';

/** The fragments a document shows: every head piece (not absorbed), and the pieces each one holds. */
export function headsOf(state: CollabState): string[] {
  const heads: string[] = [];
  const reached = new Set<string>();
  const mark = (id: string) => {
    const stack = [id];
    while (stack.length) {
      const x = stack.pop()!;
      if (reached.has(x)) continue;
      reached.add(x);
      for (const c of state.children(x)) stack.push(c);
    }
  };
  for (const [id, p] of state.pieces) {
    if (!p.place.startsWith('in:') || !state.pieces.has(p.place.slice(3))) {
      heads.push(id);
      mark(id);
    }
  }
  // Pieces absorbed in a cycle (two sides merged a into b and b into a): the smallest id of each cycle becomes a
  // fragment again, in the pool, so that nothing is dropped.
  if (reached.size < state.pieces.size) {
    const rest = [...state.pieces.keys()].filter((id) => !reached.has(id)).sort();
    for (const id of rest) {
      if (reached.has(id)) continue;
      heads.push(id);
      mark(id);
    }
  }
  return heads;
}

/**
 * The issue a document holds, as the app uses it. Every piece is in exactly one fragment and every fragment in
 * exactly one container by construction (see schema.ts), so this passes the audit whatever was merged.
 */
export function projectIssue(state: CollabState): Issue {
  const heads = headsOf(state);
  const headSet = new Set(heads);
  const frag = new Map<string, Fragment>();
  for (const id of heads) {
    const p = state.pieces.get(id)!;
    const segs = state.segments(id);
    frag.set(id, {
      id,
      page: p.page,
      spans: joinSpans(segs.map((s) => s.spans)),
      text: segs.map((s) => s.lead + s.text).join(''),
      role: p.role,
      ...(p.hint !== null ? { hint: p.hint } : {}),
      ...(p.box !== null ? { box: p.box } : {}),
      ...(p.openEnd !== null ? { openEnd: p.openEnd } : {}),
    });
  }
  const pageFrags = new Map<string, Fragment[]>(state.pageOrder.map((id) => [id, []]));
  const listed = new Set<string>();
  const addToPage = (id: string) => {
    if (!headSet.has(id) || listed.has(id)) return;
    listed.add(id);
    const f = frag.get(id)!;
    pageFrags.get(f.page)?.push(f);
  };
  for (const id of state.source) addToPage(id);
  for (const id of heads) addToPage(id);
  const pages: Page[] = state.pageOrder.map((pid) => ({
    ...(structuredClone(state.pages.get(pid)) as Omit<Page, 'fragments'>),
    fragments: pageFrags.get(pid)!,
  }));
  const srcKey = new Map<string, number>();
  pages.forEach((p, pi) => p.fragments.forEach((f, i) => srcKey.set(f.id, pi * 1_000_000 + i)));

  const alive = new Set<string>();
  const articleIds: string[] = [];
  for (const id of state.articleOrder) {
    const a = state.articles.get(id);
    if (a?.alive && !alive.has(id)) {
      alive.add(id);
      articleIds.push(id);
    }
  }
  const items = new Map<string, string[]>(articleIds.map((id) => [id, []]));
  const pool: string[] = [];
  const discarded: string[] = [];
  const placed = new Set<string>();
  const place = (id: string) => {
    if (!headSet.has(id) || placed.has(id)) return;
    placed.add(id);
    const pl = state.pieces.get(id)!.place;
    if (pl.startsWith('a:') && alive.has(pl.slice(2))) items.get(pl.slice(2))!.push(id);
    else if (pl === 'discard') discarded.push(id);
    else pool.push(id);
  };
  for (const id of state.order) place(id);
  for (const id of heads) place(id);
  const bySource = (a: string, b: string) => srcKey.get(a)! - srcKey.get(b)!;
  pool.sort(bySource);
  discarded.sort(bySource);
  const articles: Article[] = articleIds.map((id) => {
    const a = state.articles.get(id)!;
    return {
      id,
      ...(a.title !== null ? { title: a.title } : {}),
      items: items.get(id)!.map((fid, i) => ({ id: fid, join: i > 0 && state.pieces.get(fid)!.join })),
      status: a.status,
      ...(a.review ? { review: { ...a.review } } : {}),
    };
  });
  const m = state.meta;
  return {
    format: ISSUE_FORMAT,
    version: SCHEMA_VERSION,
    id: m.id,
    title: m.title,
    ...(m.publication !== null ? { publication: m.publication } : {}),
    ...(m.date !== null ? { date: m.date } : {}),
    pages,
    articles,
    pool,
    discarded,
    history: structuredClone(state.history),
    nextId: Math.max(1, ...state.nextIds.values()),
  };
}
