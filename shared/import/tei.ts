import type { ArticleItem, Fragment, Page } from '../model/types';
import { emptyPart, type ImportedPart } from './layout-result';
import { childElements, parseXml, type XmlElement } from './xml-tree';

/**
 * TEI-like transcriptions (ECPO Jing bao: `<div type="page">`, `<div type="article">`, `<p>` with `<lb/>` at
 * printed line ends) → pages with one fragment per `<p>`, lines kept as `\n`, articles from the article divs.
 * The ECPO DOCTYPE declares one entity, `&gaiji;` (a character outside Unicode); it is shown as U+3013 〓 and no
 * other entity is accepted (see xml-safety.ts).
 */
export const TEI_ENTITY_REPLACEMENTS = { gaiji: '\u3013' } as const;

export interface TeiOptions {
  firstPage: number;
  sourceName?: string;
}

/** Only ASCII whitespace is layout in the XML source; U+3000 ideographic spaces are text. */
const EDGE_WS = /^[ \t\r\n]+|[ \t\r\n]+$/g;

function paragraphText(p: XmlElement): string {
  const lines: string[] = [''];
  const walk = (el: XmlElement) => {
    for (const c of el.children) {
      if (typeof c === 'string') lines[lines.length - 1] += c;
      else if (c.name === 'lb') lines.push('');
      else if (c.name !== 'pb' && c.name !== 'note') walk(c);
    }
  };
  walk(p);
  return lines
    .map((l) => l.replace(EDGE_WS, '').replace(/[ \t]*[\r\n]+[ \t]*/g, ''))
    .filter((l) => l !== '')
    .join('\n');
}

interface PageBuild {
  el: XmlElement;
  label: string;
  paras: { text: string; article?: XmlElement }[];
}

export function partFromTei(xml: string, opts: TeiOptions): ImportedPart {
  const root = parseXml(xml, { entityReplacements: TEI_ENTITY_REPLACEMENTS });
  const part = emptyPart();
  const pages: PageBuild[] = [];
  const pageOf = (el: XmlElement): PageBuild => {
    let cur = pages[pages.length - 1];
    if (!cur) {
      cur = { el, label: String(opts.firstPage), paras: [] };
      pages.push(cur);
    }
    return cur;
  };
  const walk = (el: XmlElement, article: XmlElement | undefined) => {
    for (const c of childElements(el)) {
      const type = c.attrs.type ?? '';
      if (c.name === 'div' && type === 'page') {
        pages.push({ el: c, label: c.attrs.n ?? String(opts.firstPage + pages.length), paras: [] });
        walk(c, undefined);
      } else if (c.name === 'div' && type === 'article') {
        walk(c, c);
      } else if (c.name === 'p' || c.name === 'head') {
        const text = paragraphText(c);
        if (text) pageOf(c).paras.push({ text, article });
      } else if (c.name !== 'teiHeader') {
        walk(c, article);
      }
    }
  };
  walk(root, undefined);
  const byArticle = new Map<XmlElement, ArticleItem[]>();
  const firstOf = new Set<string>();
  pages.forEach((pb, i) => {
    const pageId = `p${opts.firstPage + i}`;
    let original = '';
    const fragments: Fragment[] = [];
    for (const para of pb.paras) {
      if (original) original += '\n\n';
      const start = original.length;
      original += para.text;
      const id = `${pageId}.${fragments.length + 1}`;
      fragments.push({ id, page: pageId, spans: [{ start, end: original.length }], text: para.text, role: 'body' });
      if (para.article) {
        const items = byArticle.get(para.article) ?? [];
        if (items.length === 0) firstOf.add(id);
        items.push({ id, join: false });
        byArticle.set(para.article, items);
      }
    }
    // A short one-line first paragraph of an article is its title (ECPO transcribes the headline first).
    for (const f of fragments)
      if (firstOf.has(f.id) && !f.text.includes('\n') && [...f.text].length <= 40) f.role = 'headline';
    const page: Page = {
      id: pageId,
      label: pb.label.slice(0, 100),
      original,
      encoding: 'utf-8',
      markup: [],
      fragments,
      ...(opts.sourceName ? { source: { name: opts.sourceName, format: 'tei' } } : {}),
    };
    part.pages.push(page);
  });
  for (const items of byArticle.values()) part.articles.push({ items });
  if (pages.length === 0) part.warnings.push('The XML file holds no paragraphs (<p>) Galley can read.');
  return part;
}
