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
export interface HocrOptions {
  firstPage: number;
  sourceName?: string;
}

interface Node {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  data?: string;
}

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
      if (pred(c)) {
        out.push(c);
        if (stopInside) continue;
      }
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

/** Elements whose content is never page text (htmlparser2 gives `<script>`/`<style>` types of their own). */
const NOT_TEXT = new Set(['head', 'title', 'template', 'noscript']);

function isTextTag(n: Node): boolean {
  return n.type === 'tag' && !NOT_TEXT.has(n.name ?? '');
}

/** A word's text, set apart from what precedes it by a space (adjacent word spans are separate words). */
function appendWord(out: { s: string }, word: Node): void {
  const w = plainText(word).trim();
  if (!w) return;
  if (out.s && !/\s$/.test(out.s)) out.s += ' ';
  out.s += w;
}

/** Inline text of `n`: words and any text between or around them, in document order (none is dropped). */
function appendInline(out: { s: string }, n: Node): void {
  for (const c of n.children ?? []) {
    if (c.type === 'text') out.s += c.data ?? '';
    else if (!isTextTag(c)) continue;
    else if (hasClass(c, 'ocrx_word')) appendWord(out, c);
    else if (c.name === 'br') out.s += '\n';
    else appendInline(out, c);
  }
}

function lineText(line: Node): string {
  const out = { s: '' };
  appendInline(out, line);
  return out.s.replace(/\s+/g, ' ').trim();
}

/**
 * The lines of a block: its `ocr_line`s, and the text outside them (a paragraph without line spans, a caption
 * typed straight into the block) as lines of its own, in document order.
 */
function blockLines(block: Node): string[] {
  const lines: string[] = [];
  const loose = { s: '' };
  const flush = () => {
    for (const l of loose.s.split('\n')) {
      const t = l.replace(/\s+/g, ' ').trim();
      if (t) lines.push(t);
    }
    loose.s = '';
  };
  const walk = (n: Node) => {
    for (const c of n.children ?? []) {
      if (c.type === 'text') loose.s += c.data ?? '';
      else if (!isTextTag(c)) continue;
      else if (hasClass(c, ...LINE_CLASSES)) {
        flush();
        const t = lineText(c);
        if (t) lines.push(t);
      } else if (hasClass(c, 'ocrx_word')) appendWord(loose, c);
      else if (c.name === 'br') loose.s += '\n';
      else walk(c);
    }
  };
  walk(block);
  flush();
  return lines;
}

/**
 * A page cut into segments: each block (`isBlock`) is one, and the text between blocks (outside any block) is
 * gathered into segments of its own, so that nothing on the page is dropped.
 */
function pageSegments(pageEl: Node, isBlock: (n: Node) => boolean): { block?: Node; text: string }[] {
  const segs: { block?: Node; text: string }[] = [];
  let loose: Node[] = [];
  const flush = () => {
    if (!loose.length) return;
    const text = blockLines({ type: 'tag', name: 'div', children: loose }).join('\n');
    if (text) segs.push({ text });
    loose = [];
  };
  const walk = (n: Node) => {
    for (const c of n.children ?? []) {
      if (c.type === 'tag' && isBlock(c)) {
        flush();
        const text = hasClass(c, ...LINE_CLASSES) ? lineText(c) : blockLines(c).join('\n');
        if (text) segs.push({ block: c, text });
      } else if (isTextTag(c) && findAll(c, isBlock).length) walk(c);
      else loose.push(c);
    }
  };
  walk(pageEl);
  flush();
  return segs;
}

/** Refuses absurd nesting before a DOM is built (the walks below recurse; real hOCR nests about 8 deep). */
function checkDepth(html: string): void {
  let depth = 0;
  const parser = new Parser({
    onopentag: () => {
      if (++depth > MAX_XML_DEPTH)
        throw new XmlRefusedError(
          `The hOCR file nests elements more than ${MAX_XML_DEPTH} deep; Galley refuses it as broken or hostile.`,
        );
    },
    onclosetag: () => {
      depth--;
    },
  });
  parser.end(html);
}

export function partFromHocr(html: string, opts: HocrOptions): ImportedPart {
  checkXmlSize(html);
  checkDepth(html);
  const doc = parseDocument(html, { lowerCaseAttributeNames: true }) as unknown as Node;
  const part = emptyPart();
  let pages = findAll(doc, (x) => hasClass(x, 'ocr_page'));
  if (!pages.length) {
    pages = [doc];
    part.warnings.push('The hOCR file has no ocr_page; read as one page.');
  }
  pages.forEach((pageEl, i) => {
    const pageId = `p${opts.firstPage + i}`;
    const levels = [['ocr_carea'], ['ocr_par'], LINE_CLASSES];
    const blockClasses = levels.find((names) => findAll(pageEl, (x) => hasClass(x, ...names)).length) ?? [];
    const isBlock = (x: Node) => blockClasses.length > 0 && hasClass(x, ...blockClasses);
    let original = '';
    const fragments: Fragment[] = [];
    for (const seg of pageSegments(pageEl, isBlock)) {
      if (original) original += '\n\n';
      const start = original.length;
      original += seg.text;
      const b = seg.block;
      const box = b ? bbox(b) : undefined;
      fragments.push({
        id: `${pageId}.${fragments.length + 1}`,
        page: pageId,
        spans: [{ start, end: original.length }],
        text: seg.text,
        role: b && hasClass(b, 'ocr_caption') ? 'caption' : b && hasClass(b, 'ocr_header') ? 'headline' : 'body',
        ...(box ? { box } : {}),
      });
    }
    const pbox = pageEl === doc ? undefined : bbox(pageEl);
    const page: Page = {
      id: pageId,
      label: String(opts.firstPage + i),
      original,
      encoding: 'utf-8',
      markup: [],
      fragments,
      ...(opts.sourceName ? { source: { name: opts.sourceName, format: 'hocr' } } : {}),
      ...(pbox && pbox.w > 0 && pbox.h > 0 ? { size: { width: pbox.x + pbox.w, height: pbox.y + pbox.h } } : {}),
    };
    part.pages.push(page);
    const image = hocrProperty(pageEl.attribs?.title, 'image')?.replace(/^["']|["']$/g, '');
    if (image) part.images.push({ pageId, href: image });
  });
  return part;
}
