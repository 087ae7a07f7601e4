import { ROLES } from '../model/schema';
import type { ArticleItem, Box, Fragment, Page, Role } from '../model/types';
import { emptyPart, type ImportedArticle, type ImportedPart } from './layout-result';
import { childElements, descendants, parseXml, textContent, type XmlElement } from './xml-tree';

/**
 * PAGE XML (PRImA, 2009–2019 schemas) → pages. TextRegions in reading order become fragments (text from the
 * region's own TextEquiv, else its lines'), Coords → box, region types → roles; each ordered group nested in the
 * ReadingOrder becomes an article; `Relation type="join"` marks a paragraph continued across regions.
 * Page furniture (header, footer, page-number, signature-mark, catch-word) is discarded, never dropped.
 */
export interface PageXmlOptions {
  firstPage: number;
  sourceName?: string;
}

/** PAGE region `type` → Galley role; `null` = page furniture (discarded with role `other`). */
export const PAGE_TYPE_ROLES: Record<string, Role | null> = {
  paragraph: 'body',
  heading: 'headline',
  caption: 'caption',
  credit: 'credit',
  'drop-capital': 'body',
  header: null,
  footer: null,
  'page-number': null,
  'signature-mark': null,
  'catch-word': null,
  marginalia: 'other',
  footnote: 'other',
  'footnote-continued': 'other',
  endnote: 'other',
  'TOC-entry': 'other',
  'list-label': 'body',
  other: 'other',
};

/** Prefix on `custom` attributes Galley writes, so that its own exports import back losslessly. */
export const GALLEY_CUSTOM = 'galley';

function boxFromCoords(region: XmlElement): Box | undefined {
  const coords = childElements(region, 'Coords')[0];
  if (!coords) return undefined;
  const xs: number[] = [],
    ys: number[] = [];
  if (coords.attrs.points) {
    for (const pair of coords.attrs.points.trim().split(/\s+/)) {
      const [x, y] = pair.split(',').map(Number);
      if (Number.isFinite(x) && Number.isFinite(y)) {
        xs.push(x);
        ys.push(y);
      }
    }
  } else {
    for (const p of childElements(coords, 'Point')) {
      xs.push(Number(p.attrs.x));
      ys.push(Number(p.attrs.y));
    }
  }
  const okX = xs.filter(Number.isFinite),
    okY = ys.filter(Number.isFinite);
  if (!okX.length || !okY.length) return undefined;
  const x = Math.min(...okX),
    y = Math.min(...okY);
  return { x, y, w: Math.max(...okX) - x, h: Math.max(...okY) - y };
}

function equivText(el: XmlElement): string | undefined {
  const eqs = childElements(el, 'TextEquiv');
  if (!eqs.length) return undefined;
  const best = eqs.find((e) => e.attrs.index === '0' || e.attrs.index === undefined) ?? eqs[0];
  const uni = childElements(best, 'Unicode')[0];
  return uni ? textContent(uni) : undefined;
}

function regionText(region: XmlElement): string {
  const own = equivText(region);
  if (own !== undefined && own.trim() !== '') return own.replace(/\r\n?/g, '\n');
  return childElements(region, 'TextLine')
    .map((l) => {
      const t = equivText(l);
      return (
        t ??
        childElements(l, 'Word')
          .map((w) => equivText(w) ?? '')
          .filter(Boolean)
          .join(' ')
      );
    })
    .filter((t) => t.trim() !== '')
    .join('\n');
}

function customValue(el: XmlElement, key: string): string | undefined {
  const m = new RegExp(`${GALLEY_CUSTOM}:${key}\\s+([^;]+)`).exec(el.attrs.custom ?? '');
  return m?.[1].trim();
}

interface Group {
  ordered: boolean;
  refs: string[];
  caption?: string;
  key?: string;
  order?: number;
  positions?: number[];
}

/** The reading order: region ids in order, and the nested groups (→ articles). */
function readingOrder(page: XmlElement): { order: string[]; groups: Group[] } {
  const ro = childElements(page, 'ReadingOrder')[0];
  const order: string[] = [];
  const groups: Group[] = [];
  if (!ro) return { order, groups };
  const byIndex = (els: XmlElement[]) =>
    [...els].sort((a, b) => Number(a.attrs.index ?? 0) - Number(b.attrs.index ?? 0));
  const collect = (g: XmlElement, into: Group | undefined) => {
    const kids = childElements(g);
    const sorted = /Ordered/.test(g.name) && !/Unordered/.test(g.name) ? byIndex(kids) : kids;
    for (const k of sorted) {
      if (k.name === 'RegionRefIndexed' || k.name === 'RegionRef') {
        const id = k.attrs.regionRef;
        if (id) {
          order.push(id);
          into?.refs.push(id);
        }
      } else if (/Group/.test(k.name)) {
        const ordered = !/Unordered/.test(k.name);
        const order = Number(customValue(k, 'order'));
        const positions = (customValue(k, 'positions') ?? '')
          .split(',')
          .filter((x) => x !== '')
          .map(Number);
        const grp: Group = {
          ordered,
          refs: [],
          ...(k.attrs.caption ? { caption: k.attrs.caption } : {}),
          ...(customValue(k, 'article') ? { key: customValue(k, 'article') } : {}),
          ...(Number.isInteger(order) ? { order } : {}),
          ...(positions.length && positions.every(Number.isInteger) ? { positions } : {}),
        };
        groups.push(grp);
        collect(k, grp);
      }
    }
  };
  for (const top of childElements(ro)) collect(top, undefined);
  return { order, groups };
}

function joins(root: XmlElement): Set<string> {
  const out = new Set<string>();
  for (const rel of descendants(root, 'Relation')) {
    if (rel.attrs.type !== 'join') continue;
    // PAGE 2016+: SourceRegionRef → TargetRegionRef; older files (and Galley before it followed the schema) list RegionRefs in order.
    const source = childElements(rel, 'SourceRegionRef')[0]?.attrs.regionRef,
      target = childElements(rel, 'TargetRegionRef')[0]?.attrs.regionRef;
    if (source && target) out.add(`${source}>${target}`);
    const refs = childElements(rel, 'RegionRef')
      .map((r) => r.attrs.regionRef)
      .filter((x): x is string => !!x);
    for (let i = 1; i < refs.length; i++) out.add(`${refs[i - 1]}>${refs[i]}`);
  }
  return out;
}

export function partFromPageXml(xml: string, opts: PageXmlOptions): ImportedPart {
  const root = parseXml(xml);
  if (root.name !== 'PcGts') throw new Error(`Not a PAGE XML file: the root element is <${root.name}>.`);
  const part = emptyPart();
  const joined = joins(root);
  childElements(root, 'Page').forEach((pageEl, pi) => {
    const pageId = `p${opts.firstPage + pi}`;
    const regions = descendants(pageEl, 'TextRegion');
    const byId = new Map(regions.map((r) => [r.attrs.id ?? '', r]));
    const { order, groups } = readingOrder(pageEl);
    const ordered: XmlElement[] = [];
    const seen = new Set<XmlElement>();
    for (const id of order) {
      const r = byId.get(id);
      if (r && !seen.has(r)) {
        seen.add(r);
        ordered.push(r);
      }
    }
    for (const r of regions)
      if (!seen.has(r)) {
        seen.add(r);
        ordered.push(r);
      }

    let original = '';
    const fragments: Fragment[] = [];
    const fragOf = new Map<string, string>();
    for (const r of ordered) {
      const text = regionText(r);
      if (text.trim() === '') continue;
      if (original) original += '\n\n';
      const start = original.length;
      original += text;
      const id = `${pageId}.${fragments.length + 1}`;
      const type = r.attrs.type ?? 'paragraph';
      const mapped = PAGE_TYPE_ROLES[type];
      const customRole = customValue(r, 'role');
      const role: Role =
        customRole && (ROLES as readonly string[]).includes(customRole) ? (customRole as Role) : (mapped ?? 'other');
      const box = boxFromCoords(r);
      fragments.push({
        id,
        page: pageId,
        spans: [{ start, end: original.length }],
        text,
        role,
        ...(box ? { box } : {}),
      });
      if (r.attrs.id) fragOf.set(r.attrs.id, id);
      if (mapped === null || customValue(r, 'place') === 'discarded') part.discarded.push(id);
    }
    for (const g of groups) {
      if (!g.ordered) continue;
      const items: ArticleItem[] = [];
      const positions: number[] = [];
      let prev: string | undefined;
      for (const [k, ref] of g.refs.entries()) {
        const id = fragOf.get(ref);
        if (!id) continue;
        if (g.positions?.length === g.refs.length) positions.push(g.positions[k]);
        const region = byId.get(ref);
        const customJoin = !!region && customValue(region, 'join') === 'true';
        items.push({ id, join: (!!prev && joined.has(`${prev}>${ref}`)) || customJoin });
        prev = ref;
      }
      if (items.length) {
        const a: ImportedArticle = {
          items,
          ...(g.caption ? { title: g.caption } : {}),
          ...(g.key ? { key: g.key } : {}),
          ...(g.order !== undefined ? { order: g.order } : {}),
          ...(positions.length === items.length ? { positions } : {}),
        };
        part.articles.push(a);
      }
    }
    const w = Number(pageEl.attrs.imageWidth),
      h = Number(pageEl.attrs.imageHeight);
    const page: Page = {
      id: pageId,
      label: (customValue(pageEl, 'label') ?? String(opts.firstPage + pi)).slice(0, 100),
      original,
      encoding: 'utf-8',
      markup: [],
      fragments,
      ...(opts.sourceName ? { source: { name: opts.sourceName, format: 'page-xml' } } : {}),
      ...(w > 0 && h > 0 ? { size: { width: w, height: h } } : {}),
    };
    part.pages.push(page);
    if (pageEl.attrs.imageFilename) part.images.push({ pageId, href: pageEl.attrs.imageFilename });
  });
  return part;
}
