import type { Article, Fragment, Issue, Page, Place } from './types';

/**
 * Indexes over an issue, cached by the identity of the arrays they read. Operations produce new arrays only for
 * what they change (immer structural sharing), so a drag between articles never rebuilds the fragment index.
 */
interface FragmentIndex {
  byId: Map<string, { page: number; index: number }>;
}
const fragmentIndexCache = new WeakMap<Page[], FragmentIndex>();

/** The last pages array indexed: a text edit makes a new pages array with every fragment where it was. */
let lastIndexed: { pages: Page[]; idx: FragmentIndex } | null = null;

/** True when every fragment id sits at the same page and position in both arrays (only changed pages are read). */
function samePositions(a: Page[], b: Page[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const fa = a[i].fragments;
    const fb = b[i].fragments;
    if (fa === fb) continue;
    if (fa.length !== fb.length) return false;
    for (let k = 0; k < fa.length; k++) if (fa[k].id !== fb[k].id) return false;
  }
  return true;
}

function fragmentIndex(issue: Issue): FragmentIndex {
  let idx = fragmentIndexCache.get(issue.pages);
  if (!idx) {
    // Typing in one fragment of a 20,000-fragment issue must not rebuild the whole index per keystroke.
    if (lastIndexed && samePositions(lastIndexed.pages, issue.pages)) {
      idx = lastIndexed.idx;
    } else {
      const byId = new Map<string, { page: number; index: number }>();
      issue.pages.forEach((p, pi) => p.fragments.forEach((f, fi) => byId.set(f.id, { page: pi, index: fi })));
      idx = { byId };
    }
    fragmentIndexCache.set(issue.pages, idx);
    lastIndexed = { pages: issue.pages, idx };
  }
  return idx;
}

export function findFragment(issue: Issue, id: string): Fragment | undefined {
  const at = fragmentIndex(issue).byId.get(id);
  return at ? issue.pages[at.page].fragments[at.index] : undefined;
}

export function getFragment(issue: Issue, id: string): Fragment {
  const f = findFragment(issue, id);
  if (!f) throw new OpError(`fragment ${id} does not exist`);
  return f;
}

/** Position of a fragment in `issue.pages`: page index and index in that page's source-ordered list. */
export function fragmentLocation(issue: Issue, id: string): { page: number; index: number } | undefined {
  return fragmentIndex(issue).byId.get(id);
}

export function allFragments(issue: Issue): Fragment[] {
  return issue.pages.flatMap((p) => p.fragments);
}

/** Source order key: page index, then position on the page. Used to keep the pool in reading order. */
export function sourceOrder(issue: Issue, id: string): number {
  const at = fragmentIndex(issue).byId.get(id);
  return at ? at.page * 1_000_000 + at.index : Number.MAX_SAFE_INTEGER;
}

const placeCache = new WeakMap<Article[], WeakMap<string[], WeakMap<string[], Map<string, Place>>>>();

/**
 * Where every fragment is, as one map. Rebuilt when articles, pool or discard pile change (once per operation):
 * O(fragments). For a single lookup prefer `placeOf`, which only re-indexes the containers that changed.
 */
export function placeIndex(issue: Issue): Map<string, Place> {
  let a = placeCache.get(issue.articles);
  if (!a) {
    a = new WeakMap();
    placeCache.set(issue.articles, a);
  }
  let b = a.get(issue.pool);
  if (!b) {
    b = new WeakMap();
    a.set(issue.pool, b);
  }
  let m = b.get(issue.discarded);
  if (!m) {
    m = new Map();
    for (const art of issue.articles)
      art.items.forEach((it, index) => m!.set(it.id, { kind: 'article', articleId: art.id, index }));
    issue.pool.forEach((id, index) => m!.set(id, { kind: 'pool', index }));
    issue.discarded.forEach((id, index) => m!.set(id, { kind: 'discard', index }));
    b.set(issue.discarded, m);
  }
  return m;
}

/** Position of each id in one container, cached by the container's identity (immer gives a changed container a new
 * array and keeps unchanged ones): a drag into one article re-indexes that article and the pool, nothing else. */
const listIndexCache = new WeakMap<readonly unknown[], Map<string, number> | number>();
/** Lookups answered by a linear scan before a list gets its index: an operation touches a handful of ids of a list
 * that is new after every operation, and an 8,000-id scan costs less than building its map. */
const SCANS_BEFORE_INDEX = 16;
function indexIn<T>(list: readonly T[], id: string, idOf: (x: T) => string): number {
  const cached = listIndexCache.get(list);
  if (typeof cached === 'object') return cached.get(id) ?? -1;
  const scans = cached ?? 0;
  if (scans < SCANS_BEFORE_INDEX || list.length < 64) {
    listIndexCache.set(list, scans + 1);
    for (let i = 0; i < list.length; i++) if (idOf(list[i]) === id) return i;
    return -1;
  }
  const m = new Map<string, number>();
  for (let i = 0; i < list.length; i++) m.set(idOf(list[i]), i);
  listIndexCache.set(list, m);
  return m.get(id) ?? -1;
}
const itemId = (it: { id: string }) => it.id;
const self = (id: string) => id;

/** Where one fragment is (article, pool or discard pile), or undefined when it is in none. */
export function placeOf(issue: Issue, id: string): Place | undefined {
  let i = indexIn(issue.pool, id, self);
  if (i >= 0) return { kind: 'pool', index: i };
  i = indexIn(issue.discarded, id, self);
  if (i >= 0) return { kind: 'discard', index: i };
  for (const art of issue.articles) {
    i = indexIn(art.items, id, itemId);
    if (i >= 0) return { kind: 'article', articleId: art.id, index: i };
  }
  return undefined;
}

export function findArticle(issue: Issue, id: string): Article | undefined {
  return issue.articles.find((a) => a.id === id);
}

export function getArticle(issue: Issue, id: string): Article {
  const a = findArticle(issue, id);
  if (!a) throw new OpError(`article ${id} does not exist`);
  return a;
}

/** The text a fragment had at import (or the concatenation of its spans after merges). */
export function originalTextOf(issue: Issue, f: Fragment): string {
  const page = issue.pages[fragmentLocation(issue, f.id)?.page ?? -1] ?? issue.pages.find((p) => p.id === f.page);
  if (!page) return '';
  return f.spans.map((s) => page.original.slice(s.start, s.end)).join('');
}

/** Title shown for an article: the explicit one, else its first headline, else its first fragment's start. */
export function articleTitle(issue: Issue, article: Article): string {
  if (article.title && article.title.trim()) return article.title;
  const frags = article.items.map((it) => findFragment(issue, it.id)).filter((f): f is Fragment => !!f);
  const head = frags.find((f) => f.role === 'headline') ?? frags.find((f) => f.role === 'kicker') ?? frags[0];
  if (!head) return '';
  const t = head.text.replace(/\s+/g, ' ').trim();
  return [...t].length > 40 ? [...t].slice(0, 40).join('') + '…' : t;
}

/** Page labels an article spans, in issue page order. */
export function articlePages(issue: Issue, article: Article): string[] {
  const seen = new Set<number>();
  for (const it of article.items) {
    const at = fragmentLocation(issue, it.id);
    if (at) seen.add(at.page);
  }
  return [...seen].sort((x, y) => x - y).map((i) => issue.pages[i].label);
}

/** A refused operation: the message is shown to the proofreader as is. */
export class OpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpError';
  }
}
