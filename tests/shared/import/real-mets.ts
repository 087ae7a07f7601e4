/**
 * Test helper: what a METS file says, read with fast-xml-parser (preserveOrder), not with Galley's saxes-based
 * importer, so that import tests compare the importer against an independent reading of the same file.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const ARTICLE_TYPES = new Set([
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

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  parent?: El;
}

type Raw = Record<string, unknown>;

export function xmlDoc(file: string): El {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseAttributeValue: false,
    processEntities: true,
  });
  const raw = parser.parse(readFileSync(file, 'utf8')) as Raw[];
  const build = (nodes: Raw[], parent: El): El[] =>
    nodes.flatMap((n) => {
      const name = Object.keys(n).find((k) => k !== ':@');
      if (!name || name === '#text' || name.startsWith('?')) return [];
      const el: El = { name, attrs: (n[':@'] as Record<string, string>) ?? {}, children: [], parent };
      el.children = build((n[name] as Raw[]) ?? [], el);
      return [el];
    });
  const doc: El = { name: '#doc', attrs: {}, children: [] };
  doc.children = build(raw, doc);
  return doc;
}

/** Descendants with the given local name, in document order. */
function byTag(root: El, name: string): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    for (const c of e.children) {
      if (name === '*' || c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

function ancestor(e: El, pred: (a: El) => boolean): El | undefined {
  for (let p = e.parent; p; p = p.parent) if (pred(p)) return p;
  return undefined;
}

function hrefOf(file: El): string {
  const loc = byTag(file, 'FLocat')[0];
  return (loc?.attrs.href ?? '').replace(/^file:\/\/\.?\/?/, '');
}

/** ALTO TextBlock id → its text without any whitespace (words, hyphens), and ComposedBlock id → its blocks. */
export function altoBlockTexts(file: string): {
  text: Map<string, string>;
  composed: Map<string, string[]>;
  wordBlock: Map<string, string>;
} {
  const doc = xmlDoc(file);
  const text = new Map<string, string>();
  const composed = new Map<string, string[]>();
  const wordBlock = new Map<string, string>();
  for (const tb of byTag(doc, 'TextBlock')) {
    const id = tb.attrs.ID ?? '';
    let t = '';
    for (const e of byTag(tb, '*')) {
      if (e.name === 'String' || e.name === 'HYP') t += e.attrs.CONTENT ?? (e.name === 'HYP' ? '-' : '');
      if (e.name === 'String' && e.attrs.ID) wordBlock.set(e.attrs.ID, id);
    }
    text.set(id, t.replace(/\s+/g, ''));
  }
  for (const cb of byTag(doc, 'ComposedBlock'))
    composed.set(
      cb.attrs.ID ?? '',
      byTag(cb, 'TextBlock').map((e) => e.attrs.ID ?? ''),
    );
  return { text, composed, wordBlock };
}

export interface ExpectedArticle {
  divId: string;
  blocks: { text: string; join: boolean; heading: boolean }[];
}
export interface MetsExpectation {
  articles: ExpectedArticle[];
  missingAlto: string[];
  missingImages: string[];
  pagesPresent: number;
}

/** The articles a METS defines over the ALTO files that exist next to it, in logical order. */
export function expectFromMets(metsFile: string): MetsExpectation {
  const dir = path.dirname(metsFile);
  const doc = xmlDoc(metsFile);
  const files = new Map<string, { href: string; mime: string }>();
  for (const f of byTag(doc, 'file')) files.set(f.attrs.ID ?? '', { href: hrefOf(f), mime: f.attrs.MIMETYPE ?? '' });
  const maps = byTag(doc, 'structMap');
  const physical = maps.find((m) => m.attrs.TYPE?.toUpperCase() === 'PHYSICAL')!;
  const logical = maps.find((m) => m.attrs.TYPE?.toUpperCase() === 'LOGICAL')!;
  const altoOf = new Map<string, ReturnType<typeof altoBlockTexts>>();
  const missingAlto: string[] = [];
  const missingImages: string[] = [];
  const pageAreas = new Map<string, { fileId: string; begin: string }[]>();
  let pagesPresent = 0;
  for (const page of byTag(physical, 'div').filter((d) => d.attrs.TYPE?.toUpperCase() === 'PAGE')) {
    // File ids of the page itself: fptr/area elements whose nearest div is the page.
    const ids = byTag(page, '*')
      .filter((e) => (e.name === 'fptr' || e.name === 'area') && ancestor(e, (a) => a.name === 'div') === page)
      .map((e) => e.attrs.FILEID)
      .filter((x): x is string => !!x);
    const altoId = ids.find((id) => /xml/.test(files.get(id)?.mime ?? ''));
    const imageId = ids.find((id) => /^image\//.test(files.get(id)?.mime ?? ''));
    if (altoId) {
      const href = files.get(altoId)!.href;
      if (existsSync(path.join(dir, href))) {
        altoOf.set(altoId, altoBlockTexts(path.join(dir, href)));
        pagesPresent++;
      } else missingAlto.push(href);
    }
    if (imageId && !existsSync(path.join(dir, files.get(imageId)!.href))) missingImages.push(files.get(imageId)!.href);
    for (const pa of byTag(page, 'div')) {
      const areas = byTag(pa, 'area')
        .filter((a) => a.attrs.BEGIN && altoOf.has(a.attrs.FILEID ?? ''))
        .map((a) => ({ fileId: a.attrs.FILEID, begin: a.attrs.BEGIN }));
      pageAreas.set(
        pa.attrs.ID ?? '',
        areas.length ? areas : altoId && altoOf.has(altoId) ? [{ fileId: altoId, begin: pa.attrs.ID ?? '' }] : [],
      );
    }
  }
  // structLink (BL): the first locator of a link group is the logical division, the others its page areas.
  const links = new Map<string, string[]>();
  for (const g of byTag(doc, 'smLinkGrp')) {
    const locs = byTag(g, 'smLocatorLink').map((l) => (l.attrs.href ?? '').replace(/^#/, ''));
    if (locs.length > 1) links.set(locs[0], locs.slice(1));
  }
  const isArticle = (d: El) => d.name === 'div' && ARTICLE_TYPES.has((d.attrs.TYPE ?? '').toUpperCase());
  const articles: ExpectedArticle[] = [];
  const seen = new Set<string>();
  for (const div of byTag(logical, 'div').filter(isArticle)) {
    const refs: { fileId: string; begin: string; join: boolean; heading: boolean }[] = [];
    for (const a of byTag(div, 'area').filter((x) => ancestor(x, isArticle) === div)) {
      const inPara = !!ancestor(a, (p) => p.attrs.TYPE === 'PARAGRAPH');
      const fptr = ancestor(a, (p) => p.name === 'fptr')!;
      const first = byTag(fptr, 'area')[0] === a;
      const heading = !!ancestor(a, (p) => p.attrs.TYPE === 'HEADING');
      refs.push({ fileId: a.attrs.FILEID ?? '', begin: a.attrs.BEGIN ?? '', join: inPara && !first, heading });
    }
    for (const pa of links.get(div.attrs.ID ?? '') ?? [])
      for (const r of pageAreas.get(pa) ?? []) refs.push({ ...r, join: false, heading: false });
    const blocks: ExpectedArticle['blocks'] = [];
    for (const r of refs) {
      const alto = altoOf.get(r.fileId);
      if (!alto) continue;
      const ids = alto.text.has(r.begin)
        ? [r.begin]
        : (alto.composed.get(r.begin) ?? (alto.wordBlock.has(r.begin) ? [alto.wordBlock.get(r.begin)!] : []));
      for (const id of ids) {
        const key = `${r.fileId}#${id}`;
        const text = alto.text.get(id) ?? '';
        if (!text || seen.has(key)) continue;
        seen.add(key);
        blocks.push({ text, join: r.join && blocks.length > 0, heading: r.heading });
      }
    }
    if (blocks.length) articles.push({ divId: div.attrs.ID ?? '', blocks });
  }
  return { articles, missingAlto, missingImages, pagesPresent };
}
