import { createIssue } from '../model/create';
import type { ArticleItem, Issue, Page } from '../model/types';

/**
 * What every layout importer returns for one input file: pages (ids `p<N>`, fragment ids `p<N>.<k>`), the
 * articles the file itself defines (METS, PAGE reading order, TEI divs), fragments it marks as page furniture,
 * and warnings for the user. `assembleIssue` turns several of them into one issue.
 */
export interface ImportedArticle {
  title?: string;
  items: ArticleItem[];
  /** Parts of one article split over several files (PAGE XML per page) share a key and are merged in order. */
  key?: string;
  /** Position of the article in the issue when the source says (Galley's PAGE export); else source order. */
  order?: number;
  /** Position of each item in the whole keyed article (Galley's PAGE export), which may go back a page. */
  positions?: number[];
}
export interface ImportedPart {
  pages: Page[];
  articles: ImportedArticle[];
  /** Fragments the source marks as furniture (headers, page numbers): discarded, still kept. */
  discarded: string[];
  warnings: string[];
  /** Scan images the source names (relative to it), for the file reader to attach when they exist. */
  images: { pageId: string; href: string }[];
  /** A title the source gives the issue (METS label). */
  title?: string;
}

export function emptyPart(): ImportedPart {
  return { pages: [], articles: [], discarded: [], warnings: [], images: [] };
}

/** One issue from the parts, in order: articles get ids a1…aN, every unplaced fragment goes to the pool. */
export function assembleIssue(parts: readonly ImportedPart[], meta: { id?: string; title: string }): Issue {
  const pages = parts.flatMap((p) => p.pages);
  const issue = createIssue(pages, meta);
  const placed = new Set<string>();
  let n = 0;
  const byKey = new Map<string, Issue['articles'][number]>();
  const orderOf = new Map<Issue['articles'][number], number>();
  /** Per keyed article, the source position of each item, while every part gave them. */
  const positionsOf = new Map<Issue['articles'][number], number[] | null>();
  for (const part of parts) {
    for (const a of part.articles) {
      const items = a.items.filter((it) => !placed.has(it.id));
      if (items.length === 0) continue;
      items.forEach((it) => placed.add(it.id));
      const keyed = a.key ? byKey.get(a.key) : undefined;
      const positions = a.positions && items.length === a.items.length ? a.positions : null;
      if (keyed) {
        keyed.items.push(...items);
        const known = positionsOf.get(keyed);
        positionsOf.set(keyed, known && positions ? [...known, ...positions] : null);
        continue;
      }
      const article = {
        id: `a${++n}`,
        ...(a.title ? { title: a.title.slice(0, 2000) } : {}),
        items,
        status: 'draft' as const,
      };
      if (a.key) {
        byKey.set(a.key, article);
        positionsOf.set(article, positions);
      }
      issue.articles.push(article);
      if (a.order !== undefined) orderOf.set(article, a.order);
    }
    for (const id of part.discarded)
      if (!placed.has(id)) {
        placed.add(id);
        issue.discarded.push(id);
      }
  }
  for (const [article, positions] of positionsOf) {
    if (!positions || new Set(positions).size !== positions.length) continue;
    const at = new Map(article.items.map((it, i) => [it, positions[i]]));
    article.items.sort((x, y) => at.get(x)! - at.get(y)!);
  }
  // The first paragraph of an article continues nothing (known only once keyed parts are merged and sorted).
  for (const a of issue.articles) if (a.items[0]?.join) a.items[0] = { ...a.items[0], join: false };
  issue.pool = issue.pool.filter((id) => !placed.has(id));
  if (orderOf.size) {
    // Stable: articles without an order keep their place relative to each other, after the ordered ones.
    issue.articles = issue.articles
      .map((a, i) => ({ a, i, o: orderOf.get(a) ?? Number.MAX_SAFE_INTEGER }))
      .sort((x, y) => x.o - y.o || x.i - y.i)
      .map((x) => x.a);
    issue.articles.forEach((a, i) => {
      a.id = `a${i + 1}`;
    });
  }
  issue.nextId = n + 1;
  return issue;
}
