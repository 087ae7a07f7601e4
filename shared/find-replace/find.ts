import type { Issue } from '../model/types';
import { OpError, articleTitle, findFragment, fragmentLocation } from '../model/lookup';
import type { Op } from '../ops/op-schema';
import { type TextChange, applyChanges } from '../cleanup/text-change';

/** What to look for. A plain `find` matches literally; `regex` takes a JavaScript pattern (Unicode mode). */
export interface FindQuery {
  find: string;
  replace: string;
  regex?: boolean;
  /** Default true: newsroom corrections are exact. Case only matters for Latin text anyway. */
  caseSensitive?: boolean;
  /** Where to look: articles only (default), or also the unassigned pool and the discard pile. */
  includePool?: boolean;
  includeDiscarded?: boolean;
  /** Only these articles. */
  articleIds?: readonly string[];
  /** A name for the hits, e.g. the word-list line (`wordlist:3`); default `find`. */
  source?: string;
}

/** One occurrence, with what the UI lists: where it is, a snippet around it and what it would become. */
export interface FindHit {
  /** Stable within one search: `fragmentId@start`. */
  id: string;
  fragmentId: string;
  pageId: string;
  /** Page label. */
  page: string;
  articleId: string | null;
  articleTitle: string | null;
  /** UTF-16 offsets into the fragment's current text. */
  start: number;
  end: number;
  match: string;
  replacement: string;
  /** Up to `CONTEXT` characters of the text before and after the match (line breaks as spaces). */
  contextBefore: string;
  contextAfter: string;
  source: string;
  /** Text the fragment had when the search ran: a stale hit is refused, never applied to the wrong characters. */
  fragmentText: string;
}

export const CONTEXT = 12;
/** A search never lists more hits than this; the UI says so and the editor narrows the search. */
export const MAX_HITS = 10_000;

export class FindError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FindError';
  }
}

/** Compiles the query; throws `FindError` with a message for the editor when the pattern is not valid. */
export function compileQuery(q: Pick<FindQuery, 'find' | 'regex' | 'caseSensitive'>): RegExp {
  if (!q.find) throw new FindError('the text to find is empty');
  const flags = 'gu' + (q.caseSensitive === false ? 'i' : '');
  const source = q.regex ? q.find : q.find.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new FindError(
      `the pattern "${q.find}" is not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`,
    );
  }
}

/** `$&`, `$1`…`$99`, `$<name>` and `$$` in a regex replacement, as in String.prototype.replace. */
export function expandReplacement(template: string, m: RegExpExecArray): string {
  return template.replace(/\$(\$|&|\d{1,2}|<([^>]*)>)/g, (all, tok: string, name?: string) => {
    if (tok === '$') return '$';
    if (tok === '&') return m[0];
    if (name !== undefined) return m.groups?.[name] ?? '';
    const n = Number(tok);
    return n > 0 && n < m.length ? (m[n] ?? '') : all;
  });
}

function flat(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Fragments in the order the editor reads them: articles in board order, then the pool, then discarded. */
export function searchOrder(
  issue: Issue,
  q: Pick<FindQuery, 'articleIds' | 'includePool' | 'includeDiscarded'>,
): { id: string; articleId: string | null }[] {
  const only = q.articleIds ? new Set(q.articleIds) : null;
  const out: { id: string; articleId: string | null }[] = [];
  for (const a of issue.articles)
    if (!only || only.has(a.id)) for (const it of a.items) out.push({ id: it.id, articleId: a.id });
  if (q.includePool) for (const id of issue.pool) out.push({ id, articleId: null });
  if (q.includeDiscarded) for (const id of issue.discarded) out.push({ id, articleId: null });
  return out;
}

/** Every occurrence of the query in the issue, in reading order. Throws `FindError` for an invalid pattern. */
export function findAll(issue: Issue, q: FindQuery): { hits: FindHit[]; truncated: boolean } {
  const re = compileQuery(q);
  const titles = new Map(issue.articles.map((a) => [a.id, articleTitle(issue, a)]));
  const hits: FindHit[] = [];
  for (const { id, articleId } of searchOrder(issue, q)) {
    const f = findFragment(issue, id);
    if (!f) continue;
    const page = issue.pages[fragmentLocation(issue, id)!.page];
    re.lastIndex = 0;
    for (let m = re.exec(f.text); m; m = re.exec(f.text)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      } // an empty match replaces nothing; skip it, never loop
      if (hits.length >= MAX_HITS) return { hits, truncated: true };
      const start = m.index;
      const end = start + m[0].length;
      hits.push({
        id: `${f.id}@${start}`,
        fragmentId: f.id,
        pageId: page.id,
        page: page.label,
        articleId,
        articleTitle: articleId ? (titles.get(articleId) ?? null) : null,
        start,
        end,
        match: m[0],
        replacement: q.regex ? expandReplacement(q.replace, m) : q.replace,
        contextBefore: flat([...f.text.slice(0, start)].slice(-CONTEXT).join('')),
        contextAfter: flat([...f.text.slice(end)].slice(0, CONTEXT).join('')),
        source: q.source ?? 'find',
        fragmentText: f.text,
      });
    }
  }
  return { hits, truncated: false };
}

/**
 * The accepted hits as one operation: a batch of `editText` (one undo step), or null when nothing is accepted.
 * Hits that overlap an earlier accepted hit of the same fragment are left out and counted in `skipped`.
 * Refuses with `OpError` when a fragment changed since the search.
 */
export function replaceOp(
  issue: Issue,
  hits: readonly FindHit[],
  accepted?: ReadonlySet<string>,
): { op: Op | null; replaced: number; skipped: string[] } {
  const byFragment = new Map<string, FindHit[]>();
  for (const h of hits) {
    if (accepted && !accepted.has(h.id)) continue;
    const list = byFragment.get(h.fragmentId) ?? [];
    list.push(h);
    byFragment.set(h.fragmentId, list);
  }
  const ops: Op[] = [];
  const skipped: string[] = [];
  let replaced = 0;
  for (const [id, list] of byFragment) {
    const f = findFragment(issue, id);
    if (!f) throw new OpError(`fragment ${id} no longer exists; search again`);
    if (list.some((h) => h.fragmentText !== f.text))
      throw new OpError(`fragment ${id} changed since the search; search again`);
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    const changes: TextChange[] = [];
    let pos = 0;
    for (const h of list) {
      if (h.start < pos || h.match === h.replacement) {
        skipped.push(h.id);
        continue;
      }
      changes.push({ start: h.start, end: h.end, before: h.match, after: h.replacement, rule: h.source });
      pos = h.end;
    }
    if (!changes.length) continue;
    replaced += changes.length;
    ops.push({ type: 'editText', fragmentId: id, text: applyChanges(f.text, changes) });
  }
  if (!ops.length) return { op: null, replaced: 0, skipped };
  return {
    op: { type: 'batch', label: `Replace: ${replaced} occurrence(s) in ${ops.length} fragment(s)`, ops },
    replaced,
    skipped,
  };
}
