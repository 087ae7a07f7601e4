import type { Fragment, Issue, Role } from '../model/types';
import { OpError, findFragment, fragmentLocation } from '../model/lookup';
import type { Op } from '../ops/op-schema';
import { type TextChange, applyChanges } from './text-change';
import { type CleanupPart, cleanupParagraph } from './paragraph';
import { CLEANUP_RULES, type CleanupRule } from './rules';

/** Cleanup of one fragment: its text now, what it would become, and every change with its offsets. */
export interface FragmentCleanup {
  fragmentId: string;
  pageId: string;
  /** Page label, for the preview list. */
  page: string;
  /** The article holding the fragment; null for the pool and the discard pile. */
  articleId: string | null;
  before: string;
  after: string;
  changes: TextChange[];
}

/** What Cleanup would do. Nothing is applied until the UI turns the accepted changes into one op. */
export interface CleanupPreview {
  rules: CleanupRule[];
  /** Only fragments with at least one change, in article order (then pool order). */
  fragments: FragmentCleanup[];
  changeCount: number;
}

export interface CleanupScope {
  /** Articles to clean; default all. */
  articleIds?: readonly string[];
  /** Only these fragments (still read in their paragraph's context). */
  fragmentIds?: readonly string[];
  /** Also clean the unassigned pool (each fragment on its own). Default false: the pool is not exported. */
  includePool?: boolean;
  rules?: readonly CleanupRule[];
}

/** Cleanup of a bare text, e.g. for a live preview while typing. */
export function cleanupText(
  text: string,
  opts: { rules?: readonly CleanupRule[]; role?: Role; next?: string } = {},
): { text: string; changes: TextChange[] } {
  const [changes] = cleanupParagraph([{ text, role: opts.role ?? 'body' }], { rules: opts.rules, next: opts.next });
  return { text: applyChanges(text, changes), changes };
}

function entry(issue: Issue, f: Fragment, changes: TextChange[], articleId: string | null): FragmentCleanup {
  const page = issue.pages[fragmentLocation(issue, f.id)!.page];
  return {
    fragmentId: f.id,
    pageId: page.id,
    page: page.label,
    articleId,
    before: f.text,
    after: applyChanges(f.text, changes),
    changes,
  };
}

/** The preview of Cleanup over articles (and optionally the pool) of an issue. */
export function previewCleanup(issue: Issue, scope: CleanupScope = {}): CleanupPreview {
  const rules = [...(scope.rules ?? CLEANUP_RULES)];
  const onlyArticles = scope.articleIds ? new Set(scope.articleIds) : null;
  const onlyFragments = scope.fragmentIds ? new Set(scope.fragmentIds) : null;
  const out: FragmentCleanup[] = [];
  for (const art of issue.articles) {
    if (onlyArticles && !onlyArticles.has(art.id)) continue;
    const frags = art.items.map((it) => findFragment(issue, it.id));
    let k = 0;
    while (k < art.items.length) {
      let end = k + 1;
      while (end < art.items.length && art.items[end].join) end++;
      const group = frags.slice(k, end).filter((f): f is Fragment => !!f);
      if (!onlyFragments || group.some((f) => onlyFragments.has(f.id))) {
        const parts: CleanupPart[] = group.map((f) => ({ text: f.text, role: f.role }));
        const perPart = cleanupParagraph(parts, { rules, next: frags[end]?.text });
        group.forEach((f, i) => {
          if (perPart[i].length && (!onlyFragments || onlyFragments.has(f.id)))
            out.push(entry(issue, f, perPart[i], art.id));
        });
      }
      k = end;
    }
  }
  if (scope.includePool || onlyFragments) {
    for (const id of issue.pool) {
      if (onlyFragments && !onlyFragments.has(id)) continue;
      const f = findFragment(issue, id);
      if (!f) continue;
      const [changes] = cleanupParagraph([{ text: f.text, role: f.role }], { rules });
      if (changes.length) out.push(entry(issue, f, changes, null));
    }
  }
  return { rules, fragments: out, changeCount: out.reduce((n, f) => n + f.changes.length, 0) };
}

/** Key of one change in a preview, for the UI's accept/skip state. */
export function changeKey(fragmentId: string, change: Pick<TextChange, 'start'>): string {
  return `${fragmentId}@${change.start}`;
}

/**
 * The accepted changes of a preview as one operation (a batch of `editText`, so one undo step), or null when
 * nothing is accepted. Refuses with `OpError` when a fragment changed since the preview was made.
 */
export function cleanupOp(issue: Issue, preview: CleanupPreview, skip: ReadonlySet<string> = new Set()): Op | null {
  const ops: Op[] = [];
  let n = 0;
  for (const fc of preview.fragments) {
    const f = findFragment(issue, fc.fragmentId);
    if (!f) throw new OpError(`fragment ${fc.fragmentId} no longer exists; run Cleanup again`);
    if (f.text !== fc.before)
      throw new OpError(`fragment ${fc.fragmentId} changed since the preview; run Cleanup again`);
    const accepted = fc.changes.filter((c) => !skip.has(changeKey(fc.fragmentId, c)));
    if (!accepted.length) continue;
    n += accepted.length;
    ops.push({ type: 'editText', fragmentId: f.id, text: applyChanges(f.text, accepted) });
  }
  if (!ops.length) return null;
  return { type: 'batch', label: `Cleanup: ${n} change(s) in ${ops.length} fragment(s)`, ops };
}
