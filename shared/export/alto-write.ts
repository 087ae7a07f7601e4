import { findFragment } from '../model/lookup';
import type { Box, Issue, Page } from '../model/types';
import { escAttr } from './xml-escape';

/**
 * Writes one Galley page as an ALTO 4.4 document (namespace `http://www.loc.gov/standards/alto/ns-v4#`), for the
 * `mets-alto` export of pages that have no untouched ALTO source (text, PDF, hOCR, PAGE, scans, and ALTO pages
 * whose text was corrected). One `TextBlock` per fragment in the page's source order, one `TextLine` per line of
 * the fragment's current (corrected) text, one `String` per word with `SP` between words. Reading order and
 * articles are in the METS, which points at the block IDs.
 *
 * Positions: ALTO 4.4 makes `HPOS`/`VPOS`/`WIDTH`/`HEIGHT` optional on every element (and `WIDTH`/`HEIGHT` on
 * `Page`), so a block gets them only when its fragment has a box and the page has none of them when the source
 * had no coordinates (plain text, TEI). Nothing is invented: lines and words carry no positions, since Galley
 * keeps boxes per fragment only.
 */
export const ALTO_NS = 'http://www.loc.gov/standards/alto/ns-v4#';
export const ALTO_VERSION = '4.4';
const ALTO_XSD = 'http://www.loc.gov/standards/alto/v4/alto-4-4.xsd';

/** PDF boxes are in points (1/72 inch), which ALTO has no unit for: they are written in 1/1200 inch. */
const POINTS_TO_INCH1200 = 1200 / 72;

export interface AltoUnit {
  unit: 'pixel' | 'mm10' | 'inch1200';
  scale: number;
}

/** The ALTO MeasurementUnit for a page's boxes and the factor from Galley's box units to it. */
export function altoUnitFor(page: Page, sourceUnit?: string): AltoUnit {
  if (page.source?.format === 'pdf') return { unit: 'inch1200', scale: POINTS_TO_INCH1200 };
  if (sourceUnit === 'mm10' || sourceUnit === 'inch1200') return { unit: sourceUnit, scale: 1 };
  // hOCR, PAGE and scans are in scan pixels; pages without boxes say pixel, as ALTO's default.
  return { unit: 'pixel', scale: 1 };
}

/**
 * Words and lines of a text as ALTO holds them: lines split at line breaks, words at spaces and tabs (other
 * spaces such as U+3000 stay inside the word), empty lines dropped. What the ALTO importer reads back is exactly
 * `lines.map(words => words.join(' ')).join('\n')` (see `altoVisibleText`).
 */
export function altoLines(text: string): string[][] {
  return text
    .split(/\r\n?|\n/)
    .map((l) => l.split(/[ \t\f\v]+/).filter((w) => w !== ''))
    .filter((ws) => ws.join(' ').trim() !== '');
}

/** The text an ALTO reader gets back from `altoLines(text)`: spacing inside lines is one space, empty lines gone. */
export function altoVisibleText(text: string): string {
  return altoLines(text)
    .map((ws) => ws.join(' '))
    .join('\n');
}

export interface AltoWriteOptions {
  /** 1-based position of the page in the issue (`PHYSICAL_IMG_NR`, and the prefix of the element IDs). */
  physicalNr: number;
  /** MeasurementUnit of the source ALTO, when the page came from one (its boxes are in that unit). */
  sourceUnit?: string;
  /** Counts characters XML cannot hold (replaced by U+FFFD). */
  replaced?: { count: number };
}

export interface AltoWriteResult {
  xml: string;
  /** The ALTO `Page` ID, which the METS physical structMap points at. */
  altoPageId: string;
  /** Fragment id → its TextBlock ID. */
  blockOf: Map<string, string>;
  unit: AltoUnit;
}

const pad = (n: number) => String(n).padStart(5, '0');
const num = (n: number) => String(Math.round(n));

function posAttrs(b: Box | undefined, scale: number): string {
  if (!b) return '';
  return ` HPOS="${num(b.x * scale)}" VPOS="${num(b.y * scale)}" WIDTH="${num(b.w * scale)}" HEIGHT="${num(b.h * scale)}"`;
}

export function buildAltoXml(issue: Issue, pageId: string, opts: AltoWriteOptions): AltoWriteResult {
  const page = issue.pages.find((p) => p.id === pageId);
  if (!page) throw new Error(`no page ${pageId}`);
  const unit = altoUnitFor(page, opts.sourceUnit);
  const prefix = `P${opts.physicalNr}`;
  const blockOf = new Map<string, string>();
  let lineNo = 0,
    wordNo = 0;
  let blocks = '';
  page.fragments.forEach((f, i) => {
    const id = `${prefix}_TB${pad(i + 1)}`;
    blockOf.set(f.id, id);
    const text = findFragment(issue, f.id)?.text ?? f.text;
    const lines = altoLines(text);
    if (!lines.length) {
      blocks += `        <TextBlock ID="${id}"${posAttrs(f.box, unit.scale)}/>\n`;
      return;
    }
    blocks += `        <TextBlock ID="${id}"${posAttrs(f.box, unit.scale)}>\n`;
    for (const words of lines) {
      blocks += `          <TextLine ID="${prefix}_TL${pad(++lineNo)}">`;
      blocks += words
        .map((w) => `<String ID="${prefix}_ST${pad(++wordNo)}" CONTENT="${escAttr(w, opts.replaced)}"/>`)
        .join('<SP/>');
      blocks += '</TextLine>\n';
    }
    blocks += '        </TextBlock>\n';
  });
  const size = page.size
    ? ` WIDTH="${num(page.size.width * unit.scale)}" HEIGHT="${num(page.size.height * unit.scale)}"`
    : '';
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n';
  xml += `<alto xmlns="${ALTO_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ALTO_NS} ${ALTO_XSD}" SCHEMAVERSION="${ALTO_VERSION}">\n`;
  xml += `  <Description>\n    <MeasurementUnit>${unit.unit}</MeasurementUnit>\n`;
  xml +=
    '    <Processing ID="GALLEY_PROCESSING">\n      <processingCategory>contentModification</processingCategory>\n      <processingStepDescription>Articles, reading order and text corrected in Galley</processingStepDescription>\n';
  xml +=
    '      <processingSoftware>\n        <softwareName>Galley</softwareName>\n      </processingSoftware>\n    </Processing>\n  </Description>\n';
  xml += `  <Layout>\n    <Page ID="${prefix}" PHYSICAL_IMG_NR="${opts.physicalNr}" PRINTED_IMG_NR="${escAttr(page.label, opts.replaced)}"${size}>\n`;
  xml += `      <PrintSpace>\n${blocks}      </PrintSpace>\n    </Page>\n  </Layout>\n</alto>\n`;
  return { xml, altoPageId: prefix, blockOf, unit };
}
