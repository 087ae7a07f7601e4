import type { Article, Fragment, Issue, Page, Span } from '../model/types';
import { findFragment } from '../model/lookup';
import { endsSentence } from '../text/chars';

/**
 * The audit: what a proofreader still has to do, and — the non-negotiable — whether any text of the originals is
 * missing or duplicated. `lost`, `duplicated` and `misplaced` must always be empty; the property tests and the
 * file loader hold the program to it.
 */
export interface TextProblem {
  page: string;
  start: number;
  end: number;
  text: string;
}
export interface AuditReport {
  /** Characters of an original that no fragment covers. */
  lost: TextProblem[];
  /** Characters of an original that two fragments cover. */
  duplicated: TextProblem[];
  /** Fragment ids placed twice, placed nowhere, or referenced but missing. */
  misplaced: { id: string; problem: 'placed-twice' | 'not-placed' | 'missing' }[];
  unassigned: string[];
  /**
   * Body fragments in an article that end mid-sentence, are not joined to a successor and that the proofreader has
   * not resolved (`Fragment.openEnd`): the open ends left to settle.
   */
  openEnds: string[];
  /** Open ends the proofreader resolved (text lost, continues elsewhere, ends here): settled, no work left. */
  resolvedOpenEnds: string[];
  emptyArticles: string[];
  fragments: number;
  placed: number;
}

const OPEN_END_ROLES = new Set(['body']);

/**
 * Memo of per-page coverage and of each fragment's sentence end (the renderer audits a 20,000-fragment issue after
 * every edit, and an edit touches one page or one article). Only frozen objects are memoized: ops produce frozen
 * versions (immer), and a hand-built object that could still be mutated in place is always recomputed.
 */
const pageCoverage = new WeakMap<Page, { lost: TextProblem[]; duplicated: TextProblem[] }>();
const sentenceEnd = new WeakMap<Fragment, boolean>();

/** `endsSentence` of the fragment's text, memoized per frozen fragment version (a text edit makes a new one). */
function endsSentenceOf(f: Fragment): boolean {
  let r = sentenceEnd.get(f);
  if (r === undefined) {
    r = endsSentence(f.text);
    if (Object.isFrozen(f)) sentenceEnd.set(f, r);
  }
  return r;
}

/** Lost and duplicated text of every page, in page order (memoized per frozen page). */
export function coverage(issue: Issue): { lost: TextProblem[]; duplicated: TextProblem[] } {
  const lost: TextProblem[] = [];
  const duplicated: TextProblem[] = [];
  for (const page of issue.pages) {
    const memo = pageCoverage.get(page);
    if (memo) {
      lost.push(...memo.lost);
      duplicated.push(...memo.duplicated);
      continue;
    }
    const c = pageCoverageOf(page);
    if (Object.isFrozen(page) && Object.isFrozen(page.fragments) && Object.isFrozen(page.markup))
      pageCoverage.set(page, c);
    lost.push(...c.lost);
    duplicated.push(...c.duplicated);
  }
  return { lost, duplicated };
}

function pageCoverageOf(page: Page): { lost: TextProblem[]; duplicated: TextProblem[] } {
  const lost: TextProblem[] = [];
  const duplicated: TextProblem[] = [];
  {
    const spans: Span[] = [...page.markup];
    for (const f of page.fragments) for (const s of f.spans) if (s.end > s.start) spans.push(s);
    spans.sort((a, b) => a.start - b.start || a.end - b.end);
    const text = page.original;
    const gap = (from: number, to: number) => {
      const slice = text.slice(from, to);
      if (/\S/u.test(slice)) lost.push({ page: page.id, start: from, end: to, text: slice.trim() });
    };
    let pos = 0;
    for (const s of spans) {
      if (s.end > text.length) {
        lost.push({ page: page.id, start: s.start, end: s.end, text: '(span outside the original)' });
        continue;
      }
      if (s.start > pos) gap(pos, s.start);
      else if (s.start < pos) {
        const end = Math.min(pos, s.end);
        duplicated.push({ page: page.id, start: s.start, end, text: text.slice(s.start, end) });
      }
      pos = Math.max(pos, s.end);
    }
    if (pos < text.length) gap(pos, text.length);
  }
  return { lost, duplicated };
}

export function audit(issue: Issue): AuditReport {
  const { lost, duplicated } = coverage(issue);
  const openEnds: string[] = [];
  const resolvedOpenEnds: string[] = [];
  const emptyArticles: string[] = [];
  let placed = 0;
  for (const a of issue.articles) {
    if (!a.items.length) emptyArticles.push(a.id);
    placed += a.items.length;
    const ends = articleEnds(issue, a);
    openEnds.push(...ends.open);
    resolvedOpenEnds.push(...ends.resolved);
  }
  let fragments = 0;
  for (const p of issue.pages) fragments += p.fragments.length;
  return {
    lost,
    duplicated,
    misplaced: misplacedOf(issue),
    unassigned: [...issue.pool],
    openEnds,
    resolvedOpenEnds,
    emptyArticles,
    fragments,
    placed: placed + issue.discarded.length,
  };
}

/**
 * Misplaced ids in report order: per page fragment (source order) not placed or placed twice, then ids placed but
 * missing from the pages, in board order. Shared with the incremental audit, which calls it only when its counts
 * say something is misplaced.
 */
export function misplacedOf(issue: Issue): AuditReport['misplaced'] {
  const seen = new Map<string, number>();
  const count = (id: string) => seen.set(id, (seen.get(id) ?? 0) + 1);
  for (const a of issue.articles) for (const it of a.items) count(it.id);
  issue.pool.forEach(count);
  issue.discarded.forEach(count);
  const misplaced: AuditReport['misplaced'] = [];
  for (const p of issue.pages)
    for (const f of p.fragments) {
      const n = seen.get(f.id) ?? 0;
      if (n === 0) misplaced.push({ id: f.id, problem: 'not-placed' });
      if (n > 1) misplaced.push({ id: f.id, problem: 'placed-twice' });
    }
  for (const id of seen.keys()) if (!findFragment(issue, id)) misplaced.push({ id, problem: 'missing' });
  return misplaced;
}

/**
 * Open ends of one article, in item order: body fragments ending mid-sentence that the next item does not join,
 * split into those still open and those the proofreader resolved. A resolution on a fragment that is not an open
 * end (joined since, or its sentence now ends) is not counted at all.
 */
export function articleEnds(issue: Issue, a: Article): { open: string[]; resolved: string[] } {
  const open: string[] = [];
  const resolved: string[] = [];
  a.items.forEach((it, i) => {
    const f = findFragment(issue, it.id);
    if (!f || !isOpenEndFragment(f, a.items[i + 1]?.join ?? false)) return;
    (f.openEnd ? resolved : open).push(f.id);
  });
  return { open, resolved };
}

/** Unresolved open ends of one article, in item order. */
export function articleOpenEnds(issue: Issue, a: Article): string[] {
  return articleEnds(issue, a).open;
}

/** The open-end rule for one placed fragment: a body fragment ending mid-sentence whose next item does not join it. */
function isOpenEndFragment(f: Fragment, nextJoins: boolean): boolean {
  return OPEN_END_ROLES.has(f.role) && !nextJoins && !endsSentenceOf(f);
}

/** True when fragment `id` is an open end (resolved or not) of the article it is placed in. */
export function isOpenEnd(issue: Issue, id: string): boolean {
  const f = findFragment(issue, id);
  if (!f) return false;
  for (const a of issue.articles) {
    const i = a.items.findIndex((it) => it.id === id);
    if (i >= 0) return isOpenEndFragment(f, a.items[i + 1]?.join ?? false);
  }
  return false;
}

/** No text lost, duplicated or misplaced: the invariant, independent of the proofreader's progress. */
export function textIntact(r: AuditReport): boolean {
  return !r.lost.length && !r.duplicated.length && !r.misplaced.length;
}

/** Nothing left to do: intact, all placed, no unresolved open ends, no empty articles. */
export function auditClean(r: AuditReport): boolean {
  return textIntact(r) && !r.unassigned.length && !r.openEnds.length && !r.emptyArticles.length;
}
