import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { marked } from 'marked';

/** Readers that get the paragraph texts back out of exported files, independently of the exporters' code. */

/**
 * Markdown as a Markdown renderer shows it (marked, GFM): the text of the h2–h6 and p elements, in order.
 * The `# issue title` (h1) is skipped.
 */
export function readMarkdownRendered(md: string): string[] {
  const html = marked.parse(md, { async: false, gfm: true });
  const dom = parseDocument(html);
  return DomUtils.findAll((e) => ['h2', 'h3', 'h4', 'h5', 'h6', 'p'].includes(e.name), dom.children).map((e) =>
    DomUtils.textContent(e),
  );
}

export function readText(txt: string): string[] {
  return txt
    .split(/\n{2,}/)
    .map((s) => s.replace(/\n$/, ''))
    .filter((s) => s !== '');
}

/** Text of h2, h3 and p elements of `<main>` in document order, entities decoded (as a browser shows them). */
export function readHtml(html: string): string[] {
  const dom = parseDocument(html);
  const main = DomUtils.findOne((e) => e.name === 'main', dom.children)!;
  return DomUtils.findAll((e) => ['h2', 'h3', 'p'].includes(e.name) && e.attribs.class !== 'meta', main.children).map(
    (e) => DomUtils.textContent(e),
  );
}

export function htmlElements(html: string): Element[] {
  return DomUtils.findAll(() => true, parseDocument(html).children);
}

type Node = Record<string, unknown>;
const ordered = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  trimValues: false,
  processEntities: true,
});

function walk(nodes: Node[], visit: (name: string, children: Node[]) => void): void {
  for (const n of nodes) {
    for (const key of Object.keys(n)) {
      if (key === ':@' || key === '#text') continue;
      const children = n[key] as Node[];
      visit(key, children);
      walk(children, visit);
    }
  }
}

function runText(children: Node[]): string {
  let t = '';
  walk(children, (name, c) => {
    if (name === 'w:t') t += c.map((x) => String(x['#text'] ?? '')).join('');
    if (name === 'w:br') t += '\n';
  });
  return t;
}

/** Paragraph texts of `word/document.xml` (runs joined, `w:br` as a line break); empty paragraphs skipped. */
export function readDocx(data: Uint8Array): { paragraphs: string[]; xml: string } {
  const xml = strFromU8(unzipSync(data)['word/document.xml']);
  const paragraphs: string[] = [];
  walk(ordered.parse(xml) as Node[], (name, children) => {
    if (name !== 'w:p') return;
    const text = runText(children);
    if (text.trim()) paragraphs.push(text); // a page-break paragraph holds only a break
  });
  return { paragraphs, xml };
}

export function isWellFormed(xml: string): boolean {
  return XMLValidator.validate(xml) === true;
}

/** Texts of the named NITF elements, in document order. */
export function readNitf(xml: string, names: readonly string[]): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  walk(ordered.parse(xml) as Node[], (name, children) => {
    if (!names.includes(name)) return;
    out.push({ name, text: children.map((c) => String(c['#text'] ?? '')).join('') });
  });
  return out;
}

export function unzip(data: Uint8Array): { name: string; data: Uint8Array }[] {
  return Object.entries(unzipSync(data)).map(([name, d]) => ({ name, data: d }));
}

export { strFromU8 };
