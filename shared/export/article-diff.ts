import { diffChars } from 'diff';
import type { Article, Issue, Role } from '../model/types';
import { articleTitle, findFragment, getArticle, originalTextOf } from '../model/lookup';

/**
 * "What changed" in an article, for the editor's review (draft → corrected → approved): every fragment's current
 * text against the text it had at import, as a list of equal/added/removed pieces the UI renders as it likes.
 * Character-level, which is the right grain for Chinese (a word diff would mark whole phrases).
 */
export interface DiffPiece {
  kind: 'equal' | 'added' | 'removed';
  text: string;
}

export interface FragmentDiff {
  fragmentId: string;
  role: Role;
  /** Joined to the previous fragment (same paragraph). */
  join: boolean;
  original: string;
  current: string;
  changed: boolean;
  pieces: DiffPiece[];
  added: number;
  removed: number;
}

export interface ArticleDiff {
  articleId: string;
  title: string;
  status: Article['status'];
  review?: Article['review'];
  fragments: FragmentDiff[];
  /** Fragments whose text differs from the original. */
  changedFragments: number;
  /** Characters (UTF-16 units) added and removed over the article. */
  added: number;
  removed: number;
}

/** Diff pieces of two texts; only whitespace differences count as changes too (they are what Cleanup fixes). */
export function textDiff(original: string, current: string): DiffPiece[] {
  if (original === current) return original ? [{ kind: 'equal', text: original }] : [];
  return diffChars(original, current).map((p) => ({
    kind: p.added ? 'added' : p.removed ? 'removed' : 'equal',
    text: p.value,
  }));
}

export function articleDiff(issue: Issue, articleId: string): ArticleDiff {
  const a = getArticle(issue, articleId);
  const fragments: FragmentDiff[] = [];
  for (const it of a.items) {
    const f = findFragment(issue, it.id);
    if (!f) continue;
    const original = originalTextOf(issue, f);
    const pieces = textDiff(original, f.text);
    const count = (k: DiffPiece['kind']) => pieces.filter((p) => p.kind === k).reduce((n, p) => n + p.text.length, 0);
    fragments.push({
      fragmentId: f.id,
      role: f.role,
      join: it.join,
      original,
      current: f.text,
      changed: original !== f.text,
      pieces,
      added: count('added'),
      removed: count('removed'),
    });
  }
  return {
    articleId: a.id,
    title: articleTitle(issue, a),
    status: a.status,
    ...(a.review ? { review: a.review } : {}),
    fragments,
    changedFragments: fragments.filter((f) => f.changed).length,
    added: fragments.reduce((n, f) => n + f.added, 0),
    removed: fragments.reduce((n, f) => n + f.removed, 0),
  };
}

/** One line per article for a review overview: status and how much was corrected. */
export function reviewSummary(issue: Issue): {
  articleId: string;
  title: string;
  status: Article['status'];
  changedFragments: number;
  added: number;
  removed: number;
}[] {
  return issue.articles.map((a) => {
    const d = articleDiff(issue, a.id);
    return {
      articleId: a.id,
      title: d.title,
      status: d.status,
      changedFragments: d.changedFragments,
      added: d.added,
      removed: d.removed,
    };
  });
}
