import type { AltoBlock, AltoPageResult } from '../layout/alto-types';
import { articleTitle, findFragment } from '../model/lookup';
import type { Article, Issue, Role } from '../model/types';
import { escAttr } from './xml-escape';

/**
 * The `mets-alto` export: a METS 1.12.1 document whose logical structMap holds the corrected articles in board
 * order, next to one ALTO file per page. A page imported from ALTO whose text is unchanged keeps its source ALTO
 * file byte for byte (any version); every other page is written as ALTO 4.4 by `alto-write.ts` with its corrected
 * text. Each article lists its paragraphs in item order; fragments joined into one paragraph share one
 * `fptr`/`seq`; a fragment that covers whole TextBlocks points at them (`BEGIN="P1_TB00003"`), one cut out of a
 * source block points at its word range (`BEGIN`/`END` String IDs). The pool and the discard pile are in the
 * ALTO files (no text is dropped) but not in the logical map.
 */
export type MetsAltoPage = {
  pageId: string;
  /** Where the ALTO file will be, relative to the METS (`text/1858-12-07_01-00001.xml`). */
  href: string;
  /** The page's scan written next to the METS (`images/…png`), for viewers that show text on the image. */
  image?: { href: string; mime: string };
} &
  /** The source ALTO parsed again at export time; its text equals the page's `original`. */
  (
    | { alto: AltoPageResult }
    /** An ALTO written from the page: its Page ID and the TextBlock ID of each fragment. */
    | { written: { altoPageId: string; blockOf: Map<string, string> } }
  );

/** METS part divs for Galley roles; roles without a METS counterpart are written as paragraphs. */
const ROLE_DIVS: Partial<Record<Role, string[]>> = {
  headline: ['HEADING', 'TITLE'],
  kicker: ['HEADING', 'OVERLINE'],
  deck: ['HEADING', 'SUBHEADLINE'],
  byline: ['AUTHOR'],
  caption: ['CAPTION'],
};

interface Area {
  fileId: string;
  begin: string;
  end?: string;
}

type PageRefs = Map<string, { fileId: string; page: MetsAltoPage }>;

function areasFor(issue: Issue, fragmentId: string, pages: PageRefs): Area[] {
  const f = findFragment(issue, fragmentId);
  if (!f) return [];
  const ref = pages.get(f.page);
  if (!ref) return [];
  if ('written' in ref.page) {
    const block = ref.page.written.blockOf.get(f.id);
    return block ? [{ fileId: ref.fileId, begin: block }] : [];
  }
  const page = { fileId: ref.fileId, alto: ref.page.alto };
  const out: Area[] = [];
  for (const span of f.spans) {
    for (const b of page.alto.blocks) {
      if (b.end <= span.start || b.start >= span.end || b.start === b.end) continue;
      if (span.start <= b.start && span.end >= b.end) {
        pushBlock(out, page.fileId, b);
        continue;
      }
      const words = b.strings.filter((s) => s.end > span.start && s.start < span.end);
      if (words.length) out.push({ fileId: page.fileId, begin: words[0].id, end: words[words.length - 1].id });
      else pushBlock(out, page.fileId, b);
    }
  }
  return out;
}

function pushBlock(out: Area[], fileId: string, b: AltoBlock): void {
  if (!out.some((a) => a.fileId === fileId && a.begin === b.id && !a.end)) out.push({ fileId, begin: b.id });
}

function areaXml(a: Area, indent: string): string {
  return `${indent}<area FILEID="${escAttr(a.fileId)}" BETYPE="IDREF" BEGIN="${escAttr(a.begin)}"${a.end ? ` END="${escAttr(a.end)}"` : ''}/>\n`;
}

function articleXml(issue: Issue, article: Article, index: number, pages: PageRefs): string {
  const ind = '        ';
  let out = `${ind}<div ID="GALLEY_${escAttr(article.id)}" TYPE="ARTICLE" ORDER="${index + 1}" LABEL="${escAttr(articleTitle(issue, article))}">\n`;
  // Paragraphs: runs of items where every item after the first is joined.
  const paras: { role: Role; ids: string[] }[] = [];
  for (const it of article.items) {
    const f = findFragment(issue, it.id);
    if (!f) continue;
    const last = paras[paras.length - 1];
    if (it.join && last) last.ids.push(it.id);
    else paras.push({ role: f.role, ids: [it.id] });
  }
  paras.forEach((p, pi) => {
    const areas = p.ids.flatMap((id) => areasFor(issue, id, pages));
    if (!areas.length) return;
    const types = ROLE_DIVS[p.role] ?? ['PARAGRAPH', 'TEXT'];
    let open = '',
      close = '';
    types.forEach((t, ti) => {
      const pad = ind + '  '.repeat(ti + 1);
      open += `${pad}<div TYPE="${t}"${ti === 0 ? ` ORDER="${pi + 1}"` : ''}>\n`;
      close = `${pad}</div>\n` + close;
    });
    const pad = ind + '  '.repeat(types.length + 1);
    let body = `${pad}<fptr>\n`;
    if (areas.length === 1) body += areaXml(areas[0], pad + '  ');
    else body += `${pad}  <seq>\n${areas.map((a) => areaXml(a, pad + '    ')).join('')}${pad}  </seq>\n`;
    body += `${pad}</fptr>\n`;
    out += open + body + close;
  });
  return out + `${ind}</div>\n`;
}

/** The new METS document for the given pages (in issue order) and the issue's articles. */
export function buildMetsXml(issue: Issue, pages: MetsAltoPage[], opts: { createdAt?: string } = {}): string {
  const fileIds: PageRefs = new Map();
  pages.forEach((p, i) => fileIds.set(p.pageId, { fileId: `ALTO${String(i + 1).padStart(5, '0')}`, page: p }));
  const created = opts.createdAt ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n';
  xml += `<mets xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" TYPE="Newspaper" LABEL="${escAttr(issue.title)}">\n`;
  xml += `  <metsHdr CREATEDATE="${escAttr(created)}">\n    <agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">\n      <name>Galley</name>\n      <note>Articles, reading order and text corrected in Galley; ALTO files of unchanged ALTO pages copied as they were.</note>\n    </agent>\n  </metsHdr>\n`;
  xml += '  <fileSec>\n    <fileGrp ID="ALTOGRP" USE="Text">\n';
  pages.forEach((p, i) => {
    xml += `      <file ID="${fileIds.get(p.pageId)!.fileId}" MIMETYPE="text/xml" SEQ="${i + 1}">\n        <FLocat LOCTYPE="URL" xlink:href="file://./${escAttr(p.href)}"/>\n      </file>\n`;
  });
  xml += '    </fileGrp>\n';
  if (pages.some((p) => p.image)) {
    xml += '    <fileGrp ID="IMGGRP" USE="Images">\n';
    pages.forEach((p, i) => {
      if (p.image)
        xml += `      <file ID="IMG${String(i + 1).padStart(5, '0')}" MIMETYPE="${escAttr(p.image.mime)}" SEQ="${i + 1}">\n        <FLocat LOCTYPE="URL" xlink:href="file://./${escAttr(p.image.href)}"/>\n      </file>\n`;
    });
    xml += '    </fileGrp>\n';
  }
  xml += '  </fileSec>\n';
  xml += '  <structMap TYPE="PHYSICAL" LABEL="Physical Structure">\n    <div TYPE="Newspaper">\n';
  pages.forEach((p, i) => {
    const page = issue.pages.find((pg) => pg.id === p.pageId);
    const altoPage = 'written' in p ? p.written.altoPageId : p.alto.altoPageId;
    xml += `      <div ID="PHYS${i + 1}" TYPE="PAGE" ORDER="${i + 1}" ORDERLABEL="${escAttr(page?.label ?? String(i + 1))}">\n        <fptr>\n`;
    xml += altoPage
      ? `          <area FILEID="${fileIds.get(p.pageId)!.fileId}" BETYPE="IDREF" BEGIN="${escAttr(altoPage)}"/>\n`
      : `          <area FILEID="${fileIds.get(p.pageId)!.fileId}"/>\n`;
    xml += '        </fptr>\n';
    if (p.image) xml += `        <fptr FILEID="IMG${String(i + 1).padStart(5, '0')}"/>\n`;
    xml += '      </div>\n';
  });
  xml += '    </div>\n  </structMap>\n';
  xml += `  <structMap TYPE="LOGICAL" LABEL="Logical Structure">\n    <div TYPE="Newspaper" LABEL="${escAttr(issue.title)}">\n      <div TYPE="ISSUE" LABEL="${escAttr(issue.title)}">\n`;
  issue.articles.forEach((a, i) => {
    xml += articleXml(issue, a, i, fileIds);
  });
  xml += '      </div>\n    </div>\n  </structMap>\n</mets>\n';
  return xml;
}
