import { childElements, descendants, parseXml, type XmlElement } from './xml-tree';
import type { Role } from '../model/types';

/**
 * METS (newspaper profile as produced by CCS docWorks for BnL and BL) → a neutral description: the pages in
 * physical order with their ALTO and image files, and the logical structure as ordered article containers whose
 * items are references into the ALTO files. `partFromMets` (mets-issue.ts) turns it into Galley pages and articles.
 *
 * Two linking styles are read:
 * - BnL: `<area FILEID="ALTO00001" BEGIN="P1_TB00001" BETYPE="IDREF">` directly inside the logical divs;
 * - BL: `<structLink>` arcs from a logical div to physical `pagearea` divs, whose areas point at ALTO ids.
 */
export interface MetsFile {
  id: string;
  href: string;
  mime?: string;
  use?: string;
}
export interface MetsPage {
  physId: string;
  order: number;
  label: string;
  /** The ALTO file of this page (its METS file id), if any. */
  altoFileId?: string;
  /** Image files of this page in METS order (master TIFF, PNG, thumbnails…); the first usable one is the scan. */
  imageFileIds: string[];
}
/** One reference from the logical structure into an ALTO file: a block, composed block or word range. */
export interface MetsRef {
  fileId: string;
  begin: string;
  end?: string;
  role: Role;
  /** Refs with the same group (one `fptr`/paragraph) continue one paragraph. */
  group: string;
}
export interface MetsArticle {
  id: string;
  type: string;
  label?: string;
  refs: MetsRef[];
}
export interface MetsDocument {
  title?: string;
  files: Map<string, MetsFile>;
  pages: MetsPage[];
  articles: MetsArticle[];
  warnings: string[];
}

/** Logical div types that become Galley articles (case-insensitive). Other divs are wrappers or parts. */
export const METS_ARTICLE_TYPES = new Set([
  'ARTICLE',
  'SECTION',
  'ADVERTISEMENT',
  'ADVERT',
  'ILLUSTRATION',
  'TABLE',
  'OBITUARY',
  'CHAPTER',
  'MAP',
  'PICTURE',
]);

/** Part types that set the role of the blocks inside them; the nearest one wins. */
const PART_ROLES: Record<string, Role> = {
  HEADING: 'headline',
  TITLE: 'headline',
  HEADLINE: 'headline',
  OVERLINE: 'kicker',
  SUBHEADLINE: 'deck',
  AUTHOR: 'byline',
  CAPTION: 'caption',
  PARAGRAPH: 'body',
  TEXT: 'body',
};

const IMAGE_MIME = /^image\//i;

/** `file://./text/a.xml` → `text/a.xml`; absolute and remote references are returned as is (never fetched). */
export function metsHref(href: string): string {
  let h = href.trim();
  if (/^file:\/\/\.\//i.test(h)) h = h.slice(7);
  else if (/^file:\/\/[^/]/i.test(h)) h = h.slice(7);
  if (h.startsWith('./')) h = h.slice(2);
  try {
    h = decodeURI(h);
  } catch {
    /* keep as is */
  }
  return h;
}

function isAlto(f: MetsFile): boolean {
  if (f.use && /text|fulltext|alto|ocr/i.test(f.use)) return !IMAGE_MIME.test(f.mime ?? '');
  return /xml/i.test(f.mime ?? '') && /\.xml$/i.test(f.href);
}

function readFiles(root: XmlElement): Map<string, MetsFile> {
  const files = new Map<string, MetsFile>();
  const walk = (el: XmlElement, use: string | undefined) => {
    for (const c of childElements(el)) {
      if (c.name === 'fileGrp') walk(c, c.attrs.USE ?? use);
      else if (c.name === 'file' && c.attrs.ID) {
        const loc = childElements(c, 'FLocat')[0];
        const href = loc?.attrs['xlink:href'] ?? loc?.attrs.href;
        if (href) files.set(c.attrs.ID, { id: c.attrs.ID, href: metsHref(href), mime: c.attrs.MIMETYPE, use });
      }
    }
  };
  for (const sec of childElements(root, 'fileSec')) walk(sec, undefined);
  return files;
}

function structMaps(root: XmlElement, type: string): XmlElement[] {
  return childElements(root, 'structMap').filter((s) => (s.attrs.TYPE ?? '').toUpperCase() === type);
}

/** Areas of a div's own fptrs (not of its child divs). */
function ownAreas(div: XmlElement): { area: XmlElement; fptr: XmlElement }[] {
  const out: { area: XmlElement; fptr: XmlElement }[] = [];
  for (const fptr of childElements(div, 'fptr')) {
    if (fptr.attrs.FILEID) out.push({ area: fptr, fptr });
    for (const a of descendants(fptr, 'area')) out.push({ area: a, fptr });
  }
  return out;
}

function readPages(
  root: XmlElement,
  files: Map<string, MetsFile>,
): { pages: MetsPage[]; areas: Map<string, { fileId: string; begin: string; end?: string }[]> } {
  const pages: MetsPage[] = [];
  const areas = new Map<string, { fileId: string; begin: string; end?: string }[]>();
  const physical = structMaps(root, 'PHYSICAL')[0];
  if (!physical) return { pages, areas };
  const pageDivs = descendants(physical, 'div').filter((d) => (d.attrs.TYPE ?? '').toUpperCase() === 'PAGE');
  pageDivs.forEach((div, i) => {
    const page: MetsPage = {
      physId: div.attrs.ID ?? `page${i + 1}`,
      order: Number(div.attrs.ORDER ?? i + 1) || i + 1,
      label: div.attrs.ORDERLABEL ?? div.attrs.LABEL ?? String(i + 1),
      imageFileIds: [],
    };
    const fileIds = [...ownAreas(div).map((a) => a.area.attrs.FILEID)];
    for (const id of fileIds) {
      const f = id ? files.get(id) : undefined;
      if (!f) continue;
      if (!page.altoFileId && isAlto(f)) page.altoFileId = f.id;
      else if (IMAGE_MIME.test(f.mime ?? '') && !page.imageFileIds.includes(f.id)) page.imageFileIds.push(f.id);
    }
    pages.push(page);
    // BL: page areas are child divs of the page, each pointing at a word range in the ALTO file.
    for (const pa of descendants(div, 'div')) {
      if (!pa.attrs.ID) continue;
      const list: { fileId: string; begin: string; end?: string }[] = [];
      for (const { area } of ownAreas(pa)) {
        const f = area.attrs.FILEID ? files.get(area.attrs.FILEID) : undefined;
        if (f && isAlto(f) && area.attrs.BEGIN)
          list.push({ fileId: f.id, begin: area.attrs.BEGIN, ...(area.attrs.END ? { end: area.attrs.END } : {}) });
      }
      // A page area whose own ID names the ALTO block (BL) resolves even without BEGIN.
      if (list.length === 0 && page.altoFileId) list.push({ fileId: page.altoFileId, begin: pa.attrs.ID });
      areas.set(pa.attrs.ID, list);
    }
  });
  pages.sort((a, b) => a.order - b.order);
  return { pages, areas };
}

/** structLink: logical div id → physical div ids, in document order. */
function readLinks(root: XmlElement): Map<string, string[]> {
  const links = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const f = from.replace(/^#/, ''),
      t = to.replace(/^#/, '');
    const list = links.get(f) ?? [];
    if (!list.includes(t)) list.push(t);
    links.set(f, list);
  };
  for (const sl of childElements(root, 'structLink')) {
    for (const l of childElements(sl, 'smLink')) {
      const from = l.attrs['xlink:from'] ?? l.attrs.from,
        to = l.attrs['xlink:to'] ?? l.attrs.to;
      if (from && to) add(from, to);
    }
    for (const g of childElements(sl, 'smLinkGrp')) {
      const byLabel = new Map<string, string>();
      for (const loc of childElements(g, 'smLocatorLink')) {
        const label = loc.attrs['xlink:label'] ?? loc.attrs.label,
          href = loc.attrs['xlink:href'] ?? loc.attrs.href;
        if (label && href) byLabel.set(label, href);
      }
      for (const arc of childElements(g, 'smArcLink')) {
        const from = byLabel.get(arc.attrs['xlink:from'] ?? arc.attrs.from ?? '');
        const to = byLabel.get(arc.attrs['xlink:to'] ?? arc.attrs.to ?? '');
        if (from && to) add(from, to);
      }
    }
  }
  return links;
}

export function parseMets(xml: string): MetsDocument {
  const root = parseXml(xml);
  if (root.name !== 'mets') throw new Error(`Not a METS file: the root element is <${root.name}>.`);
  const warnings: string[] = [];
  const files = readFiles(root);
  const { pages, areas } = readPages(root, files);
  if (pages.length === 0) {
    // No physical structMap (some minimal METS): the ALTO files of the fileSec are the pages, in file order.
    [...files.values()]
      .filter(isAlto)
      .forEach((f, i) =>
        pages.push({ physId: f.id, order: i + 1, label: String(i + 1), altoFileId: f.id, imageFileIds: [] }),
      );
    if (pages.length) warnings.push('METS: no physical structure; the ALTO files are read as pages in file order.');
  }
  const links = readLinks(root);
  const articles: MetsArticle[] = [];
  const logical = structMaps(root, 'LOGICAL')[0];
  let groupSeq = 0;
  const visit = (div: XmlElement, article: MetsArticle | undefined, role: Role) => {
    const type = (div.attrs.TYPE ?? '').toUpperCase();
    let current = article;
    let currentRole = role;
    if (METS_ARTICLE_TYPES.has(type)) {
      current = {
        id: div.attrs.ID ?? `article${articles.length + 1}`,
        type,
        ...(div.attrs.LABEL ? { label: div.attrs.LABEL } : {}),
        refs: [],
      };
      articles.push(current);
      currentRole = 'body';
    } else if (PART_ROLES[type]) {
      currentRole = PART_ROLES[type];
    }
    if (current) {
      const byFptr = new Map<XmlElement, string>();
      for (const { area, fptr } of ownAreas(div)) {
        if (!area.attrs.BEGIN || !area.attrs.FILEID) continue;
        if (!byFptr.has(fptr)) byFptr.set(fptr, `g${++groupSeq}`);
        current.refs.push({
          fileId: area.attrs.FILEID,
          begin: area.attrs.BEGIN,
          ...(area.attrs.END ? { end: area.attrs.END } : {}),
          role: currentRole,
          group: byFptr.get(fptr)!,
        });
      }
      for (const phys of div.attrs.ID ? (links.get(div.attrs.ID) ?? []) : []) {
        const list = areas.get(phys);
        if (!list) {
          warnings.push(
            `METS: the logical division ${div.attrs.ID} links to ${phys}, which is not in the physical structure.`,
          );
          continue;
        }
        // Each linked page area is its own paragraph: the BL profile does not say which continue each other.
        for (const a of list) current.refs.push({ ...a, role: currentRole, group: `g${++groupSeq}` });
      }
    }
    for (const c of childElements(div, 'div')) visit(c, current, currentRole);
  };
  if (logical) for (const d of childElements(logical, 'div')) visit(d, undefined, 'body');
  const rootDiv = logical ? childElements(logical, 'div')[0] : undefined;
  const title = root.attrs.LABEL ?? rootDiv?.attrs.LABEL;
  return { ...(title ? { title } : {}), files, pages, articles, warnings };
}
