import type { Box, Fragment, Page } from '../model/types';
import type { AltoBlock, AltoPageResult, AltoStringRef } from '../layout/alto-types';
import { childElements, firstDescendant, parseXml, textContent, type XmlElement } from './xml-tree';

/**
 * ALTO (1.4, v2–v4) → one Galley page: one fragment per TextBlock (also inside ComposedBlocks), in document order.
 * Words are joined with their `SP` spaces and `HYP` hyphens exactly in document order; lines end with `\n`;
 * blocks are separated by a blank line in the page `original`, and each fragment span points exactly at its
 * block's text. Boxes stay in the file's MeasurementUnit (pixel, mm10 or inch1200), as does `page.size`, so the
 * two always agree; a scan image is scaled to `size` by the viewer.
 */
export type { AltoStringRef, AltoBlock, AltoPageResult } from '../layout/alto-types';
export interface AltoPageOptions {
  pageId: string;
  /** Default: the Page's PRINTED_IMG_NR, else PHYSICAL_IMG_NR, else the page id. */
  label?: string;
  sourceName?: string;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

function num(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function boxOf(el: XmlElement): Box | undefined {
  const x = num(el.attrs.HPOS),
    y = num(el.attrs.VPOS),
    w = num(el.attrs.WIDTH),
    h = num(el.attrs.HEIGHT);
  if (x === undefined || y === undefined || w === undefined || h === undefined || w < 0 || h < 0) return undefined;
  return { x, y, w, h };
}

interface LineText {
  text: string;
  strings: AltoStringRef[];
}

/** One TextLine's text, children strictly in document order (String, SP, HYP interleaved). */
function lineText(line: XmlElement): LineText {
  let text = '';
  const strings: AltoStringRef[] = [];
  let prev: 'string' | 'space' | 'none' = 'none';
  for (const c of childElements(line)) {
    if (c.name === 'String') {
      const content = c.attrs.CONTENT ?? '';
      if (prev === 'string' && content && !(CJK.test(text.at(-1) ?? '') && CJK.test(content[0]))) text += ' ';
      const start = text.length;
      text += content;
      if (c.attrs.ID) strings.push({ id: c.attrs.ID, start, end: text.length });
      prev = 'string';
    } else if (c.name === 'SP') {
      if (prev !== 'none') text += ' ';
      prev = 'space';
    } else if (c.name === 'HYP') {
      text += c.attrs.CONTENT ?? '-';
      prev = 'space';
    }
  }
  const trimmed = text.replace(/ +$/, '');
  return { text: trimmed, strings };
}

export function pageFromAlto(xml: string, opts: AltoPageOptions): AltoPageResult {
  const root = parseXml(xml);
  if (root.name !== 'alto') throw new Error(`Not an ALTO file: the root element is <${root.name}>.`);
  return pageFromAltoTree(root, opts);
}

export function pageFromAltoTree(root: XmlElement, opts: AltoPageOptions): AltoPageResult {
  const warnings: string[] = [];
  const unitEl = firstDescendant(root, 'MeasurementUnit');
  const measurementUnit = unitEl ? textContent(unitEl).trim() || 'pixel' : 'pixel';
  const layout = childElements(root, 'Layout')[0];
  const pages = layout ? childElements(layout, 'Page') : [];
  if (pages.length === 0) throw new Error('The ALTO file has no <Page> in its <Layout>.');
  if (pages.length > 1) warnings.push(`The ALTO file holds ${pages.length} pages; only the first was read.`);
  const pageEl = pages[0];

  const blocks: AltoBlock[] = [];
  const otherIds = new Set<string>();
  const fragments: Fragment[] = [];
  let original = '';
  let maxX = 0,
    maxY = 0;
  const visit = (el: XmlElement, composed: string[]) => {
    for (const c of childElements(el)) {
      if (c.name === 'TextBlock') {
        const lines = childElements(c, 'TextLine')
          .map(lineText)
          .filter((l) => l.text.trim() !== '');
        const id = c.attrs.ID ?? `${opts.pageId}-block${blocks.length + 1}`;
        const box = boxOf(c);
        if (box) {
          maxX = Math.max(maxX, box.x + box.w);
          maxY = Math.max(maxY, box.y + box.h);
        }
        if (lines.length === 0) {
          blocks.push({ id, start: original.length, end: original.length, composed, strings: [] });
          continue;
        }
        if (original) original += '\n\n';
        const start = original.length;
        const strings: AltoStringRef[] = [];
        lines.forEach((l, i) => {
          if (i > 0) original += '\n';
          const base = original.length;
          for (const s of l.strings) strings.push({ id: s.id, start: base + s.start, end: base + s.end });
          original += l.text;
        });
        const end = original.length;
        const fragmentId = `${opts.pageId}.${fragments.length + 1}`;
        fragments.push({
          id: fragmentId,
          page: opts.pageId,
          spans: [{ start, end }],
          text: original.slice(start, end),
          role: 'body',
          ...(box ? { box } : {}),
        });
        blocks.push({ id, fragmentId, start, end, composed, strings });
      } else if (c.name === 'Illustration' || c.name === 'GraphicalElement') {
        if (c.attrs.ID) otherIds.add(c.attrs.ID);
      } else if (c.name === 'ComposedBlock') {
        if (c.attrs.ID) otherIds.add(c.attrs.ID);
        for (const g of childElements(c, 'GraphicalElement', 'Illustration')) if (g.attrs.ID) otherIds.add(g.attrs.ID);
        visit(c, c.attrs.ID ? [...composed, c.attrs.ID] : composed);
      } else if (c.name === 'PrintSpace' || /Margin$/.test(c.name)) {
        visit(c, composed);
      }
    }
  };
  visit(pageEl, []);

  const width = num(pageEl.attrs.WIDTH) ?? 0;
  const height = num(pageEl.attrs.HEIGHT) ?? 0;
  const size =
    width > 0 && height > 0 ? { width, height } : maxX > 0 && maxY > 0 ? { width: maxX, height: maxY } : undefined;
  const label = opts.label ?? pageEl.attrs.PRINTED_IMG_NR ?? pageEl.attrs.PHYSICAL_IMG_NR ?? opts.pageId;
  const page: Page = {
    id: opts.pageId,
    label: label.slice(0, 100),
    original,
    encoding: 'utf-8',
    markup: [],
    fragments,
    ...(opts.sourceName ? { source: { name: opts.sourceName, format: 'alto' } } : {}),
    ...(size ? { size } : {}),
  };
  const fileEl = firstDescendant(root, 'fileName');
  const fileName = fileEl ? textContent(fileEl).trim() : '';
  // Producers write absolute, UNC or drive paths of their own servers there; only a relative name is useful.
  const imageHref = fileName && !/^(?:[a-z][a-z0-9+.-]*:|[/\\])/i.test(fileName) ? fileName : undefined;
  return {
    page,
    blocks,
    altoPageId: pageEl.attrs.ID,
    measurementUnit,
    ...(imageHref ? { imageHref } : {}),
    otherIds,
    warnings,
  };
}
