import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ExportDocument, ExportParagraph } from '@shared/export/build';
import { renderDocumentFormat, type DocumentFormatId } from '@shared/export/formats';
import { ROLES } from '@shared/model/schema';
import { sampleBase } from './sample-issue';
import { isWellFormed, readDocx, readHtml, readMarkdownRendered, readNitf, strFromU8 } from './read-back';

/**
 * Generated export documents with hostile text (markup, Markdown syntax, entities, control characters, lone
 * surrogates, astral Han, emoji, CR/LF): every format reads back every character, except the characters a
 * format cannot hold, which are counted in its warnings.
 */
const PIECES = [
  '的',
  '是',
  '𠮷',
  '😀',
  'e\u0301',
  'abc',
  '12',
  ' ',
  '\n',
  '\r',
  '\t',
  '\u3000',
  '<',
  '>',
  '&',
  '"',
  "'",
  '&amp;',
  '<script>',
  '</p>',
  '#',
  '## ',
  '> ',
  '- ',
  '1. ',
  '---',
  '*',
  '_',
  '`',
  '[',
  ']',
  '|',
  '\\',
  '\u0000',
  '\u000b',
  '\u001f',
  '\uFFFE',
  '\uD800',
  '\uDC00',
  '\u00ad',
  '\u200b',
];
const text = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 25 })
  .map((a) => a.join(''))
  .filter((t) => t.trim() !== '' && t.replace(/[\s\u0000-\u001f\uFFFE\uD800-\uDFFF]/g, '') !== '');
const para = fc
  .record({ role: fc.constantFrom(...ROLES), text })
  .map((p): ExportParagraph => ({ ...p, fragments: [] }));
const docArb = fc
  .array(fc.array(para, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 })
  .map((arts): ExportDocument => ({
    format: 'galley-export',
    version: 1,
    issue: { id: 'i', title: 'T', pages: [{ id: 'p', label: '1' }] },
    articles: arts.map((paragraphs, i) => ({ id: `a${i}`, title: `A${i}`, pages: ['1'], status: 'draft', paragraphs })),
    unassigned: [],
    discarded: [],
  }));

const INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const strip = (t: string) => t.replace(INVALID, '');
const invalidCount = (d: ExportDocument) =>
  d.articles.reduce((n, a) => n + a.paragraphs.reduce((m, p) => m + (p.text.match(INVALID)?.length ?? 0), 0), 0);
const reported = (warnings: string[]) => warnings.reduce((n, w) => n + Number(/removed (\d+)/.exec(w)?.[1] ?? 0), 0);
/** Whitespace is layout in every format (CR becomes LF in HTML, a Markdown paragraph is one line). */
const visible = (t: string) => t.replace(/\s+/g, '');
const issue = sampleBase();
const out = async (d: ExportDocument, f: DocumentFormatId, split = false) =>
  renderDocumentFormat(d, issue, f, { split });
const asString = (x: string | Uint8Array) => (typeof x === 'string' ? x : strFromU8(x));

describe('exports lose no character of generated hostile text', () => {
  it('md, txt and html read back every paragraph in order', async () => {
    await fc.assert(
      fc.asyncProperty(docArb, async (d) => {
        const paras = d.articles.flatMap((a) => a.paragraphs.map((p) => p.text));
        const md = asString((await out(d, 'md')).files[0].data);
        expect(readMarkdownRendered(md).map(visible)).toEqual(paras.map(visible));
        const txt = asString((await out(d, 'txt')).files[0].data);
        expect(visible(txt)).toBe(visible(paras.join('')));
        const html = await out(d, 'html');
        expect(readHtml(asString(html.files[0].data)).map(visible)).toEqual(paras.map((p) => visible(strip(p))));
        expect(reported(html.warnings)).toBe(invalidCount(d));
      }),
      { numRuns: 200 },
    );
  });

  it('docx and nitf are valid XML, read back every paragraph, and report what they stripped', async () => {
    await fc.assert(
      fc.asyncProperty(docArb, async (d) => {
        const paras = d.articles.flatMap((a) => a.paragraphs.map((p) => p.text));
        const docx = await out(d, 'docx');
        const back = readDocx(docx.files[0].data as Uint8Array);
        expect(isWellFormed(back.xml)).toBe(true);
        expect(back.paragraphs.map(visible)).toEqual(paras.map((p) => visible(strip(p))).filter((p) => p !== ''));
        expect(reported(docx.warnings)).toBe(invalidCount(d));
        const nitf = await out(d, 'nitf', true);
        let seen = '';
        nitf.files.forEach((f, i) => {
          const xml = asString(f.data);
          expect(isWellFormed(xml)).toBe(true);
          // Without a headline, hl1 carries the article title (not paragraph text).
          const hasHeadline = d.articles[i].paragraphs.some((p) => p.role === 'headline');
          seen += readNitf(xml, [
            ...(hasHeadline ? ['hl1'] : []),
            'hl2',
            'byline',
            'dateline',
            'p',
            'media-caption',
            'media-producer',
          ])
            .map((e) => e.text)
            .join('');
        });
        // NITF moves head roles into body.head: compare the multiset of visible characters. Strip each paragraph
        // before joining: two lone halves in adjacent paragraphs would otherwise join into one valid pair.
        expect([...visible(seen)].sort()).toEqual([...visible(paras.map(strip).join(''))].sort());
        expect(reported(nitf.warnings)).toBe(invalidCount(d));
      }),
      { numRuns: 40 },
    );
  });
});
