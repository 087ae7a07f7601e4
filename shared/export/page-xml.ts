import { articleTitle, findFragment } from '../model/lookup';
import type { Fragment, Issue, Role } from '../model/types';
import { escAttr, escText } from './xml-escape';

/**
 * The `page` export: one PAGE XML (2019-07-15 schema) document per page. Every fragment of the page is a
 * TextRegion with its corrected text, box and a region type for its role; the ReadingOrder has one
 * OrderedGroupIndexed per article (the article's fragments on this page, in order) and an unordered group for the
 * unassigned; joins are `Relation type="join"`. `custom` attributes (`galley:…`) keep what PAGE has no field for
 * (exact role, article identity across pages, discarded, a join across a page break) so that Galley re-imports
 * its own export losslessly.
 */
export const PAGE_NS = 'http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15';

const ROLE_TYPES: Record<Role, string> = {
  kicker: 'heading',
  headline: 'heading',
  deck: 'heading',
  subhead: 'heading',
  dateline: 'paragraph',
  byline: 'paragraph',
  body: 'paragraph',
  caption: 'caption',
  credit: 'credit',
  jump: 'paragraph',
  other: 'other',
};

function ncName(id: string, prefix: string): string {
  return prefix + id.replace(/[^\w.-]/g, '_');
}

function coords(f: Fragment, sx: number, sy: number): string {
  const b = f.box;
  if (!b) return '0,0 0,0 0,0 0,0';
  const r = (n: number) => String(Math.round(n));
  const x0 = r(b.x * sx),
    y0 = r(b.y * sy),
    x1 = r((b.x + b.w) * sx),
    y1 = r((b.y + b.h) * sy);
  return `${x0},${y0} ${x1},${y0} ${x1},${y1} ${x0},${y1}`;
}

export interface PageXmlExportOptions {
  createdAt?: string;
  /** The scan's file name as written next to the XML; default the page image path, else empty. */
  imageFilename?: string;
}

/**
 * PAGE coordinates are pixels of the scan: when the page has a scan whose size differs from the boxes' space
 * (ALTO in mm10, PDF in points), boxes are scaled to the scan's pixels.
 */
export function buildPageXml(issue: Issue, pageId: string, opts: PageXmlExportOptions = {}): string {
  const page = issue.pages.find((p) => p.id === pageId);
  if (!page) throw new Error(`no page ${pageId}`);
  const now = opts.createdAt ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const onPage = new Set(page.fragments.map((f) => f.id));
  const rid = new Map<string, string>();
  const used = new Set<string>();
  for (const f of page.fragments) {
    let id = ncName(f.id, 'r_');
    for (let n = 2; used.has(id); n++) id = `${ncName(f.id, 'r_')}_${n}`;
    used.add(id);
    rid.set(f.id, id);
  }
  const joinedItems = new Set<string>();
  const relations: [string, string][] = [];
  let groups = '';
  let gi = 0;
  for (const [ai, a] of issue.articles.entries()) {
    const items = a.items.filter((it) => onPage.has(it.id));
    if (!items.length) continue;
    const caption = a.title !== undefined ? ` caption="${escAttr(a.title)}"` : '';
    // Where this page's items stand in the whole article: an article may go back to an earlier page.
    const positions = a.items.flatMap((it, k) => (onPage.has(it.id) ? [k] : [])).join(',');
    const custom = `galley:article ${a.id.replace(/[;\s]/g, '_')}; galley:order ${ai}; galley:positions ${positions}; galley:title ${articleTitle(issue, a).replace(/[;\n]/g, ',')};`;
    groups += `        <OrderedGroupIndexed id="${ncName(a.id, 'g_')}" index="${gi++}"${caption} custom="${escAttr(custom)}">\n`;
    items.forEach((it, k) => {
      groups += `          <RegionRefIndexed index="${k}" regionRef="${rid.get(it.id)}"/>\n`;
      if (it.join) joinedItems.add(it.id);
    });
    groups += '        </OrderedGroupIndexed>\n';
    // Joins between neighbours on this page are PAGE relations; a join to a fragment on another page is kept in `custom`.
    const all = a.items;
    for (let k = 1; k < all.length; k++) {
      if (all[k].join && onPage.has(all[k].id) && onPage.has(all[k - 1].id))
        relations.push([rid.get(all[k - 1].id)!, rid.get(all[k].id)!]);
    }
  }
  const pool = issue.pool.filter((id) => onPage.has(id));
  if (pool.length) {
    groups += `        <UnorderedGroupIndexed id="g_unassigned" index="${gi++}" caption="Unassigned">\n`;
    for (const id of pool) groups += `          <RegionRef regionRef="${rid.get(id)}"/>\n`;
    groups += '        </UnorderedGroupIndexed>\n';
  }
  const discarded = new Set(issue.discarded);
  const space =
    page.size ?? (page.image ? { width: page.image.width, height: page.image.height } : { width: 0, height: 0 });
  const size = page.image ? { width: page.image.width, height: page.image.height } : space;
  const sx = space.width > 0 ? size.width / space.width : 1,
    sy = space.height > 0 ? size.height / space.height : 1;
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n';
  xml += `<PcGts xmlns="${PAGE_NS}">\n`;
  xml += `  <Metadata>\n    <Creator>Galley</Creator>\n    <Created>${now}</Created>\n    <LastChange>${now}</LastChange>\n    <Comments>${escText(issue.title)}</Comments>\n  </Metadata>\n`;
  const image = opts.imageFilename ?? (page.image && !page.image.src.startsWith('data:') ? page.image.src : '');
  xml += `  <Page imageFilename="${escAttr(image)}" imageWidth="${Math.round(size.width)}" imageHeight="${Math.round(size.height)}" custom="galley:label ${escAttr(page.label.replace(/;/g, ','))};">\n`;
  if (groups)
    xml += `    <ReadingOrder>\n      <OrderedGroup id="ro_${ncName(page.id, '')}" caption="Articles">\n${groups}      </OrderedGroup>\n    </ReadingOrder>\n`;
  if (relations.length) {
    xml += '    <Relations>\n';
    // PAGE 2019 RelationType: one SourceRegionRef, then one TargetRegionRef (the continuation).
    relations.forEach(([a, b], k) => {
      xml += `      <Relation id="join_${k + 1}" type="join">\n        <SourceRegionRef regionRef="${a}"/>\n        <TargetRegionRef regionRef="${b}"/>\n      </Relation>\n`;
    });
    xml += '    </Relations>\n';
  }
  for (const f of page.fragments) {
    const custom = [
      `galley:role ${f.role};`,
      discarded.has(f.id) ? 'galley:place discarded;' : '',
      joinedItems.has(f.id) ? 'galley:join true;' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const text = findFragment(issue, f.id)?.text ?? f.text;
    xml += `    <TextRegion id="${rid.get(f.id)}" type="${ROLE_TYPES[f.role]}" custom="${escAttr(custom)}">\n`;
    xml += `      <Coords points="${coords(f, sx, sy)}"/>\n`;
    xml += `      <TextEquiv>\n        <Unicode>${escText(text)}</Unicode>\n      </TextEquiv>\n`;
    xml += '    </TextRegion>\n';
  }
  xml += '  </Page>\n</PcGts>\n';
  return xml;
}
