import type { Article, Issue, OpenEndResolution, Role } from '../model/types';
import { articlePages, articleTitle, findFragment } from '../model/lookup';
import { joinTexts } from '../text/join';
import { articleEnds } from '../audit/audit';

/**
 * The export document: articles and paragraphs in model order, joined fragments inside one paragraph. This
 * shape is the `json` export format and the single input of every other format, so that no exporter can
 * disagree with the board about order. Keep it stable: add fields, never rename.
 */
export interface ExportParagraph {
  role: Role;
  text: string;
  fragments: string[];
  /** The paragraph ends in an open end the proofreader resolved (text lost / continues on a page / ends here). */
  openEnd?: { as: OpenEndResolution; page?: string };
  /** Set by the renderer when lost text is shown by house style: a `[……]` (or the format's editor's note) follows. */
  lostMark?: true;
}

/** How a text format shows text lost at the end of a paragraph (house style of the proofreading desk). */
export const LOST_TEXT_MARK = '[……]';

/** What goes between a paragraph's text and the lost-text mark: a space after Latin text, nothing after Chinese. */
export function lostMarkSeparator(text: string): string {
  return /[A-Za-z0-9.,;:!?'")]$/.test(text) ? ' ' : '';
}

/** `text` followed by the lost-text mark. */
export function withLostMark(text: string): string {
  return text + lostMarkSeparator(text) + LOST_TEXT_MARK;
}
export interface ExportArticle {
  id: string;
  title: string;
  pages: string[];
  status: Article['status'];
  review?: Article['review'];
  paragraphs: ExportParagraph[];
}
export interface ExportLoose {
  id: string;
  page: string;
  text: string;
}
export interface ExportDocument {
  format: 'galley-export';
  version: 1;
  issue: { id: string; title: string; publication?: string; date?: string; pages: { id: string; label: string }[] };
  articles: ExportArticle[];
  unassigned: ExportLoose[];
  discarded: ExportLoose[];
}

export function articleParagraphs(issue: Issue, article: Article): ExportParagraph[] {
  const out: ExportParagraph[] = [];
  const parts: string[][] = [];
  for (const it of article.items) {
    const f = findFragment(issue, it.id);
    if (!f) continue;
    const last = out[out.length - 1];
    if (it.join && last) {
      last.fragments.push(f.id);
      parts[parts.length - 1].push(f.text);
    } else {
      out.push({ role: f.role, text: '', fragments: [f.id] });
      parts.push([f.text]);
    }
  }
  out.forEach((p, i) => {
    p.text = joinTexts(parts[i]);
  });
  // A resolved open end is the last fragment of its paragraph (nothing joins after it); a stale resolution on a
  // fragment that is no longer an open end is not exported.
  const resolved = new Set(articleEnds(issue, article).resolved);
  for (const p of out) {
    const last = p.fragments[p.fragments.length - 1];
    const stamp = resolved.has(last) ? findFragment(issue, last)?.openEnd : undefined;
    if (stamp) p.openEnd = { as: stamp.as, ...(stamp.page ? { page: stamp.page } : {}) };
  }
  return out;
}

function loose(issue: Issue, ids: readonly string[]): ExportLoose[] {
  const pageLabel = new Map(issue.pages.map((p) => [p.id, p.label]));
  return ids
    .map((id) => findFragment(issue, id))
    .filter((f) => !!f)
    .map((f) => ({ id: f.id, page: pageLabel.get(f.page) ?? f.page, text: f.text }));
}

export interface BuildOptions {
  /** Only articles whose review status is `approved`. */
  approvedOnly?: boolean;
  /** Only these article ids (an editor exporting one article). */
  articleIds?: readonly string[];
}

export function buildExport(issue: Issue, opts: BuildOptions = {}): ExportDocument {
  let articles = issue.articles;
  if (opts.approvedOnly) articles = articles.filter((a) => a.status === 'approved');
  if (opts.articleIds) {
    const keep = new Set(opts.articleIds);
    articles = articles.filter((a) => keep.has(a.id));
  }
  return {
    format: 'galley-export',
    version: 1,
    issue: {
      id: issue.id,
      title: issue.title,
      ...(issue.publication ? { publication: issue.publication } : {}),
      ...(issue.date ? { date: issue.date } : {}),
      pages: issue.pages.map((p) => ({ id: p.id, label: p.label })),
    },
    articles: articles.map((a) => ({
      id: a.id,
      title: articleTitle(issue, a),
      pages: articlePages(issue, a),
      status: a.status,
      ...(a.review ? { review: a.review } : {}),
      paragraphs: articleParagraphs(issue, a),
    })),
    unassigned: loose(issue, issue.pool),
    discarded: loose(issue, issue.discarded),
  };
}
