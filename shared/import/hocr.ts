import { Parser, parseDocument } from 'htmlparser2';
import { MAX_XML_DEPTH, XmlRefusedError, checkXmlSize } from './xml-safety';
import type { Box, Fragment, Page } from '../model/types';
import { emptyPart, type ImportedPart } from './layout-result';

/**
 * hOCR (HTML with `ocr_*` classes and `bbox` titles) → pages: one fragment per `ocr_carea` block (or per
 * `ocr_par` when the file has no areas), words joined by spaces, lines by `\n`, `bbox` → box, `ocr_page` bbox →
 * page size and its `image` property → the scan reference. hOCR is HTML, so it goes through htmlparser2, never
 * through an XML parser with entities.
 */
export interface HocrOptions { firstPage: number; sourceName?: string }

interface Node { type: string; name?: string; attribs?: Record<string, string>; children?: Node[]; data?: string }

function classes(n: Node): string[] {
  return (n.attribs?.class ?? '').split(/\s+/).filter(Boolean);
}

function hasClass(n: Node, ...names: string[]): boolean {
  const c = classes(n);
  return names.some((x) => c.includes(x));
}

/** A property from an hOCR `title` ("bbox 1 2 3 4; image 'a.png'"). */
export function hocrProperty(title: string | undefined, key: string): string | undefined {
  for (const part of (title ?? '').split(';')) {
    const t = part.trim();
    if (t.startsWith(key + ' ')) return t.slice(key.length + 1).trim();
  }
  return undefined;
}

function bbox(n: Node): Box | undefined {
  const v = hocrProperty(n.attribs?.title, 'bbox');
  if (!v) return undefined;
  const [x0, y0, x1, y1] = v.split(/\s+/).map(Number);
  if (![x0, y0, x1, y1].every(Number.isFinite) || x1 < x0 || y1 < y0) return undefined;
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

function elements(n: Node): Node[] {
  return (n.children ?? []).filter((c) => c.type === 'tag');
}

function findAll(n: Node, pred: (x: Node) => boolean, stopInside = true): Node[] {
  const out: Node[] = [];
  const walk = (x: Node) => {
    for (const c of elements(x)) {
      if (pred(c)) { out.push(c); if (stopInside) continue; }
      walk(c);
    }
  };
  walk(n);
  return out;
}

function plainText(n: Node): string {
  if (n.type === 'text') return n.data ?? '';
  return (n.children ?? []).map(plainText).join('');
}

const LINE_CLASSES = ['ocr_line', 'ocrx_line', 'ocr_textfloat', 'ocr_header', 'ocr_caption'];

function lineText(line: Node): string {
  const words = findAll(line, (x) => hasClass(x, 'ocrx_word'));
  const raw = words.length ? words.map((w) => plainText(w).trim()).filter(Boolean).join(' ') : plainText(line);
  return raw.replace(/\s+/g, ' ').trim();
}

function blockText(block: Node): string {
  const lines = findAll(block, (x) => hasClass(x, ...LINE_CLASSES));
  if (!lines.length) return plainText(block).replace(/[ \t]+/g, ' ').split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
  return lines.map(lineText).filter(Boolean).join('\n');
}

/** Refuses absurd nesting before a DOM is built (the walks below recurse; real hOCR nests about 8 deep). */
function checkDepth(html: string): void {
  let depth = 0;
  const parser = new Parser({
    onopentag: () => {
      if (++depth > MAX_XML_DEPTH) throw new XmlRefusedError(`The hOCR file nests elements more than ${MAX_XML_DEPTH} deep; Galley refuses it as broken or hostile.`);
    },
    onclosetag: () => { depth--; },
  });
  parser.end(html);
}

export function partFromHocr(html: string, opts: HocrOptions): ImportedPart {
  checkXmlSize(html);
  checkDepth(html);
  const doc = parseDocument(html, { lowerCaseAttributeNames: true }) as unknown as Node;
  const part = emptyPart();
  let pages = findAll(doc, (x) => hasClass(x, 'ocr_page'));
  if (!pages.length) { pages = [doc]; part.warnings.push('The hOCR file has no ocr_page; read as one page.'); }
  pages.forEach((pageEl, i) => {
    const pageId = `p${opts.firstPage + i}`;
    let blocks = findAll(pageEl, (x) => hasClass(x, 'ocr_carea'));
    if (!blocks.length) blocks = findAll(pageEl, (x) => hasClass(x, 'ocr_par'));
    if (!blocks.length) blocks = findAll(pageEl, (x) => hasClass(x, ...LINE_CLASSES));
    let original = '';
    const fragments: Fragment[] = [];
    for (const b of blocks) {
      const text = blockText(b);
      if (!text) continue;
      if (original) original += '\n\n';
      const start = original.length;
      original += text;
      const box = bbox(b);
      fragments.push({
        id: `${pageId}.${fragments.length + 1}`, page: pageId, spans: [{ start, end: original.length }], text,
        role: hasClass(b, 'ocr_caption') ? 'caption' : hasClass(b, 'ocr_header') ? 'headline' : 'body', ...(box ? { box } : {}),
      });
    }
    const pbox = pageEl === doc ? undefined : bbox(pageEl);
    const page: Page = {
      id: pageId, label: String(opts.firstPage + i), original, encoding: 'utf-8', markup: [], fragments,
      ...(opts.sourceName ? { source: { name: opts.sourceName, format: 'hocr' } } : {}),
      ...(pbox && pbox.w > 0 && pbox.h > 0 ? { size: { width: pbox.x + pbox.w, height: pbox.y + pbox.h } } : {}),
    };
    part.pages.push(page);
    const image = hocrProperty(pageEl.attribs?.title, 'image')?.replace(/^["']|["']$/g, '');
    if (image) part.images.push({ pageId, href: image });
  });
  return part;
}
